"""First run: create the workspace, its coordinator, and show the recovery key once; or, on a
volunteer's laptop, join the team with an invitation (ui/team/join_pages.py).

Creating: who and where, the passphrase, the recovery key. Joining: the invitation, the fingerprints
to compare, the recovery key. The passphrase and invitation pages are commit pages: once the
workspace exists there is no going back, and the key page cannot be finished before the person has
typed the key's last group, which shows they have at least looked at it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from allervers.messages import describe
from allervers.services.sync import Joined
from allervers.services.workspace import MAX_NAME_LENGTH, CreatedWorkspace, WorkspaceService
from allervers.ui.common.busy import message_label
from allervers.ui.common.form import hold_wizard
from allervers.ui.common.operations import run_in_background
from allervers.ui.common.passphrase_widgets import NewPassphraseFields
from allervers.ui.start.recovery_key_page import RecoveryKeyPage
from allervers.ui.team.join_pages import JoinedPage, JoinPage

# Page ids: the two ways in end on the same recovery key page.
IDENTITY_PAGE, PASSPHRASE_PAGE, KEY_PAGE, JOIN_PAGE, JOINED_PAGE = range(5)


def _name_field(object_name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(object_name)
    field.setMaxLength(MAX_NAME_LENGTH)
    return field


class IdentityPage(QWizardPage):
    def __init__(self, workspace: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Bienvenue dans Aller-Vers"))
        self.setSubTitle(
            self.tr(
                "Cet ordinateur n'a pas encore d'espace de travail : créez celui de l'équipe, ou "
                "rejoignez une équipe avec l'invitation reçue de votre coordination."
            )
        )
        self.create_choice = QRadioButton(self.tr("Créer l'espace de travail de l'équipe"))
        self.create_choice.setObjectName("createChoice")
        self.create_choice.setChecked(True)
        self.join_choice = QRadioButton(self.tr("Rejoindre une équipe avec une invitation"))
        self.join_choice.setObjectName("joinChoice")
        choices = QButtonGroup(self)
        choices.addButton(self.create_choice)
        choices.addButton(self.join_choice)
        self.territory = _name_field("territory")
        self.territory.setPlaceholderText(self.tr("par exemple : Communauté de communes du Val"))
        self.coordinator = _name_field("coordinator")
        self.coordinator.setPlaceholderText(self.tr("prénom et nom"))
        folder = QLabel(
            self.tr("Les données seront chiffrées dans le dossier :\n{0}").format(workspace)
        )
        folder.setWordWrap(True)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.create_fields = QWidget()
        form = QFormLayout(self.create_fields)
        form.setContentsMargins(24, 0, 0, 0)
        form.addRow(self.tr("Territoire :"), self.territory)
        form.addRow(self.tr("Coordinateur ou coordinatrice :"), self.coordinator)
        join_hint = QLabel(
            self.tr(
                "Il vous faut le fichier d'invitation (sur une clé USB, par exemple) et la "
                "phrase de passe de votre compte, donnés par votre coordination."
            )
        )
        join_hint.setWordWrap(True)
        join_hint.setContentsMargins(24, 0, 0, 0)
        self.join_hint = join_hint
        layout = QVBoxLayout(self)
        layout.addWidget(self.create_choice)
        layout.addWidget(self.create_fields)
        layout.addSpacing(8)
        layout.addWidget(self.join_choice)
        layout.addWidget(join_hint)
        layout.addSpacing(12)
        layout.addWidget(folder)
        layout.addStretch(1)
        self.territory.textChanged.connect(self.completeChanged)
        self.coordinator.textChanged.connect(self.completeChanged)
        self.create_choice.toggled.connect(self._choice_changed)
        self._choice_changed()

    @property
    def joining(self) -> bool:
        return self.join_choice.isChecked()

    def _choice_changed(self) -> None:
        self.create_fields.setEnabled(not self.joining)
        self.join_hint.setEnabled(self.joining)
        self.completeChanged.emit()

    def nextId(self) -> int:
        return JOIN_PAGE if self.joining else PASSPHRASE_PAGE

    def isComplete(self) -> bool:
        if self.joining:
            return True
        return bool(self.territory.text().strip() and self.coordinator.text().strip())


class PassphrasePage(QWizardPage):
    """Creates the workspace when the person presses the commit button. Argon2id and the
    database creation run in the background; `validatePage` refuses until they are done, then the
    success callback moves the wizard on."""

    def __init__(
        self,
        service: WorkspaceService,
        workspace: Path,
        identity: IdentityPage,
        on_created: Callable[[CreatedWorkspace], None],
    ) -> None:
        super().__init__()
        self._service = service
        self._workspace = workspace
        self._identity = identity
        self._on_created = on_created
        self.created: CreatedWorkspace | None = None
        self._busy = False
        self.setTitle(self.tr("Phrase de passe du coordinateur"))
        self.setSubTitle(
            self.tr(
                "Elle chiffre toutes les données. Personne ne pourra la retrouver pour vous : "
                "la clé de secours, à l'étape suivante, sera le seul recours."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Créer l'espace de travail"))
        self.fields = NewPassphraseFields()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # indeterminate: Argon2id gives no progress
        self.progress.setVisible(False)
        self.status = message_label("wizardStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.fields.changed.connect(self.completeChanged)

    def nextId(self) -> int:
        return KEY_PAGE

    def isComplete(self) -> bool:
        return not self._busy and (self.created is not None or self.fields.acceptable)

    def validatePage(self) -> bool:
        if self.created is not None:
            return True
        if self._busy:
            return False
        territory = self._identity.territory.text()
        coordinator = self._identity.coordinator.text()
        passphrase = self.fields.passphrase
        self._set_busy(True)
        run_in_background(
            self,
            self.tr("Création de l'espace de travail"),
            lambda: self._service.create(self._workspace, territory, coordinator, passphrase),
            self._created,
            self._failed,
            release=lambda created: created.workspace.lock(),
        )
        return False

    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.fields.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.status.setText(self.tr("Création de l'espace de travail…") if busy else "")
        hold_wizard(self, busy)  # else the recovery key would never be shown

    def _created(self, created: CreatedWorkspace) -> None:
        self.created = created
        self.fields.clear()
        self._set_busy(False)
        self._on_created(created)
        self.wizard().next()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.status.setText(describe(error, QCoreApplication.translate))


class FirstRunWizard(QWizard):
    """Accepted once the workspace exists and its recovery key was confirmed; `created` then holds
    the open workspace (the recovery key itself is forgotten by the wizard at that point)."""

    def __init__(
        self, service: WorkspaceService, workspace: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.created: CreatedWorkspace | None = None
        self.setWindowTitle(self.tr("Aller-Vers — premier démarrage"))
        self.setObjectName("firstRunWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.identity_page = IdentityPage(workspace)
        self.key_page = RecoveryKeyPage()
        self.passphrase_page = PassphrasePage(
            service, workspace, self.identity_page, self._workspace_created
        )
        self.join_page = JoinPage(workspace, service.kdf_params, self._joined, JOINED_PAGE)
        self.joined_page = JoinedPage(KEY_PAGE)
        self.setPage(IDENTITY_PAGE, self.identity_page)
        self.setPage(PASSPHRASE_PAGE, self.passphrase_page)
        self.setPage(KEY_PAGE, self.key_page)
        self.setPage(JOIN_PAGE, self.join_page)
        self.setPage(JOINED_PAGE, self.joined_page)
        self.setStartId(IDENTITY_PAGE)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Terminer"))
        self.setMinimumSize(640, 480)

    def _workspace_created(self, created: CreatedWorkspace) -> None:
        self.created = created
        self.key_page.show_key(created)
        # No cancelling once the workspace exists: the only way on is through the key.
        self.setOption(QWizard.WizardOption.NoCancelButton, True)

    def _joined(self, joined: Joined, reply: Path) -> None:
        self.joined_page.show_joined(joined, reply)
        self._workspace_created(joined.created)

    def accept(self) -> None:
        self.key_page.forget_key()
        self.joined_page.forget()
        super().accept()

    def reject(self) -> None:
        if self.passphrase_page.busy or self.join_page.busy:
            return  # creation takes a second; it must finish so the key can be shown
        created = self.created
        if created is None:
            super().reject()
            return
        answer = QMessageBox.question(
            self,
            self.tr("Clé de secours non confirmée"),
            self.tr(
                "L'espace de travail est créé, mais vous n'avez pas confirmé la clé de secours. "
                "Elle ne sera plus jamais affichée. Fermer quand même ?"
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.key_page.forget_key()
            self.joined_page.forget()
            created.workspace.lock()
            self.created = None
            super().reject()
