"""The files of a microdata release: the rows (microdata.csv) and their risk report."""

from __future__ import annotations

from datetime import datetime

from allervers.domain.release import ReleasePeriod
from allervers.export import package, tables
from allervers.export.microdata import Anonymised
from allervers.reports.microdata_report import render_microdata_report


def microdata_files(
    anonymised: Anonymised,
    code: str,
    name: str,
    period: ReleasePeriod,
    fingerprint: str,
    now: datetime,
) -> dict[str, bytes]:
    return {
        package.MICRODATA: tables.to_csv(anonymised.header, anonymised.rows),
        package.RISK_REPORT: render_microdata_report(
            anonymised.summary, code, name, period, fingerprint, now
        ),
    }
