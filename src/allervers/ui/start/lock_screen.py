"""What the window shows while locked. Deliberately generic: no territory, no user, no folder
(the territory name identifies the place, a user name identifies a person).

The unlock form sits inside it rather than in a floating dialog, so the locked window reads as
one calm screen and not as a window hidden behind a box.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from allervers.ui.common.busy import message_label

FORM_WIDTH = 480


class LockScreen(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        title = QLabel(self.tr("Espace de travail verrouillé"))
        title.setObjectName("lockTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "Les données sont chiffrées et fermées. "
                "Saisissez votre phrase de passe pour reprendre."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._frame = QFrame()
        self._frame.setObjectName("unlockFrame")
        self._frame.setFrameShape(QFrame.Shape.StyledPanel)
        self._frame.setFixedWidth(FORM_WIDTH)
        self._frame_layout = QVBoxLayout(self._frame)
        self._frame.setVisible(False)
        # What happened to the work running at the lock: generic sentences (no name, no folder).
        self.note = message_label("lockNote")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(self.note)
        layout.addSpacing(16)
        layout.addWidget(self._frame, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_note(self, text: str) -> None:
        """Empty hides it."""
        self.note.setText(text)

    def show_form(self, form: QWidget) -> None:
        self._frame_layout.addWidget(form)
        self._frame.setVisible(True)
        form.setVisible(True)

    def hide_form(self) -> None:
        self._frame.setVisible(False)
