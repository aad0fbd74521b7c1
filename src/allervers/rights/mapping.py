"""Households of one month -> an OpenFisca-France situation, as entity arrays plus dated inputs.

One `Situation` describes any number of households: one array per entity type and one array per
(variable, period) input. `batch.build_simulation` turns it into a simulation with
`SimulationBuilder.create_entities` / `declare_person_entity` / `declare_entity` /
`join_with_persons` and `set_input`; `Situation.to_entities_dict` gives the same situation as the
nested dict `SimulationBuilder.build_from_entities` reads (kept for the benchmark and for debugging).

Periods (M is the month assessed):
- incomes are given for M-3, M-2, M-1 as answered, for M as in M-1, and for every month from January of
  N-4 to M-4 as the mean of the three known months (`incomes.earlier_months`): the aides au logement
  read M-13..M-2, the CSS M-12..M-1, and the tax-year formulas (prestations familiales, AAH) read
  year N-2 and earlier;
- the RSA of the 12 past months is given (received or not): without it OpenFisca computes the RSA
  of M-1 through the aides au logement of M-1, whose own look at the RSA of M-2 is cut by
  openfisca-core's spiral guard (`max_spiral_loops`) and silently taken as 0;
- the other benefits of past months are set after the current month is computed (`batch.compute`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from allervers.rights import incomes
from allervers.rights.household import (
    INCOME_KINDS,
    Household,
    HousingStatus,
    Person,
    Relationship,
)
from allervers.rights.periods import add_months, month_key, months_between, months_span

HISTORY_YEARS = 4
"""Incomes are given back to January of N-4 (tax-year formulas read N-2 of past months)."""
PAST_BENEFIT_MONTHS = 12
"""Benefits of the 12 past months are inputs (the CSS reads a rolling year, art. R861-8 CSS)."""

RECEIVED_RSA_MARKER = 1.0
"""RSA of past months for a household that receives it. OpenFisca-France 176 reads past RSA only
through `aide_logement_condition_neutralisation` (RSA of M-1 > 0 neutralises activity income for the
aides au logement, art. R822-15 and R822-17 CCH), so only its sign matters; the amount is not asked."""

EEA_NATIONALITY = "DE"
"""Any EEA member code: OpenFisca-France only tests membership of `geopolitique.eee`."""
NON_EEA_NATIONALITY = "ZZ"
"""ISO 3166 user-assigned code: outside the EEA and not Swiss."""
EEA_RESIDENCE_YEARS_ASSUMED = 5.0
"""EU citizens are not asked for years of residence; RSA needs 3 months (art. L262-6 CASF)."""

ACTIVITY = {
    "employed": "actif",
    "self_employed": "actif",
    "unemployed": "chomeur",
    "retired": "retraite",
    "student": "etudiant",
    "inactive": "inactif",
    "disabled_unable": "inactif",
}
"""Questionnaire `activity` -> OpenFisca `TypesActivite`."""

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

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class SituationInput:
    variable: str
    period: str
    values: npt.NDArray[Any]


@dataclass(slots=True)
class Structure:
    """Who belongs to which group, with which role, for all households of the batch."""

    person_household: IntArray
    person_rank: IntArray
    """Index of the person in its household's `persons` answer."""
    famille_of_person: IntArray
    famille_role: npt.NDArray[np.str_]
    foyer_of_person: IntArray
    foyer_role: npt.NDArray[np.str_]
    menage_role: npt.NDArray[np.str_]
    main_famille: IntArray
    """Per household, the index of the family whose rights are assessed."""
    main_foyer: IntArray
    in_main_famille: npt.NDArray[np.bool_]
    n_familles: int
    n_foyers: int

    @property
    def n_persons(self) -> int:
        return len(self.person_household)

    @property
    def n_menages(self) -> int:
        return len(self.main_famille)


