"""Month arithmetic and OpenFisca period strings, without importing OpenFisca."""

from __future__ import annotations

from datetime import date


def add_months(day: date, months: int) -> date:
    """First day of the month `months` after (or before) `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    year, month0 = divmod(index, 12)
    return date(year, month0 + 1, 1)


def month_key(day: date) -> str:
    """ "2026-10": the OpenFisca period of one month."""
    return f"{day.year:04d}-{day.month:02d}"


def months_span(first: date, count: int) -> str:
    """ "month:2022-01:54": `count` months from `first`, one OpenFisca period."""
    return f"month:{month_key(first)}:{count}"


def months_between(first: date, last: date) -> int:
    """Number of months from `first` to `last`, both included."""
    return (last.year - first.year) * 12 + last.month - first.month + 1
