"""A date typed as JJ/MM/AAAA in the referral dialogs, read strictly.

A QDateEdit turns a partly typed date into another date without a word ("25" became 02/05/2026,
issue 13) and silently clamps to its limits. Here the text is the date: a whole, real date is read,
anything else is an error the dialog names, and the limits are domain rules with their own
message (domain.referrals.step_date_problem)."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

# "20/07/2026", "20-07-2026", "20.07.2026", or eight digits "20072026".
_DAY = re.compile(r"^(?P<d>\d{2})[/.-]?(?P<m>\d{2})[/.-]?(?P<y>\d{4})$")


def read_day(text: str) -> dt.date | None:
    match = _DAY.match(text.strip())
    if match is None:
        return None
    try:
        return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def day_problem() -> str:
    return QCoreApplication.translate(
        "DateField", "Date attendue en entier, jour/mois/année : par exemple 20/07/2026."
    )


class DateField(QLineEdit):
    def __init__(self, day: dt.date, name: str, parent: QWidget | None = None) -> None:
        super().__init__(day.strftime("%d/%m/%Y"), parent)
        self.setObjectName(name)
        self.setMaxLength(10)
        self.setPlaceholderText(QCoreApplication.translate("DateField", "JJ/MM/AAAA"))

    def day(self) -> dt.date | None:
        return read_day(self.text())
