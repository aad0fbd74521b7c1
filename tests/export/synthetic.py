"""Synthetic figures and visits for the export tests: consistent with the relations the workspace
guarantees (margins, stages, links), and with distributions loosely like a rural territory."""

from __future__ import annotations

import random
from datetime import date, timedelta

from allervers.domain.export import (
    ExportInput,
    ExportPeriod,
    HouseholdType,
    HousingStatus,
    IndicatorTable,
    MicrodataRow,
    RightFollowUp,
    Thresholds,
)
from allervers.domain.rights import RightId

Q3 = ExportPeriod(date(2026, 7, 1), date(2026, 9, 30), "2026-Q3")
RIGHTS = [r.value for r in RightId]
REASONS = ("non_connaissance", "non_demande", "non_reception", "non_proposition", "not_recorded")
ORGANISATIONS = ("caf", "msa", "cpam", "carsat", "impots")
DOOR_OUTCOMES = ("interview", "absent", "refused", "vacant", "come_back", "not_dwelling")
FLAG_RATES = {
    RightId.RSA: 0.12,
    RightId.PPA: 0.15,
    RightId.AIDE_LOGEMENT: 0.10,
    RightId.CHEQUE_ENERGIE: 0.18,
    RightId.CSS: 0.14,
    RightId.AAH: 0.04,
    RightId.ASPA: 0.05,
}


def _split(
    rng: random.Random, total: int, names: tuple[str, ...] | list[str], even: bool = False
) -> dict[str, int]:
    weights = [rng.uniform(0.5, 1.5) if even else rng.random() ** 2 + 0.01 for _ in names]
    shares = [int(total * w / sum(weights)) for w in weights]
    shares[0] += total - sum(shares)
    return dict(zip(names, shares, strict=True))


def indicator_rows(
    rng: random.Random, scale: int = 300, even: bool = False
) -> list[tuple[str, str, float]]:
    """One territory's figures; `scale` is about the number of doors knocked. `even` spreads the
    counts evenly over the breakdowns and keeps most of each stage (large cells everywhere)."""

    def part(total: int) -> int:
        return rng.randint(total * 2 // 3, total) if even else rng.randint(0, max(0, total))

    rows: list[tuple[str, str, float]] = []
    doors = _split(rng, scale, DOOR_OUTCOMES, even)
    rows += [("doors_knocked", k, v) for k, v in doors.items()]
    households = rng.randint(doors["interview"] // 2, doors["interview"])
    rows.append(("households_met", "total", households))
    rows.append(("people_met", "total", households + rng.randint(0, households * 2)))
    flagged = part(max(1, households))
    rows += [("probable_nonrecours", k, v) for k, v in _split(rng, flagged, RIGHTS, even).items()]
    rows += [
        ("probable_nonrecours_reason", k, v) for k, v in _split(rng, flagged, REASONS, even).items()
    ]
    referred = part(flagged)
    filed = part(referred)
    opened = part(filed)
    rows += [("funnel", "flagged", flagged), ("funnel", "referred", referred)]
    rows += [("funnel", "filed", filed), ("funnel", "opened", opened)]
    rows += [("referrals", k, v) for k, v in _split(rng, referred, ORGANISATIONS, even).items()]
    by_right = _split(rng, part(flagged), RIGHTS, even)
    rows += [("rights_opened", k, v) for k, v in by_right.items()]
    rows += [
        ("rights_opened_yearly_amount", k, round(v * rng.uniform(300, 7000), 2))
        for k, v in by_right.items()
    ]
    due = part(referred)
    rows += [
        ("outcome_checks", k, v)
        for k, v in _split(rng, due, ("on_time", "late", "not_done"), even).items()
    ]
    return rows


def microdata(rng: random.Random, n: int, period: ExportPeriod = Q3) -> tuple[MicrodataRow, ...]:
    days = (period.end - period.start).days
    rows = []
    for i in range(n):
        rights = {}
        for right, rate in FLAG_RATES.items():
            if rng.random() < rate:
                referred = rng.random() < 0.6
                rights[right] = RightFollowUp(
                    flagged=True,
                    reason=rng.choice(REASONS),
                    organisation=rng.choice(ORGANISATIONS) if referred else None,
                    status=rng.choice(("referred", "claim_filed", "opened", "refused"))
                    if referred
                    else "to_refer",
                    outcome=rng.choice(("on_time", "late", "not_done")) if referred else None,
                )
        rows.append(
            MicrodataRow(
                visit_key=f"visit-{i}",
                household_key=f"household-{i}",
                age=int(rng.triangular(18, 95, 55)),
                household_type=rng.choices(list(HouseholdType), weights=(35, 28, 10, 22, 5))[0],
                housing_status=rng.choices(list(HousingStatus), weights=(25, 12, 18, 35, 5, 3, 2))[
                    0
                ],
                visited_on=period.start + timedelta(days=rng.randint(0, days)),
                rights=rights,
            )
        )
    return tuple(rows)


def export_input(
    seed: int = 1,
    households: int | None = 600,
    code: str = "49092",
    name: str = "Chemillé-en-Anjou",
    period: ExportPeriod = Q3,
    thresholds: Thresholds | None = None,
) -> ExportInput:
    rng = random.Random(seed)
    return ExportInput(
        territory_code=code,
        territory_name=name,
        period=period,
        software_version="0.1.0",
        engine_version="176.1.0",
        indicators=IndicatorTable.from_rows(indicator_rows(rng)),
        microdata=None if households is None else microdata(rng, households, period),
        thresholds=thresholds or Thresholds(),
    )
