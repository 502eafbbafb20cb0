"""Words the app shows in more than one place, written once."""

from __future__ import annotations

DISCLAIMER = (
    "Mindful Desktop is a self-help tool for mindfulness practice and for keeping an eye on "
    "your own mood. It is not a treatment, it can't diagnose anything, and it is not emergency "
    "care. If you take medication for depression, talk with your doctor or prescriber before "
    "changing it, however well you feel."
)

EMERGENCY_HINT = (
    "If you are in danger or thinking about ending your life, please call your local emergency "
    "number now (112 in the EU and many countries, 911 in the US and Canada, 999 in the UK, "
    "000 in Australia) or a crisis line such as 988 in the US. This app can't call for help."
)

PRIVACY = (
    "Everything you write stays on this computer, in one folder that only your user account can "
    "open. The app never connects to the internet: no accounts, no tracking, no update checks."
)

WELCOME_LEAD = (
    "This app guides you through an eight-week course in Mindfulness-Based Cognitive Therapy "
    "(MBCT), a way of practising attention that helps many people who have had depression to "
    "stay well. You go at your own pace, and you can keep a private journal of how you are."
)
