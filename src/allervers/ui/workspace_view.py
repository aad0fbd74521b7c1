"""The unlocked content: navigation on the left, one page per area on the right.

Built anew at each unlock and destroyed at each lock, so that no widget, model or cached text
holding personal data outlives the key.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QStackedWidget,
    QWidget,
)

from allervers.domain.changes import Area, everything
from allervers.services.directory import Directory
from allervers.services.doors import DoorService
from allervers.services.figures import territory_figures
from allervers.services.rounds import RoundService
from allervers.services.sync import SyncService
from allervers.services.visits import VisitService
from allervers.services.workspace import OpenWorkspace
from allervers.ui.caseload.page import CaseloadPage, build_caseload_page
from allervers.ui.common.changes import ChangeNotifier
from allervers.ui.directory.page import DirectoryPage
from allervers.ui.doors.map_page import MapPage
from allervers.ui.doors.rounds_page import RoundsPage
from allervers.ui.export.page import ExportPage
from allervers.ui.figures.page import FiguresPage
from allervers.ui.team.grace_setting import GraceSetting
from allervers.ui.team.page import SyncPage
from allervers.ui.visits.page import VisitsPage

# How a view gets its VisitService: production builds it on the workspace with the current
# questionnaire; tests inject one with another questionnaire version.
VisitServiceFactory = Callable[[OpenWorkspace], VisitService]


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
        # Every service the pages use, built once here for this unlock (docs/ui-folders.md).
        visits = visit_service(workspace)
        doors = DoorService(workspace)
        coordinator = workspace.user.is_coordinator
        self.visits = VisitsPage(visits, doors)
        self.navigation.addItem(self.tr("Visites"))
        self.pages.addWidget(self.visits)
        self.caseload: CaseloadPage = build_caseload_page(workspace, visits)
        self.navigation.addItem(self.tr("Suivi des dossiers"))
        self.pages.addWidget(self.caseload)
        # The territory's doors (issue 16): the map for both roles, rounds for the coordinator.
        self.map = MapPage(doors, workspace.path)
        self.navigation.addItem(self.tr("Carte"))
        self.pages.addWidget(self.map)
        self.rounds: RoundsPage | None = None
        if coordinator:
            self.rounds = RoundsPage(
                RoundService(workspace), doors, workspace.list_users, workspace.path
            )
            self.navigation.addItem(self.tr("Tournées"))
            self.pages.addWidget(self.rounds)
        self.figures: FiguresPage | None = None
        if coordinator:  # the territory's figures are the coordinator's
            self.figures = FiguresPage(lambda period: territory_figures(workspace, period))
            self.navigation.addItem(self.tr("Chiffres"))
            self.pages.addWidget(self.figures)
        self.export: ExportPage | None = None
        if coordinator:  # exports are the coordinator's
            self.export = ExportPage(workspace)
            self.navigation.addItem(self.tr("Export"))
            self.pages.addWidget(self.export)
        self.directory: DirectoryPage | None = None
        if coordinator:  # the coordinator keeps the territory's directory
            self.directory = DirectoryPage(Directory(workspace))
            self.navigation.addItem(self.tr("Annuaire"))
            self.pages.addWidget(self.directory)
        # Both roles: a volunteer's laptop sends its visits to the coordinator and takes back
        # the households given to it.
        grace = GraceSetting(workspace) if coordinator else None
        self.sync = SyncPage(SyncService(workspace), workspace.list_users, grace)
        # On two lines: one would widen the navigation past what a 960-pixel screen allows.
        self.navigation.addItem(self.tr("Équipe et\nsynchronisation"))
        self.pages.addWidget(self.sync)
        self.sync.changed.connect(self.visits.refresh)
        # What an operation changed reaches every page showing it (ui/common/changes.py).
        self.changes = ChangeNotifier(self)
        self.visits.changes = self.changes
        followed = (Area.HOUSEHOLDS, Area.REFERRALS)  # a door alone is not a household met
        self.changes.subscribe(self.caseload, followed, self.caseload.show_changes)
        if self.figures is not None:  # doors count too
            counted = (Area.HOUSEHOLDS, Area.VISITS, Area.REFERRALS)
            self.changes.subscribe(self.figures, counted, self.figures.show_changes)
        self.sync.changed.connect(lambda: self.changes.publish(everything()))
        self.sync.changed.connect(self.visits.round_doors.load_rounds)
        # Large targets: the laptop is often used standing, on a knee or a car bonnet.
        font = self.navigation.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.navigation.setFont(font)
        self.navigation.setStyleSheet("QListWidget#navigation::item { padding: 10px 14px; }")
        width = max(
            self.navigation.fontMetrics().horizontalAdvance(line)
            for i in range(self.navigation.count())
            for line in self.navigation.item(i).text().splitlines()
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
