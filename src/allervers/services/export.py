"""Signed releases of a territory's figures for the TZNR evaluation, through the release register.

This module reads and writes the workspace; `allervers.export` plans and writes the files, which
evaluators verify without any workspace. The signing key is an Ed25519 key pair kept inside the
encrypted database; its fingerprint is shown so the coordinator can give it to the evaluators by
another channel. A release is recorded in the register before its file is written (an unrecorded
file would escape the joint protection of the next releases), and the record is taken back if
the file cannot be written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

from allervers import __version__
from allervers.crypto import signing
from allervers.domain.export import MIN_CELL
from allervers.domain.release import (
    RELEASE_ROWS,
    STRUCTURAL_ZEROS,
    MonthTable,
    RegisterEntry,
    ReleaseKind,
    ReleasePeriod,
    ReleaseRefused,
    ReleaseReport,
    TableRelease,
    check_releasable,
    release_period,
)
from allervers.export import package, release_plan
from allervers.export.build import build_table
from allervers.export.joint import Held
from allervers.export.relations import RELEASE_RELATIONS
from allervers.services import export_months
from allervers.services.workspace import OpenWorkspace
from allervers.storage import export_repo, keys_repo, repositories
from allervers.storage.models import utc_now

SIGNING_PURPOSE = "export_signing"


def territory_code(name: str) -> str:
    """A stable code from the territory's name: "Val-de-Brenne" -> "val_de_brenne"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    code = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")[:40]
    return code or "territoire"


def engine_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("openfisca-france")
    except PackageNotFoundError:
        return "unknown"


def signing_key(workspace: OpenWorkspace) -> tuple[bytes, bytes]:
    """The workspace's export signing key pair, made on first use."""

    def generate() -> tuple[bytes, bytes]:
        private = signing.new_private_key()
        return private, signing.public_key(private)

    with workspace.db.session() as session:
        return keys_repo.key_pair(session, SIGNING_PURPOSE, generate)


def fingerprint(workspace: OpenWorkspace) -> str:
    return signing.fingerprint(signing_key(workspace)[1])


def public_key_pem(workspace: OpenWorkspace) -> bytes:
    return signing.public_key_pem(signing_key(workspace)[1])


def file_name(
    workspace: OpenWorkspace, period: ReleasePeriod, kind: ReleaseKind, revision: int
) -> str:
    suffix = "" if kind is ReleaseKind.TABLE else "-microdonnees"
    version = f"-r{revision}" if revision else ""
    return f"allervers-{territory_code(workspace.territory())}-{period.label}{suffix}{version}.zip"


def register(workspace: OpenWorkspace) -> list[RegisterEntry]:
    workspace.require_coordinator("export")
    with workspace.db.read() as session:
        return export_repo.register(session)


def held(entries: Sequence[RegisterEntry]) -> list[Held]:
    """The table releases as the evaluators hold them."""
    return [
        Held(
            e.id,
            e.period,
            tuple(sorted(e.versions)),
            dict(e.versions),
            frozenset(cell for cell, value in e.published.items() if value is None),
        )
        for e in entries
        if e.kind is ReleaseKind.TABLE
    ]


def _versions(
    workspace: OpenWorkspace,
    period: ReleasePeriod,
    tables: Mapping[tuple[str, int], MonthTable],
    revise: bool,
    moment: str,
) -> tuple[dict[str, int], list[MonthTable]]:
    """The month versions the release sums, and the month tables to freeze for it."""
    latest: dict[str, int] = {}
    for month, version in tables:
        latest[month] = max(version, latest.get(month, 0))
    months = period.months()
    to_compute = [m for m in months if revise or m not in latest]
    fresh = export_months.month_tables(workspace, to_compute) if to_compute else {}
    versions: dict[str, int] = {}
    frozen: list[MonthTable] = []
    for month in months:
        if month in fresh:
            values, largest = fresh[month]
            last = latest.get(month)
            if last is not None and dict(tables[(month, last)].values) == values:
                versions[month] = last
                continue
            version = (last or 0) + 1
            frozen.append(MonthTable(month, version, values, largest, moment))
            versions[month] = version
        else:
            versions[month] = latest[month]
    return versions, frozen


