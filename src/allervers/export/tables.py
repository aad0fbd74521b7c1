"""The CSV files of an export: written for spreadsheets (UTF-8 with a byte-order mark, so that a
French Excel shows the accents of territory names), read back by `verify-export` and
`merge-exports`. Hidden cells read `s`, the sign INSEE tables use for statistical secrecy."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from allervers.domain.export import SUPPRESSED, CellKey

INDICATOR_HEADER = ("territory_code", "territory_name", "period", "indicator", "breakdown", "value")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell_text(text: str) -> str:
    """A spreadsheet must not run a territory name as a formula (CSV injection): a cell that
    starts with = + - @, a tab or a carriage return is prefixed with an apostrophe."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def from_csv(data: bytes) -> tuple[list[str], list[list[str]]]:
    text = data.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = list(reader)
    if not rows:
        raise ValueError("empty file")
    return rows[0], rows[1:]


def number_text(value: float) -> str:
    """Whole numbers: counts are whole, amounts are rounded to the euro before the export."""
    return str(round(value))


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    territory_code: str
    territory_name: str
    period: str
    key: CellKey
    value: float | None  # None: hidden


def indicators_csv(rows: Iterable[IndicatorRow]) -> bytes:
    return to_csv(
        INDICATOR_HEADER,
        (
            (
                cell_text(r.territory_code),
                cell_text(r.territory_name),
                cell_text(r.period),
                r.key[0],
                r.key[1],
                SUPPRESSED if r.value is None else number_text(r.value),
            )
            for r in rows
        ),
    )


def read_indicators(data: bytes) -> list[IndicatorRow]:
    header, rows = from_csv(data)
    if tuple(header) != INDICATOR_HEADER:
        raise ValueError("unexpected header")
    result = []
    for row in rows:
        if len(row) != len(INDICATOR_HEADER):
            raise ValueError("short row")
        code, name, period, indicator, breakdown, text = row
        value = None if text == SUPPRESSED else float(text)
        if value is not None and (not math.isfinite(value) or value < 0):
            raise ValueError("bad value")
        result.append(IndicatorRow(code, name, period, (indicator, breakdown), value))
    return result
