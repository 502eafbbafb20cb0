"""PHQ-9 item 9, remembered: when Today's follow-up note is due, and its words.

After any answer above "not at all" on item 9 (given in the form, even if it was never
submitted, or in a saved result), Today asks how the person is until they hide the note; an
answer like it after they hid it brings the note back.
"""

from __future__ import annotations

import datetime as dt

FOLLOWUP_TITLE = "How are you doing?"

FOLLOWUP_OFFER = (
    "If those thoughts are with you now, your safety plan can take you through the next hour "
    "one small step at a time, and Crisis support lists people you can talk to today. You "
    "don't have to wait until things feel worse to reach out."
)

FOLLOWUP_PRIVACY = (
    "Nobody sees your answers: they stay on this computer. The app can't call for help or let "
    "anyone know how you are, so if you need someone, contacting them yourself is the step "
    "that matters."
)

FOLLOWUP_HIDE_HINT = "You can hide this note whenever you like."


def followup_due(answered: dt.datetime | None, hidden: dt.datetime | None) -> bool:
    """Whether the note shows: an item-9 answer above "not at all" after it was last hidden."""
    return answered is not None and (hidden is None or answered > hidden)


def followup_lead(answered_on: dt.date, today: dt.date) -> str:
    """The note's first sentence, naming the day of the answer in plain words."""
    days = (today - answered_on).days
    if days <= 0:
        when = "Earlier today"
    elif days == 1:
        when = "Yesterday"
    elif answered_on.year == today.year:
        when = f"On {answered_on:%A} {answered_on.day} {answered_on:%B}"
    else:
        when = f"On {answered_on.day} {answered_on:%B %Y}"
    return (
        f"{when}, in the PHQ-9, you said you'd been having thoughts of being better off dead "
        "or of hurting yourself. How are you today?"
    )