def release_table(
    workspace: OpenWorkspace,
    label: str,
    destination: Path,
    revise: bool = False,
    force: bool = False,
    now: dt.datetime | None = None,
) -> ReleaseReport:
    """Plan, sign, record and write the table release of a calendar period (see
    `allervers.domain.release`). `destination` is a folder (the file gets its standard name) or a
    .zip path; an existing file is replaced only with `force`."""
    workspace.require_coordinator("export")
    moment = now or dt.datetime.now(dt.UTC)
    period = release_period(label)
    check_releasable(period, moment.date())
    stamp = utc_now() if now is None else moment.isoformat(timespec="microseconds")
    with workspace.db.read() as session:
        tables = export_repo.month_tables(session)
        entries = export_repo.register(session)
    versions, frozen = _versions(workspace, period, tables, revise, stamp)
    all_tables = {**tables, **{(t.month, t.version): t for t in frozen}}
    same_period = [e for e in entries if e.kind is ReleaseKind.TABLE and e.period == period.label]
    if revise and same_period and not frozen:
        raise ReleaseRefused(period.label, "unchanged", same_period[-1].at)
    plan = release_plan.plan(
        all_tables,
        held(entries),
        period.label,
        versions,
        RELEASE_ROWS,
        RELEASE_RELATIONS,
        STRUCTURAL_ZEROS,
        MIN_CELL,
    )
    values = release_plan.period_values(
        all_tables, [(m, versions[m]) for m in versions], RELEASE_ROWS
    )
    revision = release_plan.revision_number(same_period, plan, all_tables, values, RELEASE_ROWS)
    release = TableRelease(
        territory_code=territory_code(workspace.territory()),
        territory_name=workspace.territory(),
        period=period,
        revision=revision,
        versions=versions,
        frozen_at={m: all_tables[(m, v)].frozen_at for m, v in versions.items()},
        values=values,
        hidden=plan.hidden,
        figures=release_plan.figures(values, plan, RELEASE_ROWS, STRUCTURAL_ZEROS),
        software_version=__version__,
        engine_version=engine_version(),
        min_cell=MIN_CELL,
    )
    data, digest = build_table(release, signing_key(workspace)[0], moment)
    out = target(destination, file_name(workspace, period, ReleaseKind.TABLE, revision))
    entry = RegisterEntry(
        id=uuid.uuid4().hex,
        kind=ReleaseKind.TABLE,
        period=period.label,
        revision=revision,
        at=stamp,
        file_name=out.name,
        destination=str(out.parent),
        manifest_sha256=digest,
        versions=versions,
        published=release.published(),
    )
    return record_and_write(workspace, entry, frozen, out, data, force)


def target(destination: Path, name: str) -> Path:
    if destination.suffix == ".zip":
        package.make_folder(destination.parent)
        return destination
    package.make_folder(destination)
    return destination / name


def record_and_write(
    workspace: OpenWorkspace,
    entry: RegisterEntry,
    frozen: Sequence[MonthTable],
    out: Path,
    data: bytes,
    force: bool,
) -> ReleaseReport:
    if out.is_symlink():
        package.write(out, data, force)  # raises ExportSymlink
    if out.exists() and not force:
        package.write_new(out, data)  # raises ExportExists before anything is recorded
    with workspace.db.session() as session:
        export_repo.freeze(session, frozen)
        export_repo.record(session, workspace.user.id, entry)
        repositories.append_audit(
            session, workspace.user.id, "release_written", "release", entry.manifest_sha256[:16]
        )
    try:
        package.write(out, data, force)
    except BaseException:
        with workspace.db.session() as session:
            export_repo.forget(session, entry.id, [(t.month, t.version) for t in frozen])
            repositories.append_audit(
                session,
                workspace.user.id,
                "release_withdrawn",
                "release",
                entry.manifest_sha256[:16],
            )
        raise
    return ReleaseReport(out, entry.manifest_sha256, fingerprint(workspace), entry)
