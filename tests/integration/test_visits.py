"""Recording, finishing, editing and importing visits on a real encrypted workspace."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allervers.domain.errors import ImportInvalid, PermissionDenied, VisitInvalid
from allervers.domain.users import Role
from allervers.domain.visits import DoorOutcome, VisitStatus
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from tests.conftest import COORDINATOR, OTHER_PASSPHRASE, PASSPHRASE, file_hashes

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "households"
DAY = dt.date(2026, 10, 14)


def example(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def interview(visits: VisitService, **extra: object) -> str:
    visit = visits.start("49092", "Rue des Lilas", "12", visited_on=DAY)
    answers = {**example("personne-seule-sans-revenu")["answers"], **extra}
    for key, value in answers.items():
        if key == "persons":
            for index, person in enumerate(value, start=1):
                for field, item in person.items():
                    visits.answer(visit.id, f"persons[{index}].{field}", item)
        elif key not in ("address_insee",):
            visits.answer(visit.id, key, value)
    return visit.id


def test_an_interview_answered_one_field_at_a_time_is_finished(
    created: CreatedWorkspace,
) -> None:
    visits = VisitService(created.workspace)
    visit_id = interview(visits, consent_contact="yes", contact_name="Aurore Lemaréchal")
    assert visits.drafts()[0].id == visit_id
    finished = visits.finish(visit_id)
    assert finished.status is VisitStatus.FINISHED
    assert finished.answers["contact_name"] == "Aurore Lemaréchal"
    assert finished.answers["address_street"] == "Rue des Lilas"
    assert visits.drafts() == []


def test_without_consent_to_be_contacted_no_direct_identifier_is_kept(
    created: CreatedWorkspace,
) -> None:
    visits = VisitService(created.workspace)
    visit_id = interview(visits)  # consent_contact = no
    finished = visits.finish(visit_id)
    for key in ("contact_name", "contact_phone", "address_street", "address_number"):
        assert key not in finished.answers
    assert finished.answers["address_insee"] == "49092"


def test_one_click_for_a_door_that_does_not_answer(created: CreatedWorkspace) -> None:
    visits = VisitService(created.workspace)
    visit = visits.record_door("49092", "Chemin du Moulin", "3", DoorOutcome.ABSENT, DAY)
    assert visit.status is VisitStatus.FINISHED
    assert visit.door_outcome is DoorOutcome.ABSENT
    doors = visits.next_doors("49092", DAY)
    assert [(d.street, d.number) for d in doors] == [("Chemin du Moulin", "3")]


def test_impossible_answers_are_refused_and_leave_the_draft_as_it_was(
    created: CreatedWorkspace,
) -> None:
    visits = VisitService(created.workspace)
    visit = visits.start("49092", visited_on=DAY)
    visits.answer(visit.id, "door_outcome", "interview")
    cases = [
        ("door_outcome", "peut-être", "invalid_choice"),
        ("persons[1].age", 180, "out_of_range"),
        ("persons[1].birth_date", "2031-01-01", "date_in_future"),
        ("rent", -5, "out_of_range"),
        ("rights_received", ["none", "rsa"], "exclusive_choice"),
        ("nir", "1 84 03 75 123 456 78", "unknown_question"),
        ("persons[3].age", 30, "no_such_item"),
    ]
    for path, value, code in cases:
        with pytest.raises(VisitInvalid) as refused:
            visits.answer(visit.id, path, value)
        assert [p.code for p in refused.value.problems] == [code], path
    assert visits.get(visit.id).answers == {"address_insee": "49092", "door_outcome": "interview"}
    with pytest.raises(VisitInvalid) as unfinished:
        visits.finish(visit.id)
    assert {p.path for p in unfinished.value.problems} >= {"consent_recorded"}


def test_editing_a_finished_visit_keeps_who_changed_what_and_before(
    created: CreatedWorkspace,
) -> None:
    visits = VisitService(created.workspace)
    visit_id = interview(visits)
    visits.finish(visit_id)
    visits.answer(visit_id, "rent", 455)
    history = visits.history(visit_id)
    assert [(c.path, c.old, c.new, c.user_id) for c in history] == [
        ("rent", 430, 455, created.workspace.user.id)
    ]
    with pytest.raises(VisitInvalid):  # a finished visit stays valid
        visits.answer(visit_id, "housing_status", None)
    assert visits.get(visit_id).answers["housing_status"] == "private_tenant"


def test_a_volunteer_sees_only_their_own_visits(
    service: WorkspaceService, created: CreatedWorkspace, workspace_path: Path
) -> None:
    coordinator = created.workspace
    coordinator.add_user("Lou Volontaire", Role.VOLUNTEER, OTHER_PASSPHRASE)
    mine = VisitService(coordinator).record_door("49092", "Rue A", "1", DoorOutcome.ABSENT, DAY)
    coordinator.lock()
    volunteer = service.unlock(workspace_path, "Lou Volontaire", OTHER_PASSPHRASE)
    theirs = VisitService(volunteer)
    own = theirs.record_door("49092", "Rue B", "2", DoorOutcome.VACANT, DAY)
    assert [v.id for v in theirs.list_visits()] == [own.id]
    with pytest.raises(PermissionDenied):
        theirs.get(mine.id)
    volunteer.lock()
    again = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    assert {v.id for v in VisitService(again).list_visits()} == {mine.id, own.id}
    again.lock()


def _write_jsonl(path: Path, visits: list[dict]) -> Path:  # type: ignore[type-arg]
    path.write_text(
        "\n".join(json.dumps(v, ensure_ascii=False) for v in visits) + "\n", encoding="utf-8"
    )
    return path


@pytest.fixture
def visits(created: CreatedWorkspace) -> VisitService:
    return VisitService(created.workspace)


def test_import_with_one_bad_line_leaves_every_file_unchanged(
    visits: VisitService, workspace_path: Path, tmp_path: Path
) -> None:
    visits.record_door("49092", "Rue A", "1", DoorOutcome.ABSENT, DAY)
    good = [example(n) for n in ("couple-deux-enfants-salarie", "porte-absente", "repasser")]
    bad = example("personne-seule-sans-revenu")
    bad["answers"]["persons"][0]["birth_date"] = "1984-02-30"
    source = _write_jsonl(tmp_path / "visites.jsonl", [good[0], good[1], bad, good[2]])
    before = file_hashes(workspace_path)
    with pytest.raises(ImportInvalid) as refused:
        visits.import_file(source)
    assert refused.value.line == 3
    assert file_hashes(workspace_path) == before
    assert len(visits.list_visits()) == 1


def test_import_reports_the_first_bad_line_and_imports_nothing(
    visits: VisitService, tmp_path: Path
) -> None:
    good = [example(n) for n in ("couple-deux-enfants-salarie", "porte-absente", "repasser")]
    bad = example("personne-seule-sans-revenu")
    bad["answers"]["rent"] = "quatre cents"
    source = _write_jsonl(tmp_path / "visites.jsonl", [good[0], good[1], bad, good[2]])
    with pytest.raises(ImportInvalid) as refused:
        visits.import_file(source)
    assert refused.value.line == 3
    assert [(p.path, p.code) for p in refused.value.problems] == [("rent", "not_a_number")]
    assert visits.list_visits() == []
    report = visits.import_file(source, skip_invalid=True)
    assert report.imported == 3 and [line for line, _ in report.skipped] == [3]
    assert len(visits.list_visits()) == 3


def test_every_example_household_imports(visits: VisitService, tmp_path: Path) -> None:
    examples = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.json"))]
    assert len(examples) >= 6
    report = visits.import_file(_write_jsonl(tmp_path / "all.jsonl", examples))
    assert report.imported == len(examples)


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(
    key=st.sampled_from(
        ["rent", "door_outcome", "persons", "rfr", "needs", "note", "come_back_on"]
    ),
    value=st.one_of(
        st.none(),
        st.integers(-(10**6), 10**6),
        st.floats(allow_nan=True),
        st.text(max_size=30),
        st.lists(st.text(max_size=5), max_size=3),
        st.booleans(),
    ),
)
def test_any_answer_either_validates_or_is_refused_with_a_problem(
    visits: VisitService, key: str, value: object
) -> None:
    from allervers.services.visit_input import parse_visit

    visit = example("personne-seule-sans-revenu")
    visit["answers"][key] = value
    parsed, problems = parse_visit(json.dumps(visit))
    assert (parsed is None) == bool(problems)
    assert all(p.code for p in problems)
    if isinstance(value, float) and not math.isfinite(value):
        assert problems, "NaN and infinity are never accepted"
    if key == "rent" and isinstance(value, int) and not isinstance(value, bool):
        assert bool(problems) == (not 0 <= value <= 5000)


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_a_v1_visit_stays_readable_and_editable_after_v2_adds_a_question(
    created: CreatedWorkspace,
) -> None:
    from allervers.questionnaire import loader

    v2 = loader.load_file(FIXTURES / "visite-v2.json")
    loader.register(v2)
    v1_visits = VisitService(created.workspace)
    old_id = interview(v1_visits)
    v1_visits.finish(old_id)

    visits = VisitService(created.workspace, questionnaire=v2)
    old = visits.get(old_id)
    assert (old.questionnaire_id, old.questionnaire_version) == ("visite", 1)
    assert visits.problems(old_id) == []  # v2's new required question does not apply to v1
    visits.answer(old_id, "rent", 470)
    assert visits.get(old_id).answers["rent"] == 470
    with pytest.raises(VisitInvalid):  # and v2's question cannot be answered on a v1 visit
        visits.answer(old_id, "internet_access", "yes")

    new_id = interview(visits)
    with pytest.raises(VisitInvalid) as missing:
        visits.finish(new_id)
    assert [p.path for p in missing.value.problems] == ["internet_access"]
    visits.answer(new_id, "internet_access", "no")
    assert visits.finish(new_id).questionnaire_version == 2


def test_a_draft_can_be_discarded_but_not_a_finished_visit(visits: VisitService) -> None:
    draft = visits.start("49092", "Rue Fausse", "99", visited_on=DAY)
    finished = visits.record_door("49092", "Rue Vraie", "1", DoorOutcome.ABSENT, DAY)
    visits.discard(draft.id)
    assert visits.drafts() == []
    with pytest.raises(VisitInvalid):
        visits.discard(finished.id)
    assert [v.id for v in visits.list_visits()] == [finished.id]


def test_recent_visits_come_newest_first_and_limited(visits: VisitService) -> None:
    for day in (1, 3, 2):
        visits.record_door("49092", "Rue A", str(day), DoorOutcome.ABSENT, dt.date(2026, 10, day))
    recent = visits.list_visits(limit=2, newest_first=True)
    assert [v.visited_on for v in recent] == ["2026-10-03", "2026-10-02"]


def test_household_visits_are_one_households_finished_visits_oldest_first(
    visits: VisitService,
) -> None:
    first = visits.record_door("49092", "Rue A", "1", DoorOutcome.ABSENT, dt.date(2026, 10, 2))
    again = visits.record_door(
        "49092", "Rue A", "1", DoorOutcome.REFUSED, dt.date(2026, 10, 9), first.household_id
    )
    visits.record_door("49092", "Rue B", "2", DoorOutcome.VACANT, dt.date(2026, 10, 1))
    visits.start("49092", household_id=first.household_id, visited_on=dt.date(2026, 10, 12))
    assert [v.id for v in visits.household_visits(first.household_id)] == [first.id, again.id]
