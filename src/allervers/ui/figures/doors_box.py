"""The door figures of the "Chiffres" page (issue 16): coverage of the territory at the period's
end and the doors knocked per week, named as in the activity report (wording/figures.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from allervers.domain.figures import DOOR_FIGURES
from allervers.ui.figures.charts import BarChart
from allervers.wording.figures import (
    FigureSheet,
    chart_title,
    door_figure_name,
    door_section_title,
)

translate = QCoreApplication.translate


class DoorFiguresBox(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doorFigures")
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(frame)
        self.values: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        for number, key in enumerate(DOOR_FIGURES):
            value = QLabel("—")
            value.setObjectName(f"figure-door-{key}")
            bold = value.font()
            bold.setBold(True)
            value.setFont(bold)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row, pair = number % 3, (number // 3) * 2
            self.labels[key] = QLabel(door_figure_name(key, translate))
            grid.addWidget(self.labels[key], row, pair)
            grid.addWidget(value, row, pair + 1)
            self.values[key] = value
        grid.setHorizontalSpacing(18)
        self.weeks = BarChart(
            chart_title("door_weeks", translate),
            translate("DoorFigures", "Aucune porte frappée sur la période."),
        )
        self.weeks.setObjectName("chart-door-weeks")
        title = QLabel(door_section_title(translate))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(frame)
        layout.addWidget(self.weeks)

    def show_sheet(self, sheet: FigureSheet) -> None:
        for key in DOOR_FIGURES:
            self.values[key].setText(sheet.figure(f"door_{key}").text)
        self.weeks.set_bars(list(sheet.chart("door_weeks").bars))
