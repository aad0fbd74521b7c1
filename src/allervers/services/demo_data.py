"""Synthetic households for the demo and the benchmarks (Faker fr_FR): never real people.

The shares follow what door-to-door rounds report: most doors end without an interview (absent
about 45 %, refused 10 %, "come back" 7 %, vacant 5 %, not a dwelling 3 %), about 30 % give one.
Households and incomes are drawn to look like a rural territory: many retired people, small
salaries around the SMIC (1,443 € net a month in 2026, décret n° 2025-1228), some unemployment
benefit, some households with no income.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

from faker import Faker

# A rural demo territory: Chemillé-en-Anjou and neighbouring communes of Maine-et-Loire.
DEMO_COMMUNES = ("49092", "49023", "49125", "49163", "49244", "49301", "49223", "49373")

DOOR_SHARES = (
    ("absent", 45),
    ("interview", 30),
    ("refused", 10),
    ("come_back", 7),
    ("vacant", 5),
    ("not_dwelling", 3),
)
SMIC_NET = 1443.0


def _pick(rng: random.Random, shares: tuple[tuple[str, int], ...]) -> str:
    values, weights = zip(*shares, strict=True)
    return str(rng.choices(values, weights)[0])


def _birth_date(rng: random.Random, visit: dt.date, low: int, high: int) -> str:
    age_days = rng.randint(low * 365 + 1, high * 365 + 300)
    return (visit - dt.timedelta(days=age_days)).isoformat()


def _adult(rng: random.Random, visit: dt.date, relationship: str) -> dict[str, Any]:
    activity = _pick(
        rng,
        (
            ("employed", 40),
            ("retired", 25),
            ("unemployed", 12),
            ("inactive", 12),
            ("self_employed", 6),
            ("disabled_unable", 5),
        ),
    )
    low, high = (62, 92) if activity == "retired" else (19, 64)
    person: dict[str, Any] = {
        "relationship": relationship,
        "activity": activity,
        "student": "no",
        "disability": "yes" if activity == "disabled_unable" else "no",
        "nationality": _pick(rng, (("fr", 92), ("eu", 4), ("other", 4))),
        "salary": 0,
        "unemployment": 0,
        "pension": 0,
        "alimony": 0,
        "other_income": 0,
    }
    if rng.random() < 0.85:
        person["birth_date"] = _birth_date(rng, visit, low, high)
    else:
        person["age"] = rng.randint(low, high)
    if person["nationality"] == "other":
        person["residence_permit_years"] = rng.randint(0, 20)
    if activity == "disabled_unable" and rng.random() < 0.6:
        person["incapacity_rate"] = rng.choice((50, 60, 80, 80, 90))
    if activity == "employed":
        monthly = round(rng.uniform(0.3, 1.6) * SMIC_NET)
        person["salary"] = (
            monthly
            if rng.random() < 0.7
            else [round(monthly * rng.uniform(0.7, 1.2)) for _ in range(3)]
        )
    elif activity == "unemployed":
        person["unemployment"] = round(rng.uniform(0, 1100))
    elif activity == "retired":
        person["pension"] = round(rng.uniform(650, 2100))
    elif activity == "self_employed":
        person["other_income"] = round(rng.uniform(200, 1800))
    return person


def _child(rng: random.Random, visit: dt.date) -> dict[str, Any]:
    return {
        "relationship": "child",
        "birth_date": _birth_date(rng, visit, 0, 17),
        "activity": "student",
        "student": "yes",
        "disability": "no",
        "nationality": "fr",
    }


def interview_answers(rng: random.Random, fake: Faker, visit: dt.date) -> dict[str, Any]:
    consent_contact = "yes" if rng.random() < 0.75 else "no"
    answers: dict[str, Any] = {
        "door_outcome": "interview",
        "consent_recorded": "yes",
        "consent_contact": consent_contact,
        "consent_partner": _pick(rng, (("no", 50), ("caf", 25), ("ccas", 15), ("msa", 10))),
    }
    if consent_contact == "yes":
        answers["contact_name"] = fake.name()
        answers["contact_phone"] = fake.phone_number()[:20]
    persons = [_adult(rng, visit, "reference")]
    if rng.random() < 0.45:
        persons.append(_adult(rng, visit, "spouse"))
    if persons[0]["activity"] != "retired":
        persons += [_child(rng, visit) for _ in range(rng.choice((0, 0, 0, 1, 1, 2, 3)))]
    answers["persons"] = persons
    answers["social_regime"] = "agricultural" if rng.random() < 0.12 else "general"
    status = _pick(
        rng,
        (
            ("owner", 35),
            ("private_tenant", 25),
            ("social_tenant", 15),
            ("owner_with_loan", 15),
            ("hosted_free", 7),
            ("other", 3),
        ),
    )
    answers["housing_status"] = status
    if status in ("private_tenant", "social_tenant"):
        answers["rent"] = round(rng.uniform(280, 750))
        answers["charges"] = round(rng.uniform(20, 120))
    answers["heating"] = _pick(
        rng, (("electricity", 40), ("fuel_oil", 20), ("wood", 20), ("gas", 15), ("other", 5))
    )
    filed = _pick(rng, (("yes", 80), ("no", 15), ("dont_know", 5)))
    answers["tax_return_filed"] = filed
    if filed == "yes" and rng.random() < 0.5:
        answers["rfr"] = round(rng.uniform(0, 38000))
    received = [
        r for r in ("rsa", "ppa", "aide_logement", "cheque_energie", "css") if rng.random() < 0.15
    ]
    answers["rights_received"] = received or [_pick(rng, (("none", 80), ("dont_know", 20)))]
    answers["needs"] = [
        n for n in ("mobility", "digital", "isolation", "cold_home", "food") if rng.random() < 0.15
    ]
    if not answers["needs"]:
        del answers["needs"]
    if rng.random() < 0.3:
        answers["note"] = fake.sentence(nb_words=8)
    return answers


def synthetic_visits(
    count: int,
    seed: int = 2026,
    end: dt.date | None = None,
    doors: Sequence[tuple[str, str, str]] = (),
) -> list[dict[str, Any]]:
    """`count` visits in the documented household format, spread over the last twelve months.
    With `doors` (commune, street, number of the territory's doors), the visits are made at
    those doors, in turn; otherwise at invented streets of the demo's communes."""
    rng = random.Random(seed)  # noqa: S311  (synthetic data, not secrets)
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    last = end or dt.date.today()
    visits: list[dict[str, Any]] = []
    for _ in range(count):
        day = last - dt.timedelta(days=rng.randint(0, 364))
        outcome = _pick(rng, DOOR_SHARES)
        if outcome == "interview":
            answers = interview_answers(rng, fake, day)
        else:
            answers = {"door_outcome": outcome}
            if outcome == "come_back":
                answers["come_back_on"] = (day + dt.timedelta(days=rng.randint(1, 21))).isoformat()
        if doors:
            commune, street, number = doors[len(visits) % len(doors)]
        else:
            commune, street = rng.choice(DEMO_COMMUNES), fake.street_name()
            number = str(rng.randint(1, 80))
        answers["address_insee"] = commune
        answers["address_street"] = street
        answers["address_number"] = number
        visits.append(
            {
                "format": "allervers-visit/1",
                "questionnaire": {"id": "visite", "version": 1},
                "visited_on": day.isoformat(),
                "answers": answers,
            }
        )
    return visits
