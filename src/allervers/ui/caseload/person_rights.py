"""The person's rights on their data, for the household open in the follow-up panel
(coordinators only): a copy of everything held (RGPD art. 15, the files `allervers person export`
writes) and the erasure of the personal data (art. 17, `allervers person erase`).

The export is written off the UI thread into a folder chosen in Qt's file dialog; the erasure is
confirmed in a question whose default answer is Annuler.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGroupBox, QMessageBox, QPushButton, QVBoxLayout, QWidget

from allervers.domain.errors import AllerVersError
from allervers.messages import describe
from allervers.services.retention import RetentionService
from allervers.ui.common.choosers import choose_folder
from allervers.ui.common.operations import run_in_background

# Called by this name so that pyside6-lupdate finds the strings (translations/update.sh).
translate = QCoreApplication.translate


def erase_question_text(name: str | None) -> str:
    if name:
        return translate("PersonRights", "Effacer les données personnelles de {0} ?").format(name)
    return translate("PersonRights", "Effacer les données personnelles de ce foyer ?")


def erase_details() -> str:
    """What goes and what stays, as RetentionService.erase does it."""
    return translate(
        "PersonRights",
        "Seront effacés pour de bon : le nom, l'adresse, le téléphone, les réponses aux "
        "entretiens, les raisons du non-recours, les notes et les contacts des orientations. "
        "Le foyer quittera le suivi des dossiers.\n\n"
        "Resteront, sans rien qui désigne la personne, les comptes anonymes des chiffres : "
        "portes frappées, commune, nombre de personnes, droits repérés et ouverts.\n\n"
        "Cet effacement ne peut pas être annulé. Si la personne veut une copie de ses données, "
        "exportez-les d'abord.",
    )


class PersonRightsBox(QGroupBox):
    """The two actions, for the household set by `set_household`. `done` and `failed` carry the
    sentence to show; `erased` the household whose personal data are gone."""

    done = Signal(str)
    failed = Signal(str)
    erased = Signal(str)  # household id

    def __init__(self, retention: RetentionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personRights")
        self.setTitle(self.tr("Données de la personne (RGPD)"))
        self._retention = retention
        self._folder = Path.home()
        self.household_id: str | None = None
        self.name: str | None = None
        self.export_button = QPushButton(self.tr("E&xporter les données de la personne…"))
        self.export_button.setObjectName("exportPersonButton")
        self.export_button.clicked.connect(self.export)
        self.erase_button = QPushButton(self.tr("E&ffacer les données personnelles…"))
        self.erase_button.setObjectName("erasePersonButton")
        self.erase_button.clicked.connect(self.ask_erase)
        column = QVBoxLayout(self)
        column.addWidget(self.export_button)
        column.addWidget(self.erase_button)

    def set_household(self, household_id: str | None, name: str | None) -> None:
        self.household_id = household_id
        self.name = name

    def _set_busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        self.erase_button.setEnabled(not busy)

    # Right of access (art. 15)

    def export(self) -> None:
        household_id = self.household_id
        if household_id is None:
            return
        choice = choose_folder(
            self,
            self.tr("Dossier où écrire les données de la personne"),
            self._folder,
            "personExportFolder",
        )
        choice.chosen.connect(lambda folder: self._write(household_id, folder))

    def _write(self, household_id: str, folder: Path) -> None:
        self._folder = folder
        self._set_busy(True)
        self.done.emit(self.tr("Export des données en cours…"))
        retention = self._retention
        run_in_background(
            self,
            self.tr("Export des données de la personne"),
            lambda: retention.write_person_files(household_id, folder, QCoreApplication.translate),
            self._written,
            self._failed,
        )

    def _written(self, paths: tuple[Path, Path]) -> None:
        self._set_busy(False)
        json_path, pdf_path = paths
        self.done.emit(
            self.tr("Données de la personne écrites dans {0} : {1} et {2}.").format(
                json_path.parent, json_path.name, pdf_path.name
            )
        )

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.done.emit("")
        self.failed.emit(describe(error, QCoreApplication.translate))

    # Right to erasure (art. 17)

    def ask_erase(self) -> None:
        household_id = self.household_id
        if household_id is None:
            return
        question = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Effacer les données personnelles"),
            erase_question_text(self.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        question.setObjectName("confirmErasePerson")
        question.setInformativeText(erase_details())
        erase = question.button(QMessageBox.StandardButton.Yes)
        erase.setText(self.tr("&Effacer"))
        cancel = question.button(QMessageBox.StandardButton.Cancel)
        cancel.setText(self.tr("&Annuler"))
        question.setDefaultButton(QMessageBox.StandardButton.Cancel)
        question.setEscapeButton(QMessageBox.StandardButton.Cancel)
        question.finished.connect(question.deleteLater)
        question.buttonClicked.connect(
            lambda button: (
                self._erase(household_id)
                if question.standardButton(button) == QMessageBox.StandardButton.Yes
                else None
            )
        )
        question.open()

    def _erase(self, household_id: str) -> None:
        try:
            self._retention.erase(household_id)
        except (AllerVersError, OSError) as error:
            self.failed.emit(describe(error, QCoreApplication.translate))
            return
        self.erased.emit(household_id)
