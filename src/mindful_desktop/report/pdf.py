"""Writing the report as a PDF file, whole or not at all, and choosing the paper size."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter

from mindful_desktop import APP_NAME
from mindful_desktop.errors import DiskFullError, KnownError
from mindful_desktop.report.document import paint_report
from mindful_desktop.services.report_data import ReportData, report_date

A4, LETTER = "a4", "letter"
PAPERS = (A4, LETTER)
# Where Letter is the usual paper (CLDR's territories for US-Letter); A4 everywhere else.
_LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PA", "PR", "SV", "NI", "BZ", "DO"}
)
MARGIN_MM = 18.0


class ReportNotSavedError(KnownError):
    title = "The report wasn't saved"


def paper_for_locale(name: str) -> str:
    """'en_US' -> letter, 'de_DE' -> a4 (the territory decides, not the language)."""
    parts = name.replace("-", "_").split(".")[0].split("_")
    territory = parts[-1].upper() if len(parts) > 1 else ""
    return LETTER if territory in _LETTER_TERRITORIES else A4


def page_layout(paper: str) -> QPageLayout:
    size = QPageSize(QPageSize.PageSizeId.Letter if paper == LETTER else QPageSize.PageSizeId.A4)
    margins = QMarginsF(MARGIN_MM, MARGIN_MM * 0.8, MARGIN_MM, MARGIN_MM * 0.8)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


def prepare(device: QPagedPaintDevice, paper: str) -> None:
    device.setPageLayout(page_layout(paper))


def title_of(data: ReportData) -> str:
    request = data.request
    return f"{APP_NAME}: {report_date(request.start)} – {report_date(request.end)}"


def write_pdf(data: ReportData, out: Path, paper: str = A4) -> int:
    """Write the report to `out` through a file beside it, swapped in only when whole.
    Returns the page count; the environment's failures come out as KnownError."""
    out = out.expanduser()
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ReportNotSavedError(f"There is no folder {folder} to save the report in.")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=".report-", suffix=".pdf", dir=folder)
    except OSError as exc:
        raise _explained(exc, folder) from exc
    os.close(fd)
    temp = Path(temp_name)
    try:
        writer = QPdfWriter(str(temp))
        writer.setResolution(300)
        writer.setCreator(APP_NAME)
        writer.setTitle(title_of(data))
        prepare(writer, paper)
        pages = paint_report(writer, data)
        del writer  # closes the file
        with open(temp, "rb+") as written:
            if written.seek(0, os.SEEK_END) == 0:
                raise DiskFullError(f"Nothing could be written in {folder}; the disk may be full.")
            os.fsync(written.fileno())
        os.replace(temp, out)
    except OSError as exc:
        raise _explained(exc, out) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    return pages


def _explained(exc: OSError, where: Path) -> KnownError:
    import errno

    if exc.errno == errno.ENOSPC:
        return DiskFullError(f"There is no room left to save the report in {where}.")
    reason = exc.strerror or str(exc)
    return ReportNotSavedError(f"It couldn't be written to {where}: {reason}. Nothing was changed.")
