"""Referrals followed to their outcome, the "à relancer" list, the caseload's filters and
permissions, and the person's rights (export, erasure, purge)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import text

from allervers.domain.errors import InvalidInput, PermissionDenied
from allervers.domain.followup import Decision, NonRecoursReason
from allervers.domain.referrals import CaseloadFilter, ReferralStatus, due_on
from allervers.domain.rights import (
    AmountPeriod,
    AssessmentStatus,
    Organisation,
    RightAssessment,
    RightId,
)
from allervers.domain.users import Role
from allervers.services.caseload import CaseloadService, PlannedReferral, add_months, step
from allervers.services.integrity import check
from allervers.services.retention import RetentionService
from allervers.services.rights import RightsService
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace, OpenWorkspace, WorkspaceService
from tests.conftest import OTHER_PASSPHRASE

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "households"


def flagged(right: RightId, amount: float = 300.0) -> RightAssessment:
    """An assessment as the engine would give it (the engine itself is tested in tests/rights)."""
    return RightAssessment(
        right,
        AssessmentStatus.PROBABLE_NON_RECOURS,
        amount,
        AmountPeriod.MONTH,
        organisation=Organisation.CAF,
    )


def interview(
    workspace: OpenWorkspace,
    tmp_path: Path,
    name: str,
    visited_on: str,
    contact: str | None = None,
    rights: tuple[RightId, ...] = (RightId.RSA,),
    commune: str | None = None,
) -> str:
    visit = json.loads((EXAMPLES / "couple-deux-enfants-salarie.json").read_text("utf-8"))
    visit["visited_on"] = visited_on
    if commune is not None:
        visit["answers"]["address_insee"] = commune
    visit["answers"]["contact_name"] = contact or name
    visit["answers"]["address_street"] = f"Allée {name.split()[-1]}"
    visit["answers"]["contact_phone"] = f"07 {abs(hash(name)) % 10**8:08d}"[:14]
    source = tmp_path / f"{name}.jsonl"
    source.write_text(json.dumps(visit, ensure_ascii=False) + "\n", encoding="utf-8")
    visits = VisitService(workspace)
    visits.import_file(source)
    visit_id = next(
        v.id
        for v in visits.list_visits()
        if v.answers.get("contact_name") == visit["answers"]["contact_name"]
    )
    RightsService(workspace).store(visit_id, [flagged(r) for r in rights])
    return visit_id


def test_a_referral_moves_through_its_steps_and_leaves_the_due_list(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    workspace = created.workspace
    visit_id = interview(workspace, tmp_path, "Gaëlle Tourmente", "2026-01-05")
    caseload = CaseloadService(workspace, today=dt.date(2026, 1, 10))
    referral = caseload.refer(visit_id, RightId.RSA)
    assert referral.status is ReferralStatus.TO_REFER
    with pytest.raises(InvalidInput):  # a right cannot open before it is even referred
        caseload.advance(referral.id, step(ReferralStatus.OPENED, dt.date(2026, 1, 10), amount=1))
    caseload.advance(
        referral.id,
        step(
            ReferralStatus.REFERRED,
            dt.date(2026, 1, 10),
            contact="Mme Leroux",
            appointment_at="2026-01-20T10:00",
        ),
    )
    # No news ten days after the appointment: "à relancer" (issue 17), before the outcome check.
    assert CaseloadService(workspace, today=dt.date(2026, 1, 29)).due_checks() == []
    quiet = CaseloadService(workspace, today=dt.date(2026, 1, 30)).due_checks()
    assert [r.id for r in quiet] == [referral.id]
    assert due_on(quiet[0]) == "2026-01-30" and quiet[0].check_due_on == "2026-04-10"
    CaseloadService(workspace, today=dt.date(2026, 2, 1)).advance(
        referral.id, step(ReferralStatus.CLAIM_FILED, dt.date(2026, 2, 1))
    )
    assert CaseloadService(workspace, today=dt.date(2026, 4, 9)).due_checks() == []
    later = CaseloadService(workspace, today=dt.date(2026, 4, 10))
    due = later.due_checks()
    assert [r.id for r in due] == [referral.id]
    assert due[0].check_due_on == "2026-04-10"
    opened = later.advance(
        referral.id,
        step(ReferralStatus.OPENED, dt.date(2026, 4, 10), amount=607.75, opened_from="2026-03-01"),
    )
    assert opened.status is ReferralStatus.OPENED
    assert opened.opened_amount == 607.75 and opened.checked_on == "2026-04-10"
    assert later.due_checks() == []
    rows = later.page(CaseloadFilter(), 0, 50)
    assert [(r.status, r.flags) for r in rows] == [("opened", (RightId.RSA,))]


def test_caseload_filters_and_search(created: CreatedWorkspace, tmp_path: Path) -> None:
    workspace = created.workspace
    a = interview(workspace, tmp_path, "Octave Brisemiche", "2026-02-01", rights=(RightId.RSA,))
    interview(workspace, tmp_path, "Sidonie Paturel", "2026-02-03", rights=(RightId.PPA,))
    caseload = CaseloadService(workspace, today=dt.date(2026, 6, 1))
    referral = caseload.refer(a, RightId.RSA)
    caseload.advance(referral.id, step(ReferralStatus.REFERRED, dt.date(2026, 2, 2)))

    def names(where: CaseloadFilter) -> list[str | None]:
        return sorted(r.contact_name for r in caseload.page(where, 0, 50))

    assert names(CaseloadFilter()) == ["Octave Brisemiche", "Sidonie Paturel"]
    assert names(CaseloadFilter(right=RightId.PPA)) == ["Sidonie Paturel"]
    assert names(CaseloadFilter(status="referred")) == ["Octave Brisemiche"]
    assert names(CaseloadFilter(overdue_only=True)) == ["Octave Brisemiche"]  # due 2026-05-02
    assert names(CaseloadFilter(text="pature")) == ["Sidonie Paturel"]
    assert names(CaseloadFilter(commune="49023")) == ["Octave Brisemiche", "Sidonie Paturel"]
    assert caseload.count(CaseloadFilter(right=RightId.RSA)) == 1


# Communes whose INSEE order (and the order of their names' bytes) is not their names' order.
BY_FRENCH_NAME = [
    ("49023", "Beaupréau-en-Mauges"),
    ("49092", "Chemillé-en-Anjou"),
    ("49129", "Écouflant"),  # after every unaccented name when compared byte by byte
    ("49332", "La Séguinière"),  # after Sèvremoine by INSEE code
    ("49301", "Sèvremoine"),
]


def test_communes_sort_by_french_name_not_insee_code(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    workspace = created.workspace
    # Given in neither order; two households in Chemillé-en-Anjou.
    for insee, name in (BY_FRENCH_NAME[4], BY_FRENCH_NAME[2], BY_FRENCH_NAME[0], BY_FRENCH_NAME[3]):
        interview(workspace, tmp_path, f"Foyer {name}", "2026-03-02", commune=insee)
    interview(workspace, tmp_path, "Foyer Chemillé ancien", "2026-03-01", commune="49092")
    interview(workspace, tmp_path, "Foyer Chemillé récent", "2026-03-05", commune="49092")
    caseload = CaseloadService(workspace, today=dt.date(2026, 6, 1))

    def rows(descending: bool) -> list[tuple[str, str | None]]:
        page = caseload.page(CaseloadFilter(), 0, 50, "commune", descending)
        return [(r.commune_insee, r.contact_name) for r in page]

    ascending = [
        ("49023", "Foyer Beaupréau-en-Mauges"),
        ("49092", "Foyer Chemillé récent"),  # within a commune, the most recent contact first
        ("49092", "Foyer Chemillé ancien"),
        ("49129", "Foyer Écouflant"),
        ("49332", "Foyer La Séguinière"),
        ("49301", "Foyer Sèvremoine"),
    ]
    assert rows(descending=False) == ascending
    assert [insee for insee, _name in rows(descending=True)] == [
        "49301",
        "49332",
        "49129",
        "49092",
        "49092",
        "49023",
    ]
    assert rows(descending=True)[3:5] == ascending[1:3]  # still the most recent first
    # Pages follow the same order.
    pages = [caseload.page(CaseloadFilter(), start, 2, "commune", False) for start in (0, 2, 4)]
    assert [(r.commune_insee, r.contact_name) for p in pages for r in p] == ascending


def test_statuses_sort_in_the_order_of_the_follow_up(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    workspace = created.workspace
    caseload = CaseloadService(workspace, today=dt.date(2026, 6, 1))
    day = dt.date(2026, 3, 10)
    # The steps each household's referral takes after "to refer" (None: no referral).
    paths: dict[str, tuple[ReferralStatus, ...] | None] = {
        "abandoned": (ReferralStatus.ABANDONED,),
        "claim_filed": (ReferralStatus.REFERRED, ReferralStatus.CLAIM_FILED),
        "flagged": None,
        "no_news": (ReferralStatus.REFERRED, ReferralStatus.NO_NEWS),
        "opened": (ReferralStatus.REFERRED, ReferralStatus.OPENED),
        "referred": (ReferralStatus.REFERRED,),
        "refused": (ReferralStatus.REFERRED, ReferralStatus.REFUSED),
        "to_refer": (),
    }
    interview(workspace, tmp_path, "Foyer met", "2026-03-01", rights=())
    for number, (name, path) in enumerate(paths.items()):
        visit_id = interview(workspace, tmp_path, f"Foyer {name}", f"2026-03-0{number + 2}")
        if path is None:
            continue
        referral = caseload.refer(visit_id, RightId.RSA)
        for status in path:
            details = {"amount": 300.0} if status is ReferralStatus.OPENED else {}
            caseload.advance(referral.id, step(status, day, **details))

    def statuses(descending: bool) -> list[str]:
        page = caseload.page(CaseloadFilter(), 0, 50, "status", descending)
        assert [r.contact_name for r in page] == [f"Foyer {r.status}" for r in page]
        return [r.status for r in page]

    workflow = [
        "met",
        "flagged",
        "to_refer",
        "referred",
        "claim_filed",
        "no_news",
        "opened",
        "refused",
        "abandoned",
    ]
    assert statuses(descending=False) == workflow
    assert statuses(descending=True) == list(reversed(workflow))


def _referral_records(workspace: OpenWorkspace, visit_id: str) -> list[tuple[object, ...]]:
    """A visit's referrals and their events, without ids, household or time stamps, and the
    stamps' device: what must not depend on how the referrals were made."""
    with workspace.db.engine.connect() as conn:
        referrals = conn.execute(
            text(
                "SELECT id, right_id, status, organisation, referred_on, contact, appointment_at,"
                " filed_on, opened_amount, opened_from, outcome_reason, check_due_on, checked_on,"
                " closed_on, assigned_to, origin_device, change_seq > 0 FROM referrals"
                " WHERE visit_id = :visit ORDER BY right_id"
            ),
            {"visit": visit_id},
        ).fetchall()
        records: list[tuple[object, ...]] = []
        for referral in referrals:
            events = conn.execute(
                text(
                    "SELECT user_id, on_date, from_status, to_status, origin_device,"
                    " change_seq > 0 FROM referral_events WHERE referral_id = :id"
                    " ORDER BY change_seq"
                ),
                {"id": referral[0]},
            ).fetchall()
            records.append((*referral[1:], *(tuple(e) for e in events)))
    return records


