"""Render the documentation screenshots from invented demo data: `python tools/screenshots.py`.

Writes docs/screenshots/*.png at 1280x800 (offscreen). Used for the README and to review the UI.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from mindful_desktop.app import main as app_main  # noqa: E402
from mindful_desktop.paths import AppPaths  # noqa: E402
from mindful_desktop.services.context import AppContext  # noqa: E402
from mindful_desktop.ui.main_window import MainWindow  # noqa: E402
from mindful_desktop.ui.theme import apply_theme  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def settle(app: QApplication, until: Callable[[], bool] = lambda: True, ms: int = 8000) -> None:
    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < ms:
        app.processEvents()
        if until():
            break
    for _ in range(5):
        app.processEvents()


def shot(app: QApplication, widget: QWidget, name: str) -> None:
    settle(app)
    widget.grab().save(str(OUT / f"{name}.png"))
    print(f"wrote docs/screenshots/{name}.png")


def fill(ctx: AppContext) -> None:
    for slug in ("before-you-begin", "week-1"):
        ctx.course.set_completed(slug, True)
    ctx.course.save_reflection(
        "week-2",
        "unanswered-message",
        "I texted my sister on Tuesday and heard nothing until Thursday. I spent two days "
        "sure she was angry with me. She had lost her phone.",
    )
    ctx.worksheets.save(
        "action-plan",
        {
            "signs": "Waking at 4 a.m. for a week; cancelling plans; 'what's the point?'",
            "first": "A breathing space, then one small thing: a shower, a short walk.",
            "practice": "The short body scan, lying down, in the afternoon.",
            "activities": "Soup, the park bench, calling Sam, an old film.",
            "people": "Sam (my brother) 07700 900123. Dr Okafor's surgery 0161 496 0000.",
            "professional": "If the signs last two weeks, or my PHQ-9 reaches 10.",
            "reminder": "This has passed before. Small steps count.",
        },
    )
    ctx.crisis.set_country("GB")
    ctx.crisis.add_contact("Sam (my brother)", "07700 900123", "Any time.")
    ctx.crisis.add_contact("Dr Okafor (GP surgery)", "0161 496 0000", "Weekdays 8-6.")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="mindful-shots-")) / "data"
    if app_main(["--data-dir", str(data), "demo-data", "--days", "400", "--seed", "4"]) != 0:
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_theme(app, "light")
    ctx = AppContext.open(AppPaths(data))
    fill(ctx)
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    for page in ("today", "course", "checkin", "journal", "insights", "settings"):
        window.show_page(page)
        shot(app, window, page)
    window.open_lesson("week-2")
    shot(app, window, "lesson")
    dialog = window.open_worksheet("action-plan")
    shot(app, dialog, "worksheet-action-plan")
    dialog.close()
    phq = window.take_questionnaire("phq9")
    for item, value in enumerate([1, 1, 2, 1, 0, 1, 1, 0, 0]):
        phq.answer(item, value)
    phq.submit()
    shot(app, phq, "phq9-result")
    phq.close()
    crisis = window.show_crisis()
    shot(app, crisis, "crisis")
    crisis.close()
    journal = window.page("journal")
    window.show_page("journal")
    journal.search.setText("walk")  # type: ignore[attr-defined]
    settle(app, ms=1200)
    shot(app, window, "journal-search")
    window.show_page("practice")
    practice = window.page("practice")
    if practice.play("breath"):  # type: ignore[attr-defined]
        player = practice._tracker.player  # type: ignore[attr-defined]
        settle(app, lambda: player.duration() > 0)
        player.seek(18_000)
        panel = practice.player_panel  # type: ignore[attr-defined]
        settle(app, lambda: bool(panel.caption.text()) and player.position() > 18_500)
        player.pause()
        shot(app, window, "practice")
    apply_theme(app, "dark")
    window.show_page("today")
    shot(app, window, "today-dark")
    window.close()
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
