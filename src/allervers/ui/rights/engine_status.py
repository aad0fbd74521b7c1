"""The engine's state in the status bar: "Moteur de calcul : chargement…" with a busy bar while
the worker loads and warms up (seconds, out of the window's way), then "prêt", or "indisponible"
when it could not start (visits go on; rights can be assessed later)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from allervers.rights.worker import EngineState
from allervers.ui.common.styles import DONE_STYLE, ERROR_STYLE
from allervers.ui.rights.engine_host import EngineHost


class EngineStatus(QWidget):
    def __init__(self, host: EngineHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("engineStatus")
        self.label = QLabel()
        self.label.setObjectName("engineStatusLabel")
        self.bar = QProgressBar()
        self.bar.setObjectName("engineStatusBar")
        self.bar.setRange(0, 0)  # the engine gives phases, not a percentage
        self.bar.setTextVisible(False)
        self.bar.setFixedSize(80, 10)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        host.state_changed.connect(self.show_state)
        self.show_state(host.state)

    def show_state(self, state: EngineState) -> None:
        busy = state in (EngineState.LOADING, EngineState.WARMING_UP)
        self.bar.setVisible(busy)
        self.setVisible(state is not EngineState.NOT_STARTED)
        if state is EngineState.READY:
            text, style = self.tr("Moteur de calcul : prêt"), DONE_STYLE
            tip = self.tr("Les droits sont évalués à la fin de chaque entretien.")
        elif state is EngineState.FAILED:
            text, style = self.tr("Moteur de calcul : indisponible"), ERROR_STYLE
            tip = self.tr(
                "Le moteur de calcul n'a pas pu démarrer. Les visites continuent ; les droits "
                "pourront être évalués plus tard depuis chaque visite (« Évaluer les droits »)."
            )
        elif state is EngineState.CLOSED:
            text, style = self.tr("Moteur de calcul : arrêté"), ""
            tip = ""
        elif state is EngineState.WARMING_UP:
            text, style = self.tr("Moteur de calcul : chargement (premier calcul)…"), ""
            tip = self.tr("Le moteur se prépare ; la fenêtre reste utilisable.")
        else:
            text, style = self.tr("Moteur de calcul : chargement…"), ""
            tip = self.tr("Le moteur se prépare ; la fenêtre reste utilisable.")
        self.label.setText(text)
        self.label.setStyleSheet(style)
        self.setToolTip(tip)
