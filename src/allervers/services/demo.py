"""The demo workspace: synthetic, so its passphrase can be printed."""

from __future__ import annotations

import datetime as dt
import os
import random
from dataclasses import dataclass
from pathlib import Path

from allervers.domain.referrals import ReferralStatus, ReferralStep
from allervers.domain.rights import RightAssessment
from allervers.services.rights import Engine, RightsService
from allervers.services.workspace import OpenWorkspace, WorkspaceService, is_workspace

DEMO_USER = "demo"
DEMO_TERRITORY = "Démo – communauté de communes fictive"
# Synthetic data only: a fixed, printed passphrase is fine here and nowhere else.
DEMO_PASSPHRASE = "aller-vers-demo-2026"  # noqa: S105  (synthetic demo)


@dataclass(frozen=True, slots=True)
class DemoWorkspace:
    path: Path
    user: str
    passphrase: str
    created: bool


def demo_passphrase() -> str:
    return os.environ.get("ALLERVERS_PASSPHRASE") or DEMO_PASSPHRASE


def ensure_demo(service: WorkspaceService, path: Path) -> tuple[DemoWorkspace, OpenWorkspace]:
    """Creates the demo workspace if needed and returns it unlocked."""
    passphrase = demo_passphrase()
    if is_workspace(path):
        workspace = service.unlock(path, DEMO_USER, passphrase)
        created = False
    else:
        workspace = service.create(path, DEMO_TERRITORY, DEMO_USER, passphrase).workspace
        created = True
    return DemoWorkspace(path, DEMO_USER, passphrase, created), workspace


def fill_demo(workspace: OpenWorkspace, households: int, seed: int | None = None) -> int:
    """Adds `households` synthetic finished visits (validated like an import)."""
    import json

    from allervers.services.demo_data import synthetic_visits
    from allervers.services.visit_input import parse_visit
    from allervers.services.visits import VisitService

    service = VisitService(workspace)
    rows = []
    for visit in synthetic_visits(households, seed=seed if seed is not None else households):
        parsed, problems = parse_visit(json.dumps(visit))
        assert parsed is not None, problems  # the generator only writes valid visits
        rows.append(parsed)
    return service.store_finished(rows)


def demo_followups(workspace: OpenWorkspace, engine: Engine, seed: int = 7) -> int:
    """Assesses the demo's interviews and gives referrals and outcomes to part of the flagged
    rights, so that a newcomer sees a living caseload and non-empty figures. Returns the number
    of referrals made."""
    from allervers.services.rights import RightsService

    rights = RightsService(workspace)
    rights.reassess_all(engine)
    with workspace.db.batch():
        return _followups(workspace, rights, seed)


def _followups(workspace: OpenWorkspace, rights: RightsService, seed: int) -> int:
    from allervers.domain.followup import Decision, NonDemandeDetail, NonRecoursReason
    from allervers.domain.rights import AssessmentStatus
    from allervers.services.caseload import CaseloadService, PlannedReferral
    from allervers.services.rights import assessable
    from allervers.services.visits import VisitService

    rng = random.Random(seed)  # noqa: S311  (synthetic demo data)
    today = dt.date.today()
    # The referrals and their steps are drawn first, then made in one go (refer_many): the same
    # records as refer() and advance() one by one, without recomputing a household's caseload
    # columns after every step. The draws are in the same order as when they were made one by
    # one, so a seed gives the same demo.
    planned: list[PlannedReferral] = []
    for visit in VisitService(workspace).list_visits():
        if not assessable(visit):
            continue
        for stored in rights.current(visit.id):
            assessment = stored.assessment
            if assessment.status is not AssessmentStatus.PROBABLE_NON_RECOURS:
                continue
            reason = rng.choices(list(NonRecoursReason), weights=(45, 35, 10, 10))[0]
            detail = (
                rng.choice(list(NonDemandeDetail))
                if reason is NonRecoursReason.NON_DEMANDE
                else None
            )
            decision = rng.choices(list(Decision), weights=(60, 25, 15))[0]
            rights.record_followup(stored.id, reason, detail, decision)
            if decision is Decision.NOT_INTERESTED or rng.random() > 0.7:
                continue
            steps = _demo_steps(rng, dt.date.fromisoformat(visit.visited_on), today, assessment)
            planned.append(
                PlannedReferral(visit.id, assessment.right, assessment.organisation, steps)
            )
    CaseloadService(workspace).refer_many(planned)
    return len(planned)


def _demo_steps(
    rng: random.Random, visited_on: dt.date, today: dt.date, assessment: RightAssessment
) -> tuple[ReferralStep, ...]:
    """The steps a demo referral has taken by today: referred a few days after the visit, then
    perhaps a claim filed, then perhaps an outcome."""
    from allervers.services.caseload import step

    steps: list[ReferralStep] = []
    day = visited_on + dt.timedelta(days=rng.randint(1, 14))
    if day > today or rng.random() < 0.1:
        return ()
    steps.append(
        step(ReferralStatus.REFERRED, day, contact="accueil", organisation=assessment.organisation)
    )
    day += dt.timedelta(days=rng.randint(7, 40))
    if day > today or rng.random() < 0.25:
        return tuple(steps)
    steps.append(step(ReferralStatus.CLAIM_FILED, day))
    day += dt.timedelta(days=rng.randint(15, 80))
    if day > today:
        return tuple(steps)
    draw = rng.random()
    if draw < 0.63:  # DREES ER 1058: 63 % opened within three months
        # CSS is cover, not cash: no amount is recorded for it.
        amount = round(assessment.amount or 0.0, 2)
        steps.append(step(ReferralStatus.OPENED, day, amount=amount))
    elif draw < 0.78:
        steps.append(step(ReferralStatus.REFUSED, day, reason="ressources trop élevées"))
    elif draw < 0.85:
        steps.append(step(ReferralStatus.ABANDONED, day, reason="ne souhaite plus"))
    return tuple(steps)
