"""Synthetic households for the microdata tests, loosely like a rural territory."""

from __future__ import annotations

import random
from datetime import timedelta

from allervers.domain.export import HouseholdType, HousingStatus, MicrodataRow
from allervers.domain.release import ReleasePeriod, release_period

Q3 = release_period("2026-Q3")
REASONS = ("non_connaissance", "non_demande", "non_reception", "non_proposition", "not_recorded")
FLAG_RATES = {
    "rsa": 0.12,
    "ppa": 0.15,
    "aide_logement": 0.10,
    "cheque_energie": 0.18,
    "css": 0.14,
    "aah": 0.04,
    "aspa": 0.05,
}
STEPS = ("flagged", "referred", "filed", "opened")


def microdata(rng: random.Random, n: int, period: ReleasePeriod = Q3) -> tuple[MicrodataRow, ...]:
    days = (period.end - period.start).days
    rows = []
    for i in range(n):
        stages = {}
        reasons = {}
        for right, rate in FLAG_RATES.items():
            if rng.random() < rate:
                stages[right] = rng.choices(STEPS, weights=(40, 30, 15, 15))[0]
                reasons[right] = rng.choice(REASONS)
        rows.append(
            MicrodataRow(
                household_key=f"household-{i}",
                age=int(rng.triangular(18, 95, 55)),
                household_type=rng.choices(list(HouseholdType), weights=(35, 28, 10, 22, 5))[0],
                housing_status=rng.choices(list(HousingStatus), weights=(25, 12, 18, 35, 5, 3, 2))[
                    0
                ],
                met_on=period.start + timedelta(days=rng.randint(0, days)),
                stages=stages,
                reasons=reasons,
            )
        )
    return tuple(rows)
