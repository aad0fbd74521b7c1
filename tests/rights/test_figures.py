"""The territory's figures on a demo workspace (real engine, synthetic households) equal counts
made independently here, in SQL straight on the decrypted database; the PDF shows the same."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import text

from allervers.domain.figures import parse_period
from allervers.reports.activity_report import write_activity_report
from allervers.rights.engine import RightsEngine
from allervers.services import demo
from allervers.services.figures import territory_figures
from allervers.services.workspace import CreatedWorkspace


def sql(workspace: CreatedWorkspace, query: str, **params: object) -> list[tuple]:  # type: ignore[type-arg]
    with workspace.workspace.db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(query), params)]


def test_figures_json_and_pdf_equal_independent_counts(
    created: CreatedWorkspace, engine: RightsEngine, tmp_path: Path
) -> None:
    workspace = created.workspace
    demo.fill_demo(workspace, 400, seed=11)
    assert demo.demo_followups(workspace, engine, seed=3) > 0
    today = dt.date.today()
    period = parse_period(str(today.year - 1))  # a whole past year of the demo's visits
    start, end = period.start.isoformat(), period.end.isoformat()
    figures = territory_figures(workspace, period)
    as_json = json.loads(json.dumps(figures.to_json()))

    doors = dict(
        sql(
            created,
            "SELECT door_outcome, count(*) FROM visits WHERE status='finished' "
            "AND visited_on BETWEEN :s AND :e GROUP BY door_outcome",
            s=start,
            e=end,
        )
    )
    assert as_json["doors_by_outcome"] == doors
    assert as_json["doors_knocked"] == sum(doors.values()) > 0

    met = sql(
        created,
        "SELECT count(DISTINCT household_id), "
        "sum(json_array_length(answers, '$.persons')) FROM visits WHERE status='finished' "
        "AND door_outcome='interview' AND visited_on BETWEEN :s AND :e",
        s=start,
        e=end,
    )[0]
    assert (as_json["households_met"], as_json["people_met"]) == met

    flags = dict(
        sql(
            created,
            "SELECT a.right_id, count(DISTINCT v.household_id) "
            "FROM assessments a JOIN visits v ON v.id = a.visit_id WHERE a.current = 1 "
            "AND a.status = 'probable_non_recours' AND v.visited_on BETWEEN :s AND :e "
            "GROUP BY a.right_id",
            s=start,
            e=end,
        )
    )
    assert as_json["nonrecours_by_right"] == flags
    assert as_json["funnel"]["flagged"] == sum(flags.values())

    by_org = dict(
        sql(
            created,
            "SELECT organisation, count(*) FROM referrals WHERE referred_on "
            "BETWEEN :s AND :e GROUP BY organisation",
            s=start,
            e=end,
        )
    )
    assert as_json["referrals_by_organisation"] == by_org

    opened = dict(
        sql(
            created,
            "SELECT right_id, count(*) FROM referrals WHERE status='opened' "
            "AND closed_on BETWEEN :s AND :e GROUP BY right_id",
            s=start,
            e=end,
        )
    )
    assert as_json["rights_opened_in_period"] == opened
    yearly = dict(
        sql(
            created,
            "SELECT right_id, round(sum(CASE WHEN right_id='cheque_energie' "
            "THEN opened_amount ELSE opened_amount * 12 END), 2) FROM referrals "
            "WHERE status='opened' AND closed_on BETWEEN :s AND :e GROUP BY right_id",
            s=start,
            e=end,
        )
    )
    assert as_json["rights_opened_in_period_yearly_amount"] == yearly

    pdf = tmp_path / "rapport.pdf"
    write_activity_report(pdf, figures, today)
    words = " ".join(" ".join(page.extract_text() for page in PdfReader(str(pdf)).pages).split())
    assert f"Portes frappées {sum(doors.values())}" in words
    assert f"Foyers rencontrés {met[0]}" in words
    assert f"Personnes rencontrées {met[1]}" in words
    assert f"… dont droit ouvert (repérés sur la période) {as_json['funnel']['opened']}" in words
    opened_in_period = sum(as_json["rights_opened_in_period"].values())
    assert f"Droits ouverts pendant la période {opened_in_period}" in words
    assert figures.territory in words
    # Exact counts for any dates: marked for internal use on every page, in the PDF's metadata
    # and in the JSON, never signed.
    reader = PdfReader(str(pdf))
    mark = "USAGE INTERNE – non signé, ne pas transmettre aux évaluateurs"
    assert all(mark in page.extract_text() for page in reader.pages)
    assert reader.metadata is not None and reader.metadata.subject == mark
    assert "ni signé ni protégé par le secret statistique" in words
    assert (as_json["marking"], as_json["signed"]) == ("usage interne", False)