def _audit_actions(workspace: OpenWorkspace) -> list[str]:
    with workspace.db.engine.connect() as conn:
        return list(conn.execute(text("SELECT action FROM audit_log ORDER BY seq")).scalars())


def test_refer_many_records_what_refer_and_advance_record(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    workspace = created.workspace
    one_by_one = interview(workspace, tmp_path, "Octave Brisemiche", "2026-02-01")
    at_once = interview(workspace, tmp_path, "Sidonie Paturel", "2026-02-01")
    other = interview(workspace, tmp_path, "Léon Carabistouille", "2026-02-01")
    caseload = CaseloadService(workspace, today=dt.date(2026, 6, 1))
    steps = (
        step(ReferralStatus.REFERRED, dt.date(2026, 2, 3), contact="Mme Leroux"),
        step(ReferralStatus.CLAIM_FILED, dt.date(2026, 2, 20)),
        step(ReferralStatus.OPENED, dt.date(2026, 4, 2), amount=607.75),
    )
    referral = caseload.refer(one_by_one, RightId.RSA)
    for each in steps:
        caseload.advance(referral.id, each)
    before = len(_audit_actions(workspace))

    made = caseload.refer_many(
        [PlannedReferral(at_once, RightId.RSA, steps=steps), PlannedReferral(other, RightId.RSA)]
    )

    assert [r.status for r in made] == [ReferralStatus.OPENED, ReferralStatus.TO_REFER]
    assert _referral_records(workspace, at_once) == _referral_records(workspace, one_by_one)
    assert _audit_actions(workspace)[before:] == [
        "referral_created",
        "referral_advanced",
        "referral_advanced",
        "referral_advanced",
        "referral_created",
    ]
    rows = {r.contact_name: r for r in caseload.page(CaseloadFilter(), 0, 50)}
    assert rows["Sidonie Paturel"].status == rows["Octave Brisemiche"].status == "opened"
    assert rows["Léon Carabistouille"].status == "to_refer"
    report = check(workspace)
    assert report.ok and report.problems == ()


def test_refer_many_is_all_or_nothing_and_checks_like_refer_and_advance(
    service: WorkspaceService, created: CreatedWorkspace, workspace_path: Path, tmp_path: Path
) -> None:
    coordinator = created.workspace
    first = interview(coordinator, tmp_path, "Octave Brisemiche", "2026-02-01")
    second = interview(coordinator, tmp_path, "Sidonie Paturel", "2026-02-01")
    caseload = CaseloadService(coordinator, today=dt.date(2026, 6, 1))
    household = VisitService(coordinator).get(first).household_id
    audit = _audit_actions(coordinator)
    with pytest.raises(InvalidInput):  # a right cannot open before it is even referred
        caseload.refer_many(
            [
                PlannedReferral(first, RightId.RSA),
                PlannedReferral(
                    second,
                    RightId.RSA,
                    steps=(step(ReferralStatus.OPENED, dt.date(2026, 2, 3), amount=1),),
                ),
            ]
        )
    assert _audit_actions(coordinator) == audit
    assert caseload.referrals(household) == []
    assert {r.status for r in caseload.page(CaseloadFilter(), 0, 50)} == {"flagged"}

    coordinator.add_user("Basile Volontaire", Role.VOLUNTEER, OTHER_PASSPHRASE)
    coordinator.lock()
    volunteer = service.unlock(workspace_path, "Basile Volontaire", OTHER_PASSPHRASE)
    own = interview(volunteer, tmp_path, "Rose du Bénévole", "2026-03-03")
    theirs = CaseloadService(volunteer)
    with pytest.raises(PermissionDenied):  # only a coordinator takes the steps
        theirs.refer_many(
            [
                PlannedReferral(
                    own, RightId.RSA, steps=(step(ReferralStatus.REFERRED, dt.date(2026, 3, 4)),)
                )
            ]
        )
    with pytest.raises(PermissionDenied):  # nor refers a household that is not theirs
        theirs.refer_many([PlannedReferral(own, RightId.RSA), PlannedReferral(first, RightId.RSA)])
    assert theirs.referrals(VisitService(volunteer).get(own).household_id) == []
    [referral] = theirs.refer_many([PlannedReferral(own, RightId.RSA)])
    assert referral.status is ReferralStatus.TO_REFER
    assert referral.organisation is Organisation.CAF  # where the engine said to go
    volunteer.lock()


def test_a_volunteer_sees_only_their_households(
    service: WorkspaceService, created: CreatedWorkspace, workspace_path: Path, tmp_path: Path
) -> None:
    coordinator = created.workspace
    volunteer_user = coordinator.add_user("Basile Volontaire", Role.VOLUNTEER, OTHER_PASSPHRASE)
    interview(coordinator, tmp_path, "Coralie du Coordinateur", "2026-03-01")
    assigned = interview(coordinator, tmp_path, "Jules Assigné", "2026-03-02")
    household = VisitService(coordinator).get(assigned).household_id
    CaseloadService(coordinator).assign(household, volunteer_user.id)
    coordinator.lock()
    volunteer = service.unlock(workspace_path, "Basile Volontaire", OTHER_PASSPHRASE)
    interview(volunteer, tmp_path, "Rose du Bénévole", "2026-03-03")
    seen = sorted(
        r.contact_name or "" for r in CaseloadService(volunteer).page(CaseloadFilter(), 0, 50)
    )
    assert seen == ["Jules Assigné", "Rose du Bénévole"]
    with pytest.raises(PermissionDenied):
        CaseloadService(volunteer).assign(household, None)
    volunteer.lock()


def _every_text_value(workspace: OpenWorkspace) -> str:
    """Every text column of every table of the decrypted database, concatenated."""
    values = []
    with workspace.db.engine.connect() as conn:
        tables = [
            r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
        ]
        for table in tables:
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):  # noqa: S608
                values += [str(v) for v in row if isinstance(v, str)]
    return "\n".join(values)


