"""The coordinator's grace period for volunteers' laptops (data minimisation), on the sync page.

The value is the workspace setting `sync_grace_days`; the hub's files carry it to every laptop.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QWidget

from allervers.domain.errors import AllerVersError
from allervers.domain.workspace import SETTING_LIMITS
from allervers.messages import describe
from allervers.services.workspace import OpenWorkspace
from allervers.ui.common.busy import message_label
from allervers.ui.common.styles import ERROR_STYLE


class GraceSetting(QWidget):
    def __init__(self, workspace: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        low, high = SETTING_LIMITS["sync_grace_days"]
        self.days = QSpinBox()
        self.days.setObjectName("graceDays")
        self.days.setRange(int(low), int(high))
        self.days.setSuffix(self.tr(" jours"))
        self.days.setValue(workspace.settings.sync_grace_days)
        self.days.editingFinished.connect(self.save)
        before = QLabel(
            self.tr(
                "Une fois ses visites reçues ici, l'ordinateur d'un ou une bénévole garde les "
                "foyers qui ne lui sont plus confiés pendant"
            )
        )
        before.setWordWrap(True)
        before.setBuddy(self.days)
        self.error = message_label("graceError", ERROR_STYLE)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(before, 1)
        row.addWidget(self.days)
        row.addWidget(self.error)

    def save(self) -> None:
        days = self.days.value()
        if days == self._workspace.settings.sync_grace_days:
            return
        try:
            settings = replace(self._workspace.settings, sync_grace_days=days)
            self._workspace.set_settings(settings)
        except (AllerVersError, OSError) as error:
            self.error.setText(describe(error, QCoreApplication.translate))
            self.days.setValue(self._workspace.settings.sync_grace_days)
            return
        self.error.clear()
