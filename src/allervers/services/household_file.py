"""One household's file for the follow-up panel: who and where, its flagged rights with their
current assessment, and the referral of each (plain logic over the services: the UI gives the interface language).

`VisitIndex` reads a household's finished visits when it is first asked for them (one indexed
query, VisitService.household_visits) and keeps only what the panel shows; it is replaced when the
caseload is shown again (a visit may have been recorded meanwhile). Reading every visit at once
took about 2.5 s on 50,000 households and held them all, personal data included, in memory.
"""

from __future__ import annotations

from dataclasses import dataclass

from allervers.domain.followup import StoredAssessment
from allervers.domain.referrals import Referral
from allervers.domain.rights import AssessmentStatus, RightId
from allervers.domain.visits import DoorOutcome, Visit
from allervers.questionnaire.model import label
from allervers.services.caseload import CaseloadService
from allervers.services.rights import RightsService
from allervers.services.visits import VisitService, questionnaire_of


@dataclass(frozen=True, slots=True)
class VisitEntry:
    """What the panel needs of one finished visit."""

    visit_id: str
    household_id: str
    volunteer_id: str
    visited_on: str
    interview: bool
    contact_name: str | None
    phone: str | None  # only when the household agreed to be contacted again
    number: str | None
    street: str | None
    commune_insee: str
    # What the volunteer noted for the coordinator (issue 13): the free note, the difficulties
    # and to whom the person agrees their situation is passed, as the questionnaire names them.
    note: str | None = None
    needs: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()


def _choice_names(visit: Visit, question_id: str, language: str) -> tuple[str, ...]:
    values = visit.answers.get(question_id) or ()
    if isinstance(values, str):
        values = (values,)
    question = questionnaire_of(visit).question(question_id)
    names = {c.value: label(c.label, language) for c in question.choices} if question else {}
    return tuple(names.get(str(v), str(v)) for v in values if v != "no")


def _entry(visit: Visit, language: str) -> VisitEntry:
    answers = visit.answers

    def text(key: str) -> str | None:
        value = answers.get(key)
        return str(value) if value else None

    consented = answers.get("consent_contact") == "yes"
    return VisitEntry(
        visit_id=visit.id,
        household_id=visit.household_id,
        volunteer_id=visit.volunteer_id,
        visited_on=visit.visited_on,
        interview=visit.door_outcome is DoorOutcome.INTERVIEW,
        contact_name=text("contact_name"),
        phone=text("contact_phone") if consented else None,
        number=text("address_number"),
        street=text("address_street"),
        commune_insee=str(answers.get("address_insee", "")),
        note=text("note"),
        needs=_choice_names(visit, "needs", language),
        partners=_choice_names(visit, "consent_partner", language),
    )


class VisitIndex:
    """The finished visits the user may see, by household, oldest first, read on demand."""

    def __init__(self, visits: VisitService, language: str = "fr") -> None:
        self._visits = visits
        self._language = language  # of the choices' names (the interface's)
        self._by_household: dict[str, list[VisitEntry]] = {}

    @classmethod
    def build(cls, visits: VisitService, language: str = "fr") -> VisitIndex:
        return cls(visits, language)

    def of(self, household_id: str) -> list[VisitEntry]:
        if household_id not in self._by_household:
            self._by_household[household_id] = [
                _entry(v, self._language) for v in self._visits.household_visits(household_id)
            ]
        return list(self._by_household[household_id])

    def forget(self, household_ids: list[str]) -> None:
        """Drops what was read of these households (their personal data were erased)."""
        for household_id in household_ids:
            self._by_household.pop(household_id, None)

    def contact(self, household_id: str) -> VisitEntry | None:
        """The latest visit that names the household, else the latest visit."""
        visits = self.of(household_id)
        named = [v for v in visits if v.contact_name]
        chosen = named or visits
        return chosen[-1] if chosen else None


@dataclass(frozen=True, slots=True)
class RightFollowUp:
    """A right of the household: its current flag (if still flagged), who recorded the visit
    that flagged it (a volunteer may refer only from their own visits), its referrals in the
    order they were made (one per organisation: CAF and CPAM may share a right)."""

    right: RightId
    flag: StoredAssessment | None
    flagged_by: str | None
    referrals: tuple[Referral, ...] = ()


@dataclass(frozen=True, slots=True)
class HouseholdFile:
    household_id: str
    contact: VisitEntry | None
    last_visit_on: str | None
    rights: tuple[RightFollowUp, ...]
    interview: VisitEntry | None = None  # the latest: its note, difficulties and wishes


def load_household(
    household_id: str, index: VisitIndex, caseload: CaseloadService, rights: RightsService
) -> HouseholdFile:
    visits = index.of(household_id)
    flags: dict[RightId, tuple[StoredAssessment, str]] = {}
    for visit in visits:  # oldest first: the latest interview's assessment wins
        if not visit.interview:
            continue
        for stored in rights.current(visit.visit_id):
            if stored.assessment.status is AssessmentStatus.PROBABLE_NON_RECOURS:
                flags[stored.assessment.right] = (stored, visit.volunteer_id)
    referrals: dict[RightId, list[Referral]] = {}
    for referral in caseload.referrals(household_id):  # in creation order
        referrals.setdefault(referral.right, []).append(referral)
    order = list(RightId)
    follow_ups = tuple(
        RightFollowUp(
            right,
            flags[right][0] if right in flags else None,
            flags[right][1] if right in flags else None,
            tuple(referrals.get(right, ())),
        )
        for right in sorted(set(flags) | set(referrals), key=order.index)
    )
    return HouseholdFile(
        household_id=household_id,
        contact=index.contact(household_id),
        last_visit_on=visits[-1].visited_on if visits else None,
        rights=follow_ups,
        interview=next((v for v in reversed(visits) if v.interview), None),
    )
