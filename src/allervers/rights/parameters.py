"""The parameters each right relies on: from when they apply, and whether they may be out of date.

- `parameter_dates`: for each right, the latest date on or before the month at which one of its
  parameters changed; recorded on every assessment so that a coordinator can see which barème an
  old estimate used.
- `currency`: for each right, the parameters that are revalued on fixed dates, and whether the
  installed rules have a value for the latest revaluation date passed. A missing one means the
  estimate may rest on last year's barème: the assessment says so (screen and household sheet),
  and tests/rights/test_parameters_in_force.py fails once the date has passed, so that the team
  upgrades openfisca-france or completes Aller-Vers' own tables (`dated_tables`).

Revaluation dates: RSA (art. L262-3 CASF), prime d'activité (art. L842-3 CSS), AAH (art. L821-3-1
CSS) and the CSS ceiling (art. L861-1 CSS) each 1 April, by the coefficient of art. L161-25 CSS;
aides au logement each 1 October (art. L823-4 CCH); ASPA (art. L816-2 CSS), the CSG thresholds on
replacement incomes (art. L136-8 III CSS) and the SMIC (art. L3231-5 code du travail; the prime
d'activité bonification is counted in hours of SMIC) each 1 January; the chèque énergie each
campaign year (art. R124-1 code de l'énergie).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from openfisca_core.parameters import Parameter, ParameterNode, ParameterScale  # type: ignore[import-untyped]
from openfisca_core.taxbenefitsystems import TaxBenefitSystem  # type: ignore[import-untyped]

from allervers.domain.rights import RightId
from allervers.rights import cheque_energie, dated_tables

PARAMETER_NODES: dict[RightId, tuple[str, ...]] = {
    RightId.RSA: ("prestations_sociales.solidarite_insertion.minima_sociaux.rsa",),
    RightId.PPA: (
        "prestations_sociales.solidarite_insertion.minima_sociaux.ppa",
        # The individual bonification is expressed in hours of SMIC (art. D843-2 CSS).
        "marche_travail.salaire_minimum.smic",
    ),
    RightId.AIDE_LOGEMENT: ("prestations_sociales.aides_logement",),
    RightId.CSS: ("prestations_sociales.solidarite_insertion.minima_sociaux.cs",),
    RightId.AAH: ("prestations_sociales.prestations_etat_de_sante.invalidite.aah",),
    RightId.ASPA: ("prestations_sociales.solidarite_insertion.minimum_vieillesse.aspa",),
}

APRIL, OCTOBER, JANUARY = 4, 10, 1
MINIMA = "prestations_sociales.solidarite_insertion.minima_sociaux"
CSG_THRESHOLD = (
    "prelevements_sociaux.contributions_sociales.csg.remplacement.seuils.seuil_rfr1.seuil_rfr1"
)
SMIC = "marche_travail.salaire_minimum.smic.smic_b_horaire"


@dataclass(frozen=True, slots=True)
class Revalued:
    """One parameter revalued each year in `month` (on the 1st): an OpenFisca-France parameter
    (`path`) or one of Aller-Vers' own tables (`table`)."""

    month: int
    path: str = ""
    table: str = ""


REVALUED: dict[RightId, tuple[Revalued, ...]] = {
    RightId.RSA: (Revalued(APRIL, f"{MINIMA}.rsa.rsa_m.montant_de_base_du_rsa"),),
    RightId.PPA: (Revalued(APRIL, f"{MINIMA}.ppa.pa_m.montant_de_base"), Revalued(JANUARY, SMIC)),
    RightId.AIDE_LOGEMENT: (
        Revalued(
            OCTOBER,
            "prestations_sociales.aides_logement.allocations_logement.locatif.formule."
            "l_plafonds_loyers.par_zone.zone_2.personnes_seules",
        ),
        Revalued(JANUARY, CSG_THRESHOLD),
    ),
    RightId.CSS: (Revalued(APRIL, table="css"),),
    RightId.AAH: (
        Revalued(APRIL, "prestations_sociales.prestations_etat_de_sante.invalidite.aah.montant"),
    ),
    RightId.ASPA: (
        Revalued(
            JANUARY,
            "prestations_sociales.solidarite_insertion.minimum_vieillesse.aspa."
            "plafond_ressources.personnes_seules",
        ),
        Revalued(JANUARY, CSG_THRESHOLD),
    ),
    RightId.CHEQUE_ENERGIE: (Revalued(JANUARY, table="cheque_energie"),),
}


