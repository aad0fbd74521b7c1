"""The "Chiffres" page (coordinators): the territory's figures for a period, key figures and bar
charts, and the activity report as PDF.

The figures are counted off the UI thread (about a second for 50,000 visits); a period chosen
while they are counted is counted next, and only the last one is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.changes import Changes
from allervers.domain.figures import Period, TerritoryFigures
from allervers.messages import describe
from allervers.ui.common.busy import BusyIndicator, message_label
from allervers.ui.common.operations import run_in_background
from allervers.ui.common.styles import DONE_STYLE, ERROR_STYLE
from allervers.ui.figures.charts import BarChart
from allervers.ui.figures.doors_box import DoorFiguresBox
from allervers.ui.figures.period import PeriodChooser
from allervers.ui.figures.report import ReportSaver
from allervers.wording.figures import KEY_FIGURES, chart_title, figure_sheet, key_figure_name

# Called by this name so that pyside6-lupdate finds the strings (translations/update.sh).
translate = QCoreApplication.translate

FigureSource = Callable[[Period], TerritoryFigures]


class FiguresPage(QWidget):
    """`figures` counts a period (territory_figures on the open workspace); `today` is the
    default period's day and the report's date (tests give one); `folder` is where the report
    is first offered to be saved."""

    def __init__(
        self,
        figures: FigureSource,
        today: Callable[[], dt.date] = dt.date.today,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("figuresPage")
        self._source = figures
        self._today = today
        self._folder = folder or Path.home()
        self.figures: TerritoryFigures | None = None
        self._counting = False
        self._wanted: Period | None = None
        self.saver: ReportSaver | None = None

        title = QLabel(self.tr("Chiffres du territoire"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.error = message_label("figuresError", ERROR_STYLE)
        self.period = PeriodChooser(today())
        self.period.changed.connect(self.count)
        self.period.invalid.connect(
            lambda: self.error.setText(self.tr("La date de fin précède la date de début."))
        )
        self.report_button = QPushButton(self.tr("&Rapport PDF…"))
        self.report_button.setObjectName("reportButton")
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self.save_report)
        self.busy = BusyIndicator()
        self.done = message_label("figuresDone", DONE_STYLE)
        self.done.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        key_box = QFrame()
        key_box.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(key_box)
        self.values: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        for number, key in enumerate(KEY_FIGURES):
            value = QLabel("—")
            value.setObjectName(f"figure-{key}")
            bold = value.font()
            bold.setBold(True)
            bold.setPointSizeF(bold.pointSizeF() * 1.2)
            value.setFont(bold)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row, pair = number % 5, (number // 5) * 2
            self.labels[key] = QLabel(key_figure_name(key, translate))
            grid.addWidget(self.labels[key], row, pair)
            grid.addWidget(value, row, pair + 1)
            self.values[key] = value
        grid.setColumnMinimumWidth(2, 200)
        grid.setHorizontalSpacing(18)

        empty = self.tr("Aucun sur la période.")
        # The door weeks' chart is in the doors' box.
        self.charts = {
            key: BarChart(chart_title(key, translate), empty)
            for key in ("funnel", "doors", "rights", "reasons", "organisations", "opened")
        }
        for key, chart in self.charts.items():
            chart.setObjectName(f"chart-{key}")
        charts = QGridLayout()
        charts.setHorizontalSpacing(24)
        charts.setVerticalSpacing(12)
        for number, chart in enumerate(self.charts.values()):
            charts.addWidget(chart, number // 2, number % 2, Qt.AlignmentFlag.AlignTop)

        top = QHBoxLayout()
        top.addWidget(self.period, 1)
        top.addWidget(self.report_button)
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(title)
        column.addLayout(top)
        column.addWidget(self.busy)
        column.addWidget(self.error)
        column.addWidget(self.done)
        column.addWidget(key_box)
        self.doors = DoorFiguresBox()  # the territory's doors (issue 16)
        column.addWidget(self.doors)
        column.addSpacing(8)
        column.addLayout(charts)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        period = self.period.period()
        if period is not None:  # again at each visit: visits and referrals may have changed
            self.count(period)

    def show_changes(self, _changes: Changes) -> None:
        """Visits or referrals changed (ui/common/changes.py): counted again, off the UI thread,
        once the page has counted."""
        period = self.period.period()
        if self.figures is not None and period is not None:
            self.count(period)

    # Counting

    def count(self, period: Period) -> None:
        self.error.clear()
        self._wanted = period
        if self._counting:
            return  # counted when the running count ends
        self._counting = True
        self.busy.start(self.tr("Calcul des chiffres…"))
        self.report_button.setEnabled(False)
        source = self._source
        run_in_background(
            self,
            self.tr("Calcul des chiffres"),
            lambda: source(period),
            self._counted,
            self._failed,
            cancellable=True,  # a read
        )

    def _counted(self, figures: TerritoryFigures) -> None:
        self._counting = False
        if self._wanted is not None and self._wanted != figures.period:
            self.count(self._wanted)
            return
        self.busy.stop()
        self.show_figures(figures)

    def _failed(self, error: Exception) -> None:
        self._counting = False
        self.busy.stop()
        self.error.setText(describe(error, QCoreApplication.translate))

    def show_figures(self, figures: TerritoryFigures) -> None:
        """Drawn from the same sheet as the activity report (wording/figures.py)."""
        self.figures = figures
        sheet = figure_sheet(figures, translate)
        for figure in sheet.key_figures:
            self.values[figure.key].setText(figure.text)
        for key, chart in self.charts.items():
            chart.set_bars(list(sheet.chart(key).bars))
        self.doors.show_sheet(sheet)
        self.report_button.setEnabled(True)

    # The report

    def save_report(self) -> None:
        figures = self.figures
        if figures is None:
            return
        self.done.clear()
        self.error.clear()
        saver = ReportSaver(self, figures, self._today(), self._folder)
        saver.started.connect(lambda: self.busy.start(self.tr("Écriture du rapport…")))
        saver.saved.connect(self._saved)
        saver.failed.connect(self._save_failed)
        self.saver = saver
        saver.start()

    def _saved(self, path: Path) -> None:
        self.busy.stop()
        self._folder = path.parent
        self.done.setText(self.tr("Rapport enregistré : {0}").format(path))

    def _save_failed(self, error: Exception) -> None:
        self.busy.stop()
        self.error.setText(describe(error, QCoreApplication.translate))
