"""The offline coverage map: doors drawn from their Lambert-93 coordinates in a QGraphicsView, no
tile server, no network. The doors are one layer item: each status's positions are mapped to the
screen in one C++ call and its symbol, drawn once as a small image, is stamped at each at a fixed
size in pixels whatever the zoom. (One item per door, ignoring the view's transformations, cost
55 ms a frame for 5,000 doors; the layer 15 ms: benchmarks/doors.py.) Building outlines are
grouped in tiles that the view's index culls. Rounds are outlined around their doors, with their
progress. A click picks the nearest door; in drawing mode, the mouse draws a shape for a new
round. Scene coordinates are (x, -y): north up."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from allervers.domain.doors import DoorStatus
from allervers.domain.geometry import Point, convex_hull
from allervers.ui.doors.symbols import symbol_image

PICK_PIXELS = 8  # how near a click must be to a door
TILE_METRES = 400.0  # building outlines are grouped in tiles, culled as a whole
ROUND_MARGIN = 18.0  # metres around a round's doors
MIN_SCALE, MAX_SCALE = 0.01, 40.0  # pixels per metre
# Below this scale (a whole commune in view, thousands of symbols a few pixels apart) shapes are
# drawn without antialiasing: they stay apart and readable, and a frame costs a third less.
SMOOTH_SCALE = 0.8
# Building outlines give the picture its streets once a street fills the screen; a whole
# commune in view makes them specks of a pixel or two, and drawing them then halved the speed.
BUILDINGS_SCALE = 0.5


@dataclass(frozen=True, slots=True)
class MapDoor:
    id: str
    x: float
    y: float
    status: DoorStatus


@dataclass(frozen=True, slots=True)
class MapRound:
    name: str
    points: tuple[Point, ...]
    knocked: int
    doors: int


class DoorLayer(QGraphicsItem):
    """Every door, stamped with its status's symbol (ui/doors/symbols.py)."""

    def __init__(self, doors: Sequence[MapDoor]) -> None:
        super().__init__()
        by_status: dict[DoorStatus, list[QPointF]] = {}
        for door in doors:
            by_status.setdefault(door.status, []).append(QPointF(door.x, -door.y))
        # Doors not knocked under the others: what was done shows on top.
        order = sorted(by_status, key=lambda s: s is not DoorStatus.NOT_VISITED)
        self.points = [(s, QPolygonF(by_status[s])) for s in order]
        self.stamps = {s: symbol_image(s) for s in by_status}
        bounds = QRectF()
        for _status, polygon in self.points:
            bounds = bounds.united(polygon.boundingRect())
        self._bounds = bounds.adjusted(-50, -50, 50, 50)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, _option: object, _widget: QWidget | None = None) -> None:
        to_screen = painter.worldTransform()
        painter.save()
        for status, polygon in self.points:
            stamp = self.stamps[status]
            half = stamp.width() / stamp.devicePixelRatio() / 2
            painter.resetTransform()
            painter.translate(-half, -half)
            draw = painter.drawPixmap
            mapped = to_screen.map(polygon)  # one C++ call for every door of the status
            for point in mapped:  # type: ignore[attr-defined]
                draw(point, stamp)
        painter.restore()


def _scene(point: Point) -> QPointF:
    return QPointF(point[0], -point[1])


def _buffered(hull: Sequence[Point], margin: float) -> list[Point]:
    """The hull pushed out by `margin` from its centre (enough for an outline)."""
    if not hull:
        return []
    cx = sum(p[0] for p in hull) / len(hull)
    cy = sum(p[1] for p in hull) / len(hull)
    out = []
    for x, y in hull:
        dx, dy = x - cx, y - cy
        length = math.hypot(dx, dy) or 1.0
        out.append((x + dx / length * margin, y + dy / length * margin))
    if len(out) < 3:  # one or two doors: a square around them
        x0, y0 = min(p[0] for p in out) - margin, min(p[1] for p in out) - margin
        x1, y1 = max(p[0] for p in out) + margin, max(p[1] for p in out) + margin
        out = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    return out


