"""Fields for choosing a passphrase: the live strength indication and the confirmation.

Shared by the first-run wizard, the change of passphrase, the reset with the recovery key and the
creation of a user, so the rule a person sees is the rule everywhere (`domain.passphrase`).
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QWidget,
)

from allervers.domain.passphrase import MIN_LENGTH, Strength, estimate

# Colours chosen to stay readable for the common colour-vision deficiencies: the word says it too.
_BAR_COLOURS = {
    Strength.TOO_SHORT: "#b00020",
    Strength.WEAK: "#d35400",
    Strength.FAIR: "#2e7d32",
    Strength.STRONG: "#1b5e20",
}


def strength_word(strength: Strength) -> str:
    words = {
        Strength.TOO_SHORT: QCoreApplication.translate("Passphrase", "trop courte"),
        Strength.WEAK: QCoreApplication.translate("Passphrase", "faible"),
        Strength.FAIR: QCoreApplication.translate("Passphrase", "correcte"),
        Strength.STRONG: QCoreApplication.translate("Passphrase", "solide"),
    }
    return words[strength]


def password_field(object_name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(object_name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    # No undo/redo history and no drag-out of a passphrase; Qt already refuses copy in
    # Password mode.
    field.setDragEnabled(False)
    return field


class StrengthIndicator(QWidget):
    """A bar and a word; the word carries the meaning, the colour only repeats it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setObjectName("strengthBar")
        self.bar.setRange(0, int(Strength.STRONG) + 1)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(10)
        self.word = QLabel()
        self.word.setObjectName("strengthWord")
        # Room for the longest word, so the bar does not jump while typing.
        metrics = self.word.fontMetrics()
        self.word.setMinimumWidth(
            max(metrics.horizontalAdvance(strength_word(s) + "  ") for s in Strength)
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.word)
        self.show_for("")

    def show_for(self, passphrase: str) -> None:
        strength = estimate(passphrase).strength
        self.bar.setValue(int(strength) + 1 if passphrase else 0)
        self.bar.setStyleSheet(
            f"QProgressBar::chunk {{ background-color: {_BAR_COLOURS[strength]}; }}"
        )
        self.word.setText(strength_word(strength) if passphrase else "")


class NewPassphraseFields(QWidget):
    """A new passphrase typed twice. `changed` fires on every keystroke; `acceptable` says whether
    the pair may be used (strong enough and identical)."""

    changed = Signal()

    def __init__(self, label: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = password_field("newPassphrase")
        self.second = password_field("confirmPassphrase")
        self.indicator = StrengthIndicator()
        self.hint = QLabel(
            self.tr(
                "Au moins {0} caractères. Une phrase de plusieurs mots est plus facile à retenir "
                "et plus difficile à deviner."
            ).format(MIN_LENGTH)
        )
        self.hint.setWordWrap(True)
        self.mismatch = QLabel()
        self.mismatch.setObjectName("mismatch")
        self.mismatch.setWordWrap(True)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._form = layout
        layout.addRow(label or self.tr("Phrase de passe :"), self.first)
        layout.addRow(self.tr("Solidité :"), self.indicator)
        layout.addRow("", self.hint)
        layout.addRow(self.tr("Confirmation :"), self.second)
        layout.addRow("", self.mismatch)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)

    def insert_row(self, row: int, label: str, field: QWidget) -> None:
        """Puts the dialog's own fields (user name, old passphrase...) in the same form, so all
        labels share one column."""
        self._form.insertRow(row, label, field)
        # A widget moved into this form goes to the end of the tab chain: put it back in row order.
        fields = [
            item.widget()
            for index in range(self._form.rowCount())
            if (item := self._form.itemAt(index, QFormLayout.ItemRole.FieldRole)) is not None
        ]
        focusable = [
            w for w in fields if w is not None and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        ]
        for before, after in pairwise(focusable):
            QWidget.setTabOrder(before, after)

    @property
    def passphrase(self) -> str:
        return self.first.text()

    @property
    def acceptable(self) -> bool:
        text = self.first.text()
        return estimate(text).acceptable and text == self.second.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    def _update(self) -> None:
        self.indicator.show_for(self.first.text())
        differs = bool(self.second.text()) and self.second.text() != self.first.text()
        self.mismatch.setText(self.tr("Les deux saisies diffèrent.") if differs else "")
        self.changed.emit()
