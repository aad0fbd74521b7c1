"""Reading data·inclusion's published files (docs/directory-format.md) and checking each record
with the pinned `data-inclusion-schema`. Anything wrong refuses the file whole, naming the record:
`DirectoryFileInvalid`, worded in French by `allervers.messages`.

JSON: an array of records, as pandas writes it (`date_maj` in milliseconds since 1970, or
AAAA-MM-JJ). CSV: a header line, one record a line, lists written as Python lists
(`['a', 'b']`) or JSON arrays, empty cells for nothing. A file holds structures or services,
told apart by the `structure_id` column that only services have.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pydantic
from data_inclusion.schema import v1

from allervers.domain.directory import DirectoryFileInvalid, FieldProblem

SCHEMA_VERSION = "1.0.10"
LIST_FIELDS = frozenset(
    {
        "reseaux_porteurs",
        "thematiques",
        "publics",
        "modes_accueil",
        "zone_eligibilite",
        "modes_mobilisation",
        "mobilisable_par",
    }
)
_ITEM = r"""\s*(?:'[^'\\]*'|"[^"\\]*")\s*"""
_LIST = re.compile(rf"^\[(?:{_ITEM}(?:,{_ITEM})*)?\]$")
_QUOTED = re.compile(r"""'([^'\\]*)'|"([^"\\]*)\"""")
MAX_CELL = 100_000  # characters: no field of the schema comes near (description: 10,000)


@dataclass(frozen=True, slots=True)
class RawRecord:
    number: int  # 1-based: the element of the JSON array, or the line of the CSV file
    data: dict[str, Any]

    @property
    def id(self) -> str:
        value = self.data.get("id")
        return value if isinstance(value, str) else ""


@dataclass(frozen=True, slots=True)
class RawFile:
    path: Path
    kind: str  # "structures" or "services"
    records: list[RawRecord]


def refuse(path: Path, record: int, reason: str, record_id: str = "") -> DirectoryFileInvalid:
    return DirectoryFileInvalid(path.name, record, record_id, reason)


def read_file(path: Path) -> RawFile:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise refuse(path, 0, "missing") from None
    except IsADirectoryError:
        raise refuse(path, 0, "missing") from None
    except UnicodeDecodeError:
        raise refuse(path, 0, "not_utf8") from None
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" or stripped.startswith("["):
        records = list(_json_records(path, text))
    else:
        records = list(_csv_records(path, text))
    kinds = {"services" if "structure_id" in r.data else "structures" for r in records}
    if len(kinds) > 1:
        first = next(
            r for r in records if ("structure_id" in r.data) != ("structure_id" in records[0].data)
        )
        raise refuse(path, first.number, "mixed_kinds", first.id)
    seen: set[str] = set()
    for record in records:
        if not record.id:
            raise DirectoryFileInvalid(
                path.name, record.number, "", "schema", (FieldProblem("id", "missing"),)
            )
        if record.id in seen:
            raise refuse(path, record.number, "duplicate_id", record.id)
        seen.add(record.id)
    return RawFile(path, kinds.pop() if kinds else "services", records)


def _json_records(path: Path, text: str) -> Iterator[RawRecord]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise refuse(path, 0, "not_json") from None
    if not isinstance(data, list):
        raise refuse(path, 0, "not_a_list")
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise refuse(path, number, "not_a_record")
        # pandas writes every column of every record: nothing is null, not "null".
        yield RawRecord(number, {k: v for k, v in item.items() if v is not None})


def _csv_records(path: Path, text: str) -> Iterator[RawRecord]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if not header or "id" not in header or "source" not in header:
            raise refuse(path, 1, "not_csv")
        for row in reader:
            number = reader.line_num
            if not any(row):
                continue
            if len(row) != len(header):
                raise refuse(path, number, "not_csv")
            record: dict[str, Any] = {}
            for name, cell in zip(header, row, strict=True):
                if cell == "":
                    continue
                if len(cell) > MAX_CELL:
                    raise refuse(path, number, "not_csv")
                record[name] = _list_cell(cell) if name in LIST_FIELDS else cell
            yield RawRecord(number, record)
    except csv.Error:
        raise refuse(path, reader.line_num, "not_csv") from None


def _list_cell(cell: str) -> Any:
    """ "['a', 'b']" (pandas) or '["a", "b"]' -> ["a", "b"]; anything else is left as text, for
    the schema to refuse it as "a list is expected"."""
    if _LIST.match(cell.strip()):
        return [a or b for a, b in _QUOTED.findall(cell)]
    return cell


# Validation -----------------------------------------------------------------------------------


def validate(path: Path, raw: RawFile, record: RawRecord) -> v1.Service | v1.Structure:
    model = v1.Service if raw.kind == "services" else v1.Structure
    try:
        return model.model_validate(record.data)
    except pydantic.ValidationError as error:
        raise DirectoryFileInvalid(
            path.name, record.number, record.id, "schema", problems_of(error)
        ) from None


def problems_of(error: pydantic.ValidationError) -> tuple[FieldProblem, ...]:
    """pydantic's errors as field problems, one per field (a union of code types gives one
    error per member: the first says enough), at most five."""
    problems: dict[str, FieldProblem] = {}
    for item in error.errors(include_url=False):
        location = [
            str(part)
            for part in item["loc"]
            if not str(part).startswith(("constrained", "literal", "function"))
        ]
        field = ".".join(location) or "?"
        if field in problems:
            continue
        values = {"value": _shown(item.get("input"))}
        context = item.get("ctx") or {}
        for key in ("min_length", "max_length", "ge", "le", "pattern"):
            if key in context:
                values[key] = str(context[key])
        code = item["type"]
        if code == "value_error":
            message = str(item.get("msg", "")).removeprefix("Value error, ")
            if not message or message.startswith(
                "value is not"
            ):  # pydantic's own checks (e-mail) speak English
                code = "value_error_other"
            else:  # the schema's validators speak French
                values["message"] = message
        problems[field] = FieldProblem(field, code, values)
        if len(problems) == 5:
            break
    return tuple(problems.values())


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "…"
