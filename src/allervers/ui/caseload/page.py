"""The "Suivi des dossiers" page: the caseload (filters, table, follow-up panel) and the
"à relancer" list, in two tabs.

Built at each unlock with the unlocked user's services; it reads the workspace the first time it
is shown, and again each time it is shown after (a visit may have been recorded meanwhile).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.changes import Changes
from allervers.domain.errors import AllerVersError
from allervers.domain.referrals import CaseloadFilter, CaseloadRow, Referral
from allervers.domain.users import User
from allervers.messages import describe
from allervers.services.caseload import CaseloadService
from allervers.services.household_file import VisitIndex, load_household
from allervers.services.retention import RetentionService
from allervers.services.rights import RightsService
from allervers.services.visits import VisitService
from allervers.services.workspace import OpenWorkspace
from allervers.ui.caseload.detail import HouseholdDetail
from allervers.ui.caseload.due_list import DueList
from allervers.ui.caseload.filters import CaseloadFilters
from allervers.ui.caseload.model import CaseloadModel
from allervers.ui.caseload.view import CaseloadView
from allervers.ui.common.busy import message_label
from allervers.ui.common.operations import run_in_background
from allervers.ui.common.styles import DONE_STYLE, ERROR_STYLE

# Called by this name so that pyside6-lupdate finds the strings (translations/update.sh).
translate = QCoreApplication.translate


HOUSEHOLDS_TAB, DUE_TAB = 0, 1
DETAIL_WIDTH = 390  # the follow-up panel's first width; the table takes the rest


def households_text(count: int) -> str:
    if count == 0:
        return translate("CaseloadPage", "Aucun foyer rencontré")
    if count == 1:
        return translate("CaseloadPage", "1 foyer rencontré")
    return translate("CaseloadPage", "{0} foyers rencontrés").format(
        f"{count:,}".replace(",", "\u00a0")
    )


class CaseloadPage(QWidget):
    """`user`: who works (a coordinator records the steps of referrals). `users`: the
    workspace's users, for a coordinator (filter by volunteer, assign follow-up visits); None in
    a volunteer's session. `retention`: the person's rights on their data in the follow-up panel
    (export, erasure), for a coordinator; None shows neither."""

    erased = Signal(object)  # list of household ids whose personal data were erased

    def __init__(
        self,
        caseload: CaseloadService,
        rights: RightsService,
        visits: VisitService,
        user: User,
        users: list[User] | None,
        retention: RetentionService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseloadPage")
        self._caseload = caseload
        self._rights = rights
        self._visits = visits
        self.index: VisitIndex | None = None
        self._indexing = False
        self._index_stale = True
        self._shown_once = False
        self._due: list[Referral] = []

        self.model = CaseloadModel(caseload, self)
        self.filters = CaseloadFilters(users)
        self.count = QLabel()
        self.count.setObjectName("caseloadCount")
        bold = self.count.font()
        bold.setBold(True)
        self.count.setFont(bold)
        # "1 234 foyers rencontrés" beside the filters: on two lines rather than widening the
        # window past a 960-pixel screen.
        self.count.setWordWrap(True)
        self.view = CaseloadView(self.model)
        self.detail = HouseholdDetail(caseload, user, users, retention)
        self.due = DueList()
        self.error = message_label("caseloadError", ERROR_STYLE)
        self.done = message_label("caseloadDone", DONE_STYLE)

        households = QWidget()
        top = QHBoxLayout()
        top.addWidget(self.filters, 1)
        top.addWidget(self.count, 0, Qt.AlignmentFlag.AlignBottom)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        self.detail.setMinimumWidth(DETAIL_WIDTH * 3 // 4)
        splitter.setSizes([3 * DETAIL_WIDTH, DETAIL_WIDTH])
        self.detail.setVisible(False)
        column = QVBoxLayout(households)
        column.addLayout(top)
        column.addWidget(splitter, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseloadTabs")
        # Room above the text: the style clips the accent of "À" on the tab not shown.
        self.tabs.tabBar().setStyleSheet("QTabBar::tab { padding: 6px 14px 5px 14px; }")
        self.tabs.addTab(households, self.tr("Foyers"))
        self.tabs.addTab(self.due, self.tr("À relancer"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.error)
        layout.addWidget(self.done)
        layout.addWidget(self.tabs, 1)

        self.filters.changed.connect(self._filter_changed)
        self.model.modelReset.connect(self._show_count)
        self.model.failed.connect(self.error.setText)
        self.view.household_chosen.connect(self.open_household)
        self.detail.changed.connect(self._household_changed)
        self.detail.erased.connect(self._person_erased)
        self.due.open_household.connect(self._open_from_due)
        self.tabs.currentChanged.connect(lambda tab: self._need_index() if tab == DUE_TAB else None)

    # Reading the workspace

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.model.reload()
        else:
            self.model.refresh()
            self._show_count()
        self._load_due()
        # A visit may have been recorded since the index was read: read it again when it is
        # next needed, not now. Reading it holds the workspace for a while (about 2.7 s for
        # 50,000 visits, during which a write such as the audit of a filter waits): only a
        # household opened or the "à relancer" list shown pays for it.
        self._index_stale = True
        if self.tabs.currentIndex() == DUE_TAB:
            self._need_index()

    def show_changes(self, _changes: Changes) -> None:
        """A visit finished, a referral moved, a sync merged (ui/common/changes.py): the rows
        and the due list are read again, shown or not, once the page was loaded."""
        if not self._shown_once:
            return  # read in full when first shown
        self.model.refresh()
        self._show_count()
        self._load_due()
        self._index_stale = True

    def _need_index(self) -> None:
        """Reads the visits' index off the UI thread if it is missing or stale."""
        if self.index is not None and not self._index_stale:
            return
        if self._indexing:
            return
        self._indexing = True
        self._index_stale = False
        visits = self._visits
        language = QLocale().name()[:2]  # read here: QLocale belongs to the UI thread's world
        run_in_background(
            self,
            self.tr("Lecture des visites pour le suivi"),
            lambda: VisitIndex.build(visits, language),
            self._index_ready,
            self._failed,
            cancellable=True,  # a read: nothing lost if its result is thrown away
        )

    def _index_ready(self, index: VisitIndex) -> None:
        self._indexing = False
        self.index = index
        self.due.show_due(self._due, index)
        if self.detail.household_id is not None:
            self._load_detail(self.detail.household_id)
        if self._index_stale:  # shown again while it was being read
            self._need_index()

    def _failed(self, error: Exception) -> None:
        self._indexing = False
        self.error.setText(describe(error, QCoreApplication.translate))

    def _load_due(self) -> None:
        try:
            self._due = self._caseload.due_checks()
        except AllerVersError as error:
            self.error.setText(describe(error, QCoreApplication.translate))
            return
        self.due.show_due(self._due, self.index)
        title = self.tr("À relancer")
        if self._due:
            title = self.tr("À relancer ({0})").format(len(self._due))
        self.tabs.setTabText(DUE_TAB, title)

    def _show_count(self) -> None:
        self.count.setText(households_text(self.model.rowCount()))

    # What the person does

    def _filter_changed(self, where: CaseloadFilter) -> None:
        self.error.clear()
        self.done.clear()
        self.model.set_filter(where)
        self._close_detail()  # its household may not be among the rows any more

    def _close_detail(self) -> None:
        """The table takes the whole width while no household is open."""
        self.detail.show_nothing()
        self.detail.setVisible(False)

    def open_household(self, household_id: str) -> None:
        self.done.clear()
        self.detail.show_loading(household_id, self._row(household_id))
        self.detail.setVisible(True)
        if self.index is not None:  # even stale: shown now, again when the fresh one comes
            self._load_detail(household_id)
        self._need_index()

    def _open_from_due(self, household_id: str) -> None:
        self.tabs.setCurrentIndex(HOUSEHOLDS_TAB)
        self.view.select_household(household_id)
        if self.detail.household_id != household_id:
            self.open_household(household_id)

    def _load_detail(self, household_id: str) -> None:
        if self.index is None:
            return
        try:
            file = load_household(household_id, self.index, self._caseload, self._rights)
        except AllerVersError as error:
            self.detail.show_error(describe(error, QCoreApplication.translate))
            return
        self.detail.show_file(file, self._row(household_id))

    def _row(self, household_id: str) -> CaseloadRow | None:
        """The household's row in the table, if it is the current row or among those read."""
        current = self.view.currentIndex()
        if current.isValid():
            row = self.model.row_at(current.row())
            if row is not None and row.household_id == household_id:
                return row
        number = self.model.row_of(household_id)
        return self.model.row_at(number) if number is not None else None

    def _person_erased(self, household_id: str) -> None:
        self.forget_households([household_id])
        self.done.setText(
            self.tr(
                "Données personnelles du foyer effacées. Il ne figure plus dans le suivi ; ses "
                "comptes anonymes restent dans les chiffres."
            )
        )
        self.erased.emit([household_id])

    def forget_households(self, household_ids: list[str] | None) -> None:
        """After an erasure (these households) or a purge (None: any household): what was read
        of them goes, and the table and the "à relancer" list are read again (an erased household
        leaves them)."""
        if household_ids is None:
            self.index = None  # read again, lazily, when next needed
            self._index_stale = True
            self._close_detail()
        else:
            if self.index is not None:
                self.index.forget(household_ids)
            if self.detail.household_id in household_ids:
                self._close_detail()
        self.error.clear()
        self.model.reload()
        self._show_count()
        self._load_due()
        if self.tabs.currentIndex() == DUE_TAB:
            self._need_index()

    def _household_changed(self, household_id: str) -> None:
        self.model.refresh()
        self._show_count()
        self._load_due()
        if self.detail.household_id == household_id:
            self._load_detail(household_id)


def build_caseload_page(workspace: OpenWorkspace, visits: VisitService) -> CaseloadPage:
    """The page with the unlocked user's services and permissions."""
    user = workspace.user
    users = [u for u in workspace.list_users() if u.active] if user.is_coordinator else None
    retention = RetentionService(workspace) if user.is_coordinator else None
    return CaseloadPage(
        CaseloadService(workspace), RightsService(workspace), visits, user, users, retention
    )
