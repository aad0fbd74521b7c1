"""A small real workspace for the release tests: visits imported as a volunteer's file would be,
assessments stored as the rights engine would store them."""

from __future__ import annotations

import json
from pathlib import Path

from allervers.domain.rights import AmountPeriod, AssessmentStatus, RightAssessment, RightId
from allervers.services.rights import RightsService
from allervers.services.visits import VisitService
from allervers.services.workspace import OpenWorkspace

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "households"


def add_visits(
    workspace: OpenWorkspace, tmp_path: Path, days: list[str], flagged: tuple[RightId, ...]
) -> None:
    """One interview (a new household) per day given, each flagged for the rights given."""
    visit = json.loads((EXAMPLES / "personne-seule-sans-revenu.json").read_text("utf-8"))
    lines = []
    for day in days:
        visit["visited_on"] = day
        lines.append(json.dumps(visit, ensure_ascii=False))
    source = tmp_path / f"visites-{days[0]}-{len(days)}.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    visits = VisitService(workspace)
    before = {v.id for v in visits.list_visits()}
    visits.import_file(source)
    rights = RightsService(workspace)
    for stored in visits.list_visits():
        if stored.id in before:
            continue
        rights.store(
            stored.id,
            [
                RightAssessment(
                    right, AssessmentStatus.PROBABLE_NON_RECOURS, 500.0, AmountPeriod.MONTH
                )
                for right in flagged
            ],
        )
