"""What a volunteer types, turned into answer values, and back (no Qt: plain logic).

People type amounts the French way ("1 250,50", "1250 €") and dates as JJ/MM/AAAA; the stored
values are those of the household format (numbers in euros, ISO dates). A text that cannot be a
value gives the problem code `check_value` would give for a wrong value of that type, so the
person sees the same message either way.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

# Spaces people or keyboards put in numbers: plain, no-break, narrow no-break (French grouping).
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_INTEGER = re.compile(r"^-?\d+$")
_AMOUNT = re.compile(r"^\d+(?:[.,]\d{1,2})?$")
_DAY_FIRST = re.compile(r"^(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})$")
_COMPACT = re.compile(r"^(?P<d>\d{2})(?P<m>\d{2})(?P<y>\d{4})$")  # 11031992: eight digits
_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")

# Characters that can be part of what is typed in a field; anything else is refused at once.
INTEGER_CHARACTERS = r"[0-9\s\u00a0\u202f-]*"
AMOUNT_CHARACTERS = r"[0-9\s\u00a0\u202f.,€]*"
DATE_CHARACTERS = r"[0-9/.\-\s]*"
PHONE_CHARACTERS = r"\+?[0-9\s\u00a0\u202f.\-()]*"


@dataclass(frozen=True, slots=True)
class Parsed:
    """`value` is None for an empty field (no answer); `problem` is set when the text is not a
    value at all."""

    value: Any = None
    problem: str | None = None


def parse_integer(text: str) -> Parsed:
    plain = _SPACES.sub("", text)
    if not plain:
        return Parsed()
    if not _INTEGER.match(plain):
        return Parsed(problem="not_a_number")
    return Parsed(int(plain))


def parse_amount(text: str) -> Parsed:
    plain = _SPACES.sub("", text).replace("€", "")
    if not plain:
        return Parsed()
    if not _AMOUNT.match(plain):
        return Parsed(problem="not_a_number")
    amount = float(plain.replace(",", "."))
    return Parsed(int(amount) if amount.is_integer() else round(amount, 2))


def parse_date(text: str) -> Parsed:
    plain = text.strip()
    if not plain:
        return Parsed()
    # Only whole dates: a day alone ("25") or without its year is refused, never completed
    # with the current month or year (a wrong date would be stored without anyone noticing).
    match = _DAY_FIRST.match(plain) or _COMPACT.match(plain) or _ISO.match(plain)
    if not match:
        return Parsed(problem="invalid_date")
    try:
        day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return Parsed(problem="invalid_date")
    return Parsed(day.isoformat())


def parse_text(text: str) -> Parsed:
    plain = text.strip()
    return Parsed(plain or None)


def integer_text(value: Any) -> str:
    return "" if value is None else str(value)


def amount_text(value: Any) -> str:
    """For editing: no grouping (easier to correct), a decimal comma only when there are cents."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.2f}".replace(".", ",")
    return str(int(value))


def date_text(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    return day.strftime("%d/%m/%Y")


def previous_months(visit_date: dt.date) -> list[dt.date]:
    """The first day of each of the three months before the visit, oldest first: [M-3, M-2, M-1],
    the order of three-month resources in the household format."""
    months = []
    year, month = visit_date.year, visit_date.month
    for _ in range(3):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        months.append(dt.date(year, month, 1))
    return list(reversed(months))
