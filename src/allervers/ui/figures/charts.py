"""A horizontal bar chart drawn with QPainter: a title, one bar per category, its value written
at the end. QtCharts is not part of PySide6-Essentials, and these charts need nothing more."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from allervers.wording.figures import count_text

BAR_COLOUR = QColor("#1f4e79")  # the activity report's blue
ROW_GAP = 6
LABEL_SHARE = 0.42  # of the width, for the category names


class BarChart(QWidget):
    def __init__(
        self,
        title: str,
        empty_text: str,
        value_text: Callable[[float], str] = count_text,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self._empty_text = empty_text
        self._value_text = value_text
        self.bars: list[tuple[str, float]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(280)

    def set_bars(self, bars: list[tuple[str, float]]) -> None:
        self.bars = list(bars)
        # The chart's words, for screen readers and for anyone who copies them.
        self.setAccessibleName(self.title)
        self.setAccessibleDescription(
            "; ".join(f"{label} : {self._value_text(value)}" for label, value in self.bars)
            or self._empty_text
        )
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + ROW_GAP

    def _title_height(self) -> int:
        return self.fontMetrics().height() + 2 * ROW_GAP

    def sizeHint(self) -> QSize:
        rows = max(len(self.bars), 1)
        return QSize(420, self._title_height() + rows * self._row_height() + ROW_GAP)

    def minimumSizeHint(self) -> QSize:
        return QSize(280, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        width = self.width()
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        painter.drawText(
            QRectF(0, 0, width, self._title_height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.title,
        )
        painter.setFont(self.font())
        top = self._title_height()
        row_height = self._row_height()
        if not self.bars:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                QRectF(0, top, width, row_height),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self._empty_text,
            )
            painter.end()
            return
        label_width = int(width * LABEL_SHARE)
        widest_value = max(metrics.horizontalAdvance(self._value_text(v)) for _, v in self.bars)
        bar_space = max(width - label_width - widest_value - 3 * ROW_GAP, 10)
        largest = max((v for _, v in self.bars), default=0.0) or 1.0
        for number, (label, value) in enumerate(self.bars):
            y = top + number * row_height
            painter.setPen(text_colour)
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - ROW_GAP)
            painter.drawText(
                QRectF(0, y, label_width - ROW_GAP, row_height),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                elided,
            )
            length = bar_space * max(value, 0.0) / largest
            bar = QRectF(label_width, y + ROW_GAP / 2, max(length, 1.0), row_height - ROW_GAP)
            painter.fillRect(bar, BAR_COLOUR)
            painter.drawText(
                QRectF(bar.right() + ROW_GAP, y, widest_value + ROW_GAP, row_height),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self._value_text(value),
            )
        painter.end()
