"""How the values of a reason are written: money to the cent unless whole, counts of
consumption units and tax shares exactly ("1,8"), months by name, dates the French way; and the
sentence parts that depend on a value (forfait logement basis, CSG rate, per-unit comparison)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from allervers.domain.rights import ReasonValue
from allervers.wording.base import Translate

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


MONEY_KEYS = frozenset(
    {
        "resources", "ceiling", "amount", "without", "minimum_payment", "housing_aid", "income",
        "floor", "rent", "participation", "rfr", "rfr_per_unit",
    }
)  # fmt: skip
"""Reason values in euros: written to the cent unless whole ("646,52", "11 000")."""


def number(value: float) -> str:
    """Exact decimals, French way: 1.8 -> "1,8", 2.0 -> "2", 2.15 -> "2,15"."""
    return f"{value:.4f}".rstrip("0").rstrip(".").replace(".", ",")


def money(value: float) -> str:
    decimals = 0 if abs(value - round(value)) < 0.005 else 2
    return f"{value:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")


def month(text: str, translate: Translate) -> str:
    """ "2026-06" -> "juin 2026"."""
    names = translate(
        "Wording", "janvier février mars avril mai juin juillet août septembre octobre "
        "novembre décembre"
    ).split()  # fmt: skip
    year, month = text.split("-")
    return f"{names[int(month) - 1]} {year}"


def written(key: str, value: ReasonValue, translate: Translate) -> str:
    """One value as the sentence shows it."""
    if isinstance(value, bool):
        return str(value)
    if key in ("first_month", "last_month") and isinstance(value, str):
        return month(value, translate)
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return f"{value[8:10]}/{value[5:7]}/{value[:4]}"  # parameter dates, the French way
    if isinstance(value, int | float) and key in MONEY_KEYS:
        return money(float(value))
    if isinstance(value, float):
        return number(value)
    return str(value)


def months_clause(values: Mapping[str, ReasonValue], translate: Translate) -> str:
    if "first_month" not in values or "last_month" not in values:
        return ""
    return translate("Wording", " (moyenne de {first_month} à {last_month})")


def basis(values: Mapping[str, ReasonValue], translate: Translate) -> str:
    """Why a forfait logement is deducted (art. R262-9 CASF, R844-3 CSS)."""
    return {
        "hosted_free": translate("Wording", "logement occupé gratuitement"),
        "owner": translate("Wording", "propriétaire sans aide au logement"),
        "housing_aid": translate(
            "Wording", "l'aide au logement estimée ({housing_aid} € par mois) est supposée versée"
        )
        if "housing_aid" in values
        else translate("Wording", "aide au logement perçue"),
    }.get(str(values.get("basis", "")), translate("Wording", "avantage en nature de logement"))


def per_unit(values: Mapping[str, ReasonValue], translate: Translate, under: bool) -> str:
    """The chèque énergie compares the RFR per consumption unit with a per-unit ceiling."""
    units = float(values.get("units", 0))
    head = (
        translate("Wording", "Revenu fiscal de {rfr} € pour {units} unités de consommation")
        if units >= 2
        else translate("Wording", "Revenu fiscal de {rfr} € pour {units} unité de consommation")
    )
    tail = (
        translate(
            "Wording",
            ", soit {rfr_per_unit} € par unité, sous le plafond de {ceiling} € par unité.",
        )
        if under
        else translate(
            "Wording",
            ", soit {rfr_per_unit} € par unité, au moins égal au plafond de {ceiling} € par unité.",
        )
    )
    return head + tail


def csg_rate(values: Mapping[str, ReasonValue], translate: Translate) -> str:
    """Art. L136-8 III CSS: the CSG rate on pensions and unemployment benefits."""
    head = {
        "exempt": translate("Wording", "Pension ou allocation chômage exonérée de CSG"),
        "reduced": translate(
            "Wording", "CSG au taux réduit sur la pension ou l'allocation chômage"
        ),
        "median": translate("Wording", "CSG au taux médian sur la pension"),
    }.get(
        str(values.get("rate")),
        translate("Wording", "CSG au taux normal sur la pension ou l'allocation chômage"),
    )
    return head + translate("Wording", " (revenu fiscal de {rfr} € pour {shares} part(s)).")
