"""How a door status is drawn: a colour AND a shape each, so that the map reads without colour
(colour-blind people, a grey-scale print, a laptop screen in the sun). Colours from the Okabe-Ito
palette, designed to stay apart under the common colour-vision deficiencies (Okabe & Ito, "Color
Universal Design", 2008)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from allervers.domain.doors import DoorStatus

translate = QCoreApplication.translate
SIZE = 9.0  # symbol size in screen pixels, whatever the zoom


@dataclass(frozen=True, slots=True)
class Symbol:
    colour: str
    shape: str  # circle, square, triangle, diamond, cross, bar
    filled: bool


SYMBOLS: dict[DoorStatus, Symbol] = {
    DoorStatus.NOT_VISITED: Symbol("#8c8c8c", "circle", False),
    DoorStatus.ABSENT: Symbol("#E69F00", "square", True),  # orange
    DoorStatus.INTERVIEW: Symbol("#009E73", "circle", True),  # bluish green
    DoorStatus.REFUSED: Symbol("#D55E00", "cross", True),  # vermillion
    DoorStatus.COME_BACK: Symbol("#56B4E9", "triangle", True),  # sky blue
    DoorStatus.DO_NOT_DISTURB: Symbol("#000000", "diamond", True),
    DoorStatus.VACANT: Symbol("#CC79A7", "square", False),  # reddish purple
    DoorStatus.NOT_DWELLING: Symbol("#0072B2", "bar", True),  # blue
    DoorStatus.ERASED: Symbol("#8c8c8c", "triangle", False),
}


def status_label(status: DoorStatus) -> str:
    labels = {
        DoorStatus.NOT_VISITED: translate("DoorSymbols", "Pas encore frappé"),
        DoorStatus.ABSENT: translate("DoorSymbols", "Absent"),
        DoorStatus.INTERVIEW: translate("DoorSymbols", "Entretien"),
        DoorStatus.REFUSED: translate("DoorSymbols", "Refus"),
        DoorStatus.COME_BACK: translate("DoorSymbols", "Repasser"),
        DoorStatus.DO_NOT_DISTURB: translate("DoorSymbols", "Ne plus déranger"),
        DoorStatus.VACANT: translate("DoorSymbols", "Vacant"),
        DoorStatus.NOT_DWELLING: translate("DoorSymbols", "Pas un logement"),
        DoorStatus.ERASED: translate("DoorSymbols", "Issue effacée (conservation)"),
    }
    return labels[status]


def symbol_path(shape: str, size: float = SIZE) -> QPainterPath:
    """The shape centred on (0, 0)."""
    half = size / 2
    path = QPainterPath()
    if shape == "circle":
        path.addEllipse(QPointF(0, 0), half, half)
    elif shape == "square":
        path.addRect(QRectF(-half * 0.9, -half * 0.9, size * 0.9, size * 0.9))
    elif shape == "triangle":
        path.addPolygon(QPolygonF([QPointF(0, -half), QPointF(half, half), QPointF(-half, half)]))
        path.closeSubpath()
    elif shape == "diamond":
        path.addPolygon(
            QPolygonF([QPointF(0, -half), QPointF(half, 0), QPointF(0, half), QPointF(-half, 0)])
        )
        path.closeSubpath()
    elif shape == "cross":
        w = size * 0.18
        for angle in (45, -45):
            bar = QPainterPath()
            bar.addRect(QRectF(-half, -w, size, 2 * w))
            from PySide6.QtGui import QTransform

            path = path.united(QTransform().rotate(angle).map(bar))
    else:  # bar
        path.addRect(QRectF(-half, -size * 0.2, size, size * 0.4))
    return path


def pen_and_brush(symbol: Symbol) -> tuple[QPen, QColor | Qt.BrushStyle]:
    colour = QColor(symbol.colour)
    if symbol.filled:
        return QPen(Qt.PenStyle.NoPen), colour
    return QPen(colour, 1.8), Qt.BrushStyle.NoBrush


def symbol_image(status: DoorStatus) -> QPixmap:
    """The status's symbol as the map stamps it (SIZE pixels, with a margin for the pen)."""
    return icon(status, int(SIZE) + 3, scale=SIZE / (SIZE + 3))


def icon(status: DoorStatus, size: int = 16, scale: float = 0.8) -> QPixmap:
    """The status's symbol for a legend, a list, or the map."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    symbol = SYMBOLS[status]
    pen, brush = pen_and_brush(symbol)
    painter.setPen(pen)
    painter.setBrush(brush)
    painter.translate(size / 2, size / 2)
    painter.drawPath(symbol_path(symbol.shape, size * scale))
    painter.end()
    return pixmap
