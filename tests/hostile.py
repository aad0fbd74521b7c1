"""Hypothesis strategies that mutate the example households (examples/households/) into hostile
files: values of the wrong type or out of range, unknown or renamed answers, dates at and past
every bound, paths as questionnaire ids, and byte-level damage (invalid UTF-8, truncation, deep
nesting, huge numbers and strings, a byte-order mark, NUL).

A name and a phone are planted in the files (as values and as keys) on top of the examples' own
contact: no message may ever repeat them.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples" / "households"
BASE_TEXTS = [p.read_text("utf-8") for p in sorted(EXAMPLES_DIR.glob("*.json"))]
BASES = [json.loads(text) for text in BASE_TEXTS]

PLANTED_NAME = "Gwenaëlle Kerhervé"
PLANTED_PHONE = "07 98 76 54 32"
SECRETS = (
    PLANTED_NAME,
    PLANTED_PHONE,
    "Kerhervé",
    "Clémence Delaunay",  # the examples' own contact
    "Delaunay",
    "06 00 00 00 01",
)

_TODAY = dt.date.today()
DAYS = [
    (_TODAY + dt.timedelta(days=shift)).isoformat() for shift in (-400, -1, 0, 1, 2, 367, 400)
] + [
    "1899-12-31",
    "1900-01-01",
    "1999-12-31",
    "2000-01-01",
    "2015-12-31",
    "2016-01-01",
    "2016-04-30",
    "2016-05-01",
    "9999-12-31",
    "0001-01-01",
    "2026-02-30",
    "20261014",
    "2026-W42-3",
    "2026-10-14T10:00",
]
TEXTS = [
    PLANTED_NAME,
    PLANTED_PHONE,
    "",
    " ",
    "\ud800",
    "a\udfffb",
    "a\x00b",
    "\x1b[31m",
    "../../../../tmp/questionnaire",
    "/etc/passwd",
    "visite",
    "interview",
    "yes",
    "none",
    "49092",
    "x" * 600,
]
KEYS = [
    PLANTED_NAME,
    "nir",
    "numero_securite_sociale",
    "__proto__",
    "",
    "persons",
    "age",
    "x" * 300,
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.integers(min_value=10**15, max_value=10**300),
    st.floats(),
    st.sampled_from([0, 1, 2, 12, 13, 120, 121, 999, 1000, -1, 0.5, 1e308, 20000.01]),
    st.text(max_size=12),
    st.sampled_from(TEXTS),
    st.sampled_from(DAYS),
)
values = st.one_of(
    scalars,
    st.lists(scalars, max_size=3),
    st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), scalars, max_size=2),
    st.lists(st.lists(scalars, max_size=2), max_size=2),
)


def _strings(tree: Any) -> Iterator[str]:
    if isinstance(tree, str):
        yield tree
    elif isinstance(tree, dict):
        for value in tree.values():
            yield from _strings(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from _strings(value)


# Values of the right kind, often accepted: they take the engine to its edges.
plausible = st.one_of(
    st.integers(0, 25_000),
    st.floats(0, 25_000, allow_nan=False),
    st.sampled_from(sorted({text for base in BASES for text in _strings(base)})),
    st.sampled_from(DAYS),
    st.lists(st.integers(0, 20_000), min_size=3, max_size=3),
)


def _paths(tree: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from _paths(value, (*path, key))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            yield from _paths(value, (*path, index))


def _parent(tree: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        tree = tree[step]
    return tree


HOSTILE = ["plausible"] * 4 + ["replace", "replace", "date", "delete", "add", "rename", "copy"]
GENTLE = ["plausible", "plausible", "date", "delete"]


@st.composite
def mutated_tree(draw: st.DrawFn, operations: list[str] = HOSTILE, most: int = 4) -> Any:
    tree: Any = json.loads(draw(st.sampled_from(BASE_TEXTS)))
    for _ in range(draw(st.integers(1, most))):
        path = draw(st.sampled_from(list(_paths(tree))))
        operation = draw(st.sampled_from(operations))
        if not path:
            if operation == "replace":
                tree = draw(values)
            continue
        parent, last = _parent(tree, path), path[-1]
        if operation == "replace":
            parent[last] = draw(values)
        elif operation == "plausible":
            parent[last] = draw(plausible)
        elif operation == "date":
            parent[last] = draw(st.sampled_from(DAYS))
        elif operation == "delete":
            del parent[last]
        elif operation == "add" and isinstance(parent[last], dict):
            parent[last][draw(st.sampled_from(KEYS))] = draw(values)
        elif operation == "rename" and isinstance(parent, dict):
            parent[draw(st.sampled_from(KEYS))] = parent.pop(last)
        elif operation == "copy" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
    return tree


DAMAGE = [
    "none",
    "none",
    "none",
    "flip",
    "truncate",
    "invalid_utf8",
    "bom",
    "nest",
    "huge_number",
    "huge_string",
    "nul",
]


@st.composite
def visit_bytes(draw: st.DrawFn, one_line: bool = True) -> bytes:
    """One mutated visit, serialised on one line (or over several), then maybe damaged."""
    tree = draw(mutated_tree())
    text = json.dumps(tree, ensure_ascii=draw(st.booleans()), indent=None if one_line else 2)
    # Lone surrogates written raw (ensure_ascii=False) give invalid UTF-8, as a broken editor would.
    data = text.encode("utf-8", "surrogatepass")
    damage = draw(st.sampled_from(DAMAGE))
    at = draw(st.integers(0, len(data)))
    if damage == "flip" and data:
        index = min(at, len(data) - 1)
        data = data[:index] + bytes([data[index] ^ draw(st.integers(1, 255))]) + data[index + 1 :]
    elif damage == "truncate":
        data = data[:at]
    elif damage == "invalid_utf8":
        data = (
            data[:at]
            + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80"]))
            + data[at:]
        )
    elif damage == "bom":
        data = b"\xef\xbb\xbf" + data
    elif damage == "nest":
        depth = draw(st.sampled_from([9, 50, 2_000, 30_000]))
        data = b"[" * depth + data + b"]" * depth
    elif damage == "huge_number":
        data = data.replace(b"0", b"9" * draw(st.sampled_from([20, 400, 5_000])), 1)
    elif damage == "huge_string":
        data = data.replace(b'"', b'"' + b"A" * draw(st.sampled_from([700, 70_000])), 1)
    elif damage == "nul":
        data = data[:at] + b"\x00" + data[at:]
    if one_line:
        data = data.replace(b"\n", b" ").replace(b"\r", b" ")
    return data


@st.composite
def gentle_bytes(draw: st.DrawFn, one_line: bool = True) -> bytes:
    """One visit with a single plausible change (a value of the right kind, a date at a bound,
    an answer left out): often accepted, it takes the rights engine to its edges."""
    tree = draw(mutated_tree(GENTLE, most=1))
    return json.dumps(tree, indent=None if one_line else 2).encode()


@st.composite
def jsonl_bytes(draw: st.DrawFn) -> bytes:
    """An import file: one or two mutated visits (hostile or gentle), sometimes next to an intact example, blank lines and
    Windows line ends included."""
    lines = draw(st.lists(visit_bytes() | gentle_bytes(), min_size=1, max_size=2))
    if draw(st.booleans()):
        intact = json.dumps(draw(st.sampled_from(BASES)), ensure_ascii=False).encode()
        lines.insert(draw(st.integers(0, len(lines))), intact)
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), b"")
    end = draw(st.sampled_from([b"\n", b"\r\n"]))
    return end.join(lines) + (end if draw(st.booleans()) else b"")


def leaked(text: str) -> list[str]:
    """The planted or example personal data found in `text`."""
    return [secret for secret in SECRETS if secret in text]
