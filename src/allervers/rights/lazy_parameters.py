"""The legislation at an instant, built as the formulas read it rather than all at once.

openfisca-core builds `ParameterNodeAtInstant` for the whole parameter tree (about 100,000 nodes)
the first time a formula asks for any parameter at a new instant; a household assessment touches
about 35 instants (each month of the reference periods), hence seconds of a first assessment spent
on branches no formula reads. `LazyNodeAtInstant` is the same node, whose children are worked out
(by the same `_get_at_instant` of the same parameter objects) when first read, then kept: the
values are identical, only the order of the work changes.
"""

from __future__ import annotations

from typing import Any

from openfisca_core.errors import ParameterNotFoundError  # type: ignore[import-untyped]
from openfisca_core.parameters import (  # type: ignore[import-untyped]
    ParameterNode,
    ParameterNodeAtInstant,
)


def _at_instant(child: Any, instant_str: str) -> Any:
    if isinstance(child, ParameterNode):
        return LazyNodeAtInstant(child.name, child, instant_str)
    return child._get_at_instant(instant_str)


class LazyNodeAtInstant(ParameterNodeAtInstant):  # type: ignore[misc]
    """A `ParameterNodeAtInstant` whose children are computed on first access."""

    def __init__(self, name: str, node: ParameterNode, instant_str: str) -> None:
        # Not calling the base __init__: it would build every child now.
        self._name = name
        self._instant_str = instant_str
        self._node = node
        self._all: dict[str, Any] | None = None

    def __getattr__(self, key: str) -> Any:
        """Only called for a child not read yet (attributes set below are found directly)."""
        if key.startswith("_"):
            raise AttributeError(key)  # technical attributes (no parameter starts with "_")
        child = self._node.children.get(key)
        value = None if child is None else _at_instant(child, self._instant_str)
        if value is None:
            name = f"{self._name}.{key}" if self._name else key
            raise ParameterNotFoundError(name, self._instant_str)
        setattr(self, key, value)
        return value

    @property
    def _children(self) -> dict[str, Any]:
        """Every child present at the instant, as the base class holds them (fancy indexing,
        iteration, `repr`)."""
        if self._all is None:
            found = {}
            for key, child in self._node.children.items():
                value = self.__dict__.get(key)
                if value is None:
                    value = _at_instant(child, self._instant_str)
                if value is not None:
                    found[key] = value
                    self.__dict__[key] = value
            self._all = found
        return self._all

    def add_child(self, child_name: str, child_at_instant: Any) -> None:
        self._children[child_name] = child_at_instant
        setattr(self, child_name, child_at_instant)
