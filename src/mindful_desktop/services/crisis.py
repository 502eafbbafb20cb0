"""The crisis screen's data: the user's country and own contacts, with the country's lines."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale, QObject, Signal
from sqlalchemy import func, select

from mindful_desktop.db.database import Database
from mindful_desktop.db.models import CrisisContact
from mindful_desktop.domain.crisis import (
    COUNTRIES,
    Contact,
    ScreenEntry,
    clean_contact,
    default_country,
    screen_entries,
)
from mindful_desktop.errors import InvalidInputError
from mindful_desktop.settings import SettingsStore


@dataclass(frozen=True)
class ContactView:
    id: int
    name: str
    phone: str
    note: str


class CrisisService(QObject):
    changed = Signal()

    def __init__(
        self,
        db: Database,
        settings: SettingsStore,
        locale_name: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._settings = settings
        self._locale = locale_name if locale_name is not None else QLocale.system().name()

    def countries(self) -> list[tuple[str, str]]:
        return [(code, country.name) for code, country in COUNTRIES.items()]

    def country(self) -> str | None:
        """The user's choice; until they choose, a guess from the system's language settings."""
        chosen = self._settings.get("crisis_country")
        if chosen in COUNTRIES:
            return str(chosen)
        return default_country(self._locale)

    def set_country(self, code: str) -> None:
        if code and code not in COUNTRIES:
            raise InvalidInputError(f"There is no list of helplines for {code!r} yet.")
        self._settings.set("crisis_country", code)
        self.changed.emit()

    def contacts(self) -> list[ContactView]:
        with self._db.session() as session:
            rows = session.scalars(
                select(CrisisContact).order_by(CrisisContact.position, CrisisContact.id)
            ).all()
            return [ContactView(r.id, r.name, r.phone, r.note) for r in rows]

    def add_contact(self, name: str, phone: str, note: str = "") -> ContactView:
        contact = self._clean(name, phone, note)
        with self._db.session() as session:
            last = session.execute(select(func.max(CrisisContact.position))).scalar()
            row = CrisisContact(
                name=contact.name,
                phone=contact.phone,
                note=contact.note,
                position=(last or 0) + 1,
            )
            session.add(row)
            session.flush()
            view = ContactView(row.id, row.name, row.phone, row.note)
        self.changed.emit()
        return view

    def update_contact(self, contact_id: int, name: str, phone: str, note: str = "") -> None:
        contact = self._clean(name, phone, note)
        with self._db.session() as session:
            row = session.get(CrisisContact, contact_id)
            if row is None:
                raise InvalidInputError("That contact is no longer in your list.")
            row.name, row.phone, row.note = contact.name, contact.phone, contact.note
        self.changed.emit()

    def remove_contact(self, contact_id: int) -> None:
        with self._db.session() as session:
            row = session.get(CrisisContact, contact_id)
            if row is not None:
                session.delete(row)
        self.changed.emit()

    def entries(self) -> tuple[ScreenEntry, ...]:
        contacts = [Contact(c.name, c.phone, c.note) for c in self.contacts()]
        return screen_entries(self.country(), contacts)

    @staticmethod
    def _clean(name: str, phone: str, note: str) -> Contact:
        try:
            return clean_contact(name, phone, note)
        except ValueError as exc:
            raise InvalidInputError(str(exc)) from exc
