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
    doors = demo_doors(workspace)
    drawn = synthetic_visits(households, seed=seed if seed is not None else households, doors=doors)
    for visit in drawn:
        parsed, problems = parse_visit(json.dumps(visit))
        assert parsed is not None, problems  # the generator only writes valid visits
        rows.append(parsed)
    return service.store_finished(rows)


DEMO_DEPARTEMENT = "49"
DEMO_DIRECTORY_SERVICES = 1_500


def demo_directory(workspace: OpenWorkspace, seed: int = 17) -> int:
    """Imports a synthetic data·inclusion directory of the demo's département (its files written
    and read as the real ones: `allervers directory import`), so that the demo's sheets give
    offices and services. Returns the number of services kept."""
    import tempfile

    from allervers.services.directory import Directory
    from allervers.services.directory_data import synthetic_directory
    from allervers.services.directory_writer import write_directory

    directory = synthetic_directory(DEMO_DIRECTORY_SERVICES, [DEMO_DEPARTEMENT], seed=seed)
    with tempfile.TemporaryDirectory(prefix="allervers-annuaire-") as folder:
        files = write_directory(directory, Path(folder), "json")
        report = Directory(workspace).import_files(files, DEMO_DEPARTEMENT)
    return report.services.added + report.services.kept


# The demo's territory (issue 16): synthetic addresses of Chemillé-en-Anjou, half of its doors
# knocked by the demo's visits, two rounds: the bourg and the rest.
DEMO_ADDRESSES = {"49092": 600}
DEMO_VOLUNTEER = "Camille Démo"


def demo_territory(workspace: OpenWorkspace, seed: int = 2026) -> int:
    """Imports the demo's synthetic addresses, and writes the building outlines of its communes
    next to the workspace (the map reads them there). Returns the addresses added."""
    import tempfile

    from allervers.services import address_samples, building_samples
    from allervers.services.addresses import AddressService

    samples = address_samples.territory_addresses(DEMO_ADDRESSES, seed)
    for insee in DEMO_ADDRESSES:
        building_samples.write_batiments(
            workspace.path / f"cadastre-{insee}-batiments.json",
            [s for s in samples if s.address.commune_insee == insee],
            insee,
            seed,
        )
    with tempfile.TemporaryDirectory() as folder:
        path = address_samples.write_ban(Path(folder) / "adresses-demo.csv", samples)
        return AddressService(workspace).import_file(path).added


def demo_doors(workspace: OpenWorkspace) -> list[tuple[str, str, str]]:
    """Half of the territory's doors, the bourg's round first, then the rest of its commune,
    where the demo's visits are made: a map half covered. Empty without addresses."""
    from allervers.services.doors import DoorService

    service = DoorService(workspace)
    views = service.doors()
    first = next(iter(DEMO_ADDRESSES))
    walked = {d for r in service.rounds() if r.name == "Bourg" for d in r.door_ids}
    # Stable sorts: the walking order stays within each group.
    views.sort(key=lambda v: (v.door.commune_insee != first, v.door.id not in walked))
    half = views[: len(views) // 2]
    return [(v.door.commune_insee, v.door.way, v.door.number_text) for v in half]


def demo_rounds(workspace: OpenWorkspace) -> int:
    """Two rounds given to the demo's volunteer: the biggest streets (the bourg), mostly
    walked, and the others, to walk. Returns the number of rounds made."""
    from allervers.domain.rounds import MAX_ROUND_DOORS, RoundKind
    from allervers.domain.users import Role
    from allervers.services.rounds import RoundService

    if all(u.name != DEMO_VOLUNTEER for u in workspace.list_users()):
        workspace.add_user(DEMO_VOLUNTEER, Role.VOLUNTEER, demo_passphrase())
    service = RoundService(workspace)
    first = next(iter(DEMO_ADDRESSES))
    ways = sorted(service.ways(first), key=lambda w: -w[1])
    bourg: list[str] = []
    others: list[str] = []
    totals = [0, 0]
    for way, count in ways:
        for index, chosen in enumerate((bourg, others)):
            if totals[index] + count <= MAX_ROUND_DOORS // 2:
                chosen.append(way)
                totals[index] += count
                break
    service.create("Bourg", first, bourg, [DEMO_VOLUNTEER])
    service.create("Écarts et lieux-dits", first, others, [DEMO_VOLUNTEER], RoundKind.SPOTTING)
    return 2


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
