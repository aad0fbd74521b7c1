"""The CSG thresholds and rates of a month, read from OpenFisca-France's parameters.

Each leaf parameter is read on its own (`Parameter(instant)`): asking the whole tree at an instant
(`parameters(instant)`) would build every node of the legislation for each month of history.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from openfisca_core.taxbenefitsystems import TaxBenefitSystem  # type: ignore[import-untyped]

from allervers.rights.csg import CsgRate, ReplacementIncomeScales, Threshold

CSG = "prelevements_sociaux.contributions_sociales.csg.remplacement"
PSS = "prelevements_sociaux.pss.plafond_securite_sociale_mensuel"
CRDS = "prelevements_sociaux.contributions_sociales.crds"
CASA = "prelevements_sociaux.cotisations_securite_sociale_regime_general.casa"
ALLOWANCE = "prelevements_sociaux.contributions_sociales.csg.activite.abattement"
SMIC = "marche_travail.salaire_minimum.smic"


class Scales:
    """`scales(month)`: the `ReplacementIncomeScales` in force on the first day of `month`."""

    def __init__(self, system: TaxBenefitSystem) -> None:
        self._root = system.parameters
        self._months: dict[date, ReplacementIncomeScales] = {}

    def _node(self, path: str) -> Any:
        node = self._root
        for key in path.split("."):
            node = node.children[key]
        return node

    def _value(self, path: str, day: str) -> float | None:
        value = self._node(path)(day)
        return None if value is None else float(value)

    def _threshold(self, level: int, day: str) -> Threshold | None:
        base = f"{CSG}.seuils.seuil_rfr{level}"
        one = self._value(f"{base}.seuil_rfr{level}", day)
        half = self._value(f"{base}.demi_part_suppl_rfr{level}", day)
        return None if one is None or half is None else Threshold(one, half)

    def __call__(self, month: date) -> ReplacementIncomeScales:
        if month not in self._months:
            self._months[month] = self._read(month.isoformat())
        return self._months[month]

    def _read(self, day: str) -> ReplacementIncomeScales:
        exempt = self._threshold(1, day)
        reduced = self._threshold(2, day)
        median = self._threshold(3, day)
        crds = self._value(CRDS, day) or 0.0
        casa = float(
            self._node(f"{CASA}.pensions_retraite_preretraite_invalidite")
            .brackets[0]
            .children["rate"](day)
            or 0.0
        )

        def pension(kind: str, rate: str) -> float:
            return self._value(f"{CSG}.pensions_retraite_invalidite.{kind}.{rate}", day) or 0.0

        def unemployment(kind: str, rate: str) -> float:
            return self._value(f"{CSG}.allocations_chomage.{kind}.{rate}", day) or 0.0

        pension_names = {
            CsgRate.REDUCED: "taux_reduit",
            CsgRate.MEDIAN: "taux_median",
            CsgRate.NORMAL: "taux_plein",
        }
        pension_deductible = {CsgRate.EXEMPT: 0.0}
        pension_withheld = {CsgRate.EXEMPT: 0.0}
        for rate, name in pension_names.items():
            deductible = pension("deductible", name)
            pension_deductible[rate] = deductible
            with_casa = rate in (CsgRate.MEDIAN, CsgRate.NORMAL)
            pension_withheld[rate] = (
                deductible + pension("imposable", name) + crds + (casa if with_casa else 0.0)
            )
        unemployment_deductible = {CsgRate.EXEMPT: 0.0}
        unemployment_withheld = {CsgRate.EXEMPT: 0.0}
        for rate, name in ((CsgRate.REDUCED, "taux_reduit"), (CsgRate.NORMAL, "taux_plein")):
            deductible = unemployment("deductible", name)
            unemployment_deductible[rate] = deductible
            unemployment_withheld[rate] = deductible + unemployment("imposable", name) + crds
        allowance = self._node(ALLOWANCE).brackets
        hours = self._value(f"{SMIC}.nb_heures_travail_mensuel", day) or 0.0
        hourly = self._value(f"{SMIC}.smic_b_horaire", day) or 0.0
        floor_share = self._value(f"{CSG}.allocations_chomage.min_exo", day) or 0.0
        return ReplacementIncomeScales(
            exempt_up_to=exempt,
            reduced_up_to=reduced,
            median_up_to=median,
            pension_deductible=pension_deductible,
            pension_withheld=pension_withheld,
            unemployment_deductible=unemployment_deductible,
            unemployment_withheld=unemployment_withheld,
            unemployment_allowance=float(allowance[0].children["rate"](day) or 0.0),
            unemployment_allowance_ceiling=float(allowance[1].children["threshold"](day) or 0.0)
            * (self._value(PSS, day) or 0.0),
            unemployment_floor=floor_share * hours * hourly,
        )
