"""The team: this laptop's fingerprint and the enrolled laptops with theirs, to compare by voice;
for the coordinator, the buttons to invite a volunteer and enrol a laptop, and the grace time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.sync import Peer
from allervers.domain.users import Role
from allervers.messages import role_label
from allervers.ui.team.widgets import fingerprint_font, fit_height, read_only_table


class TeamBox(QGroupBox):
    """`grace` is the coordinator's grace-time setting (None for a volunteer, who has no
    invite or enrol button either)."""

    def __init__(self, grace: QWidget | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Ordinateurs de l'équipe"))
        self._coordinator = grace is not None
        self.own_fingerprint = QLabel()
        self.own_fingerprint.setObjectName("ownFingerprint")
        self.own_fingerprint.setFont(fingerprint_font())
        self.own_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        own_row = QHBoxLayout()
        own_row.addWidget(QLabel(self.tr("Cet ordinateur :")))
        own_row.addWidget(self.own_fingerprint)
        own_row.addStretch(1)
        self.peers_table = read_only_table(
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
        layout = QVBoxLayout(self)
        layout.addLayout(own_row)
        layout.addWidget(self.peers_table)
        layout.addWidget(self.no_peers)
        layout.addWidget(compare)
        self.invite_button: QPushButton | None = None
        self.enrol_button: QPushButton | None = None
        if grace is not None:
            self.invite_button = QPushButton(self.tr("&Inviter un ou une bénévole…"))
            self.invite_button.setObjectName("inviteVolunteer")
            self.enrol_button = QPushButton(self.tr("I&nscrire un ordinateur…"))
            self.enrol_button.setObjectName("enrolLaptop")
            buttons = QHBoxLayout()
            buttons.addWidget(self.invite_button)
            buttons.addWidget(self.enrol_button)
            buttons.addStretch(1)
            layout.addLayout(buttons)
            layout.addWidget(grace)

    def show_team(self, own: str, peers: list[Peer]) -> None:
        self.own_fingerprint.setText(own)
        table = self.peers_table
        table.setRowCount(len(peers))
        for row, peer in enumerate(peers):
            name = peer.user_name or self.tr("(compte inconnu)")
            role = role_label(Role(peer.role), QCoreApplication.translate)
            for column, text in enumerate((name, role, peer.fingerprint)):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setFont(fingerprint_font())
                table.setItem(row, column, item)
        fit_height(table, len(peers))
        table.setVisible(bool(peers))
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
        self.no_peers.setVisible(not peers)

    def set_idle(self, idle: bool) -> None:
        for button in (self.invite_button, self.enrol_button):
            if button is not None:
                button.setEnabled(idle)
