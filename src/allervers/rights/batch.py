"""Build one OpenFisca simulation for a whole batch from arrays, and compute in stages.

Building from arrays (`SimulationBuilder.declare_person_entity` / `declare_entity` /
`join_with_persons`, then `Simulation.set_input`) costs a few numpy operations per variable whatever
the number of households; `build_from_entities` walks a nested dict value by value and grows faster
than linearly (see benchmarks/rights.py).

Stages, all for the month M assessed:
1. AAH of M, then assumed the same over the 12 past months (a stable situation);
2. aides au logement, ASPA and prestations familiales of M, then the same over the past months;
3. RSA, prime d'activité, CSS and the figures the reasons quote.
Past months assume a stable household that receives what it is entitled to: for the prime
d'activité this means the forfait logement of an entitled tenant is taken off, which errs towards
a lower estimate rather than promising too much.
The past-month values of stage 1-2 are what RSA (last 3 months of AAH, art. R262-6 CASF), the prime
d'activité (its "fictive" amount of each of the last 3 months, with forfait logement, art. L842-4
CSS) and the CSS (12 months of prestations familiales and AAH, art. R861-8 CSS) read; given as
inputs, OpenFisca does not recurse month after month into the past to compute them (which, for the
aides au logement, leads through the RSA of each earlier month).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from openfisca_core.simulation_builder import SimulationBuilder  # type: ignore[import-untyped]
from openfisca_core.simulations import Simulation  # type: ignore[import-untyped]
from openfisca_core.taxbenefitsystems import TaxBenefitSystem  # type: ignore[import-untyped]

from allervers.rights.csg import CsgRate
from allervers.rights.mapping import PAST_BENEFIT_MONTHS
from allervers.rights.periods import add_months, month_key
from allervers.rights.situation import Situation

STAGE_INDIVIDU = ("aah",)
STAGE_FAMILLE = ("aide_logement", "aspa", "af", "cf", "asf", "paje_base")

FAMILLE_OUTPUTS = (
    "rsa",
    "rsa_base_ressources",
    "rsa_socle",
    "rsa_socle_majore",
    "rsa_forfait_logement",
    "rsa_eligibilite",
    "rsa_eligibilite_tns",
    "ppa",
    "ppa_eligibilite",
    "ppa_eligibilite_apprenants",
    "aide_logement",
    "aide_logement_base_ressources",
    "aide_logement_loyer_plafond",
    "aide_logement_loyer_retenu",
    "aide_logement_charges",
    "aide_logement_participation_personnelle",
    "aide_logement_montant_selectionne_avant_seuil",
    "cmu_c",
    "css_participation_forfaitaire",
    "css_cmu_base_ressources",
    "cmu_c_plafond",
    "acs_plafond",
    "aspa",
    "asi_aspa_base_ressources",
    "en_couple",
)
INDIVIDU_OUTPUTS = (
    "aah",
    "aah_eligible",
    "aah_base_ressources_deconjugalisee",
    "aah_plafond_ressources_deconjugalise",
    "aah_base_non_cumulable",
    "aspa_eligibilite",
    "ppa_plancher_revenu_activite_apprenant",
)
MENAGE_OUTPUTS = ("zone_apl",)
PPA_MONTH_OUTPUTS = (
    "ppa_fictive",
    "ppa_fictive_montant_forfaitaire",
    "ppa_fictive_ressource_activite",
    "ppa_base_ressources",
    "ppa_forfait_logement",
    "ppa_revenu_activite",
    "ppa_eligibilite",
)
"""Each of the three months the prime d'activité averages (art. L842-4 CSS): the reasons say what
the forfait logement and the minimum payment changed."""


@dataclass(frozen=True, slots=True)
class BatchResults:
    """Values of month M: per main family (`famille`), per person (`individu`), per household."""

    famille: dict[str, npt.NDArray[Any]]
    individu: dict[str, npt.NDArray[Any]]
    menage: dict[str, npt.NDArray[Any]]
    aspa_ceiling: npt.NDArray[np.float64]
    """Monthly ASPA resource ceiling per main family (single or couple)."""
    legal: dict[str, float]
    """Legal thresholds of month M the reasons quote (`legal_values`)."""


@dataclass(frozen=True, slots=True)
class HouseholdFigures:
    """What OpenFisca found for one household's main family, month M (euros, per month unless
    stated)."""

    famille: dict[str, float]
    persons: dict[int, dict[str, float]]
    """Per person of the main family, by rank in the `persons` answer: `INDIVIDU_OUTPUTS`, and
    `ppa_revenu_activite_lowest` (lowest activity income of M-3..M-1, for the students' floor)."""
    apl_zone: int
    aspa_ceiling: float
    legal: dict[str, float]
    rfr: float
    """Revenu fiscal de référence of the main foyer, as given to OpenFisca."""
    rfr_estimated: bool
    tax_shares: float
    csg_by_rank: dict[int, CsgRate]
    """CSG rate on replacement incomes in month M, per person of the main family, by rank."""

    @property
    def aah_by_rank(self) -> dict[int, float]:
        return {rank: values["aah"] for rank, values in self.persons.items()}

    @property
    def aspa_eligible_ranks(self) -> frozenset[int]:
        return frozenset(r for r, values in self.persons.items() if values["aspa_eligibilite"])


def household_figures(results: BatchResults, situation: Situation) -> list[HouseholdFigures]:
    s = situation.structure
    famille = {name: values.astype(np.float64) for name, values in results.famille.items()}
    individu = {name: values.astype(np.float64) for name, values in results.individu.items()}
    zones = np.asarray(results.menage["zone_apl"], dtype=np.int64)
    persons: list[dict[int, dict[str, float]]] = [{} for _ in range(s.n_menages)]
    csg_by_household: list[dict[int, CsgRate]] = [{} for _ in range(s.n_menages)]
    for person in np.flatnonzero(s.in_main_famille):
        household = int(s.person_household[person])
        rank = int(s.person_rank[person])
        persons[household][rank] = {name: float(v[person]) for name, v in individu.items()}
        csg_by_household[household][rank] = situation.tax.csg_rate[person]
    return [
        HouseholdFigures(
            famille={name: float(values[h]) for name, values in famille.items()},
            persons=persons[h],
            apl_zone=int(zones[h]),
            aspa_ceiling=float(results.aspa_ceiling[h]),
            legal=results.legal,
            rfr=float(situation.tax.rfr[h]),
            rfr_estimated=bool(situation.tax.rfr_estimated[h]),
            tax_shares=float(situation.tax.shares[h]),
            csg_by_rank=csg_by_household[h],
        )
        for h in range(s.n_menages)
    ]


def build_simulation(system: TaxBenefitSystem, situation: Situation) -> Simulation:
    s = situation.structure
    builder = SimulationBuilder()
    builder.create_entities(system)
    builder.declare_person_entity("individu", np.arange(s.n_persons))
    groups = (
        ("famille", s.n_familles, s.famille_of_person, s.famille_role),
        ("foyer_fiscal", s.n_foyers, s.foyer_of_person, s.foyer_role),
        ("menage", s.n_menages, s.person_household, s.menage_role),
    )
    for key, count, of_person, roles in groups:
        population = builder.declare_entity(key, np.arange(count))
        builder.join_with_persons(population, of_person, roles.tolist())
    simulation = builder.build(system)
    for item in situation.inputs:
        simulation.set_input(item.variable, item.period, item.values)
    return simulation


def compute(system: TaxBenefitSystem, simulation: Simulation, situation: Situation) -> BatchResults:
    month = month_key(situation.month)
    past = [month_key(add_months(situation.month, -k)) for k in range(1, PAST_BENEFIT_MONTHS + 1)]
    for variable in STAGE_INDIVIDU:
        _repeat_into_past(simulation, variable, month, past)
    for variable in STAGE_FAMILLE:
        _repeat_into_past(simulation, variable, month, past)
    s = situation.structure
    famille = {v: simulation.calculate(v, month)[s.main_famille] for v in FAMILLE_OUTPUTS}
    famille.update(_ppa_window(simulation, situation))
    individu = {v: simulation.calculate(v, month) for v in INDIVIDU_OUTPUTS}
    individu["ppa_revenu_activite_lowest"] = np.min(
        [simulation.calculate("ppa_revenu_activite_individu", p) for p in past[:3]], axis=0
    )
    menage = {v: simulation.calculate(v, month) for v in MENAGE_OUTPUTS}
    aspa = system.get_parameters_at_instant(
        month
    ).prestations_sociales.solidarite_insertion.minimum_vieillesse.aspa
    ceiling = np.where(
        famille["en_couple"],
        aspa.plafond_ressources.couples,
        aspa.plafond_ressources.personnes_seules,
    )
    return BatchResults(
        famille,
        individu,
        menage,
        np.asarray(ceiling, dtype=np.float64) / 12,
        legal_values(system, situation.month),
    )


def legal_values(system: TaxBenefitSystem, month: Any) -> dict[str, float]:
    """Minimum payments and ages of month M, from OpenFisca-France's parameters."""
    benefits = system.get_parameters_at_instant(month_key(month)).prestations_sociales
    minima = benefits.solidarite_insertion.minima_sociaux
    housing = benefits.aides_logement.allocations_logement.locatif.seuils_minimum_versement
    aah = benefits.prestations_etat_de_sante.invalidite.aah
    aspa = benefits.solidarite_insertion.minimum_vieillesse.aspa
    return {
        # Art. R262-17 CASF: no RSA under 6 EUR; art. D844-1 CSS: no prime d'activité under 15 EUR.
        "rsa_minimum": float(minima.rsa.rsa_maj.montant_minimum_verse),
        "rsa_age": float(minima.rsa.rsa_cond.age_pac),
        "ppa_minimum": float(minima.ppa.pa_m.montant_minimum_verse),
        "ppa_age": float(minima.ppa.pa_cond.age_min),
        # Art. D823-19 CCH: aides au logement under 10 EUR are not paid (APL: no minimum).
        "housing_minimum_apl": float(housing.apl),
        "housing_minimum_other": float(housing.non_apl),
        "aah_age": float(aah.age_minimal),
        "aah_retirement_age": float(aah.age_legal_retraite),
        "aspa_age": float(aspa.age_min),
        "aspa_early_rate": float(aspa.taux_incapacite_aspa_anticipe),
    }


def _ppa_window(simulation: Simulation, situation: Situation) -> dict[str, npt.NDArray[Any]]:
    """Means over the three months the prime d'activité of M reads (M-4..M-2 or M-3..M-1), of its
    components, of its amount before the minimum payment, and of that amount without forfait
    logement (`ppa_fictive` recomputed with it set to 0, as in openfisca-france's formula)."""
    s = situation.structure
    shifted = situation.shifted[s.main_famille]
    months = {k: month_key(add_months(situation.month, -k)) for k in (1, 2, 3, 4)}
    by_month: dict[int, dict[str, npt.NDArray[np.float64]]] = {}
    for k, period in months.items():
        values = {
            v: np.asarray(simulation.calculate(v, period), dtype=np.float64)[s.main_famille]
            for v in PPA_MONTH_OUTPUTS
        }
        bonification = np.bincount(
            s.famille_of_person,
            weights=simulation.calculate("ppa_bonification", period),
            minlength=s.n_familles,
        )[s.main_famille]
        gain = values["ppa_fictive_montant_forfaitaire"] + bonification
        gain = gain + values["ppa_fictive_ressource_activite"]
        floor = values["ppa_fictive_montant_forfaitaire"]
        values["ppa_fictive_sans_forfait_logement"] = values["ppa_eligibilite"] * np.maximum(
            gain - np.maximum(values["ppa_base_ressources"], floor), 0
        )
        by_month[k] = values
    window: dict[str, npt.NDArray[Any]] = {}
    for name in (*PPA_MONTH_OUTPUTS, "ppa_fictive_sans_forfait_logement"):
        old = (by_month[1][name] + by_month[2][name] + by_month[3][name]) / 3
        new = (by_month[2][name] + by_month[3][name] + by_month[4][name]) / 3
        window[f"{name}_moyenne"] = np.where(shifted, new, old)
    return window


def _repeat_into_past(simulation: Simulation, variable: str, month: str, past: list[str]) -> None:
    """Computes `variable` for M and gives the same value as input for the past months.

    A month already computed while computing M is left as it is (overwriting it would make the
    cache disagree with what was derived from it).
    """
    values = simulation.calculate(variable, month)
    holder = simulation.get_holder(variable)
    for period in past:
        if holder.get_array(period) is None:
            simulation.set_input(variable, period, values)