@dataclass(slots=True)
class Situation:
    month: date
    structure: Structure
    inputs: list[SituationInput] = field(default_factory=list)

    def to_entities_dict(self) -> dict[str, dict[str, dict[str, Any]]]:
        """The same situation as one nested dict for `SimulationBuilder.build_from_entities`."""
        s = self.structure
        individus: dict[str, dict[str, Any]] = {str(i): {} for i in range(s.n_persons)}
        familles: dict[str, dict[str, Any]] = {
            str(f): {"parents": [], "enfants": []} for f in range(s.n_familles)
        }
        foyers: dict[str, dict[str, Any]] = {
            str(f): {"declarants": [], "personnes_a_charge": []} for f in range(s.n_foyers)
        }
        menages: dict[str, dict[str, Any]] = {
            str(m): {"personne_de_reference": [], "conjoint": [], "enfants": [], "autres": []}
            for m in range(s.n_menages)
        }
        for person in range(s.n_persons):
            pid = str(person)
            famille = familles[str(s.famille_of_person[person])]
            famille["enfants" if s.famille_role[person] == "enfant" else "parents"].append(pid)
            foyer = foyers[str(s.foyer_of_person[person])]
            plural = (
                "personnes_a_charge"
                if s.foyer_role[person] == "personne_a_charge"
                else "declarants"
            )
            foyer[plural].append(pid)
            role = str(s.menage_role[person])
            menage_key = {"enfant": "enfants", "autre": "autres"}.get(role, role)
            menages[str(s.person_household[person])][menage_key].append(pid)
        by_entity = {
            "individu": individus,
            "famille": familles,
            "foyer_fiscal": foyers,
            "menage": menages,
        }
        from openfisca_core import periods  # type: ignore[import-untyped]

        for item in self.inputs:
            instances = by_entity[ENTITY_OF_INPUT[item.variable]]
            # Canonical period keys: openfisca-core 44 buffers dict inputs under the canonical
            # string but looks them up under the given one, so with a non-canonical key (e.g.
            # "month:2025-10:12", canonically "year:2025-10") only the last instance's value
            # would survive.
            period = str(periods.period(item.period))
            values = item.values
            if np.issubdtype(values.dtype, np.datetime64):
                values = np.datetime_as_string(values, unit="D")
            for index, value in enumerate(values.tolist()):
                instances[str(index)].setdefault(item.variable, {})[period] = value
        return {
            "individus": individus,
            "familles": familles,
            "foyers_fiscaux": foyers,
            "menages": menages,
        }


ENTITY_OF_INPUT = {
    **dict.fromkeys(
        (
            "date_naissance",
            "salaire_net",
            "salaire_de_base",
            "salaire_imposable",
            "rpns_auto_entrepreneur_benefice",
            "rpns_imposables",
            "chomage_net",
            "chomage_brut",
            "retraite_nette",
            "retraite_brute",
            "pensions_alimentaires_percues",
            "revenus_locatifs",
            "activite",
            "etudiant",
            "handicap",
            "taux_incapacite",
            "aah_restriction_substantielle_durable_acces_emploi",
            "nationalite",
            "duree_possession_titre_sejour",
        ),
        "individu",
    ),
    "rsa": "famille",
    "rfr": "foyer_fiscal",
    **dict.fromkeys(
        (
            "depcom",
            "statut_occupation_logement",
            "loyer",
            "charges_locatives",
            "logement_conventionne",
        ),
        "menage",
    ),
}


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


class _Columns:
    """Accumulates per-entity input columns for all households."""

    def __init__(self) -> None:
        self.columns: dict[str, list[Any]] = {}

    def add(self, name: str, value: Any) -> None:
        self.columns.setdefault(name, []).append(value)

    def array(self, name: str, dtype: Any = None) -> npt.NDArray[Any]:
        return np.array(self.columns.get(name, []), dtype=dtype)


