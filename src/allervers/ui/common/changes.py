"""The change notifier: one per unlocked workspace (built by the workspace view, destroyed at
the lock). A page that changed something publishes what (`allervers.domain.changes.Changes`);
every page that shows those areas subscribes and refreshes itself, so that no caller has to know
which pages to refresh (Anki's `OpChanges` and `operation_did_execute` are the model).

Callbacks run on the UI thread, in the order they subscribed, right after the operation: a page
hidden at that moment refreshes anyway, so that it is right when it is shown (each page keeps
its refresh cheap or off the UI thread)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal, Slot

from allervers.domain.changes import Area, Changes

Subscriber = Callable[[Changes], None]


class _Subscription(QObject):
    """A child of the subscribing page: destroyed with it, which ends the connection (a page
    closed before the notifier is never called)."""

    def __init__(self, page: QObject, areas: frozenset[Area], callback: Subscriber) -> None:
        super().__init__(page)
        self._areas = areas
        self._callback = callback

    @Slot(object)
    def deliver(self, changes: object) -> None:
        if isinstance(changes, Changes) and changes.touches(self._areas):
            self._callback(changes)


class ChangeNotifier(QObject):
    published = Signal(object)  # Changes

    def publish(self, changes: Changes) -> None:
        self.published.emit(changes)

    def subscribe(self, page: QObject, areas: Iterable[Area], callback: Subscriber) -> None:
        """`callback(changes)` for every change touching one of `areas`, for as long as `page`
        lives."""
        subscription = _Subscription(page, frozenset(areas), callback)
        self.published.connect(subscription.deliver)
