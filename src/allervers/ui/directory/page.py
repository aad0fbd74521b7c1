"""The coordinator's directory page: import data·inclusion's files, see the offices of the rights
for the territory (those without address or phone flagged), search, and add the places the files
lack. Imports run off the UI thread (ui/common/operations.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.directory import DirectoryService, ImportReport, OfficeKind, full_address
from allervers.domain.errors import AllerVersError
from allervers.domain.rights import Organisation
from allervers.messages import describe
from allervers.questionnaire.communes import find
from allervers.services.directory import Directory
from allervers.ui.common.busy import message_label
from allervers.ui.common.styles import DONE_STYLE, ERROR_STYLE
from allervers.ui.directory.texts import entry_gaps, marks, office_name
from allervers.wording import opening_hours_text, phone_text

# The offices of the rights' organisations (the sheet's "Où aller"); France services is a help.
ORGANISATIONS = {o.value for o in Organisation}


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


class DirectoryPage(QWidget):
    def __init__(self, directory: Directory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("directoryPage")
        self._directory = directory
        self.status = QLabel()
        self.status.setObjectName("directoryStatus")
        self.status.setWordWrap(True)
        self.departement = QLineEdit()
        self.departement.setObjectName("directoryDepartement")
        self.departement.setMaxLength(3)
        self.departement.setFixedWidth(60)
        self.import_button = QPushButton(self.tr("&Importer les fichiers data·inclusion…"))
        self.import_button.setObjectName("directoryImport")
        self.import_button.clicked.connect(self.choose_files)
        self.done = message_label("directoryDone", DONE_STYLE)
        self.error = message_label("directoryError", ERROR_STYLE)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Département :")))
        top.addWidget(self.departement)
        top.addWidget(self.import_button)
        top.addStretch(1)

        self.commune = QLineEdit()
        self.commune.setObjectName("directoryCommune")
        self.commune.setMaxLength(5)
        self.commune.setFixedWidth(80)
        self.commune.editingFinished.connect(self.show_offices)
        self.offices = _table(
            "directoryOffices",
            [self.tr("Organisme"), self.tr("Accueil"), self.tr("À compléter")],
        )
        offices_box = QGroupBox(self.tr("Accueils des organismes pour une commune"))
        offices_layout = QVBoxLayout(offices_box)
        commune_row = QHBoxLayout()
        commune_row.addWidget(QLabel(self.tr("Code INSEE de la commune :")))
        commune_row.addWidget(self.commune)
        commune_row.addStretch(1)
        offices_layout.addLayout(commune_row)
        offices_layout.addWidget(self.offices)
        # What the table's last column says, in one sentence with what to do about it.
        self.gaps = message_label("directoryOfficesGaps", ERROR_STYLE)
        offices_layout.addWidget(self.gaps)

        self.search = QLineEdit()
        self.search.setObjectName("directorySearch")
        self.search.setPlaceholderText(self.tr("nom, commune, thématique…"))
        self.search.returnPressed.connect(self.show_search)
        self.results = _table(
            "directoryResults", [self.tr("Service"), self.tr("Où et quand"), self.tr("À noter")]
        )
        search_box = QGroupBox(self.tr("Chercher dans l'annuaire"))
        search_layout = QVBoxLayout(search_box)
        search_layout.addWidget(self.search)
        search_layout.addWidget(self.results)

        self.local = _table(
            "directoryLocal", [self.tr("Fiche locale"), self.tr("Où et quand"), self.tr("À noter")]
        )
        self.name = QLineEdit()
        self.name.setObjectName("localName")
        self.office = QComboBox()
        self.office.setObjectName("localOffice")
        self.office.addItem(self.tr("Autre lieu"), None)
        for kind in OfficeKind:
            self.office.addItem(office_name(kind), kind)
        self.address = QLineEdit()
        self.address.setObjectName("localAddress")
        self.local_commune = QLineEdit()
        self.local_commune.setObjectName("localCommune")
        self.local_commune.setMaxLength(5)
        self.phone = QLineEdit()
        self.phone.setObjectName("localPhone")
        self.hours = QLineEdit()
        self.hours.setObjectName("localHours")
        self.hours.setPlaceholderText(self.tr("ex. Mo-Fr 09:00-12:00 ou « mardi matin »"))
        self.add_button = QPushButton(self.tr("&Ajouter la fiche"))
        self.add_button.setObjectName("localAdd")
        self.add_button.clicked.connect(self.add_local)
        self.remove_button = QPushButton(self.tr("&Retirer la fiche choisie"))
        self.remove_button.setObjectName("localRemove")
        self.remove_button.clicked.connect(self.remove_local)
        form = QFormLayout()
        form.addRow(self.tr("&Nom :"), self.name)
        form.addRow(self.tr("C'est l'&accueil de :"), self.office)
        form.addRow(self.tr("A&dresse :"), self.address)
        form.addRow(self.tr("Code INSEE de la c&ommune :"), self.local_commune)
        form.addRow(self.tr("&Téléphone :"), self.phone)
        form.addRow(self.tr("&Horaires :"), self.hours)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        local_box = QGroupBox(self.tr("Fiches locales (gardées à chaque import)"))
        local_layout = QVBoxLayout(local_box)
        local_layout.addWidget(self.local)
        local_layout.addLayout(form)
        local_layout.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(top)
        layout.addWidget(self.done)
        layout.addWidget(self.error)
        layout.addWidget(offices_box, 1)
        layout.addWidget(search_box, 2)
        layout.addWidget(local_box, 2)
        self.refresh()

    # Showing ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        counts = self._directory.counts()
        last = self._directory.last_import()
        self.status.setText(
            self.tr(
                "{0} services importés ({1} retirés depuis, gardés pour les orientations), "
                "{2} structures, {3} fiches locales. Dernier import : {4}."
            ).format(
                counts["services"],
                counts["archived"],
                counts["structures"],
                counts["local"],
                dt.date.fromisoformat(last[:10]).strftime("%d/%m/%Y") if last else self.tr("aucun"),
            )
        )
        if not self.commune.text():
            self.commune.setText(self._directory.usual_commune() or "")
        if not self.departement.text() and find(self.commune.text()) is not None:
            commune = find(self.commune.text())
            self.departement.setText(commune.department if commune else "")
        self.show_offices()
        self.show_local()

    def show_offices(self) -> None:
        code = self.commune.text().strip()
        found = self._directory.offices_of_commune(code) if code else {}
        self.offices.setRowCount(0)
        lacking = []
        for row, kind in enumerate(OfficeKind):
            entry = found.get(kind)
            gaps = entry_gaps(entry)
            if gaps and kind.value in ORGANISATIONS:
                lacking.append(office_name(kind))
            self.offices.insertRow(row)
            shown = (
                ""
                if entry is None
                else f"{entry.structure_name or entry.name} — {self._where(entry)}"
            )
            for column, text in enumerate((office_name(kind), shown, ", ".join(gaps))):
                item = QTableWidgetItem(text)
                if column == 2 and gaps:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.offices.setItem(row, column, item)
        self.gaps.setText(
            self.tr(
                "Sans adresse ou téléphone : {0}. La feuille du foyer dira où les trouver ; "
                "ajoutez l'accueil en fiche locale ci-dessous pour l'y écrire."
            ).format(" ; ".join(lacking))
            if code and lacking
            else ""
        )

    def show_search(self) -> None:
        self._fill(self.results, self._directory.search(self.search.text()))

    def show_local(self) -> None:
        self._fill(self.local, self._directory.local_entries())

    def _where(self, entry: DirectoryService) -> str:
        parts = [full_address(entry), phone_text(entry.phone)]
        if entry.hours:
            parts.append(opening_hours_text(entry.hours))
        return " – ".join(p for p in parts if p)

    def _fill(self, table: QTableWidget, entries: list[DirectoryService]) -> None:
        today = self._directory.today
        table.setRowCount(0)
        for row, entry in enumerate(entries):
            table.insertRow(row)
            title = entry.name
            if entry.office is not None:
                title = f"{entry.name} ({office_name(entry.office)})"
            elif entry.structure_name and entry.structure_name != entry.name:
                title = f"{entry.name} ({entry.structure_name})"
            for column, text in enumerate(
                (title, self._where(entry), ", ".join(marks(entry, today)))
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                table.setItem(row, column, item)

    # Acting ----------------------------------------------------------------------------------

    def choose_files(self) -> None:
        dialog = QFileDialog(self, self.tr("Fichiers structures et services de data·inclusion"))
        dialog.setObjectName("directoryFiles")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters([self.tr("Fichiers data·inclusion (*.json *.csv)")])
        dialog.filesSelected.connect(lambda files: self.import_files([Path(f) for f in files]))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def import_files(self, files: list[Path]) -> None:
        """On the UI thread, with the wait cursor: run on a pool thread, the import left the
        process to crash later in Qt's event processing (segmentation fault after the result was
        delivered, in tests/ui/test_directory_page.py); a département takes a few seconds."""
        departement = self.departement.text().strip() or None
        self.done.clear()
        self.error.clear()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = self._directory.import_files(files, departement)
        except AllerVersError as error:
            self._failed(error)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._imported(report)

    def _imported(self, report: ImportReport) -> None:
        services = report.services
        self.done.setText(
            self.tr(
                "Annuaire importé : {0} services ajoutés, {1} modifiés, {2} retirés (archivés), "
                "{3} inchangés."
            ).format(services.added, services.changed, services.removed, services.kept)
        )
        self.refresh()

    def _failed(self, error: Exception) -> None:
        self.error.setText(describe(error, QCoreApplication.translate))
        self.refresh()

    def add_local(self) -> None:
        self.done.clear()
        self.error.clear()
        commune = find(self.local_commune.text().strip())
        fields = {
            "nom": self.name.text().strip(),
            "adresse": self.address.text().strip(),
            "code_insee": commune.insee if commune else None,
            "commune": commune.name if commune else None,
            "telephone": self.phone.text().strip(),
            "horaires_accueil": self.hours.text().strip(),
        }
        try:
            kind = self.office.currentData()
            entry = self._directory.add_local(fields, OfficeKind(kind) if kind else None)
        except AllerVersError as error:
            self.error.setText(describe(error, QCoreApplication.translate))
            return
        self.done.setText(self.tr("Fiche locale ajoutée : {0}.").format(entry.name))
        for field in (self.name, self.address, self.local_commune, self.phone, self.hours):
            field.clear()
        self.refresh()

    def remove_local(self) -> None:
        item = self.local.item(self.local.currentRow(), 0)
        if item is None:
            return
        self._directory.archive_local(str(item.data(Qt.ItemDataRole.UserRole)))
        self.done.setText(self.tr("Fiche locale retirée."))
        self.refresh()