def build_situation(households: Sequence[Household], month: date) -> Situation:
    """All households must have at least one person; they are assessed for `month`."""
    person_household: list[int] = []
    person_rank: list[int] = []
    famille_of_person: list[int] = []
    famille_role: list[str] = []
    foyer_role: list[str] = []
    menage_role: list[str] = []
    main_famille: list[int] = []
    in_main: list[bool] = []
    people = _Columns()
    foyers = _Columns()
    menages = _Columns()
    familles = _Columns()
    n_familles = 0
    for index, household in enumerate(households):
        roles = household_roles(household)
        main_famille.append(n_familles)
        families_here = 1 + max(role.famille for role in roles)
        for rank, (person, role) in enumerate(zip(household.persons, roles, strict=True)):
            person_household.append(index)
            person_rank.append(rank)
            famille_of_person.append(n_familles + role.famille)
            famille_role.append(role.famille_role)
            foyer_role.append(role.foyer_role)
            menage_role.append(role.menage_role)
            in_main.append(role.famille == 0)
            _person_columns(people, person, household, month)
        received_rsa = household.rights_received is not None and "rsa" in household.rights_received
        for family in range(families_here):
            familles.add("rsa_past", RECEIVED_RSA_MARKER if received_rsa and family == 0 else 0.0)
            members = [
                p for p, r in zip(household.persons, roles, strict=True) if r.famille == family
            ]
            rfr = household.rfr if family == 0 and household.rfr is not None else None
            foyers.add("rfr", rfr if rfr is not None else incomes.estimated_rfr(members))
        n_familles += families_here
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
    situation = Situation(month=month, structure=structure)
    situation.inputs.extend(_person_inputs(people, month))
    situation.inputs.extend(_famille_inputs(familles, month))
    situation.inputs.extend(_foyer_inputs(foyers, month))
    situation.inputs.extend(_menage_inputs(menages, month))
    return situation


def history_start(month: date) -> date:
    return date(month.year - HISTORY_YEARS, 1, 1)


def default_birth_date(person: Person, month: date) -> date:
    """Only for simulating a person whose age was not answered (the statuses then say cannot tell)."""
    years = 10 if person.relationship is Relationship.CHILD else 40
    return date(month.year - years, month.month, 1)


def _person_columns(people: _Columns, person: Person, household: Household, month: date) -> None:
    people.add("birth", person.birth_date or default_birth_date(person, month))
    for kind in INCOME_KINDS:
        people.add(kind, person.income(kind))
    people.add("self_employed", person.is_self_employed)
    people.add("activite", ACTIVITY.get(person.activity or "", "inactif"))
    people.add("etudiant", person.student or person.activity == "student")
    people.add("handicap", person.disability)
    rate = assumed_incapacity_rate(person, household)
    people.add("taux_incapacite", (rate or 0) / 100)
    # AAH between 50 % and 79 %: the MDPH must also find a "restriction substantielle et durable pour
    # l'accès à l'emploi" (art. L821-2 CSS); an outreach estimate assumes it.
    people.add("rsdae", rate is not None and 50 <= rate < 80)
    if person.nationality == "eu":
        people.add("nationalite", EEA_NATIONALITY)
        years = person.residence_permit_years
        people.add(
            "titre_sejour", float(years) if years is not None else EEA_RESIDENCE_YEARS_ASSUMED
        )
    elif person.nationality == "other":
        people.add("nationalite", NON_EEA_NATIONALITY)
        people.add("titre_sejour", float(person.residence_permit_years or 0))
    else:
        people.add("nationalite", "FR")
        people.add("titre_sejour", 0.0)


AAH_RATE_ASSUMED = 80
"""Incapacity rate assumed for a household member receiving the AAH whose rate was not given: the
AAH counts in the resources of RSA, prime d'activité and CSS, so it must be estimated."""


def assumed_incapacity_rate(person: Person, household: Household) -> int | None:
    """The given rate; or 80 % for the AAH recipient when the household receives AAH without a rate."""
    if person.incapacity_rate is not None:
        return person.incapacity_rate
    received = household.rights_received or frozenset()
    if "aah" not in received or any(p.incapacity_rate is not None for p in household.persons):
        return None
    candidates = [p for p in household.adults_of_main_family() if p.disability]
    chosen = candidates[0] if candidates else household.reference
    return AAH_RATE_ASSUMED if chosen is person else None


def _menage_columns(menages: _Columns, household: Household) -> None:
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


def _income_inputs(variable: str, three: FloatArray, month: date) -> Iterator[SituationInput]:
    """`three` is (n, 3) for M-3..M-1. Earlier months get their mean, M gets M-1.

    The earlier months are one multi-month period: `set_input_divide_by_period` spreads the total
    evenly, so the input is the monthly mean times the number of months.
    """
    start = history_start(month)
    block = months_between(start, add_months(month, -4))
    mean = three.mean(axis=1)
    yield SituationInput(variable, months_span(start, block), mean * block)
    for offset in (3, 2, 1):
        yield SituationInput(variable, month_key(add_months(month, -offset)), three[:, 3 - offset])
    yield SituationInput(variable, month_key(month), three[:, 2])


