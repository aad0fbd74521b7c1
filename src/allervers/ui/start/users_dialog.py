"""Users of the workspace, for the coordinator: who may open it and with which role."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.errors import AllerVersError
from allervers.domain.users import Role, User
from allervers.messages import role_label
from allervers.services.workspace import MAX_NAME_LENGTH, OpenWorkspace
from allervers.ui.common.busy import message_label
from allervers.ui.common.form import FormKit, error_text
from allervers.ui.common.passphrase_widgets import NewPassphraseFields
from allervers.ui.common.styles import ERROR_STYLE


class AddUserDialog(QDialog):
    """The coordinator types the new user's first passphrase; the user can change it later."""

    added = Signal(object)  # User

    def __init__(self, workspace: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.setObjectName("addUserDialog")
        self.setWindowTitle(self.tr("Ajouter un utilisateur"))
        self.setMinimumWidth(480)
        self.name = QLineEdit()
        self.name.setObjectName("newUserName")
        self.name.setMaxLength(MAX_NAME_LENGTH)
        self.role = QComboBox()
        self.role.setObjectName("newUserRole")
        for role in (Role.VOLUNTEER, Role.COORDINATOR):
            self.role.addItem(role_label(role, QCoreApplication.translate), role)
        hint = QLabel(
            self.tr(
                "Choisissez une première phrase de passe avec la personne ; elle pourra la "
                "changer ensuite depuis le menu « Espace de travail »."
            )
        )
        hint.setWordWrap(True)
        self.fields = NewPassphraseFields()
        self.fields.insert_row(0, self.tr("Nom :"), self.name)
        self.fields.insert_row(1, self.tr("Rôle :"), self.role)
        self.form = FormKit(self, "addUserError", self._ready)
        self.error, self.busy = self.form.error, self.form.busy
        self.buttons, self.confirm = self.form.button_box(self.tr("Ajouter"), "confirmAddUser")
        self.form.column(self, [self.fields, hint], self.buttons, self._submit)
        self.form.follow(self.name.textChanged, self.fields.changed)
        self.name.setFocus()

    def _ready(self) -> bool:
        return bool(self.name.text().strip()) and self.fields.acceptable

    def _submit(self) -> None:
        if not self.form.can_confirm:
            return
        name, passphrase = self.name.text(), self.fields.passphrase
        role = Role(self.role.currentData())
        self.form.run(
            self.tr("Enregistrement…"),
            self.tr("Ajout d'un utilisateur"),
            lambda: self._workspace.add_user(name, role, passphrase),
            self._succeeded,
        )

    def _succeeded(self, user: User) -> None:
        self.fields.clear()
        self.added.emit(user)
        self.accept()


class UsersDialog(QDialog):
    def __init__(self, workspace: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("Utilisateurs"))
        self.setMinimumSize(480, 320)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels([self.tr("Nom"), self.tr("Rôle"), self.tr("État")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton(self.tr("Ajouter un utilisateur…"))
        self.add_button.setObjectName("addUser")
        self.add_button.clicked.connect(self._add)
        self.error = message_label("usersError", ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        try:
            users = self._workspace.list_users()
        except AllerVersError as error:  # shown, not raised: the dialog stays usable
            self.error.setText(error_text(error))
            users = []
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            state = self.tr("actif") if user.active else self.tr("désactivé")
            cells = (user.name, role_label(user.role, QCoreApplication.translate), state)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _add(self) -> None:
        dialog = AddUserDialog(self._workspace, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.added.connect(lambda _user: self.refresh())
        dialog.open()
