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

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.errors import AllerVersError
from allervers.domain.sync import MergeReport, Peer
from allervers.domain.users import Role, User
from allervers.services.sync import OutReport, SyncService
from allervers.ui.common.busy import BusyIndicator, message_label, title_label
from allervers.ui.common.choosers import choose_file
from allervers.ui.common.operations import run_in_background
from allervers.ui.common.styles import DONE_STYLE, ERROR_STYLE
from allervers.ui.team.conflicts_box import ConflictsBox
from allervers.ui.team.invite_dialog import InviteDialog
from allervers.ui.team.sync_texts import merge_summary, sync_error
from allervers.ui.team.team_box import TeamBox
from allervers.ui.team.widgets import BUNDLE_SUFFIX


class SyncPage(QWidget):
    """`changed` fires when records of the workspace changed here (a file imported, a conflict
    settled): the other pages read the workspace again."""

    changed = Signal()

    def __init__(
        self,
        service: SyncService,
        users: Callable[[], list[User]],
        grace: QWidget | None,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`users` lists the workspace's accounts (for the names in conflicts); `grace` is the
        coordinator's grace-time setting, None on a volunteer's laptop."""
        super().__init__(parent)
        self.setObjectName("syncPage")
        self._service = service
        self._users = users
        self._coordinator = grace is not None
        self._folder = folder or Path.home()  # where the last file was: often a USB key
        self._peers: list[Peer] = []
        self._busy = False

        title = title_label(self.tr("Équipe et synchronisation"))
        intro = QLabel(
            self.tr(
                "Les fichiers passent d'un ordinateur à l'autre sur une clé USB ou un dossier "
                "partagé. Chacun est chiffré pour son destinataire et signé : personne d'autre ne "
                "peut le lire ni le modifier sans que cela se voie."
            )
        )
        intro.setWordWrap(True)

        # The team: this laptop and the enrolled ones, with the fingerprints to compare.
        self.team_box = TeamBox(grace)
        if self.team_box.invite_button is not None and self.team_box.enrol_button is not None:
            self.team_box.invite_button.clicked.connect(self.invite)
            self.team_box.enrol_button.clicked.connect(self.enrol)

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
        column.addWidget(self.team_box)
        column.addWidget(files_box)

        # Conflicts: the coordinator's to settle.
        self.conflicts: ConflictsBox | None = None
        if self._coordinator:
            self.conflicts = ConflictsBox()
            self.conflicts.selection_changed.connect(self._update_buttons)
            self.conflicts.resolve.connect(self.resolve_selected)
            column.addWidget(self.conflicts)
        column.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.refresh()

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
        self.team_box.show_team(own, self._peers)
        self._show_recipients()
        if self.conflicts is not None:
            self.conflicts.show_conflicts(conflicts, users, self._peers)
        self._update_buttons()

    def _user_names(self) -> dict[str, str]:
        return {u.id: u.name for u in self._users()}

    def _show_recipients(self) -> None:
        current = self.recipient.currentText()
        self.recipient.clear()
        names = sorted(
            {p.user_name for p in self._peers if p.role == Role.VOLUNTEER.value and p.user_name}
        )
        self.recipient.addItems(names)
        if current in names:
            self.recipient.setCurrentText(current)

    def _update_buttons(self) -> None:
        idle = not self._busy
        self.team_box.set_idle(idle)
        can_send = bool(self._peers) and (not self._coordinator or self.recipient.count() > 0)
        self.prepare_button.setEnabled(idle and can_send)
        self.recipient.setEnabled(idle)
        self.import_button.setEnabled(idle and bool(self._peers))
        if self.conflicts is not None:
            self.conflicts.set_idle(idle)

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

    def resolve_selected(self, take_remote: bool) -> None:
        conflict = None if self.conflicts is None else self.conflicts.selected()
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
