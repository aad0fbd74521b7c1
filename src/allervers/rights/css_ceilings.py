"""The complémentaire santé solidaire ceilings Aller-Vers carries (`resources/css/plafonds.toml`),
written into OpenFisca-France's parameter so that its CSS formulas read the ceiling in force."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from openfisca_core import periods  # type: ignore[import-untyped]
from openfisca_core.taxbenefitsystems import TaxBenefitSystem  # type: ignore[import-untyped]

from allervers.rights import dated_tables

PARAMETER = "prestations_sociales.solidarite_insertion.minima_sociaux.cs.cmu.plafond_base"


@dataclass(frozen=True, slots=True)
class CssCeiling:
    valid_from: date
    ceiling: float
    source: str
    url: str


def ceilings() -> list[CssCeiling]:
    return [
        CssCeiling(e["valid_from"], float(e["ceiling"]), e["source"], e["url"])
        for e in dated_tables.entries("css")
    ]


def apply_to(system: TaxBenefitSystem) -> None:
    """Each entry applies from its date on (`Parameter.update` with no stop), oldest first."""
    node = system.parameters
    for key in PARAMETER.split("."):
        node = node.children[key]
    for entry in ceilings():
        node.update(start=periods.instant(entry.valid_from.isoformat()), value=entry.ceiling)
