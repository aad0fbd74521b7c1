"""Labels and feedback in pages and dialogs: a page's or dialog's title, the busy indication shown
while a background operation runs (Argon2id gives no progress), and message labels that take no
room while empty."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget


def title_label(text: str, scale: float = 1.4) -> QLabel:
    """A page's title in bold, `scale` times the text's size (1.3 for a dialog's)."""
    title = QLabel(text)
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    title.setFont(font)
    return title


class BusyIndicator(QWidget):
    """An indeterminate bar and a short sentence; hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("busy")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        self.setVisible(False)

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.setVisible(True)

    def stop(self) -> None:
        self.label.clear()
        self.setVisible(False)


class _MessageLabel(QLabel):
    """Hidden while empty, so a dialog without an error has no blank gap where one would go."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


def message_label(object_name: str, style: str = "") -> QLabel:
    label = _MessageLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    label.setVisible(False)
    return label
