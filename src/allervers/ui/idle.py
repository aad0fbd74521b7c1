"""Locks after a quiet spell: a laptop left open on a doorstep or in a car must not stay readable.

An application-wide event filter notes the time of every key or mouse event, in any window of the
application (a dialog counts as activity too). A single-shot timer wakes the watcher when the quiet
spell could be over; the watcher then reads its clock and either emits `idle` or sleeps again for
what is left. The clock is injectable (seconds, monotonic): tests move it forward and call
`check()` instead of waiting real minutes.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

Clock = Callable[[], float]

# Events that mean a person is at the keyboard. Paint, timer and focus events do not.
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)


def minutes_to_ms(minutes: float) -> int:
    return max(1, round(minutes * 60_000))


class IdleWatcher(QObject):
    """Emits `idle` once after `interval_ms` without activity, until `start()` is called again."""

    idle = Signal()

    def __init__(
        self, interval_ms: int, parent: QObject | None = None, clock: Clock = time.monotonic
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._interval_ms = interval_ms
        self._last_activity = clock()
        self._watching = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        self._filtering = False
        self._source: Callable[[], int] | None = None

    def set_interval_source(self, source: Callable[[], int]) -> None:
        """The interval in force at each check, e.g. longer during an interview; never shorter
        than `interval_ms` (the timer wakes up after that and sleeps again for the rest)."""
        self._source = source

    def _current_ms(self) -> int:
        return self._source() if self._source is not None else self._interval_ms

    @property
    def interval_ms(self) -> int:
        return self._interval_ms

    @property
    def active(self) -> bool:
        return self._watching

    def set_interval(self, interval_ms: int) -> None:
        self._interval_ms = interval_ms
        if self._watching:
            self.check()

    def start(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True
        self._last_activity = self._clock()
        self._watching = True
        self._timer.start(self._interval_ms)

    def stop(self) -> None:
        self._watching = False
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
        self._filtering = False

    def check(self) -> None:
        """Emits `idle` if the quiet spell is over by the clock; otherwise wakes up again when
        it would be."""
        if not self._watching:
            return
        quiet_ms = (self._clock() - self._last_activity) * 1000
        interval_ms = self._current_ms()
        if quiet_ms >= interval_ms:
            self._watching = False
            self._timer.stop()
            self.idle.emit()
            return
        self._timer.start(max(1, math.ceil(interval_ms - quiet_ms)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._watching and event.type() in ACTIVITY:
            self._last_activity = self._clock()
        return False  # watch only: the event goes on to its widget
