"""Reading visits from a file someone gave us (`visits import`, `assess`): hostile until checked.

Everything is checked before anything is stored or computed, and every problem is data (a code,
a line number, limits) that `allervers.messages` phrases in French without quoting the file: a
file may hold a person's name anywhere, in a key as well as in a value. The limits are documented
in docs/household-format.md.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from allervers.domain.addresses import CLE_INTEROP
from allervers.domain.errors import ImportInvalid, InputFileRefused
from allervers.domain.problems import Problem
from allervers.domain.visits import visit_day_problem
from allervers.questionnaire import communes, loader
from allervers.questionnaire.model import Questionnaire
from allervers.questionnaire.validation import parse_day, validate

FORMAT = "allervers-visit/1"
MAX_VISIT_BYTES = 64 * 1024
"""One visit: about 2 KiB with a household of 12 and a 500-character note."""
MAX_DEPTH = 8
"""Containers inside containers: a visit needs 5 (visit, answers, persons, a person, 3 months)."""
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_VISITS = 100_000
"""Per file: a territory's whole history fits many times over."""

ParsedVisit = tuple[dt.date, Questionnaire, dict[str, Any]]


def commune_exists(code: str) -> bool:
    return communes.find(code) is not None


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of a file (or a whole one-visit file): its text, or why it cannot be
    read."""

    number: int  # 1-based, blank lines counted
    text: str | None
    problem: Problem | None = None


def _open_regular(path: Path) -> BinaryIO:
    """The file, if it is a regular file of a sane size (not a folder, a device or a pipe that
    would be read forever). Checked before opening too: opening a named pipe waits for a writer."""
    if path.exists() and not path.is_file():
        raise InputFileRefused(path, "not_a_file")
    handle = open(path, "rb")  # noqa: SIM115  (returned to the caller's `with`)
    try:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputFileRefused(path, "not_a_file")
        if info.st_size > MAX_FILE_BYTES:
            raise InputFileRefused(path, "too_large", MAX_FILE_BYTES)
    except BaseException:
        handle.close()
        raise
    return handle


def _decode(number: int, raw: bytes) -> Line:
    try:
        # A byte-order mark opens files saved by some Windows editors: not part of the JSON.
        text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError:
        return Line(number, None, Problem("", "not_utf8"))
    return Line(number, text)


def read_lines(path: Path) -> Iterator[Line]:
    """The non-blank lines of a JSONL file, each decoded or refused on its own."""
    with _open_regular(path) as handle:
        number = 0
        visits = 0
        while raw := handle.readline(MAX_VISIT_BYTES + 1):
            number += 1
            if len(raw) > MAX_VISIT_BYTES and not raw.endswith(b"\n"):
                _skip_rest_of_line(handle)
                yield Line(number, None, Problem("", "line_too_long", {"max": MAX_VISIT_BYTES}))
                continue
            if not raw.strip():
                continue
            visits += 1
            if visits > MAX_VISITS:
                raise InputFileRefused(path, "too_many_lines", MAX_VISITS)
            yield _decode(number, raw)


def _skip_rest_of_line(handle: BinaryIO) -> None:
    while chunk := handle.readline(MAX_VISIT_BYTES):
        if chunk.endswith(b"\n"):
            return


def read_whole(path: Path) -> Line:
    """A file holding one visit (JSON over several lines)."""
    with _open_regular(path) as handle:
        raw = handle.read(MAX_VISIT_BYTES + 1)
    if len(raw) > MAX_VISIT_BYTES:
        return Line(1, None, Problem("", "line_too_long", {"max": MAX_VISIT_BYTES}))
    return _decode(1, raw)


def _depth(value: Any) -> int:
    """How deep containers nest, counted without recursion (and stopping past the limit)."""
    deepest = 0
    pending: list[tuple[Any, int]] = [(value, 1)]
    while pending and deepest <= MAX_DEPTH:
        item, level = pending.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        pending.extend((child, level + 1) for child in children)
    return deepest


def parse_json(text: str) -> tuple[Any, list[Problem]]:
    """The JSON value of a line, or the problem: unreadable JSON (with the line and column, for
    a visit over several lines), a number of more than 4,300 digits, nesting too deep."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return None, [Problem("", "not_json", {"line": error.lineno, "column": error.colno})]
    except RecursionError:
        return None, [Problem("", "too_deep", {"max": MAX_DEPTH})]
    except ValueError:  # an integer longer than Python converts (sys.get_int_max_str_digits)
        return None, [Problem("", "not_json")]
    if _depth(data) > MAX_DEPTH:
        return None, [Problem("", "too_deep", {"max": MAX_DEPTH})]
    return data, []


