"""Answers as a person reads them (French first): choice labels, amounts in euros, dates as
JJ/MM/AAAA, communes by name."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from allervers.questionnaire.model import Question, QuestionType, label
from allervers.ui.common.commune_edit import display_code
from allervers.ui.interview.parsing import date_text, previous_months


def language() -> str:
    """The interface language (set by `ui.i18n.Translations` as Qt's default locale)."""
    return QLocale().name()[:2]


def yesno_label(value: str) -> str:
    labels = {
        "yes": QCoreApplication.translate("Answers", "Oui"),
        "no": QCoreApplication.translate("Answers", "Non"),
        "dont_know": QCoreApplication.translate("Answers", "Ne sait pas"),
    }
    return labels.get(value, value)


def choice_labels(question: Question) -> list[tuple[str, str]]:
    """(value, label) in the definition's order; yes/no questions have fixed interface labels."""
    if question.type is QuestionType.YESNO:
        return [(v, yesno_label(v)) for v in question.choice_values()]
    return [(c.value, label(c.label, language())) for c in question.choices]


def money(amount: float) -> str:
    locale = QLocale()
    decimals = 0 if float(amount).is_integer() else 2
    return QCoreApplication.translate("Answers", "{0} €").format(
        locale.toString(float(amount), "f", decimals)
    )


def month_name(day: dt.date) -> str:
    return f"{QLocale().standaloneMonthName(day.month)} {day.year}"


def show(question: Question, value: Any, visit_date: dt.date) -> str:
    """One stored answer in words."""
    if value is None or value == "" or value == []:
        return QCoreApplication.translate("Answers", "non renseigné")
    names = dict(choice_labels(question))
    match question.type:
        case QuestionType.CHOICE | QuestionType.YESNO:
            return names.get(value, str(value))
        case QuestionType.MULTI:
            return ", ".join(names.get(v, str(v)) for v in value)
        case QuestionType.MONEY:
            return money(value)
        case QuestionType.MONEY3 if isinstance(value, list):
            months = previous_months(visit_date)
            each = QCoreApplication.translate("Answers", "{0} : {1}")
            return ", ".join(
                each.format(month_name(m), money(v)) for m, v in zip(months, value, strict=False)
            )
        case QuestionType.MONEY3:
            return QCoreApplication.translate("Answers", "{0} chaque mois").format(money(value))
        case QuestionType.DATE:
            return date_text(value)
        case QuestionType.COMMUNE:
            return display_code(str(value))
    return str(value)
