"""The signed, anonymised export of a territory's figures for the TZNR evaluation.

This module counts in the workspace; `allervers.export` turns the counts into a zip that the
evaluators verify without any workspace (cell suppression, k-anonymity, l-diversity, signature).
The signing key is an Ed25519 key pair kept inside the encrypted database; its fingerprint is
shown so the coordinator can give it to the evaluators by another channel. An export is written to
a target folder (shared drive, USB key), never over an existing file, and logged.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from allervers import __version__
from allervers.crypto import signing
from allervers.domain.export import (
    ExportInput,
    ExportPeriod,
    ExportReport,
    HouseholdType,
    HousingStatus,
    IndicatorTable,
    MicrodataRow,
    RightFollowUp,
    Thresholds,
)
from allervers.domain.figures import Period, TerritoryFigures
from allervers.domain.rights import RightId
from allervers.export.build import build_export
from allervers.services.caseload import add_months
from allervers.services.figures import territory_figures
from allervers.services.workspace import OpenWorkspace
from allervers.storage import export_repo, keys_repo, repositories
from allervers.storage.keys_repo import ExportLogEntry
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


def indicator_rows(figures: TerritoryFigures) -> list[tuple[str, str, float]]:
    """The TZNR indicators (DOMAIN.md) as (indicator, breakdown, value) cells."""
    rows: list[tuple[str, str, float]] = []
    rows += [("doors_knocked", k, v) for k, v in figures.doors_by_outcome.items()]
    rows.append(("households_met", "total", figures.households_met))
    rows.append(("people_met", "total", figures.people_met))
    rows += [("probable_nonrecours", k, v) for k, v in figures.nonrecours_by_right.items()]
    rows += [("probable_nonrecours_reason", k, v) for k, v in figures.nonrecours_by_reason.items()]
    rows += [("referrals", k, v) for k, v in figures.referrals_by_organisation.items()]
    rows += [("rights_opened", k, v) for k, v in figures.opened_by_right.items()]
    rows += [
        ("rights_opened_yearly_amount", k, v)
        for k, v in figures.opened_yearly_amount_by_right.items()
    ]
    rows += [("funnel", k, v) for k, v in figures.funnel.items()]
    rows += [
        ("outcome_checks", k, figures.outcome_checks.get(k, 0))
        for k in ("on_time", "late", "not_done")
    ]
    return rows


def _age(person: dict[str, object], visited_on: dt.date) -> int | None:
    birth = person.get("birth_date")
    if isinstance(birth, str):
        born = dt.date.fromisoformat(birth)
        return (
            visited_on.year
            - born.year
            - ((visited_on.month, visited_on.day) < (born.month, born.day))
        )
    age = person.get("age")
    return int(age) if isinstance(age, int) else None


def household_type(persons: list[dict[str, object]]) -> HouseholdType:
    relationships = [p.get("relationship") for p in persons]
    children = relationships.count("child")
    couple = "spouse" in relationships
    if any(r in ("other_relative", "other") for r in relationships):
        return HouseholdType.OTHER
    if couple:
        return HouseholdType.COUPLE_CHILDREN if children else HouseholdType.COUPLE
    return HouseholdType.SINGLE_PARENT if children else HouseholdType.SINGLE


def microdata(workspace: OpenWorkspace, period: Period, today: dt.date) -> list[MicrodataRow]:
    months = workspace.settings.outcome_check_months
    with workspace.db.read() as session:
        facts = export_repo.interviews(session, period.start.isoformat(), period.end.isoformat())
        referrals = export_repo.referral_states(session)
    rows = []
    for fact in facts:
        visited_on = dt.date.fromisoformat(fact.visited_on)
        persons = [p for p in fact.answers.get("persons", []) if isinstance(p, dict)]
        try:
            housing = HousingStatus(fact.answers.get("housing_status", "unknown"))
        except ValueError:
            housing = HousingStatus.UNKNOWN
        rights = {}
        for right in RightId:
            flagged = right.value in fact.flags
            state = referrals.get((fact.household_id, right.value))
            outcome = None
            if state is not None and state.referred_on:
                due = add_months(dt.date.fromisoformat(state.referred_on), months).isoformat()
                if due <= today.isoformat():
                    if state.checked_on is None:
                        outcome = "not_done"
                    else:
                        outcome = "on_time" if state.checked_on <= due else "late"
            rights[right] = RightFollowUp(
                flagged=flagged,
                reason=(fact.flags.get(right.value) or "not_recorded") if flagged else None,
                organisation=state.organisation if state else None,
                status=state.status if state else None,
                outcome=outcome,
            )
        rows.append(
            MicrodataRow(
                visit_key=fact.visit_id,
                household_key=fact.household_id,
                age=_age(persons[0], visited_on) if persons else None,
                household_type=household_type(persons),
                housing_status=housing,
                visited_on=visited_on,
                rights=rights,
            )
        )
    return rows


def export_input(
    workspace: OpenWorkspace,
    period: Period,
    with_microdata: bool,
    thresholds: Thresholds,
    today: dt.date,
) -> ExportInput:
    figures = territory_figures(workspace, period)
    return ExportInput(
        territory_code=territory_code(figures.territory),
        territory_name=figures.territory,
        period=ExportPeriod(period.start, period.end, period.label),
        software_version=__version__,
        engine_version=engine_version(),
        indicators=IndicatorTable.from_rows(indicator_rows(figures)),
        microdata=tuple(microdata(workspace, period, today)) if with_microdata else None,
        thresholds=thresholds,
    )


def default_file_name(workspace: OpenWorkspace, period: Period) -> str:
    label = re.sub(r"[^A-Za-z0-9-]+", "_", period.label)
    return f"allervers-{territory_code(workspace.territory())}-{label}.zip"


def export(
    workspace: OpenWorkspace,
    period: Period,
    destination: Path,
    with_microdata: bool = False,
    thresholds: Thresholds | None = None,
    now: dt.datetime | None = None,
) -> ExportReport:
    """Writes the export to `destination` (a folder: the file gets its standard name; or a .zip
    path), never over an existing file, and logs it."""
    workspace.require_coordinator("export")
    moment = now or dt.datetime.now(dt.UTC)
    out = (
        destination
        if destination.suffix == ".zip"
        else destination / default_file_name(workspace, period)
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    data = export_input(
        workspace, period, with_microdata, thresholds or Thresholds(), moment.date()
    )
    report = build_export(data, out, signing_key(workspace)[0], moment)
    with workspace.db.session() as session:
        keys_repo.log_export(
            session,
            workspace.user.id,
            ExportLogEntry(
                at=utc_now(),
                period=period.label,
                file_name=out.name,
                destination=str(out.parent),
                manifest_sha256=report.manifest_sha256,
                microdata=with_microdata,
            ),
        )
        repositories.append_audit(
            session, workspace.user.id, "export_written", "export", report.manifest_sha256[:16]
        )
    return report


def export_log(workspace: OpenWorkspace) -> list[ExportLogEntry]:
    workspace.require_coordinator("export")
    with workspace.db.read() as session:
        return keys_repo.export_log(session)