def test_erasure_and_purge_remove_the_person_but_keep_past_figures(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    from allervers.domain.figures import parse_period
    from allervers.services.figures import territory_figures

    workspace = created.workspace
    erased = interview(workspace, tmp_path, "Eulalie Vandermoot", "2026-01-15")
    interview(workspace, tmp_path, "Anatole Grosdidier", "2026-02-15")
    caseload = CaseloadService(workspace, today=dt.date(2026, 3, 1))
    referral = caseload.refer(erased, RightId.RSA)
    caseload.advance(
        referral.id,
        step(ReferralStatus.REFERRED, dt.date(2026, 1, 20), contact="Agent Vandermoot-Contact"),
    )
    caseload.advance(referral.id, step(ReferralStatus.OPENED, dt.date(2026, 2, 25), amount=300))
    stored = RightsService(workspace).current(erased)[0]
    RightsService(workspace).record_followup(
        stored.id, NonRecoursReason.NON_CONNAISSANCE, None, Decision.WANTS_HELP
    )
    VisitService(workspace).answer(erased, "note", "Appeler Eulalie le matin")  # history row
    period = parse_period("2026-Q1")
    before = territory_figures(workspace, period)
    assert before.rights_opened_in_period == {"rsa": 1} and before.households_met == 2

    exported = RetentionService(workspace).export_person(
        VisitService(workspace).get(erased).household_id
    )
    assert exported["household"]["contact_name"] == "Eulalie Vandermoot"

    household = VisitService(workspace).get(erased).household_id
    phone = VisitService(workspace).get(erased).answers["contact_phone"]
    RetentionService(workspace).erase(household)
    everything = _every_text_value(workspace)
    for trace in ("Vandermoot", "Eulalie", "Allée Vandermoot", phone):
        assert trace not in everything, trace
    assert "Anatole Grosdidier" in everything  # the other household is untouched
    assert territory_figures(workspace, period) == before

    purge = RetentionService(workspace, today=add_months(dt.date(2026, 2, 15), 25))
    assert len(purge.purge_candidates()) == 1  # Anatole; Eulalie is already gone
    assert purge.purge() == 1
    everything = _every_text_value(workspace)
    assert "Grosdidier" not in everything
    assert territory_figures(workspace, period) == before
    assert CaseloadService(workspace).page(CaseloadFilter(), 0, 50) == []


def test_names_sort_in_french_dictionary_order(created: CreatedWorkspace, tmp_path: Path) -> None:
    workspace = created.workspace
    for name in ("Zoé Martin", "émile Durand", "Élodie Bernard", "Eric Petit", "Anaïs Roux"):
        interview(workspace, tmp_path, name, "2026-03-02")
    caseload = CaseloadService(workspace, today=dt.date(2026, 6, 1))
    page = caseload.page(CaseloadFilter(), 0, 50, "name", False)
    # Accents and case do not send "Élodie" and "émile" after "Zoé".
    assert [r.contact_name for r in page] == [
        "Anaïs Roux",
        "Élodie Bernard",
        "émile Durand",
        "Eric Petit",
        "Zoé Martin",
    ]
