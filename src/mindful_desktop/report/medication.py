"""The report's medication section: what was being taken at the end of the period, every
change and effect noticed in it, the open questions for the appointment and when it is."""

from __future__ import annotations

from mindful_desktop.domain.medication import KIND_WORDS, NOTICED
from mindful_desktop.report.html import e, h2, p, paragraphs, table
from mindful_desktop.services.medication_data import EventView
from mindful_desktop.services.report_data import ReportData, report_date

TITLE = "Medication, and questions for my appointment"


def _what(event: EventView) -> str:
    if event.kind == NOTICED:
        return "Effect noticed"
    text = KIND_WORDS.get(event.kind, event.kind)
    if event.dose:
        text += f" to {event.dose}" if event.kind != "started" else f" at {event.dose}"
    return text + (f", agreed with {event.agreed_with}" if event.agreed_with else "")


def medication_html(data: ReportData) -> str:
    section = data.medication
    if section is None:
        return ""
    request = data.request
    parts = [
        h2(TITLE),
        p("As I noted them myself: the app records what I write and advises nothing.", True),
    ]
    if section.taking:
        end = e(report_date(request.end))
        rows = [
            [
                e(m.name),
                e(m.dose or "–"),
                e(m.schedule or "–"),
                e(report_date(m.started_on)) if m.started_on else "–",
            ]
            for m in section.taking
        ]
        parts.append(p(f"Taking on {end}:"))
        parts.append(table(["Medication", "Dose", "When", "Since"], rows, [30, 20, 30, 20]))
    if section.events:
        rows = [
            [
                e(report_date(ev.day)),
                e(ev.name or "–"),
                e(_what(ev)),
                paragraphs(ev.note),
            ]
            for ev in section.events
        ]
        parts.append(p("Changes and effects noticed in this period:"))
        parts.append(table(["Date", "Medication", "What", "Note"], rows, [15, 18, 30, 37]))
    else:
        parts.append(p("No medication changes or effects were noted in this period."))
    appointment = section.next_appointment
    if appointment is not None:
        who = f" with {e(appointment.with_whom)}" if appointment.with_whom else ""
        parts.append(p(f"Next appointment: <b>{e(report_date(appointment.day))}</b>{who}."))
    if section.questions:
        items = "".join(f"<li>{paragraphs(q.body)}</li>" for q in section.questions)
        parts.append(p("<b>Questions for my appointment</b>") + f"<ul>{items}</ul>")
    else:
        parts.append(p("No open questions noted for the appointment."))
    return "".join(parts)
