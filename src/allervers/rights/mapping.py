"""Households of one month -> an OpenFisca-France situation (`situation.Situation`).

Periods (M is the month assessed):
- incomes: see `person_inputs` (M-3..M-1 as answered, M as M-1, earlier months their mean, gross
  amounts with the CSG rate of each month);
- the revenu fiscal de référence (answered, or estimated from the incomes) and the number of tax
  shares of each foyer fiscal are given for N-4..N: they set the CSG rate (art. L136-8 III CSS);
- `departement_experimentation_rsa` is set for the months whose RSA and prime d'activité read
  M-4..M-2 (`reference_months`);
- the RSA of the 12 past months is given (received or not): without it OpenFisca computes the RSA
  of M-1 through the aides au logement of M-1, whose own look at the RSA of M-2 is cut by
  openfisca-core's spiral guard (`max_spiral_loops`) and silently taken as 0;
- the other benefits of past months are set after the current month is computed (`batch.compute`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from allervers.rights import incomes, reference_months
from allervers.rights.household import Household, HousingStatus, Relationship
from allervers.rights.periods import add_months, months_span
from allervers.rights.person_inputs import (
    HISTORY_YEARS,
    Columns,
    ScalesOf,
    effective_csg_rates,
    foyer_members,
    person_columns,
    person_inputs,
    whole_history,
)
from allervers.rights.situation import Situation, SituationInput, Structure, TaxFacts
from allervers.rights.tax_shares import tax_shares

PAST_BENEFIT_MONTHS = 12
"""Benefits of the 12 past months are inputs (the CSS reads a rolling year, art. R861-8 CSS)."""

RECEIVED_RSA_MARKER = 1.0
"""RSA of past months for a household that receives it. OpenFisca-France 176 reads past RSA only
through `aide_logement_condition_neutralisation` (RSA of M-1 > 0 neutralises activity income for the
aides au logement, art. R822-15 and R822-17 CCH), so only its sign matters; the amount is not asked."""

HOUSING = {
    HousingStatus.PRIVATE_TENANT: "locataire_vide",
    HousingStatus.SOCIAL_TENANT: "locataire_hlm",
    HousingStatus.OWNER_WITH_LOAN: "primo_accedant",
    HousingStatus.OWNER: "proprietaire",
    HousingStatus.HOSTED_FREE: "loge_gratuitement",
    HousingStatus.OTHER: "non_renseigne",
}
"""Questionnaire `housing_status` -> OpenFisca `TypesStatutOccupationLogement`. A private tenant is
taken as unfurnished (the commonest case; the furnished ceilings are lower)."""


@dataclass(frozen=True, slots=True)
class Roles:
    famille: int
    """Index of the person's family within the household (0 = main family)."""
    famille_role: str
    foyer_role: str
    menage_role: str


def household_roles(household: Household) -> list[Roles]:
    """Main family: reference, first spouse, children under 25; anyone else is a family of one.

    The first person is the reference person (format rule) even if tagged otherwise.
    """
    roles: list[Roles] = []
    has_spouse = False
    other_families = 0
    for rank, person in enumerate(household.persons):
        if rank == 0:
            roles.append(Roles(0, "demandeur", "declarant_principal", "personne_de_reference"))
        elif person.relationship is Relationship.SPOUSE and not has_spouse:
            has_spouse = True
            roles.append(Roles(0, "conjoint", "conjoint", "conjoint"))
        elif person.relationship is Relationship.CHILD and household.in_main_family(person):
            roles.append(Roles(0, "enfant", "personne_a_charge", "enfant"))
        else:
            other_families += 1
            menage_role = "enfant" if person.relationship is Relationship.CHILD else "autre"
            roles.append(Roles(other_families, "demandeur", "declarant_principal", menage_role))
    return roles


