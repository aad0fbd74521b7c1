"""manifest.json: what a release contains and promises. Its exact bytes are what is signed.

Format: docs/export-format.md. A table release and a microdata release have the same frame
(`schema`, `kind`, territory, period, files, signing key) and their own figures."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from allervers.domain.export import (
    AMOUNT_INDICATORS,
    CUMULATIVE_INDICATORS,
    MAX_ROW_SUPPRESSION,
    QUASI_IDENTIFIERS,
    SUDA_MAX,
    K,
    L,
    MicrodataSummary,
    T,
)
from allervers.domain.release import (
    STRUCTURAL_ZEROS,
    ReleaseKind,
    ReleasePeriod,
    TableRelease,
)
from allervers.export.joint import width_text
from allervers.export.relations import RELEASE_RELATIONS

SCHEMA = "allervers-release/1"
MAX_MANIFEST_BYTES = 4 * 1024 * 1024

ROW_ID_DESCRIPTION = (
    "HMAC-SHA256 of an internal household identifier, truncated to 128 bits; the key was drawn "
    "for this release and never written"
)


def file_entry(data: bytes) -> dict[str, Any]:
    return {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def frame(
    kind: ReleaseKind,
    code: str,
    name: str,
    period: ReleasePeriod,
    now: datetime,
    software: Mapping[str, str],
) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "kind": kind.value,
        "created_at": now.isoformat(timespec="seconds"),
        "territory": {"code": code, "name": name},
        "period": {
            "kind": period.kind.value,
            "label": period.label,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
        },
        "software": dict(software),
    }


def finish(manifest: dict[str, Any], fingerprint: str, files: Mapping[str, bytes]) -> bytes:
    manifest["files"] = {name: file_entry(data) for name, data in files.items()}
    manifest["signing_key"] = {"algorithm": "Ed25519", "fingerprint": fingerprint}
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def table_manifest(
    release: TableRelease, fingerprint: str, now: datetime, files: Mapping[str, bytes]
) -> bytes:
    figures = release.figures
    manifest = frame(
        ReleaseKind.TABLE,
        release.territory_code,
        release.territory_name,
        release.period,
        now,
        {"allervers": release.software_version, "openfisca_france": release.engine_version},
    )
    manifest["revision"] = release.revision
    manifest["months"] = {
        month: {"version": version, "frozen_at": release.frozen_at.get(month, "")}
        for month, version in release.versions.items()
    }
    manifest["thresholds"] = {
        "asked": {"min_cell": release.min_cell},
        "achieved": {
            "smallest_published_cell": figures.smallest_published,
            "narrowest_hidden_count_range": width_text(figures.narrowest_count_range),
            "narrowest_hidden_amount_range": width_text(figures.narrowest_amount_range),
            "releases_checked_together": figures.releases_checked,
            "quantities_checked": figures.targets_checked,
        },
    }
    manifest["indicators"] = {
        "cells": figures.cells,
        "published": figures.published,
        "structural_zeros": [list(cell) for cell in sorted(STRUCTURAL_ZEROS)],
        "hidden_primary": figures.primary,
        "hidden_revision": figures.revision,
        "hidden_secondary": figures.secondary,
        "amount_indicators": dict(AMOUNT_INDICATORS),
        "cumulative_indicators": {k: list(v) for k, v in CUMULATIVE_INDICATORS.items()},
        "relations": [r.to_json() for r in RELEASE_RELATIONS],
    }
    return finish(manifest, fingerprint, files)


def microdata_fields(summary: MicrodataSummary) -> dict[str, Any]:
    return {
        "thresholds": {
            "asked": {
                "k": K,
                "l": L,
                "t": T,
                "suda_max": SUDA_MAX,
                "max_row_suppression": MAX_ROW_SUPPRESSION,
            },
            "achieved": {
                "k": summary.k,
                "l": summary.l,
                "t": summary.t,
                "uniques": summary.uniques_after,
            },
        },
        "microdata": {
            "rows_in": summary.rows_in,
            "rows_published": summary.rows_published,
            "rows_suppressed": summary.rows_suppressed,
            "classes": summary.classes,
            "row_id": ROW_ID_DESCRIPTION,
            "quasi_identifiers": list(QUASI_IDENTIFIERS),
            "generalisation": {
                g.quasi_identifier: {"level": g.level, "labels": list(g.labels)}
                for g in summary.generalisations
            },
            "columns": list(summary.columns),
            "withheld": list(summary.withheld),
            "recoded_values": summary.recoded,
            "uniques_before_treatment": summary.uniques_before,
            "uniques_after_treatment": summary.uniques_after,
        },
    }


def parse(data: bytes) -> dict[str, Any]:
    """The manifest as a dict; ValueError (or KeyError, TypeError, RecursionError) when it is not
    one of ours."""
    if len(data) > MAX_MANIFEST_BYTES:
        raise ValueError("too large")
    manifest = json.loads(data.decode("utf-8"))
    if not isinstance(manifest, dict) or manifest.get("schema") != SCHEMA:
        raise ValueError("schema")
    if manifest.get("kind") not in {k.value for k in ReleaseKind}:
        raise ValueError("kind")
    for key in ("territory", "period", "thresholds", "files", "signing_key"):
        if not isinstance(manifest.get(key), dict):
            raise ValueError(key)
    return manifest
