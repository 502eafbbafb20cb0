"""The country behind the crisis screen's numbers: asked at the welcome (suggested, never
assumed), named on the screen, and a person's own corrections and order of contacts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from mindful_desktop.domain.crisis import with_article
from mindful_desktop.services.context import AppContext
from mindful_desktop.ui.dialogs.welcome import WelcomeDialog
from mindful_desktop.ui.main_window import MainWindow


def _german_system(ctx: AppContext) -> None:
    ctx.crisis._locale = "de_DE"


@pytest.fixture
def window(open_window: Callable[..., MainWindow]) -> MainWindow:
    return open_window(_german_system)


def test_the_welcome_suggests_the_country_and_the_person_confirms_it(window: MainWindow) -> None:
    crisis = window.ctx.crisis
    assert crisis.country() is None and crisis.suggested_country() == "DE"
    dialog = WelcomeDialog(window.ctx.paths.data_dir, window, crisis)
    assert dialog.country is not None and dialog.country.currentData() == "DE"
    dialog.country.setCurrentIndex(dialog.country.findData("AU"))
    dialog.begin_button.click()
    assert crisis.country() == "AU"


def test_closing_the_welcome_without_a_choice_chooses_nothing(window: MainWindow) -> None:
    crisis = window.ctx.crisis
    dialog = WelcomeDialog(window.ctx.paths.data_dir, window, crisis)
    assert dialog.country is not None
    dialog.country.setCurrentIndex(0)  # "Choose your country…"
    dialog.begin_button.click()
    assert crisis.country() is None


def test_without_a_chosen_country_no_lines_are_shown_as_local(window: MainWindow) -> None:
    crisis = window.show_crisis()
    text = crisis.numbers_text()
    assert "TelefonSeelsorge" not in text  # the locale is German, but nobody chose Germany
    assert "112" in text and "911" in text
    assert crisis.country_label.text() == "Which country are you in?"
    assert crisis.no_country.isVisible() and crisis.country.currentData() == ""


def test_the_screen_names_its_country_and_changes_it_in_place(window: MainWindow) -> None:
    window.ctx.crisis.set_country("IE")
    crisis = window.show_crisis()
    assert crisis.country_label.text() == "Helplines for Ireland"
    assert with_article("United Kingdom") == "the United Kingdom"
    assert not crisis.no_country.isVisible()
    text = " ".join(c.text() for c in crisis.findChildren(type(crisis.country_label)))
    assert "Number last checked" in text
    crisis.country.setCurrentIndex(crisis.country.findData("NZ"))
    assert window.ctx.crisis.country() == "NZ"
    assert crisis.country_label.text() == "Helplines for New Zealand"
    assert "1737" in crisis.numbers_text() and "50808" not in crisis.numbers_text()


def test_a_helpline_can_be_corrected_and_the_correction_comes_first(
    window: MainWindow, qtbot: QtBot
) -> None:
    crisis = window.ctx.crisis
    crisis.set_country("GB")
    card = window.page("settings").crisis  # type: ignore[attr-defined]
    names = [a.text() for a in card.correct_menu.actions()]
    assert names == ["Samaritans: 116 123", "Shout: 85258"]
    dialog = card.correct(crisis.lines()[0])
    assert dialog.name.text() == "Samaritans" and dialog.phone.text() == "116 123"
    qtbot.keyClicks(dialog.note, "my local branch")
    dialog.save()
    [mine] = crisis.contacts()
    assert mine.replaces == "gb-samaritans"
    order = window.show_crisis().numbers_text().splitlines()
    assert order[0].startswith("Samaritans Call 116 123 my local branch")
    assert sum("Samaritans" in line for line in order) == 1  # the bundled one steps aside
    assert [a.text() for a in card.correct_menu.actions()] == ["Shout: 85258"]


def test_own_contacts_can_be_reordered(window: MainWindow) -> None:
    crisis = window.ctx.crisis
    for name in ("Ana", "Ben", "Cleo"):
        crisis.add_contact(name, "123")
    card = window.page("settings").crisis  # type: ignore[attr-defined]
    card.list.setCurrentIndex(card.model.index(2, 0))
    assert card.up_button.isEnabled() and not card.down_button.isEnabled()
    card.up_button.click()
    card.up_button.click()
    assert [c.name for c in crisis.contacts()] == ["Cleo", "Ana", "Ben"]
    assert card.list.currentIndex().row() == 0 and not card.up_button.isEnabled()
