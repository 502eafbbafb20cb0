"""The report as pages: a QTextDocument of the chosen sections (tables and words as HTML, the
charts as objects drawn by `charts` at print resolution), laid out on any paged device (a PDF
writer or a printer), with the period in a header and the self-monitoring note, the
instruments' attribution and the page number in a footer on every page.

Ink and paper are fixed colours, so the report is the same in the light and the dark theme;
everything printed comes from `ReportData` and the date it was made, so the same journal and
choices give the same pages.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QPalette,
    QPyTextObject,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
)

from mindful_desktop import APP_NAME
from mindful_desktop.domain.instruments import ATTRIBUTION, GAD7, PHQ9, Instrument
from mindful_desktop.report.charts import (
    INK,
    MUTED,
    Band,
    BarChart,
    LineChart,
    Marker,
    draw_bar_chart,
    draw_line_chart,
)
from mindful_desktop.report.html import e as _e
from mindful_desktop.report.html import h2 as _h2
from mindful_desktop.report.html import p as _p
from mindful_desktop.report.html import paragraphs as _paragraphs
from mindful_desktop.report.html import table as _table
from mindful_desktop.report.medication import medication_html
from mindful_desktop.services.report_data import (
    COURSE,
    GOAL_DAYS,
    MOOD,
    NOTES,
    PRACTICE,
    QUESTIONNAIRES,
    ReportData,
    ResultRow,
    report_date,
)

CHART_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
CHART_PROPERTY = QTextFormat.Property.UserProperty + 1
BODY_POINTS = 9.5
FOOTER = "Self-monitoring from the person's own journal, not a diagnosis."
_ITEM9 = "thoughts that you would be better off dead, or of hurting yourself in some way"
_ANSWERS = {1: "several days", 2: "more than half the days", 3: "nearly every day"}

Chart = LineChart | BarChart


def _minutes(value: float) -> str:
    whole = round(value)
    return f"{whole:,} minute" + ("" if whole == 1 else "s")


class _ChartHandler(QPyTextObject):
    """Draws chart number N where the document holds an object with that number."""

    def __init__(self, charts: list[Chart], height: float, parent: QObject | None = None):
        super().__init__(parent)
        self.charts = charts
        self.height = height

    def intrinsicSize(self, doc: QTextDocument, _pos: int, _fmt: QTextFormat) -> QSizeF:  # noqa: N802
        return QSizeF(doc.pageSize().width() - 2 * doc.documentMargin() - 2, self.height)

    def drawObject(  # noqa: N802
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        _doc: QTextDocument,
        _pos: int,
        fmt: QTextFormat,
    ) -> None:
        chart = self.charts[int(fmt.property(CHART_PROPERTY))]
        rect = QRectF(rect)
        if isinstance(chart, LineChart):
            draw_line_chart(painter, rect, chart)
        else:
            draw_bar_chart(painter, rect, chart)


def _marker(number: int) -> str:
    return f"@@chart-{number}@@"


class _Builder:
    """Collects the report's HTML in order; each chart is a marker paragraph that `finish`
    swaps for an object the chart handler draws."""

    def __init__(self, charts: list[Chart]) -> None:
        self.parts: list[str] = []
        self.charts = charts

    def html(self, fragment: str) -> None:
        self.parts.append(fragment)

    def chart(self, chart: Chart) -> None:
        self.parts.append(f"<p>{_marker(len(self.charts))}</p>")
        self.charts.append(chart)

    def finish(self, doc: QTextDocument) -> None:
        doc.setHtml("".join(self.parts))
        for number in range(len(self.charts)):
            found = doc.find(_marker(number))
            if found.isNull():
                continue
            fmt = QTextCharFormat()
            fmt.setObjectType(CHART_OBJECT)
            fmt.setProperty(CHART_PROPERTY, number)
            found.insertText("\ufffc", fmt)


def _change_text(row: ResultRow) -> str:
    if row.change is None:
        return "first result"
    if row.change == 0:
        return "no change"
    text = f"{row.change:+d}"
    return f"<b>{text} *</b>" if row.marked else text


def _item9_text(row: ResultRow) -> str:
    if row.item9 is None:
        return "–"
    return f"<b>{_e(_ANSWERS.get(row.item9, str(row.item9)))}</b>" if row.item9 else "not at all"


def _score_chart(data: ReportData, instrument: Instrument) -> LineChart | None:
    rows = data.totals(instrument)
    if not rows:
        return None
    request = data.request
    step = 5 if instrument.max_score > 21 else 3
    return LineChart(
        start=request.start,
        end=max(request.end, request.start + dt.timedelta(days=1)),
        low=0,
        high=instrument.max_score,
        ticks=tuple(float(t) for t in range(0, instrument.max_score + 1, step)),
        dots=tuple((r.day, float(r.total)) for r in rows),
        bands=tuple(
            Band(b.low - 0.5 if b.low else 0, b.high + 0.5, b.label) for b in instrument.bands
        ),
        markers=tuple(
            Marker(r.day, float(r.total), f"{r.change:+d}")
            for r in rows
            if r.marked and r.change is not None
        ),
        connect_dots=True,
    )


def _questionnaires(out: _Builder, data: ReportData) -> None:
    out.html(_h2("PHQ-9 (depression) and GAD-7 (anxiety)"))
    if not data.results:
        out.html(_p("No PHQ-9 or GAD-7 was taken in this period."))
        return
    phq = data.totals(PHQ9)
    if phq:
        flagged = data.item9
        if flagged:
            days = "; ".join(
                f"{report_date(r.day)} ({_ANSWERS.get(r.item9 or 0, str(r.item9))})"
                for r in flagged
            )
            out.html(
                _p(
                    f"<b>PHQ-9 item 9</b> ({_e(_ITEM9)}) was answered above “not at all” on "
                    f"<b>{len(flagged)} of {len(phq)}</b> PHQ-9s in this period: {_e(days)}."
                )
            )
        else:
            out.html(
                _p(
                    f"PHQ-9 item 9 ({_e(_ITEM9)}) was answered “not at all” on each of the "
                    f"{len(phq)} PHQ-9s in this period."
                )
            )
    for instrument in (PHQ9, GAD7):
        chart = _score_chart(data, instrument)
        if chart is not None:
            title = f"<b>{_e(instrument.name)}</b> totals (0–{instrument.max_score})"
            out.html(_p(f"{title}, ranges shaded", muted=True))
            out.chart(chart)
    rows = [
        [
            _e(report_date(r.day)),
            _e(r.instrument.name),
            str(r.total),
            _e(r.band),
            _change_text(r),
        ]
        + (
            [_e(_ANSWERS.get(r.item9, "not at all") if r.item9 else "not at all")]
            if r.item9 is not None
            else ["–"]
        )
        for r in data.results
    ]
    header = ["Date", "Questionnaire", "Total", "Range", "Change", "Item 9"]
    out.html(_table(header, rows, [15, 19, 8, 22, 13, 23]))
    out.html(
        _p(
            f"* a change of {PHQ9.meaningful_change} or more points on the PHQ-9, or "
            f"{GAD7.meaningful_change} or more on the GAD-7, from the result before it: the size "
            "of change these questionnaires treat as meaningful.",
            muted=True,
        )
    )


def _mood(out: _Builder, data: ReportData) -> None:
    mood = data.mood
    if mood is None:
        return
    request = data.request
    days = (request.end - request.start).days + 1
    out.html(_h2("Mood check-ins (0 very low – 10 very good)"))
    if not mood.by_day:
        out.html(_p("No check-ins in this period."))
        return
    mean = mood.mean or 0.0
    out.html(
        _p(
            f"Checked in on <b>{mood.days} of {days}</b> days ({mood.check_ins} check-ins). "
            f"Mean of the daily moods: <b>{mean:.1f}</b>."
        )
    )
    out.html(_p("Dots: each day's mean. Line: the 7-day average.", muted=True))
    out.chart(
        LineChart(
            start=request.start,
            end=max(request.end, request.start + dt.timedelta(days=1)),
            low=0,
            high=10,
            ticks=(0.0, 2.0, 4.0, 6.0, 8.0, 10.0),
            dots=tuple(sorted(mood.by_day.items())),
            line=tuple(sorted(mood.average.items())),
        )
    )


def _practice(out: _Builder, data: ReportData) -> None:
    practice = data.practice
    if practice is None:
        return
    request = data.request
    days = (request.end - request.start).days + 1
    out.html(_h2("Practice"))
    if not practice.sessions:
        out.html(_p("No practice was logged in this period."))
        return
    weeks = practice.weeks
    met = sum(1 for w in weeks if w.days >= GOAL_DAYS)
    out.html(
        _p(
            f"Practised on <b>{practice.days} of {days}</b> days: {_e(_minutes(practice.minutes))} "
            f"in {practice.sessions} sessions. Weeks with practice on {GOAL_DAYS} or more days "
            f"(the course's aim): <b>{met} of {len(weeks)}</b>."
        )
    )
    out.html(
        _p(
            f"Days practised each week (Monday to Sunday); dashed line: {GOAL_DAYS} days.",
            muted=True,
        )
    )
    labels = tuple(f"{w.monday.day} {w.monday:%b}" for w in weeks)
    out.chart(
        BarChart(
            labels=labels,
            values=tuple(float(w.days) for w in weeks),
            high=7,
            goal=GOAL_DAYS,
            ticks=(0.0, 2.0, 4.0, 6.0, 7.0),
            every=max(1, (len(weeks) + 11) // 12),
        )
    )
    shown = practice.by_practice[:8]
    rows = [[_e(title), str(n), _e(_minutes(minutes))] for title, n, minutes in shown]
    rest = practice.by_practice[8:]
    if rest:
        rows.append(
            [
                f"{len(rest)} other practices",
                str(sum(n for _t, n, _m in rest)),
                _e(_minutes(sum(m for _t, _n, m in rest))),
            ]
        )
    out.html(_table(["Practice", "Sessions", "Time"], rows, [60, 15, 25]))


def _course(out: _Builder, data: ReportData) -> None:
    course = data.course
    if course is None:
        return
    out.html(_h2("The course"))
    out.html(
        _p(
            f"Now at: <b>{_e(course.where)}</b>. Lessons completed: {course.completed} of "
            f"{course.lessons}."
        )
    )


def _sheet_html(title: str, updated: dt.date, fields: tuple[tuple[str, str], ...]) -> str:
    parts = [_h2(title), _p(f"As last changed on {_e(report_date(updated))}.", muted=True)]
    for label, value in fields:
        parts.append(f"<p><b>{_e(label)}</b><br>{_paragraphs(value)}</p>")
    return "".join(parts)


def _notes(out: _Builder, data: ReportData) -> None:
    if not data.request.has(NOTES):
        return
    out.html(_h2("My notes from check-ins"))
    if not data.notes:
        out.html(_p("No check-in notes in this period."))
        return
    rows = [[_e(report_date(day)), str(mood), _paragraphs(note)] for day, mood, note in data.notes]
    out.html(_table(["Date", "Mood", "Note"], rows, [16, 8, 76]))


def build_document(data: ReportData) -> tuple[QTextDocument, list[Chart]]:
    doc = QTextDocument()
    font = QFont()
    font.setPointSizeF(BODY_POINTS)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(f"body, p, td, th {{ color: {INK.name()}; }}")
    charts: list[Chart] = []
    out = _Builder(charts)
    request = data.request
    out.html(
        f'<h1 style="font-size: 17pt;">{_e(APP_NAME)}: a summary for my clinician</h1>'
        + _p(
            f"<b>{_e(report_date(request.start))} – {_e(report_date(request.end))}</b> · made "
            f"on {_e(report_date(data.made_on))}"
        )
        + _p(
            "From my own journal, kept on my own computer: check-ins, questionnaires and practice "
            "I recorded myself. It is self-monitoring, not a diagnosis.",
            muted=True,
        )
    )
    if request.note:
        out.html(_h2("A note from me") + f"<p>{_paragraphs(request.note)}</p>")
    if request.has(QUESTIONNAIRES):
        _questionnaires(out, data)
    if request.has(MOOD):
        _mood(out, data)
    if request.has(PRACTICE):
        _practice(out, data)
    out.html(medication_html(data))  # empty unless chosen
    if request.has(COURSE):
        _course(out, data)
    for sheet in data.sheets:
        out.html(_sheet_html(sheet.title, sheet.updated, sheet.fields))
    if data.safety_plan is not None:
        plan = data.safety_plan
        out.html(_sheet_html(plan.title, plan.updated, plan.fields))
    _notes(out, data)
    out.finish(doc)
    return doc, charts


def _fixed_palette(doc: QTextDocument) -> QAbstractTextDocumentLayout.PaintContext:
    context = QAbstractTextDocumentLayout.PaintContext()
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, INK)
    palette.setColor(QPalette.ColorRole.WindowText, INK)
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    context.palette = palette
    return context


def paint_report(device: QPagedPaintDevice, data: ReportData) -> int:
    """Lay the report out on `device` (its page size and margins) and paint every page.
    Returns the number of pages."""
    doc, charts = build_document(data)
    dpi = device.logicalDpiY()
    layout = doc.documentLayout()
    layout.setPaintDevice(device)
    handler = _ChartHandler(charts, 48 / 25.4 * dpi, doc)
    layout.registerHandler(CHART_OBJECT, handler)
    page = QRectF(device.pageLayout().paintRectPixels(device.logicalDpiX()))
    page.moveTo(0, 0)
    small = QFont()
    small.setPointSizeF(7.5)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the page could not be started")
    try:
        painter.setFont(small)
        line = QFontMetricsF(small, device).height()
        header_height = line * 2.2
        footer_lines = _footer_lines()
        footer_box = QFontMetricsF(small, device).boundingRect(
            QRectF(0, 0, page.width() * 0.85, page.height()),
            int(Qt.TextFlag.TextWordWrap),
            "\n".join(footer_lines),
        )
        footer_height = footer_box.height() + line * 1.2
        body = QSizeF(page.width(), page.height() - header_height - footer_height)
        doc.setPageSize(body)
        doc.setDocumentMargin(0)
        count = doc.pageCount()
        context = _fixed_palette(doc)
        for number in range(count):
            if number:
                device.newPage()
            _header(painter, page, data)
            painter.save()
            painter.translate(0, header_height - number * body.height())
            clip = QRectF(0, number * body.height(), body.width(), body.height())
            painter.setClipRect(clip)
            context.clip = clip
            layout.draw(painter, context)
            painter.restore()
            _footer(
                painter, page, footer_box.height(), footer_lines, f"Page {number + 1} of {count}"
            )
    finally:
        painter.end()
    return count


def _footer_lines() -> list[str]:
    return [FOOTER, f"PHQ-9 and GAD-7: {ATTRIBUTION}"]


def _header(painter: QPainter, page: QRectF, data: ReportData) -> None:
    request = data.request
    painter.setPen(MUTED)
    text = (
        f"{APP_NAME} · {report_date(request.start)} – {report_date(request.end)} · made on "
        f"{report_date(data.made_on)}"
    )
    painter.drawText(
        QRectF(page.left(), page.top(), page.width(), page.height()),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
        text,
    )


def _footer(
    painter: QPainter, page: QRectF, height: float, lines: list[str], page_text: str
) -> None:
    painter.setPen(MUTED)
    top = page.bottom() - height
    painter.drawText(
        QRectF(page.left(), top, page.width() * 0.85, height),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
        "\n".join(lines),
    )
    painter.drawText(
        QRectF(page.left(), top, page.width(), height),
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
        page_text,
    )
