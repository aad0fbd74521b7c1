"""Ctrl+L locks even while a dialog is open.

The menu action's shortcut only fires when the main window has the focus: a window-modal dialog
(users, change of passphrase) blocks it, and a person hurrying to lock the screen should not have
to close dialogs first. This application-wide filter catches the key press the shortcut system
left undelivered, in any window that belongs to the main window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QKeyCombination, QObject, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


class KeysEverywhere(QObject):
    activated = Signal()

    def __init__(self, combination: QKeyCombination, owner: QWidget) -> None:
        super().__init__(owner)
        self._combination = combination
        self._owner = owner
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and event.keyCombination() == self._combination
            and self._belongs_to_owner(watched)
        ):
            self.activated.emit()
            return True
        return False

    def _belongs_to_owner(self, widget: QWidget) -> bool:
        window: QWidget | None = widget.window()
        while window is not None:
            if window is self._owner:
                return True
            parent = window.parentWidget()
            window = parent.window() if parent is not None else None
        return False