def parse_line(
    line: Line, today: dt.date | None = None
) -> tuple[ParsedVisit | None, list[Problem]]:
    """A line as `read_lines` gave it: the visit, or the problems (reading ones included)."""
    if line.text is None:
        return None, [line.problem] if line.problem else []
    return parse_visit(line.text, today)


def parse_visit(
    line: str, today: dt.date | None = None
) -> tuple[ParsedVisit | None, list[Problem]]:
    """One visit object: the visit, or the problems that make it unusable."""
    data, problems = parse_json(line)
    if problems:
        return None, problems
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None, [Problem("format", "unknown_format")]
    reference = data.get("questionnaire")
    qid = reference.get("id") if isinstance(reference, dict) else None
    version = reference.get("version") if isinstance(reference, dict) else None
    if not isinstance(qid, str) or not isinstance(version, int):
        return None, [Problem("questionnaire", "unknown_questionnaire")]
    try:
        questionnaire = loader.load(qid, version)  # only a shipped or registered one
    except loader.UnknownQuestionnaire:
        return None, [Problem("questionnaire", "unknown_questionnaire")]
    day = parse_day(data.get("visited_on"))
    if day is None:
        return None, [Problem("visited_on", "invalid_date")]
    code = visit_day_problem(day, today or dt.date.today())
    if code:
        return None, [Problem("visited_on", code)]
    answers = data.get("answers")
    if not isinstance(answers, dict):
        return None, [Problem("answers", "required")]
    problems = validate(questionnaire, answers, day, commune_exists)
    return ((day, questionnaire, answers) if not problems else None), problems


def door_key(text: str) -> tuple[str | None, Problem | None]:
    """The `address_ban_id` of a visit line already read by `parse_json` (so neither too deep
    nor holding a giant number), when it has one (docs/household-format.md)."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("address_ban_id") is None:
        return None, None
    key = data["address_ban_id"]
    if not isinstance(key, str) or not CLE_INTEROP.match(key.strip().casefold()):
        return None, Problem("address_ban_id", "invalid_key")
    return key.strip().casefold(), None


@dataclass(frozen=True, slots=True)
class ImportRead:
    """An import file once read: its good visits, the door each names (or None), the lines left
    out with their problems (`skip_invalid`)."""

    visits: list[ParsedVisit]
    door_keys: list[str | None]
    skipped: list[tuple[int, list[Problem]]]


def read_import(path: Path, skip_invalid: bool = False) -> ImportRead:
    """What an import file holds, or `ImportInvalid` naming the first bad line. Needs no
    workspace: a refused file is refused before one is opened."""
    read = ImportRead([], [], [])
    for line in read_lines(path):
        parsed, problems = parse_line(line)
        key = None
        if parsed is not None and line.text is not None:
            key, key_problem = door_key(line.text)
            problems += [key_problem] if key_problem else []
        if parsed is None or problems:
            if not skip_invalid:
                raise ImportInvalid(path, line.number, problems)
            read.skipped.append((line.number, problems))
            continue
        read.visits.append(parsed)
        read.door_keys.append(key)
    return read


def read_visits(path: Path, one_visit: bool) -> list[ParsedVisit]:
    """Every visit of a file (one visit over several lines, or one per line), or `ImportInvalid`
    naming the first bad line: all or nothing."""
    lines = [read_whole(path)] if one_visit else read_lines(path)
    visits = []
    for line in lines:
        parsed, problems = parse_line(line)
        if parsed is None:
            number = line.number
            if one_visit and problems and problems[0].code == "not_json":
                number = int(problems[0].values.get("line", number))
            raise ImportInvalid(path, number, problems)
        visits.append(parsed)
    return visits


def engine_input(visit: ParsedVisit) -> dict[str, Any]:
    """A checked visit as the rights engine reads it."""
    day, _questionnaire, answers = visit
    return {"format": FORMAT, "visited_on": day.isoformat(), "answers": answers}
