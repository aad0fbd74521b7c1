"""The unlocked content: navigation on the left, one page per area on the right.

Built anew at each unlock and destroyed at each lock, so that no widget, model or cached text
holding personal data outlives the key.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from allervers.services.figures import territory_figures
from allervers.services.visits import VisitService
from allervers.services.workspace import OpenWorkspace
from allervers.ui.caseload.page import CaseloadPage, build_caseload_page
from allervers.ui.figures.page import FiguresPage
from allervers.ui.visits_page import VisitsPage

# How a view gets its VisitService: production builds it on the workspace with the current
# questionnaire; tests inject one with another questionnaire version.
VisitServiceFactory = Callable[[OpenWorkspace], VisitService]


def placeholder_page(title: str, text: str) -> QWidget:
    """An honest page for a screen not built yet: what it will hold, and nothing pretending."""
    page = QWidget()
    heading = QLabel(title)
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    heading.setFont(font)
    body = QLabel(text)
    body.setWordWrap(True)
    body.setMaximumWidth(640)
    body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    not_yet = QLabel(
        QCoreApplication.translate("WorkspaceView", "Cet écran n'est pas encore construit.")
    )
    not_yet.setStyleSheet("QLabel { color: palette(placeholder-text); font-style: italic; }")
    layout = QVBoxLayout(page)
    layout.setContentsMargins(24, 24, 24, 24)
    layout.addWidget(heading)
    layout.addSpacing(8)
    layout.addWidget(body)
    layout.addSpacing(8)
    layout.addWidget(not_yet)
    layout.addStretch(1)
    return page


class WorkspaceView(QWidget):
    def __init__(
        self,
        workspace: OpenWorkspace,
        visit_service: VisitServiceFactory = VisitService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspaceView")
        # Screens read through services, never a session.
        self._workspace = workspace
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.pages = QStackedWidget()
        self.visits = VisitsPage(visit_service(workspace))
        self.navigation.addItem(self.tr("Visites"))
        self.pages.addWidget(self.visits)
        self.caseload: CaseloadPage = build_caseload_page(workspace, visit_service(workspace))
        self.navigation.addItem(self.tr("Suivi des dossiers"))
        self.pages.addWidget(self.caseload)
        self.figures: FiguresPage | None = None
        if workspace.user.is_coordinator:  # the territory's figures are the coordinator's
            self.figures = FiguresPage(lambda period: territory_figures(workspace, period))
            self.navigation.addItem(self.tr("Chiffres"))
            self.pages.addWidget(self.figures)
        for title, text in self._areas():
            self.navigation.addItem(title)
            self.pages.addWidget(placeholder_page(title, text))
        # Large targets: the laptop is often used standing, on a knee or a car bonnet.
        font = self.navigation.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.navigation.setFont(font)
        self.navigation.setStyleSheet("QListWidget#navigation::item { padding: 10px 14px; }")
        width = max(
            self.navigation.fontMetrics().horizontalAdvance(self.navigation.item(i).text())
            for i in range(self.navigation.count())
        )
        self.navigation.setFixedWidth(width + 64)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)

    def focus_start(self) -> None:
        """At unlock the Visites page is shown: the keyboard goes to its door form."""
        self.visits.focus_start()

    def save_pending(self) -> None:
        """Before a lock or a close: what is being typed in an interview is stored, not lost."""
        self.visits.save_pending()

    def _areas(self) -> list[tuple[str, str]]:
        """The areas not built yet."""
        return [
            (
                self.tr("Export"),
                self.tr(
                    "Ici, vous préparerez l'export pour l'évaluation : des indicateurs agrégés "
                    "et, si vous le choisissez, des données pseudonymisées avec leur rapport de "
                    "risque, le tout signé. Aucun nom ni adresse n'en sortira."
                ),
            ),
        ]
