"""The report for a clinician, made from the open journal (the window) or a data folder (the
command line): the bundled course for "where am I", then `report_data.gather`."""

from __future__ import annotations

import datetime as dt

from mindful_desktop.db.database import Database
from mindful_desktop.paths import assets_dir
from mindful_desktop.services.course import load_bundled_course
from mindful_desktop.services.report_data import ReportData, ReportRequest, gather


def gather_report(db: Database, request: ReportRequest, made_on: dt.date) -> ReportData:
    return gather(db, load_bundled_course(assets_dir()), request, made_on)