def _person_inputs(people: _Columns, month: date) -> Iterator[SituationInput]:
    n = len(people.columns.get("birth", []))
    yield SituationInput("date_naissance", "ETERNITY", people.array("birth", "datetime64[D]"))
    three = {kind: people.array(kind, np.float64).reshape(n, 3) for kind in INCOME_KINDS}
    self_employed = people.array("self_employed", bool)[:, None]
    salary = np.where(self_employed, 0.0, three["salary"])
    profit = np.where(self_employed, three["salary"], 0.0)
    derived = {
        "salaire_net": salary,
        "salaire_de_base": incomes.salary_gross(salary),
        "salaire_imposable": incomes.salary_taxable(salary),
        "rpns_auto_entrepreneur_benefice": profit,
        "chomage_net": three["unemployment"],
        "chomage_brut": incomes.unemployment_gross(three["unemployment"]),
        "retraite_nette": three["pension"],
        "retraite_brute": incomes.pension_gross(three["pension"]),
        "pensions_alimentaires_percues": three["alimony"],
        "revenus_locatifs": three["other_income"],
    }
    for variable, values in derived.items():
        yield from _income_inputs(variable, np.asarray(values, dtype=np.float64), month)
    # Self-employed profit for the yearly tax-based formulas (aides au logement read year N-2).
    yearly_profit = 12 * profit.mean(axis=1)
    for year in range(month.year - HISTORY_YEARS, month.year + 1):
        yield SituationInput("rpns_imposables", str(year), yearly_profit)
    whole = months_span(history_start(month), months_between(history_start(month), month))
    yield SituationInput("activite", whole, people.array("activite"))
    yield SituationInput("etudiant", whole, people.array("etudiant", bool))
    yield SituationInput("handicap", whole, people.array("handicap", bool))
    yield SituationInput("taux_incapacite", whole, people.array("taux_incapacite", np.float64))
    yield SituationInput(
        "aah_restriction_substantielle_durable_acces_emploi", whole, people.array("rsdae", bool)
    )
    yield SituationInput("nationalite", whole, people.array("nationalite"))
    yield SituationInput(
        "duree_possession_titre_sejour", whole, people.array("titre_sejour", np.float64)
    )


def _famille_inputs(familles: _Columns, month: date) -> Iterator[SituationInput]:
    start = add_months(month, -PAST_BENEFIT_MONTHS)
    past = familles.array("rsa_past", np.float64)
    yield SituationInput("rsa", months_span(start, PAST_BENEFIT_MONTHS), past * PAST_BENEFIT_MONTHS)


def _foyer_inputs(foyers: _Columns, month: date) -> Iterator[SituationInput]:
    """The revenu fiscal de référence of N-2 (answered, else estimated), assumed for N-4..N-1 too.

    Giving it spares OpenFisca the whole income-tax computation; it sets the CSG rate on pensions
    and unemployment benefits (art. L136-8 CSS) and the chèque énergie.
    """
    rfr = foyers.array("rfr", np.float64)
    for year in range(month.year - HISTORY_YEARS, month.year):
        yield SituationInput("rfr", str(year), rfr)


def _menage_inputs(menages: _Columns, month: date) -> Iterator[SituationInput]:
    whole = months_span(history_start(month), months_between(history_start(month), month))
    yield SituationInput("depcom", whole, menages.array("depcom"))
    yield SituationInput("statut_occupation_logement", whole, menages.array("statut"))
    yield SituationInput("logement_conventionne", whole, menages.array("conventionne", bool))
    # Rent and loan repayments matter in M (aides au logement) and M-3..M-1 (forfait logement of
    # the prime d'activité, computed for each of the three months).
    recent = months_span(add_months(month, -3), 4)
    yield SituationInput("loyer", recent, menages.array("loyer", np.float64) * 4)
    yield SituationInput("charges_locatives", recent, menages.array("charges", np.float64) * 4)
