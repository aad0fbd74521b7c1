"""Up to three services near home for the household's needs, under its rights: pistes to check
with each place, never a promise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from allervers.domain.directory import Piste
from allervers.domain.errors import AllerVersError
from allervers.domain.rights import Organisation
from allervers.messages import describe
from allervers.ui.directory.texts import piste_text
from allervers.wording import organisation_short_name

BOX_STYLE = "QFrame#pistesBox { border: 1px solid #c8c8c8; border-radius: 4px; }"


class PistesBox(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pistesBox")
        self.setStyleSheet(BOX_STYLE)
        self.title = QLabel(
            self.tr("Près de chez vous, pour les besoins notés (pistes à vérifier)")
        )
        self.title.setObjectName("pistesTitle")
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.items = QLabel()
        self.items.setObjectName("pistesItems")
        self.items.setWordWrap(True)
        self.items.setTextFormat(Qt.TextFormat.PlainText)  # imported text: never markup
        self.items.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.offices = QLabel()  # said when a sheet is saved with offices lacking details
        self.offices.setObjectName("pistesOffices")
        self.offices.setWordWrap(True)
        self.offices.setStyleSheet("QLabel { color: #b00020; }")
        self.offices.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.addWidget(self.offices)
        layout.addWidget(self.title)
        layout.addWidget(self.items)
        self.hide()

    def show_pistes(self, pistes: Sequence[Piste], today: dt.date) -> None:
        self.items.setText("\n".join(f"• {piste_text(p, today)}" for p in pistes))
        for label in (self.title, self.items):
            label.setVisible(bool(pistes))
        self.setVisible(bool(pistes) or bool(self.offices.text()))

    def warn_offices(self, found: Any) -> None:
        """After a sheet is saved: which flagged rights' offices lack an address or a phone."""
        self.offices.setText(incomplete_offices_text(found).strip())
        self.offices.setVisible(bool(self.offices.text()))
        self.setVisible(self.items.isVisibleTo(self) or self.offices.isVisibleTo(self))


def incomplete_offices_text(found: Any) -> str:
    """Said, on a new line, to whoever saves a sheet whose offices lack an address or a phone
    (`found`: services.directory.SheetDirectory, or None); empty when nothing lacks."""
    organisations: Sequence[Organisation] = found.incomplete if found is not None else ()
    if not organisations:
        return ""
    names = ", ".join(organisation_short_name(o) for o in organisations)
    return "\n" + QCoreApplication.translate(
        "PistesBox",
        "L'annuaire n'a pas l'adresse ou le téléphone de l'accueil : {0}. La feuille dit où les "
        "trouver ; complétez-les dans la page Annuaire.",
    ).format(names)


def read_directory(service: Any, panel: Any, box: PistesBox) -> tuple[Any, dict[Any, Any], str]:
    """For the rights panel: the directory's offices and pistes for its visit (shown in `box`),
    or an error to show; the rights are shown either way."""
    today = dt.date.today()
    try:
        found = service.sheet_directory(panel.visit, panel.stored)
    except AllerVersError as error:
        box.show_pistes([], today)
        return None, {}, describe(error, QCoreApplication.translate)
    box.show_pistes(found.pistes, today)
    return found, dict(found.places), ""
