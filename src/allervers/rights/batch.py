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

from allervers.rights.mapping import PAST_BENEFIT_MONTHS, Situation
from allervers.rights.periods import add_months, month_key

STAGE_INDIVIDU = ("aah",)
STAGE_FAMILLE = ("aide_logement", "aspa", "af", "cf", "asf", "paje_base")

FAMILLE_OUTPUTS = (
    "rsa",
    "rsa_base_ressources",
    "rsa_socle",
    "rsa_socle_majore",
    "rsa_forfait_logement",
    "rsa_eligibilite",
    "ppa",
    "ppa_eligibilite",
    "ppa_revenu_activite",
    "ppa_base_ressources",
    "aide_logement",
    "apl",
    "als",
    "alf",
    "aide_logement_base_ressources",
    "aide_logement_loyer_plafond",
    "cmu_c",
    "css_participation_forfaitaire",
    "css_cmu_base_ressources",
    "cmu_c_plafond",
    "acs_plafond",
    "aspa",
    "asi_aspa_base_ressources",
    "en_couple",
)
INDIVIDU_OUTPUTS = ("aah", "aah_eligible", "aspa_eligibilite")
MENAGE_OUTPUTS = ("zone_apl",)


@dataclass(frozen=True, slots=True)
class BatchResults:
    """Values of month M: per main family (`famille`), per person (`individu`), per household."""

    famille: dict[str, npt.NDArray[Any]]
    individu: dict[str, npt.NDArray[Any]]
    menage: dict[str, npt.NDArray[Any]]
    aspa_ceiling: npt.NDArray[np.float64]
    """Monthly ASPA resource ceiling per main family (single or couple)."""


@dataclass(frozen=True, slots=True)
class HouseholdFigures:
    """What OpenFisca found for one household's main family, month M (euros, per month unless
    stated)."""

    famille: dict[str, float]
    aah_by_rank: dict[int, float]
    """AAH per person of the main family, by rank in the `persons` answer."""
    aspa_eligible_ranks: frozenset[int]
    apl_zone: int
    aspa_ceiling: float


def household_figures(results: BatchResults, situation: Situation) -> list[HouseholdFigures]:
    s = situation.structure
    famille = {name: values.astype(np.float64) for name, values in results.famille.items()}
    aah = results.individu["aah"].astype(np.float64)
    aspa_eligible = results.individu["aspa_eligibilite"]
    zones = np.asarray(results.menage["zone_apl"], dtype=np.int64)
    aah_by_household: list[dict[int, float]] = [{} for _ in range(s.n_menages)]
    eligible_by_household: list[set[int]] = [set() for _ in range(s.n_menages)]
    for person in np.flatnonzero(s.in_main_famille):
        household = int(s.person_household[person])
        rank = int(s.person_rank[person])
        aah_by_household[household][rank] = float(aah[person])
        if aspa_eligible[person]:
            eligible_by_household[household].add(rank)
    return [
        HouseholdFigures(
            famille={name: float(values[h]) for name, values in famille.items()},
            aah_by_rank=aah_by_household[h],
            aspa_eligible_ranks=frozenset(eligible_by_household[h]),
            apl_zone=int(zones[h]),
            aspa_ceiling=float(results.aspa_ceiling[h]),
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
    individu = {v: simulation.calculate(v, month) for v in INDIVIDU_OUTPUTS}
    menage = {v: simulation.calculate(v, month) for v in MENAGE_OUTPUTS}
    aspa = system.parameters(
        month
    ).prestations_sociales.solidarite_insertion.minimum_vieillesse.aspa
    ceiling = np.where(
        famille["en_couple"],
        aspa.plafond_ressources.couples,
        aspa.plafond_ressources.personnes_seules,
    )
    return BatchResults(famille, individu, menage, np.asarray(ceiling, dtype=np.float64) / 12)


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
