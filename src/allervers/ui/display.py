"""The window's size and the larger text option (issue 13: the window opened at 960x640 with the
caseload's columns cut; small screens in poor light need larger text).

Size: on a screen of 1440x900 or less (the 1366x768 laptops volunteers carry), the window opens
maximised; on a larger one, at 1280x800. A screen smaller than the window's ordinary size keeps
it. Larger text: "Affichage > Texte plus grand" (Ctrl+Maj+G), the application's font 25 % larger,
stored per machine (`services.display_prefs`), applied from the unlock screen on.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRect, QSize, Qt
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow

from allervers.services import display_prefs

LARGER = 1.25
ORDINARY_SIZE = QSize(960, 640)
ROOMY_SIZE = QSize(1280, 800)
MAXIMISE_UP_TO = QSize(1440, 900)
_base_font: QFont | None = None


def opening_size(available: QRect) -> QSize | None:
    """The window's size on a screen with this free area; None for maximised."""
    if available.width() < ORDINARY_SIZE.width() or available.height() < ORDINARY_SIZE.height():
        return ORDINARY_SIZE
    if available.width() <= MAXIMISE_UP_TO.width() or available.height() <= MAXIMISE_UP_TO.height():
        return None
    return ROOMY_SIZE


def fit_to_screen(window: QMainWindow) -> None:
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    available = screen.availableGeometry()
    size = opening_size(available)
    if size is None:
        # The whole free area first: without a window manager (a kiosk, Xvfb) maximising
        # does nothing.
        window.setGeometry(available)
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    else:
        window.resize(size)


def apply_larger_text(larger: bool) -> None:
    global _base_font
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _base_font is None:
        _base_font = QFont(app.font())
    font = QFont(_base_font)
    if larger:
        font.setPointSizeF(_base_font.pointSizeF() * LARGER)
    app.setFont(font)


class DisplayMenu(QObject):
    """The "Affichage" menu of the main window."""

    def __init__(self, window: QMainWindow, preferences: Path | None) -> None:
        super().__init__(window)
        self._preferences = preferences
        menu = window.menuBar().addMenu(self.tr("&Affichage"))
        self.larger = QAction(self.tr("Texte plus &grand"), window)
        self.larger.setObjectName("largerText")
        self.larger.setCheckable(True)
        self.larger.setShortcut(QKeySequence(self.tr("Ctrl+Shift+G")))
        self.larger.setChecked(preferences is not None and display_prefs.larger_text(preferences))
        self.larger.toggled.connect(self._toggled)
        menu.addAction(self.larger)

    def _toggled(self, larger: bool) -> None:
        apply_larger_text(larger)
        if self._preferences is not None:
            display_prefs.set_larger_text(self._preferences, larger)
