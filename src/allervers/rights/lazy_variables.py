"""OpenFisca-France's variables made when a formula first asks for them.

Building `FranceTaxBenefitSystem()` executes its 133 model files and makes 3,183 `Variable`
objects (making one sorts its formulas by date: most of the time). With an index from the engine
cache (variable name -> model file, made from a complete load of the same installed version),
`LazyVariables` executes a model file the first time one of its variables is looked up, keeps its
classes, and makes a variable object only when that variable is looked up, through openfisca-core's
own `add_variable`: the objects are those a complete load makes, only fewer and later. Code that
walks every variable (`keys`, `items`, `values`, iteration, `len`: `build_from_entities` does)
first makes them all, so it sees the complete set.
"""

from __future__ import annotations

from _collections_abc import dict_items, dict_keys, dict_values
from collections.abc import Callable, Iterable, Iterator
from typing import Any


class LazyVariables(dict[str, Any]):
    def __init__(
        self,
        files: dict[str, str],
        execute: Callable[[str], Iterable[type]],
        make: Callable[[type], None],
    ) -> None:
        """`execute(path)` runs a model file and gives its variable classes; `make(cls)` adds the
        variable object to the system (which stores it here)."""
        super().__init__()
        self._files = files
        self._execute = execute
        self._make = make
        self._executed: set[str] = set()
        self._classes: dict[str, type] = {}

    @property
    def executed_files(self) -> frozenset[str]:
        return frozenset(self._executed)

    def _run(self, path: str) -> None:
        self._executed.add(path)
        for cls in self._execute(path):
            self._classes.setdefault(cls.__name__, cls)

    def _ensure(self, name: object) -> None:
        if not isinstance(name, str) or dict.__contains__(self, name):
            return
        if name not in self._classes:
            path = self._files.get(name)
            if path is None or path in self._executed:
                return
            self._run(path)
        cls = self._classes.pop(name, None)
        if cls is not None:
            self._make(cls)

    def _complete(self) -> None:
        for path in sorted(set(self._files.values()) - self._executed):
            self._run(path)
        for name in list(self._classes):
            self._ensure(name)

    def get(self, key: str, default: Any = None) -> Any:
        self._ensure(key)
        return dict.get(self, key, default)

    def __getitem__(self, key: str) -> Any:
        self._ensure(key)
        return dict.__getitem__(self, key)

    def __contains__(self, key: object) -> bool:
        self._ensure(key)
        return dict.__contains__(self, key)

    def keys(self) -> dict_keys[str, Any]:
        self._complete()
        return dict.keys(self)

    def values(self) -> dict_values[str, Any]:
        self._complete()
        return dict.values(self)

    def items(self) -> dict_items[str, Any]:
        self._complete()
        return dict.items(self)

    def __iter__(self) -> Iterator[str]:
        self._complete()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._complete()
        return dict.__len__(self)