@dataclass(frozen=True, slots=True)
class Currency:
    """Whether the installed rules know the latest revaluation passed on a month.

    A value older than that revaluation is still the right one when a newer value is known (the
    law did not change on that date): only the newest value known is compared with it.
    """

    parameter_date: date | None
    """Date of the value applied on the month (None before the oldest one carried)."""
    newest_date: date | None
    """Date of the newest value known."""
    revaluation_date: date
    """Latest revaluation date on or before the month."""

    @property
    def up_to_date(self) -> bool:
        return self.newest_date is not None and self.newest_date >= self.revaluation_date


def _instants(node: Parameter | ParameterNode | ParameterScale) -> Iterator[str]:
    if isinstance(node, Parameter):
        for value in node.values_list:
            yield value.instant_str
    elif isinstance(node, ParameterScale):
        for bracket in node.brackets:
            for child in bracket.children.values():
                yield from _instants(child)
    else:
        for child in node.children.values():
            yield from _instants(child)


def _node(system: TaxBenefitSystem, path: str) -> Parameter | ParameterNode | ParameterScale:
    node = system.parameters
    for key in path.split("."):
        node = node.children[key]
    return node


def parameter_dates(system: TaxBenefitSystem, month: date) -> dict[RightId, date]:
    """For each right, the latest date on or before `month` at which one of its parameters changed."""
    limit = month.isoformat()
    dates: dict[RightId, date] = {}
    for right, paths in PARAMETER_NODES.items():
        instants = [
            instant
            for path in paths
            for instant in _instants(_node(system, path))
            if instant <= limit
        ]
        if instants:
            dates[right] = date.fromisoformat(max(instants))
    # Before the oldest barème carried, the chèque énergie has no date (and says cannot tell).
    with contextlib.suppress(LookupError):
        dates[RightId.CHEQUE_ENERGIE] = cheque_energie.bareme_on(month).valid_from
    return dates


def value_dates(system: TaxBenefitSystem, revalued: Revalued) -> list[date]:
    """Every date from which the parameter has a (non-null) value, oldest first."""
    if revalued.table:
        return [entry["valid_from"] for entry in dated_tables.entries(revalued.table)]
    node = _node(system, revalued.path)
    return sorted(
        date.fromisoformat(v.instant_str) for v in node.values_list if v.value is not None
    )


def latest_revaluation(revalued: Revalued, day: date) -> date:
    """The latest 1st of `revalued.month` on or before `day`."""
    year = day.year if (day.month, day.day) >= (revalued.month, 1) else day.year - 1
    return date(year, revalued.month, 1)


def currency(system: TaxBenefitSystem, month: date) -> dict[RightId, Currency]:
    """For each right, its least current revalued parameter at `month`."""
    found: dict[RightId, Currency] = {}
    for right, checks in REVALUED.items():
        for revalued in checks:
            known = value_dates(system, revalued)
            applied = [d for d in known if d <= month]
            state = Currency(
                parameter_date=applied[-1] if applied else None,
                newest_date=known[-1] if known else None,
                revaluation_date=latest_revaluation(revalued, month),
            )
            if right not in found or (found[right].up_to_date and not state.up_to_date):
                found[right] = state
    return found


def missing_revaluations(system: TaxBenefitSystem, day: date) -> list[tuple[RightId, date, str]]:
    """Revaluation dates passed on `day` that the installed rules have no value for, and that are
    not declared as awaiting in Aller-Vers' own tables: (right, date, parameter)."""
    missing = []
    for right, checks in REVALUED.items():
        for revalued in checks:
            due = latest_revaluation(revalued, day)
            known = value_dates(system, revalued)
            if known and known[-1] >= due:
                continue
            declared = revalued.table and due in {
                a.due for a in dated_tables.awaiting(revalued.table)
            }
            if not declared:
                missing.append((right, due, revalued.path or revalued.table))
    return missing
