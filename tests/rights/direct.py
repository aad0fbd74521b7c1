"""A direct OpenFisca-France computation of a reference case, written apart from the engine.

The case gives constant monthly net incomes and, for each pension or unemployment benefit, the CSG
rate that applies (stated in the case and checked by hand against art. L136-8 III CSS). This module
grosses them up with the rates of the law typed here, fills one nested dict for
`SimulationBuilder.build_from_entities` with the same values for every month from January of N-4
to M, and asks OpenFisca for each right of month M. It shares no code with `allervers.rights`
except the tax-benefit system (built by the engine, with the project's own CSS ceilings written in).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from openfisca_core.simulation_builder import SimulationBuilder

PENSION_WITHHELD = {"exempt": 0.0, "reduced": 0.043, "median": 0.074, "normal": 0.091}
"""CSG + CRDS + CASA on pensions (art. L136-8 III CSS; CRDS 0.5 %; CASA 0.3 % at the median and
normal rates, art. L14-10-4 CASF): 3.8 + 0.5; 6.6 + 0.5 + 0.3; 8.3 + 0.5 + 0.3."""
UNEMPLOYMENT_WITHHELD = {"exempt": 0.0, "reduced": 0.043, "median": 0.067, "normal": 0.067}
"""CSG + CRDS on unemployment benefits, on 98.25 % of the benefit: 3.8 + 0.5; 6.2 + 0.5 (no
median rate on unemployment benefits: the normal one)."""
UNEMPLOYMENT_BASE = 0.9825
SALARY_NET_TO_GROSS = 0.78
"""Salaries: the public simulator's ratios (aides-jeunes), as the engine does."""

ACTIVITY = {
    "employed": "actif",
    "unemployed": "chomeur",
    "retired": "retraite",
    "student": "etudiant",
    "inactive": "inactif",
    "disabled_unable": "inactif",
}
HOUSING = {
    "private_tenant": "locataire_vide",
    "social_tenant": "locataire_hlm",
    "owner_with_loan": "primo_accedant",
    "owner": "proprietaire",
    "hosted_free": "loge_gratuitement",
}


def _months(month: date) -> list[str]:
    first = date(month.year - 4, 1, 1)
    keys = []
    current = first
    while current <= month:
        keys.append(f"{current.year:04d}-{current.month:02d}")
        current = date(current.year + (current.month == 12), current.month % 12 + 1, 1)
    return keys


def gross_pension(net: float, rate: str) -> float:
    """`rate` "floor" concerns unemployment benefits only (the case has no pension then)."""
    return net / (1 - PENSION_WITHHELD["exempt" if rate == "floor" else rate])


def gross_unemployment(net: float, rate: str) -> float:
    """`rate` "floor": under the SMIC, no CSG nor CRDS is withheld at all."""
    if rate in ("exempt", "floor"):
        return net
    return net / (1 - UNEMPLOYMENT_WITHHELD[rate] * UNEMPLOYMENT_BASE)


def situation(case: dict[str, Any], answers: dict[str, Any], month: date) -> dict[str, Any]:
    """`answers` as the questionnaire records them (defaults filled)."""
    months = _months(month)
    shifted = month >= date(2025, 3, 1)  # décret n° 2025-185 du 26 février 2025
    individus: dict[str, Any] = {}
    parents: list[str] = []
    children: list[str] = []
    for index, person in enumerate(answers["persons"]):
        pid = f"p{index}"
        salary = float(person.get("salary", 0))
        pension = float(person.get("pension", 0))
        unemployment = float(person.get("unemployment", 0))
        csg = case.get("csg", {}).get(index, "exempt")
        values = {
            "salaire_net": salary,
            "salaire_de_base": salary / SALARY_NET_TO_GROSS,
            "salaire_imposable": salary + 0.029 * 0.9825 * salary / SALARY_NET_TO_GROSS,
            "retraite_nette": pension,
            "retraite_brute": gross_pension(pension, csg),
            "chomage_net": unemployment,
            "chomage_brut": gross_unemployment(unemployment, csg),
            "pensions_alimentaires_percues": float(person.get("alimony", 0)),
        }
        rate = person.get("incapacity_rate")
        record: dict[str, Any] = {
            "date_naissance": {"ETERNITY": person["birth_date"]},
            **{name: dict.fromkeys(months, value) for name, value in values.items()},
            "activite": dict.fromkeys(months, ACTIVITY[person.get("activity", "inactive")]),
            "etudiant": dict.fromkeys(months, person.get("student") == "yes"),
            "handicap": dict.fromkeys(months, person.get("disability") == "yes"),
            "taux_incapacite": dict.fromkeys(months, (rate or 0) / 100),
            "aah_restriction_substantielle_durable_acces_emploi": dict.fromkeys(
                months, rate is not None and 50 <= rate < 80
            ),
        }
        individus[pid] = record
        (children if person["relationship"] == "child" else parents).append(pid)
    years = range(month.year - 4, month.year + 1)
    foyer = {
        "declarants": parents,
        "personnes_a_charge": children,
        "rfr": {str(y): float(answers["rfr"]) for y in years if y < month.year},
        "nbptr": {str(y): float(case["tax_shares"]) for y in years},
    }
    status = answers["housing_status"]
    tenant = status in ("private_tenant", "social_tenant")
    menage = {
        "personne_de_reference": parents[:1],
        "conjoint": parents[1:],
        "enfants": children,
        "depcom": dict.fromkeys(months, answers["address_insee"]),
        "statut_occupation_logement": dict.fromkeys(months, HOUSING[status]),
        "loyer": dict.fromkeys(months, float(answers.get("rent", 0)) if tenant else 0.0),
        "charges_locatives": dict.fromkeys(
            months, float(answers.get("charges", 0)) if tenant else 0.0
        ),
        "logement_conventionne": dict.fromkeys(months, status == "social_tenant"),
    }
    famille = {
        "parents": parents,
        "enfants": children,
        "rsa": dict.fromkeys(months[-13:-1], 0.0),
        "departement_experimentation_rsa": dict.fromkeys(months, shifted),
    }
    return {
        "individus": individus,
        "familles": {"f": famille},
        "foyers_fiscaux": {"ff": foyer},
        "menages": {"m": menage},
    }


def amounts(
    system: Any, case: dict[str, Any], answers: dict[str, Any], month: date
) -> dict[str, float]:
    """Monthly amounts of each right for month M, straight from OpenFisca."""
    simulation = SimulationBuilder().build_from_entities(system, situation(case, answers, month))
    period = f"{month.year:04d}-{month.month:02d}"
    adults = [i for i, p in enumerate(answers["persons"]) if p["relationship"] != "child"]
    aah = simulation.calculate("aah", period)
    return {
        "rsa": float(simulation.calculate("rsa", period)[0]),
        "ppa": float(simulation.calculate("ppa", period)[0]),
        "aide_logement": float(simulation.calculate("aide_logement", period)[0]),
        "aah": float(sum(aah[i] for i in adults)),
        "aspa": float(simulation.calculate("aspa", period)[0]),
        "css_free": float(simulation.calculate("cmu_c", period)[0]),
        "css_participation": float(
            simulation.calculate("css_participation_forfaitaire", period)[0]
        ),
    }