def build_situation(households: Sequence[Household], month: date, scales: ScalesOf) -> Situation:
    """All households must have at least one person; they are assessed for `month`.

    `scales(month)` gives the CSG thresholds and rates in force (`csg_scales.Scales`).
    """
    person_household: list[int] = []
    person_rank: list[int] = []
    famille_of_person: list[int] = []
    famille_role: list[str] = []
    foyer_role: list[str] = []
    menage_role: list[str] = []
    main_famille: list[int] = []
    in_main: list[bool] = []
    people = Columns()
    foyers = Columns()
    menages = Columns()
    familles = Columns()
    main_rfr: list[float] = []
    main_estimated: list[bool] = []
    main_shares: list[float] = []
    n_familles = 0
    for index, household in enumerate(households):
        roles = household_roles(household)
        main_famille.append(n_familles)
        families = [role.famille for role in roles]
        foyer_roles = [role.foyer_role for role in roles]
        received_rsa = household.rights_received is not None and "rsa" in household.rights_received
        foyer_facts: list[tuple[float, float]] = []
        for family in range(1 + max(families)):
            familles.add("rsa_past", RECEIVED_RSA_MARKER if received_rsa and family == 0 else 0.0)
            familles.add("shifted", reference_months.shifted(month, household.insee))
            declarants, dependents = foyer_members(household.persons, families, foyer_roles, family)
            shares = tax_shares(declarants, dependents)
            answered = household.rfr if family == 0 else None
            rfr = (
                answered
                if answered is not None
                else incomes.estimated_rfr([*declarants, *dependents], shares, scales(month))
            )
            foyers.add("rfr", rfr)
            foyers.add("nbptr", shares)
            foyer_facts.append((rfr, shares))
            if family == 0:
                main_rfr.append(rfr)
                main_estimated.append(answered is None)
                main_shares.append(shares)
        for rank, (person, role) in enumerate(zip(household.persons, roles, strict=True)):
            person_household.append(index)
            person_rank.append(rank)
            famille_of_person.append(n_familles + role.famille)
            famille_role.append(role.famille_role)
            foyer_role.append(role.foyer_role)
            menage_role.append(role.menage_role)
            in_main.append(role.famille == 0)
            rfr, shares = foyer_facts[role.famille]
            person_columns(people, person, household, month, rfr, shares)
        n_familles += len(foyer_facts)
        _menage_columns(menages, household)

    famille_index = np.array(famille_of_person, dtype=np.int64)
    structure = Structure(
        person_household=np.array(person_household, dtype=np.int64),
        person_rank=np.array(person_rank, dtype=np.int64),
        famille_of_person=famille_index,
        famille_role=np.array(famille_role),
        # One tax household per family: couples are taken as filing jointly (married or PACS).
        foyer_of_person=famille_index.copy(),
        foyer_role=np.array(foyer_role),
        menage_role=np.array(menage_role),
        main_famille=np.array(main_famille, dtype=np.int64),
        main_foyer=np.array(main_famille, dtype=np.int64),
        in_main_famille=np.array(in_main, dtype=bool),
        n_familles=n_familles,
        n_foyers=n_familles,
    )
    tax = TaxFacts(
        rfr=np.array(main_rfr, dtype=np.float64),
        rfr_estimated=np.array(main_estimated, dtype=bool),
        shares=np.array(main_shares, dtype=np.float64),
        csg_rate=effective_csg_rates(people, scales(month)),
    )
    situation = Situation(
        month=month, structure=structure, tax=tax, shifted=familles.array("shifted", bool)
    )
    situation.inputs.extend(person_inputs(people, month, scales))
    situation.inputs.extend(_famille_inputs(familles, month))
    situation.inputs.extend(_foyer_inputs(foyers, month))
    situation.inputs.extend(_menage_inputs(menages, month))
    return situation


def _menage_columns(menages: Columns, household: Household) -> None:
    status = household.housing_status
    menages.add("depcom", (household.insee or "")[:5])
    menages.add("statut", HOUSING.get(status, "non_renseigne") if status else "non_renseigne")
    # Owners, with or without a loan, get no `loyer`: the RSA and prime d'activité forfait logement
    # then applies to them, as to anyone "propriétaire ne bénéficiant pas d'aide personnelle au
    # logement" (art. R262-9 CASF, art. R844-3 CSS); the loan repayment is not asked.
    tenant = status is not None and status.is_tenant
    menages.add("loyer", (household.rent or 0.0) if tenant else 0.0)
    menages.add("charges", (household.charges or 0.0) if tenant else 0.0)
    # Social housing is "conventionné": the aide is then the APL (art. L831-1 CCH).
    menages.add("conventionne", status is HousingStatus.SOCIAL_TENANT)


def _famille_inputs(familles: Columns, month: date) -> Iterator[SituationInput]:
    start = add_months(month, -PAST_BENEFIT_MONTHS)
    past = familles.array("rsa_past", np.float64)
    yield SituationInput("rsa", months_span(start, PAST_BENEFIT_MONTHS), past * PAST_BENEFIT_MONTHS)
    # The rule of M for the whole past year: only M's RSA and prime d'activité are computed (past
    # RSA is an input, past prime d'activité amounts are not read), and both rules give the same
    # figures for the months before M-4 anyway.
    yield SituationInput(
        "departement_experimentation_rsa",
        months_span(start, PAST_BENEFIT_MONTHS + 1),
        familles.array("shifted", bool),
    )


def _foyer_inputs(foyers: Columns, month: date) -> Iterator[SituationInput]:
    """The revenu fiscal de référence of N-2 (answered, else estimated), assumed for N-4..N-1 too,
    and the tax shares for N-4..N.

    Giving the RFR spares OpenFisca the whole income-tax computation; with the shares it sets the
    CSG rate on pensions and unemployment benefits (art. L136-8 CSS).
    """
    rfr = foyers.array("rfr", np.float64)
    shares = foyers.array("nbptr", np.float64)
    for year in range(month.year - HISTORY_YEARS, month.year + 1):
        if year < month.year:
            yield SituationInput("rfr", str(year), rfr)
        yield SituationInput("nbptr", str(year), shares)


def _menage_inputs(menages: Columns, month: date) -> Iterator[SituationInput]:
    whole = whole_history(month)
    yield SituationInput("depcom", whole, menages.array("depcom"))
    yield SituationInput("statut_occupation_logement", whole, menages.array("statut"))
    yield SituationInput("logement_conventionne", whole, menages.array("conventionne", bool))
    # Rent and loan repayments matter in M (aides au logement) and M-4..M-1 (forfait logement of
    # the prime d'activité, computed for each of its three months).
    recent = months_span(add_months(month, -4), 5)
    yield SituationInput("loyer", recent, menages.array("loyer", np.float64) * 5)
    yield SituationInput("charges_locatives", recent, menages.array("charges", np.float64) * 5)
