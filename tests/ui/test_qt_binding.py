"""The Qt binding itself: a defect there crashes the app whatever our code does."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal()


def test_signals_to_python_functions_leave_true_and_false_alone() -> None:
    """PySide6 6.12.0 drops one reference to True at each emission towards a Python callable:
    after some thousands of clicks, or at exit, Python frees True and aborts the whole app
    (pyproject.toml keeps that version out)."""
    emitter = _Emitter()
    calls: list[int] = []
    emitter.fired.connect(lambda: calls.append(1))
    gc.collect()
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(100):
        emitter.fired.emit()
    gc.collect()
    assert len(calls) == 100
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
