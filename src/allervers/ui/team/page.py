"""The "Équipe et synchronisation" page: this laptop's fingerprint and the laptops of the team,
the sync files prepared and imported, and for the coordinator the invitations, the enrolment of a
volunteer's laptop and the conflicts to settle.

Files travel on a USB key or a shared folder; each is sealed to its recipient and signed
(docs/sync-format.md). Fingerprints are compared by voice, never trusted from a file. Work that
can take time (Argon2id for an invitation, a bundle of thousands of visits) runs off the UI
thread; a refused file changes nothing and says why in French.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.errors import AllerVersError
from allervers.domain.sync import Conflict, MergeReport, Peer
from allervers.domain.users import Role, User
from allervers.messages import role_label
from allervers.services.sync import OutReport, SyncService
from allervers.services.workspace import OpenWorkspace
from allervers.ui.common.busy import BusyIndicator, message_label
from allervers.ui.common.choosers import choose_file
from allervers.ui.common.operations import run_in_background
from allervers.ui.common.styles import DONE_STYLE, ERROR_STYLE
from allervers.ui.team.grace_setting import GraceSetting
from allervers.ui.team.invite_dialog import InviteDialog
from allervers.ui.team.sync_texts import conflict_text, household_text, merge_summary, sync_error

BUNDLE_SUFFIX = ".avsync"
REPLY_SUFFIX = ".avreply"
CONFLICT_ROLE = Qt.ItemDataRole.UserRole
SHOWN_ROWS = 5  # rows of a table shown without scrolling


def fingerprint_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setWeight(QFont.Weight.Bold)
    return font


def _fit_height(table: QTableWidget, rows: int) -> None:
    """The table as tall as its rows (up to SHOWN_ROWS), so the page does not scroll for a
    team of a few laptops and a blank block does not stand where no row is."""
    table.resizeRowsToContents()
    shown = min(max(rows, 1), SHOWN_ROWS)
    height = sum(table.rowHeight(r) for r in range(min(rows, shown)))
    if rows == 0:
        height = table.verticalHeader().defaultSectionSize()
    height += table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 2
    table.setFixedHeight(height)


def _read_only_table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    return table


class SyncPage(QWidget):
    """`changed` fires when records of the workspace changed here (a file imported, a conflict
    settled): the other pages read the workspace again."""

    changed = Signal()

    def __init__(
        self,
        workspace: OpenWorkspace,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncPage")
        self._workspace = workspace
        self._service = SyncService(workspace)
        self._coordinator = workspace.user.is_coordinator
        self._folder = folder or Path.home()  # where the last file was: often a USB key
        self._peers: list[Peer] = []
        self._busy = False

        title = QLabel(self.tr("Équipe et synchronisation"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Les fichiers passent d'un ordinateur à l'autre sur une clé USB ou un dossier "
                "partagé. Chacun est chiffré pour son destinataire et signé : personne d'autre ne "
                "peut le lire ni le modifier sans que cela se voie."
            )
        )
        intro.setWordWrap(True)

        # The team: this laptop and the enrolled ones, with the fingerprints to compare.
        self.own_fingerprint = QLabel()
        self.own_fingerprint.setObjectName("ownFingerprint")
        self.own_fingerprint.setFont(fingerprint_font())
        self.own_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        own_row = QHBoxLayout()
        own_row.addWidget(QLabel(self.tr("Cet ordinateur :")))
        own_row.addWidget(self.own_fingerprint)
        own_row.addStretch(1)
        self.peers_table = _read_only_table(
            "peersTable", [self.tr("Personne"), self.tr("Rôle"), self.tr("Empreinte")]
        )
        self.peers_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.peers_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.peers_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.no_peers = QLabel()
        self.no_peers.setObjectName("noPeers")
        self.no_peers.setWordWrap(True)
        compare = QLabel(
            self.tr(
                "Empreintes à comparer de vive voix (en personne ou par téléphone) avec celles "
                "affichées sur l'autre ordinateur : si elles diffèrent, n'utilisez pas ses fichiers."
            )
        )
        compare.setWordWrap(True)
        compare.setObjectName("compareHint")
        team_box = QGroupBox(self.tr("Ordinateurs de l'équipe"))
        team_layout = QVBoxLayout(team_box)
        team_layout.addLayout(own_row)
        team_layout.addWidget(self.peers_table)
        team_layout.addWidget(self.no_peers)
        team_layout.addWidget(compare)
        self.invite_button: QPushButton | None = None
        self.enrol_button: QPushButton | None = None
        if self._coordinator:
            self.invite_button = QPushButton(self.tr("&Inviter un ou une bénévole…"))
            self.invite_button.setObjectName("inviteVolunteer")
            self.invite_button.clicked.connect(self.invite)
            self.enrol_button = QPushButton(self.tr("I&nscrire un ordinateur…"))
            self.enrol_button.setObjectName("enrolLaptop")
            self.enrol_button.clicked.connect(self.enrol)
            team_buttons = QHBoxLayout()
            team_buttons.addWidget(self.invite_button)
            team_buttons.addWidget(self.enrol_button)
            team_buttons.addStretch(1)
            team_layout.addLayout(team_buttons)
            team_layout.addWidget(GraceSetting(workspace))

        # Sync files: one prepared for the other side, one received from it.
        self.recipient = QComboBox()
        self.recipient.setObjectName("bundleRecipient")
        self.recipient.setMinimumContentsLength(18)
        self.prepare_button = QPushButton()
        self.prepare_button.setObjectName("prepareBundle")
        self.prepare_button.clicked.connect(self.prepare_bundle)
        self.import_button = QPushButton(self.tr("I&mporter un fichier reçu…"))
        self.import_button.setObjectName("importBundle")
        self.import_button.clicked.connect(self.import_bundle)
        send_row = QHBoxLayout()
        if self._coordinator:
            send_row.addWidget(QLabel(self.tr("Préparer un fichier pour")))
            send_row.addWidget(self.recipient)
            self.prepare_button.setText(self.tr("&Enregistrer le fichier…"))
        else:
            self.recipient.setVisible(False)
            self.prepare_button.setText(self.tr("&Préparer un fichier pour la coordination…"))
        send_row.addWidget(self.prepare_button)
        send_row.addStretch(1)
        receive_row = QHBoxLayout()
        receive_row.addWidget(self.import_button)
        receive_row.addStretch(1)
        self.busy = BusyIndicator()
        self.result = message_label("syncResult", DONE_STYLE)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = message_label("syncError", ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        files_box = QGroupBox(self.tr("Synchroniser"))
        files_layout = QVBoxLayout(files_box)
        files_layout.addLayout(send_row)
        files_layout.addLayout(receive_row)
        files_layout.addWidget(self.busy)
        files_layout.addWidget(self.result)
        files_layout.addWidget(self.error)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 20, 24, 20)
        column.addWidget(title)
        column.addWidget(intro)
        column.addWidget(team_box)
        column.addWidget(files_box)

        # Conflicts: the coordinator's to settle.
        self.conflicts_table: QTableWidget | None = None
        self.no_conflicts: QLabel | None = None
        self.keep_button: QPushButton | None = None
        self.take_button: QPushButton | None = None
        self._conflicts: list[Conflict] = []
        if self._coordinator:
            column.addWidget(self._conflicts_box())
        column.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.refresh()

    def _conflicts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Conflits à arbitrer"))
        explain = QLabel(
            self.tr(
                "Une même information a été modifiée ici et sur l'ordinateur d'un ou une "
                "bénévole : la valeur d'ici est gardée en attendant votre choix."
            )
        )
        explain.setWordWrap(True)
        table = _read_only_table(
            "conflictsTable",
            [
                self.tr("Élément"),
                self.tr("Champ"),
                self.tr("Valeur ici"),
                self.tr("Valeur reçue"),
            ],
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.itemSelectionChanged.connect(self._update_buttons)
        self.conflicts_table = table
        self.no_conflicts = QLabel(self.tr("Aucun conflit à arbitrer."))
        self.no_conflicts.setObjectName("noConflicts")
        self.keep_button = QPushButton(self.tr("&Garder la valeur d'ici"))
        self.keep_button.setObjectName("keepLocal")
        self.keep_button.clicked.connect(lambda: self.resolve_selected(take_remote=False))
        self.take_button = QPushButton(self.tr("Prendre la valeur &reçue"))
        self.take_button.setObjectName("takeRemote")
        self.take_button.clicked.connect(lambda: self.resolve_selected(take_remote=True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        buttons.addStretch(1)
        self._conflict_widgets: list[QWidget] = [explain, table, self.keep_button, self.take_button]
        layout = QVBoxLayout(box)
        layout.addWidget(self.no_conflicts)
        layout.addWidget(explain)
        layout.addWidget(table)
        layout.addLayout(buttons)
        return box

    # Reading the workspace

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._busy:
            self.refresh()  # files may have been handled from the command line meanwhile

    def refresh(self) -> None:
        try:
            own = self._service.identity().fingerprint
            self._peers = self._service.peers()
            conflicts = self._service.conflicts() if self._coordinator else []
            users = self._user_names() if conflicts else {}
        except AllerVersError as error:
            self.error.setText(sync_error(error))
            return
        self.own_fingerprint.setText(own)
        self._show_peers()
        self._show_conflicts(conflicts, users)
        self._update_buttons()

    def _user_names(self) -> dict[str, str]:
        return {u.id: u.name for u in self._workspace.list_users()}

    def _show_peers(self) -> None:
        table = self.peers_table
        table.setRowCount(len(self._peers))
        for row, peer in enumerate(self._peers):
            name = peer.user_name or self.tr("(compte inconnu)")
            role = role_label(Role(peer.role), QCoreApplication.translate)
            for column, text in enumerate((name, role, peer.fingerprint)):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setFont(fingerprint_font())
                table.setItem(row, column, item)
        _fit_height(table, len(self._peers))
        table.setVisible(bool(self._peers))
        if self._coordinator:
            self.no_peers.setText(
                self.tr(
                    "Aucun ordinateur de bénévole inscrit. Invitez la personne, puis inscrivez "
                    "son ordinateur avec la réponse d'inscription qu'il aura écrite."
                )
            )
        else:
            self.no_peers.setText(
                self.tr(
                    "Cet ordinateur n'est inscrit dans aucune équipe : il a été créé sans "
                    "invitation. Ses fichiers ne peuvent être préparés pour personne."
                )
            )
        self.no_peers.setVisible(not self._peers)
        current = self.recipient.currentText()
        self.recipient.clear()
        names = sorted(
            {p.user_name for p in self._peers if p.role == Role.VOLUNTEER.value and p.user_name}
        )
        self.recipient.addItems(names)
        if current in names:
            self.recipient.setCurrentText(current)

    def _show_conflicts(self, conflicts: list[Conflict], users: dict[str, str]) -> None:
        table = self.conflicts_table
        if table is None or self.no_conflicts is None:
            return
        self._conflicts = conflicts
        senders = {p.device_id: p.user_name for p in self._peers}
        table.setRowCount(len(conflicts))
        for row, conflict in enumerate(conflicts):
            text = conflict_text(conflict, users)
            household = household_text(conflict)
            element = f"{text.entity}\n{household}" if household else text.entity
            cells = (
                (element, element),
                (text.field, text.field),
                (text.local, text.local_full),
                (text.remote, text.remote_full),
            )
            sender = senders.get(conflict.remote_device) or self.tr("(ordinateur inconnu)")
            for column, (shown, whole) in enumerate(cells):
                item = QTableWidgetItem(shown)
                tip = whole
                if column == 3:
                    tip = self.tr("{0}\n(reçue de l'ordinateur de {1})").format(whole, sender)
                item.setToolTip(tip)
                item.setData(CONFLICT_ROLE, conflict.id)
                table.setItem(row, column, item)
        _fit_height(table, len(conflicts))
        self.no_conflicts.setVisible(not conflicts)
        for widget in self._conflict_widgets:
            widget.setVisible(bool(conflicts))

    def _update_buttons(self) -> None:
        idle = not self._busy
        if self.invite_button is not None and self.enrol_button is not None:
            self.invite_button.setEnabled(idle)
            self.enrol_button.setEnabled(idle)
        can_send = bool(self._peers) and (not self._coordinator or self.recipient.count() > 0)
        self.prepare_button.setEnabled(idle and can_send)
        self.recipient.setEnabled(idle)
        self.import_button.setEnabled(idle and bool(self._peers))
        chosen = self._selected_conflict() is not None
        for button in (self.keep_button, self.take_button):
            if button is not None:
                button.setEnabled(idle and chosen)

    # What the person does

    def _say(self, text: str) -> None:
        self.error.clear()
        self.result.setText(text)

    def _refuse(self, error: Exception) -> None:
        self.result.clear()
        self.error.setText(sync_error(error))

    def _run(
        self,
        label: str,
        busy_text: str,
        task: Callable[[], Any],
        done: Callable[[Any], None],
    ) -> None:
        self._busy = True
        self.result.clear()
        self.error.clear()
        self.busy.start(busy_text)
        self._update_buttons()

        def succeeded(value: Any) -> None:
            self._idle()
            done(value)

        def failed(error: Exception) -> None:
            self._idle()
            self._refuse(error)

        run_in_background(self, label, task, succeeded, failed)

    def _idle(self) -> None:
        self._busy = False
        self.busy.stop()
        self.refresh()

    def _choose(
        self,
        title: str,
        start: Path,
        filters: list[str],
        name: str,
        then: Callable[[Path], None],
        save_suffix: str | None = None,
    ) -> None:
        choice = choose_file(self, title, start, filters, name, save_suffix)

        def chosen(path: Path) -> None:
            self._folder = path.parent
            then(path)

        choice.chosen.connect(chosen)

    def invite(self) -> None:
        if not self._coordinator or self._busy:
            return
        dialog = InviteDialog(self._service, self._folder, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.invited.connect(self._invited)
        dialog.open()

    def _invited(self, user: User, fingerprint: str, path: Path) -> None:
        self._folder = path.parent
        self._say(
            self.tr(
                "Invitation pour {0} écrite dans {1}. Remettez-la à la personne, et la phrase de "
                "passe de vive voix, jamais avec le fichier. Quand elle rejoindra l'équipe, son "
                "écran affichera l'empreinte de cet ordinateur : {2}."
            ).format(user.name, path, fingerprint)
        )
        self.refresh()

    def enrol(self) -> None:
        if not self._coordinator or self._busy:
            return
        self._choose(
            self.tr("Réponse d'inscription reçue"),
            self._folder,
            [self.tr("Réponses d'inscription (*.avreply)")],
            "enrolFileDialog",
            self._enrol_file,
        )

    def _enrol_file(self, path: Path) -> None:
        service = self._service
        self._run(
            self.tr("Inscription d'un ordinateur"),
            self.tr("Vérification de la réponse…"),
            lambda: service.enrol(path),
            self._enrolled,
        )

    def _enrolled(self, result: tuple[Peer, str]) -> None:
        peer, fingerprint = result
        self._say(
            self.tr(
                "Ordinateur de {0} inscrit. Son empreinte : {1} — comparez-la de vive voix avec "
                "celle affichée sur son ordinateur (page « Équipe et synchronisation »)."
            ).format(peer.user_name or self.tr("(compte inconnu)"), fingerprint)
        )

    def prepare_bundle(self) -> None:
        if self._busy or not self.prepare_button.isEnabled():
            return
        volunteer = self.recipient.currentText() if self._coordinator else None
        default = self.tr("synchro-{0}").format(dt.datetime.now().strftime("%Y-%m-%d-%Hh%M"))
        self._choose(
            self.tr("Enregistrer le fichier de synchronisation"),
            self._folder / (default + BUNDLE_SUFFIX),
            [self.tr("Fichiers de synchronisation (*.avsync)")],
            "bundleFileDialog",
            lambda path: self._write_bundle(path, volunteer),
            save_suffix=BUNDLE_SUFFIX,
        )

    def _write_bundle(self, path: Path, volunteer: str | None) -> None:
        service = self._service
        self._run(
            self.tr("Préparation d'un fichier de synchronisation"),
            self.tr("Préparation du fichier…"),
            lambda: service.write_bundle(path, volunteer),
            self._bundle_written,
        )

    def _bundle_written(self, report: OutReport) -> None:
        name = report.peer.user_name or self.tr("(compte inconnu)")
        if report.records == 0:
            self._say(
                self.tr(
                    "Rien de nouveau à envoyer : le fichier {0} confirme seulement à {1} ce que "
                    "cet ordinateur a déjà reçu."
                ).format(report.path, name)
            )
            return
        count = (
            self.tr("{0} enregistrement chiffré")
            if report.records == 1
            else self.tr("{0} enregistrements chiffrés")
        ).format(report.records)
        self._say(
            self.tr(
                "Fichier prêt : {0} ({1} pour {2}). Remettez-le à {2} par une clé USB ou un "
                "dossier partagé : seul son ordinateur peut l'ouvrir."
            ).format(report.path, count, name)
        )

    def import_bundle(self) -> None:
        if self._busy or not self.import_button.isEnabled():
            return
        self._choose(
            self.tr("Fichier de synchronisation reçu"),
            self._folder,
            [self.tr("Fichiers de synchronisation (*.avsync)")],
            "importFileDialog",
            self._read_bundle,
        )

    def _read_bundle(self, path: Path) -> None:
        service = self._service
        self._run(
            self.tr("Import d'un fichier de synchronisation"),
            self.tr("Vérification et import du fichier…"),
            lambda: service.read_bundle(path),
            self._bundle_read,
        )

    def _bundle_read(self, report: MergeReport) -> None:
        self._say(merge_summary(report, self._coordinator))
        self.changed.emit()

    # Conflicts

    def _selected_conflict(self) -> Conflict | None:
        table = self.conflicts_table
        if table is None:
            return None
        rows = {index.row() for index in table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        item = table.item(rows.pop(), 0)
        wanted = None if item is None else item.data(CONFLICT_ROLE)
        return next((c for c in self._conflicts if c.id == wanted), None)

    def resolve_selected(self, take_remote: bool) -> None:
        conflict = self._selected_conflict()
        if conflict is None or self._busy:
            return
        try:
            self._service.resolve(conflict.id, take_remote)
        except AllerVersError as error:
            self._refuse(error)
            self.refresh()
            return
        if take_remote:
            self._say(
                self.tr(
                    "Conflit réglé : la valeur reçue est gardée. Elle repartira vers les "
                    "bénévoles concernés avec leur prochain fichier."
                )
            )
        else:
            self._say(self.tr("Conflit réglé : la valeur d'ici est gardée."))
        self.refresh()
        self.changed.emit()