class CoverageMap(QGraphicsView):
    door_clicked = Signal(str)
    polygon_drawn = Signal(object)  # list of (x, y), Lambert-93 metres

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverageMap")
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setBackgroundBrush(QBrush(QColor("#f7f5ef")))
        self.doors: dict[str, MapDoor] = {}
        self.layer: DoorLayer | None = None
        self.round_items: list[QGraphicsPolygonItem] = []
        self.building_items: list[QGraphicsPathItem] = []
        self._labels: list[QGraphicsSimpleTextItem] = []
        self._marker: QGraphicsPathItem | None = None
        self._drawing = False
        self._stroke: list[QPointF] = []
        self._stroke_item: QGraphicsPolygonItem | None = None
        self._press: QPointF | None = None
        # Until the person zooms, the map keeps the whole territory in view when resized.
        self._auto_fit = True

    # Content

    def show_doors(self, doors: Iterable[MapDoor]) -> None:
        if self.layer is not None:
            self.scene().removeItem(self.layer)
        self.doors = {d.id: d for d in doors}
        self.layer = DoorLayer(list(self.doors.values()))
        self.layer.setZValue(10)
        self.scene().addItem(self.layer)

    def show_rounds(self, rounds: Iterable[MapRound]) -> None:
        scene = self.scene()
        for old in [*self.round_items, *self._labels]:
            scene.removeItem(old)
        self.round_items, self._labels = [], []
        pen = QPen(QColor("#3b3b3b"), 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)  # two pixels at any zoom
        font = QFont()
        font.setBold(True)
        for found in rounds:
            outline = _buffered(convex_hull(found.points), ROUND_MARGIN)
            if not outline:
                continue
            item = QGraphicsPolygonItem(QPolygonF([_scene(p) for p in outline]))
            item.setPen(pen)  # an outline only: a translucent fill over the area doubled a frame
            item.setZValue(5)
            scene.addItem(item)
            self.round_items.append(item)
            share = round(100 * found.knocked / found.doors) if found.doors else 0
            label = QGraphicsSimpleTextItem(
                f"{found.name} — {found.knocked}/{found.doors} ({share} %)"
            )
            label.setFont(font)
            label.setBrush(QBrush(QColor("#1a1a1a")))
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            # At the middle of the round's doors: outlines of rounds cut by street overlap, their
            # middles rarely do.
            cx = sum(p[0] for p in found.points) / len(found.points)
            cy = sum(p[1] for p in found.points) / len(found.points)
            label.setPos(cx, -cy)
            label.setZValue(20)
            scene.addItem(label)
            self._labels.append(label)

    def show_buildings(self, polygons: Iterable[Sequence[Point]]) -> None:
        scene = self.scene()
        for old in self.building_items:
            scene.removeItem(old)
        tiles: dict[tuple[int, int], QPainterPath] = {}
        for polygon in polygons:
            if len(polygon) < 3:
                continue
            key = (int(polygon[0][0] // TILE_METRES), int(polygon[0][1] // TILE_METRES))
            path = tiles.setdefault(key, QPainterPath())
            path.addPolygon(QPolygonF([_scene(p) for p in polygon]))
            path.closeSubpath()
        # Filled without an outline: stroking 3,000 antialiased outlines cost a third of a frame.
        pen = QPen(Qt.PenStyle.NoPen)
        brush = QBrush(QColor("#d3cdc0"))
        self.building_items = []
        for path in tiles.values():
            item = QGraphicsPathItem(path)
            item.setPen(pen)
            item.setBrush(brush)
            item.setZValue(1)
            scene.addItem(item)
            self.building_items.append(item)
        self._smooth()

    def mark(self, door_id: str | None) -> None:
        """A ring around the chosen door."""
        if self._marker is not None:
            self.scene().removeItem(self._marker)
            self._marker = None
        door = self.doors.get(door_id or "")
        if door is None:
            return
        ring = QPainterPath()
        ring.addEllipse(QPointF(0, 0), 10, 10)
        marker = QGraphicsPathItem(ring)
        marker.setPen(QPen(QColor("#1a1a1a"), 2.5))
        marker.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        marker.setPos(door.x, -door.y)
        marker.setZValue(30)
        self.scene().addItem(marker)
        self._marker = marker

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit_all()

    def fit_all(self) -> None:
        self._auto_fit = True
        rect = self.scene().itemsBoundingRect()
        if rect.isEmpty():
            return
        self.fitInView(rect.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
        self._smooth()

    def centre_on(self, x: float, y: float) -> None:
        self.centerOn(QPointF(x, -y))

    # Interaction

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        self._auto_fit = False
        wanted = min(MAX_SCALE, max(MIN_SCALE, self.zoom * factor))
        if self.zoom:
            factor = wanted / self.zoom
            self.scale(factor, factor)
        self._smooth()

    def _smooth(self) -> None:
        self.setRenderHint(QPainter.RenderHint.Antialiasing, self.zoom >= SMOOTH_SCALE)
        for item in self.building_items:
            item.setVisible(self.zoom >= BUILDINGS_SCALE)

    def wheelEvent(self, event: QWheelEvent) -> None:
        # Proportional to the wheel's travel: a touchpad's small steps zoom smoothly.
        self.zoom_by(1.0015 ** event.angleDelta().y())

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif event.key() == Qt.Key.Key_Minus:
            self.zoom_by(0.8)
        else:
            super().keyPressEvent(event)

    def set_drawing(self, drawing: bool) -> None:
        """Drawing mode: press, drag around the doors, release: `polygon_drawn`."""
        self._drawing = drawing
        self.setDragMode(
            QGraphicsView.DragMode.NoDrag if drawing else QGraphicsView.DragMode.ScrollHandDrag
        )
        self.viewport().setCursor(
            Qt.CursorShape.CrossCursor if drawing else Qt.CursorShape.OpenHandCursor
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        if self._drawing and event.button() == Qt.MouseButton.LeftButton:
            self._stroke = [self.mapToScene(event.position().toPoint())]
            item = QGraphicsPolygonItem()
            pen = QPen(QColor("#0072B2"), 2)
            pen.setCosmetic(True)
            item.setPen(pen)
            item.setBrush(QBrush(QColor(0, 114, 178, 40)))
            item.setZValue(25)
            self.scene().addItem(item)
            self._stroke_item = item
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing and self._stroke_item is not None:
            self._stroke.append(self.mapToScene(event.position().toPoint()))
            self._stroke_item.setPolygon(QPolygonF(self._stroke))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drawing and self._stroke_item is not None:
            self.scene().removeItem(self._stroke_item)
            self._stroke_item = None
            points = [(p.x(), -p.y()) for p in self._stroke]
            self._stroke = []
            if len(points) >= 3:
                self.polygon_drawn.emit(points)
            return
        super().mouseReleaseEvent(event)
        start = self._press
        self._press = None
        if start is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if (event.position() - start).manhattanLength() > 4:
            return  # a drag, not a click
        door_id = self.door_at(event.position().toPoint().x(), event.position().toPoint().y())
        if door_id is not None:
            self.door_clicked.emit(door_id)

    def door_at(self, x: int, y: int) -> str | None:
        """The door nearest to the viewport point (x, y), within PICK_PIXELS."""
        at = self.mapToScene(x, y)
        reach = PICK_PIXELS / (self.zoom or 1.0)
        best: tuple[float, str] | None = None
        for door in self.doors.values():
            distance = math.hypot(door.x - at.x(), -door.y - at.y())
            if distance <= reach and (best is None or distance < best[0]):
                best = (distance, door.id)
        return None if best is None else best[1]

    def viewport_rect_metres(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()
