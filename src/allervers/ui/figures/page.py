"""The "Chiffres" page (coordinators): the territory's figures for a period, key figures and bar
charts, and the activity report as PDF.

The figures are counted off the UI thread (about a second for 50,000 visits); a period chosen
while they are counted is counted next, and only the last one is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
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
from allervers.ui.busy import ERROR_STYLE, BusyIndicator, message_label
from allervers.ui.doors.figures_box import DoorFiguresBox
from allervers.ui.figures.charts import BarChart, count_text
from allervers.ui.figures.labels import (
    door_outcome_name,
    funnel_labels,
    organisation_label,
    reason_label,
    right_label,
)
from allervers.ui.figures.period import PeriodChooser
from allervers.ui.figures.report import ReportSaver
from allervers.ui.operations import run_in_background
from allervers.wording import euros

# Called by this name so that pyside6-lupdate finds the strings (translations/update.sh).
translate = QCoreApplication.translate

DONE_STYLE = "QLabel { color: #1b5e20; }"
FigureSource = Callable[[Period], TerritoryFigures]

# The key figures, in the order of the activity report. "referred", "filed" and "opened"
# follow the period's flags to their outcome (the funnel); "opened_in_period" and "amount" count
# the rights opened within the period, whenever they were flagged.
KEY_FIGURES = (
    "doors",
    "households",
    "people",
    "flagged",
    "referred",
    "filed",
    "opened",
    "opened_in_period",
    "amount",
    "checks",
)


def _key_labels() -> dict[str, str]:
    return {
        "doors": translate("FiguresPage", "Portes frappées"),
        "households": translate("FiguresPage", "Foyers rencontrés"),
        "people": translate("FiguresPage", "Personnes rencontrées"),
        "flagged": translate("FiguresPage", "Non-recours probables repérés"),
        "referred": translate("FiguresPage", "… dont orientés"),
        "filed": translate("FiguresPage", "… dont demande déposée"),
        "opened": translate("FiguresPage", "… dont droit ouvert"),
        "opened_in_period": translate("FiguresPage", "Droits ouverts sur la période"),
        "amount": translate("FiguresPage", "Leur montant annuel"),
        "checks": translate("FiguresPage", "Vérifications à 3 mois faites à temps"),
    }


def key_values(figures: TerritoryFigures) -> dict[str, str]:
    funnel = figures.funnel
    checks = figures.outcome_checks
    return {
        "doors": count_text(figures.doors_knocked),
        "households": count_text(figures.households_met),
        "people": count_text(figures.people_met),
        "flagged": count_text(funnel.get("flagged", 0)),
        "referred": count_text(funnel.get("referred", 0)),
        "filed": count_text(funnel.get("filed", 0)),
        "opened": count_text(funnel.get("opened", 0)),
        "opened_in_period": count_text(sum(figures.opened_by_right.values())),
        "amount": euros(sum(figures.opened_yearly_amount_by_right.values())),
        "checks": translate("FiguresPage", "{0} sur {1}").format(
            count_text(checks.get("on_time", 0)), count_text(checks.get("due", 0))
        ),
    }


def _bars(values: Mapping[str, float], label: Callable[[str], str]) -> list[tuple[str, float]]:
    return [(label(key), float(value)) for key, value in values.items()]


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
        labels = _key_labels()
        for number, key in enumerate(KEY_FIGURES):
            value = QLabel("—")
            value.setObjectName(f"figure-{key}")
            bold = value.font()
            bold.setBold(True)
            bold.setPointSizeF(bold.pointSizeF() * 1.2)
            value.setFont(bold)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row, pair = number % 5, (number // 5) * 2
            grid.addWidget(QLabel(labels[key]), row, pair)
            grid.addWidget(value, row, pair + 1)
            self.values[key] = value
        grid.setColumnMinimumWidth(2, 200)
        grid.setHorizontalSpacing(18)

        empty = self.tr("Aucun sur la période.")
        self.charts = {
            "funnel": BarChart(
                self.tr("Du repérage au droit ouvert (repérés sur la période)"), empty
            ),
            "doors": BarChart(self.tr("Portes frappées, par issue"), empty),
            "rights": BarChart(self.tr("Non-recours probable, par droit"), empty),
            "reasons": BarChart(self.tr("Non-recours probable, par raison"), empty),
            "organisations": BarChart(self.tr("Orientations, par organisme"), empty),
            "opened": BarChart(self.tr("Droits ouverts sur la période, par droit"), empty),
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
        self.figures = figures
        for key, text in key_values(figures).items():
            self.values[key].setText(text)
        names = funnel_labels()
        self.charts["funnel"].set_bars(
            [(names[key], float(figures.funnel.get(key, 0))) for key in names]
        )
        self.charts["doors"].set_bars(_bars(figures.doors_by_outcome, door_outcome_name))
        self.charts["rights"].set_bars(_bars(figures.nonrecours_by_right, right_label))
        self.charts["reasons"].set_bars(_bars(figures.nonrecours_by_reason, reason_label))
        self.charts["organisations"].set_bars(
            _bars(figures.referrals_by_organisation, organisation_label)
        )
        self.charts["opened"].set_bars(_bars(figures.opened_by_right, right_label))
        self.doors.show_figures(figures)
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
