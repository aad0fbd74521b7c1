"""The wizard's plain logic: which pages exist for which answers, and what typed text means."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from allervers.questionnaire import loader
from allervers.ui.interview import parsing
from allervers.ui.interview.plan import PageKey, first_to_fill, locate, pages

V1 = loader.load("visite", 1)
INTERVIEW = {"door_outcome": "interview", "address_insee": "49007"}


def test_a_closed_door_has_no_interview_pages() -> None:
    assert pages(V1, {"door_outcome": "absent", "address_insee": "49007"}) == [
        PageKey("door"),
        PageKey("address"),
    ]


def test_consent_opens_the_interview_and_each_person_is_a_page() -> None:
    answers = {**INTERVIEW, "consent_recorded": "yes", "persons": [{}, {}, {}]}
    assert [(k.section_id, k.item) for k in pages(V1, answers)] == [
        ("door", None),
        ("consent", None),
        ("address", None),
        ("persons", 1),
        ("persons", 2),
        ("persons", 3),
        ("housing", None),
        ("tax_rights", None),
        ("needs", None),
    ]
    # Without consent nothing else is asked.
    assert PageKey("housing") not in pages(V1, {**answers, "consent_recorded": "no"})


def test_a_resumed_interview_starts_where_a_required_answer_is_missing() -> None:
    plan = pages(V1, INTERVIEW)
    assert plan[first_to_fill(V1, INTERVIEW)] == PageKey("consent")
    answers = {**INTERVIEW, "consent_recorded": "no"}
    assert first_to_fill(V1, answers) == len(pages(V1, answers))  # nothing missing: summary


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("persons[2].age", (PageKey("persons", 2), "age")),
        ("persons[1]", (PageKey("persons", 1), None)),
        ("persons", (PageKey("persons", 1), None)),
        ("rent", (PageKey("housing"), "rent")),
    ],
)
def test_a_problem_path_leads_to_its_page(path: str, expected: tuple[PageKey, str | None]) -> None:
    assert locate(V1, path) == expected


@pytest.mark.parametrize(
    ("text", "value", "problem"),
    [
        ("1 250", 1250, None),
        ("1\u202f250,50 €", 1250.5, None),
        ("1250.5", 1250.5, None),
        ("", None, None),
        ("12,345", None, "not_a_number"),
        ("1,2,3", None, "not_a_number"),
    ],
)
def test_amounts_as_people_type_them(text: str, value: object, problem: str | None) -> None:
    assert parsing.parse_amount(text) == parsing.Parsed(value, problem)


@pytest.mark.parametrize(
    ("text", "value", "problem"),
    [
        ("02/05/1981", "1981-05-02", None),
        ("2/5/1981", "1981-05-02", None),
        ("1981-05-02", "1981-05-02", None),
        ("31/02/2020", None, "invalid_date"),
        ("02/05/81", None, "invalid_date"),  # 1981 or 2081: not guessed
        ("02051981", "1981-05-02", None),  # eight digits: quicker at a doorstep
        ("25", None, "invalid_date"),  # partly typed: never completed into another date
        ("25/12", None, "invalid_date"),
        ("0205198", None, "invalid_date"),
    ],
)
def test_dates_day_first_or_iso(text: str, value: object, problem: str | None) -> None:
    assert parsing.parse_date(text) == parsing.Parsed(value, problem)


def test_the_three_months_before_the_visit_oldest_first() -> None:
    assert parsing.previous_months(dt.date(2026, 2, 14)) == [
        dt.date(2025, 11, 1),
        dt.date(2025, 12, 1),
        dt.date(2026, 1, 1),
    ]


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=99))
def test_an_amount_shown_for_editing_reads_back_the_same(euros: int, cents: int) -> None:
    amount = euros + cents / 100 if cents else euros
    assert parsing.parse_amount(parsing.amount_text(amount)).value == pytest.approx(amount)
