"""Microdata releases, apart from the tables: their own command, file, signature and risk report.

Rules (docs/export-format.md, "Microdata"): a quarter or a year, once over; after the table of the
same period (the microdata are protected with it); once per period, and never for a period that
overlaps one already released (two files of rows that overlap would subtract into the rows of
the difference). Rows: one per household with a consented interview in the period.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from pathlib import Path

from allervers import __version__
from allervers.domain.export import HouseholdType, HousingStatus, MicrodataRow
from allervers.domain.release import (
    MicrodataRefused,
    PeriodKind,
    RegisterEntry,
    ReleaseKind,
    ReleasePeriod,
    ReleaseReport,
    check_releasable,
    release_period,
)
from allervers.export import manifest
from allervers.export.build import check_identity, sign
from allervers.export.microdata import anonymise
from allervers.export.microdata_file import microdata_files
from allervers.services import export as export_service
from allervers.services.export_months import reached
from allervers.services.workspace import OpenWorkspace
from allervers.storage import export_repo
from allervers.storage.models import utc_now


def household_type(persons: list[dict[str, object]]) -> HouseholdType:
    relationships = [p.get("relationship") for p in persons]
    children = relationships.count("child")
    if any(r in ("other_relative", "other") for r in relationships):
        return HouseholdType.OTHER
    if "spouse" in relationships:
        return HouseholdType.COUPLE_CHILDREN if children else HouseholdType.COUPLE
    return HouseholdType.SINGLE_PARENT if children else HouseholdType.SINGLE


def _age(person: dict[str, object], on: dt.date) -> int | None:
    birth = person.get("birth_date")
    if isinstance(birth, str):
        try:
            born = dt.date.fromisoformat(birth)
        except ValueError:
            return None
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    age = person.get("age")
    return int(age) if isinstance(age, int) else None


def microdata_rows(workspace: OpenWorkspace, period: ReleasePeriod) -> list[MicrodataRow]:
    start, end = period.start.isoformat(), period.end.isoformat()
    with workspace.db.session() as session:
        interviews = export_repo.interviews(session, start, end)
        flags = export_repo.first_flags(session, end)
        referrals = export_repo.referrals(session)
    steps_of = reached(referrals)
    stages: dict[str, dict[str, str]] = {}
    reasons: dict[str, dict[str, str]] = {}
    for (household, right), flag in flags.items():
        if start <= flag.visited_on <= end:
            steps = steps_of.get((household, right), set())
            step = next(
                s
                for s in ("opened", "filed", "referred", "flagged")
                if s == "flagged" or s in steps
            )
            stages.setdefault(household, {})[right] = step
            reasons.setdefault(household, {})[right] = flag.reason or "not_recorded"
    rows: dict[str, MicrodataRow] = {}
    for interview in interviews:
        if not interview.consented or interview.household_id in rows:
            continue
        met_on = dt.date.fromisoformat(interview.visited_on)
        persons = [p for p in interview.answers.get("persons", []) if isinstance(p, dict)]
        try:
            housing = HousingStatus(interview.answers.get("housing_status", "unknown"))
        except ValueError:
            housing = HousingStatus.UNKNOWN
        rows[interview.household_id] = MicrodataRow(
            household_key=interview.household_id,
            age=_age(persons[0], met_on) if persons else None,
            household_type=household_type(persons),
            housing_status=housing,
            met_on=met_on,
            stages=stages.get(interview.household_id, {}),
            reasons=reasons.get(interview.household_id, {}),
        )
    return list(rows.values())


def _hidden(entries: list[RegisterEntry], period: ReleasePeriod) -> frozenset:  # type: ignore[type-arg]
    """The cells hidden by the latest table of the period, and of each quarter inside it."""
    labels = [period.label]
    if period.kind is PeriodKind.YEAR:
        labels += [f"{period.label}-Q{q}" for q in range(1, 5)]
    tables = [e for e in entries if e.kind is ReleaseKind.TABLE]
    hidden = set()
    for label in labels:
        latest = [e for e in tables if e.period == label]
        if latest:
            hidden |= {cell for cell, value in latest[-1].published.items() if value is None}
    return frozenset(hidden)


def release_microdata(
    workspace: OpenWorkspace,
    label: str,
    destination: Path,
    force: bool = False,
    now: dt.datetime | None = None,
) -> ReleaseReport:
    workspace.require_coordinator("export")
    moment = now or dt.datetime.now(dt.UTC)
    period = release_period(label)
    check_releasable(period, moment.date(), microdata=True)
    entries = export_service.register(workspace)
    for entry in entries:
        if entry.kind is ReleaseKind.MICRODATA and period.overlaps(release_period(entry.period)):
            reason = "already_released" if entry.period == period.label else "overlaps"
            raise MicrodataRefused(period.label, reason, entry.period)
    if not any(e.kind is ReleaseKind.TABLE and e.period == period.label for e in entries):
        raise MicrodataRefused(period.label, "table_first")
    code, name = export_service.territory_code(workspace.territory()), workspace.territory()
    check_identity(code, name)
    anonymised = anonymise(microdata_rows(workspace, period), period, _hidden(entries, period))
    private = export_service.signing_key(workspace)[0]
    fingerprint = export_service.fingerprint(workspace)
    files = microdata_files(anonymised, code, name, period, fingerprint, moment)
    frame = manifest.frame(
        ReleaseKind.MICRODATA,
        code,
        name,
        period,
        moment,
        {"allervers": __version__, "openfisca_france": export_service.engine_version()},
    )
    frame.update(manifest.microdata_fields(anonymised.summary))
    manifest_bytes = manifest.finish(frame, fingerprint, files)
    data = sign(private, manifest_bytes, files)
    digest = hashlib.sha256(manifest_bytes).hexdigest()
    name_of_file = export_service.file_name(workspace, period, ReleaseKind.MICRODATA, 0)
    out = export_service.target(destination, name_of_file)
    entry = RegisterEntry(
        id=uuid.uuid4().hex,
        kind=ReleaseKind.MICRODATA,
        period=period.label,
        revision=0,
        at=utc_now() if now is None else moment.isoformat(timespec="microseconds"),
        file_name=out.name,
        destination=str(out.parent),
        manifest_sha256=digest,
        versions={},
        published={},
        withheld=anonymised.summary.withheld,
    )
    return export_service.record_and_write(workspace, entry, [], out, data, force)
