"""Interviews left unfinished (a lock, a closed lid, a crash): offered again at each unlock,
on the Visites page, without blocking anything."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from allervers.domain.visits import Visit
from allervers.ui.visits.visit_lists import visit_text

BANNER_STYLE = (
    "QFrame#draftsBanner { background: #fff3cd; border: 1px solid #e0c060; border-radius: 4px; }"
    " QFrame#draftsBanner QLabel { color: #5c4400; }"
)
SHOWN = 5  # more would push the door form off the screen; the rest come after


class DraftsBanner(QFrame):
    resume = Signal(str)  # visit id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftsBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.title = QLabel()
        self.title.setObjectName("draftsTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self._rows = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self._rows)
        self.show_drafts([])

    def show_drafts(self, drafts: list[Visit]) -> None:
        while self._rows.count():
            item = self._rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.title.setText(
            self.tr(
                "Entretiens non terminés ({0}) : reprenez-les là où ils se sont arrêtés."
            ).format(len(drafts))
        )
        for visit in drafts[:SHOWN]:
            self._rows.addWidget(self._row(visit))
        self.setVisible(bool(drafts))

    def _row(self, visit: Visit) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        text = QLabel(visit_text(visit, with_outcome=False))  # all are interviews
        text.setWordWrap(True)
        button = QPushButton(self.tr("Reprendre"))
        button.setObjectName(f"resume_{visit.id}")
        button.setAutoDefault(True)
        button.clicked.connect(lambda _=False, v=visit.id: self.resume.emit(v))
        layout.addWidget(text, 1)
        layout.addWidget(button)
        return row
