"""`RightsEngine`: visits in, one `RightAssessment` per right out.

Building the OpenFisca-France system takes seconds, a fraction of one from the engine cache
(`system_cache`): create one engine per process and keep it (the UI uses it through
`allervers.rights.worker`, in a separate process). Visits of the same month are
computed together in one vectorised simulation (`mapping` + `batch`), whatever their number.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from openfisca_core.taxbenefitsystems import TaxBenefitSystem  # type: ignore[import-untyped]

from allervers.domain.rights import RightAssessment
from allervers.rights.batch import HouseholdFigures, build_simulation, compute, household_figures
from allervers.rights.csg_scales import Scales
from allervers.rights.household import Household, read_for_engine
from allervers.rights.mapping import build_situation
from allervers.rights.parameters import currency, parameter_dates
from allervers.rights.statuses import Context, assess_household
from allervers.rights.system import openfisca_france_version
from allervers.rights.system_cache import EngineCache, load_system

Visit = Mapping[str, Any]


class RightsEngine:
    def __init__(
        self, system: TaxBenefitSystem | None = None, cache: EngineCache | bool = True
    ) -> None:
        """`cache`: True for the default engine cache (`system_cache`), False for none."""
        if system is None:
            chosen = EngineCache.default() if cache is True else (cache or None)
            system = load_system(chosen)
        self.system = system
        self.version = openfisca_france_version()
        self.scales = Scales(self.system)
        self._contexts: dict[date, Context] = {}

    def assess(self, visit: Visit, month: date | None = None) -> list[RightAssessment]:
        """All rights of one visit, for the visit's month (or `month`)."""
        return self.assess_batch([visit], month)[0]

    def assess_batch(
        self, visits: Sequence[Visit], month: date | None = None
    ) -> list[list[RightAssessment]]:
        """Same order as `visits`. Raises `InvalidInput` for a visit without a readable date or
        of a month the engine does not model (before May 2016)."""
        households = [read_for_engine(visit, month) for visit in visits]
        figures: list[HouseholdFigures | None] = [None] * len(households)
        by_month: dict[date, list[int]] = defaultdict(list)
        for index, household in enumerate(households):
            if household.interview and household.persons:
                by_month[household.month].append(index)
        for assessed_month, indices in by_month.items():
            batch = [households[i] for i in indices]
            for index, found in zip(indices, self.figures(batch, assessed_month), strict=True):
                figures[index] = found
        return [
            assess_household(household, found, self.context(household.month))
            for household, found in zip(households, figures, strict=True)
        ]

    def figures(self, households: Sequence[Household], month: date) -> list[HouseholdFigures]:
        """One vectorised OpenFisca run for households of the same month."""
        situation = build_situation(households, month, self.scales)
        simulation = build_simulation(self.system, situation)
        results = compute(self.system, simulation, situation)
        return household_figures(results, situation)

    def context(self, month: date) -> Context:
        if month not in self._contexts:
            self._contexts[month] = Context(
                self.version,
                parameter_dates(self.system, month),
                currency(self.system, month),
            )
        return self._contexts[month]

    def warm_up(self, month: date | None = None) -> None:
        """Runs one synthetic household so that the first real one does not pay the lazy loading
        of parameters and commune tables (about 2 s on a 2-core laptop)."""
        day = month or date.today().replace(day=1)
        self.assess(WARM_UP_VISIT | {"visited_on": day.isoformat()})


WARM_UP_VISIT: dict[str, Any] = {
    "format": "allervers-visit/1",
    "answers": {
        "door_outcome": "interview",
        "address_insee": "49092",
        "persons": [
            {
                "relationship": "reference",
                "age": 40,
                "activity": "employed",
                "nationality": "fr",
                "salary": 900,
                "unemployment": 0,
                "pension": 0,
                "alimony": 0,
                "other_income": 0,
            }
        ],
        "social_regime": "general",
        "housing_status": "private_tenant",
        "rent": 450,
        "tax_return_filed": "yes",
        "rfr": 9000,
        "rights_received": ["none"],
    },
}
