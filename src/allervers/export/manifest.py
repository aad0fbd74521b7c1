"""manifest.json: what the export contains and promises. Its exact bytes are what is signed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from allervers.domain.export import (
    AMOUNT_INDICATORS,
    CUMULATIVE_INDICATORS,
    QUASI_IDENTIFIERS,
    SCHEMA,
    ExportSummary,
    Relation,
)
from allervers.export.cells import range_text

ROW_ID_DESCRIPTION = (
    "HMAC-SHA256 of an internal visit identifier, truncated to 128 bits; the key was drawn for "
    "this export and never written"
)


def file_entry(data: bytes) -> dict[str, Any]:
    return {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def build(
    summary: ExportSummary,
    relations: tuple[Relation, ...],
    files: Mapping[str, bytes],
) -> bytes:
    cells = summary.cells
    micro = summary.microdata
    achieved: dict[str, Any] = {
        "smallest_published_cell": cells.smallest_published,
        "narrowest_hidden_count_range": range_text(cells.narrowest_count_range),
        "narrowest_hidden_amount_range": range_text(cells.narrowest_amount_range),
        "k": None if micro is None else micro.k,
        "k_households": None if micro is None else micro.k_households,
        "l": None if micro is None else micro.l,
    }
    manifest: dict[str, Any] = {
        "schema": SCHEMA,
        "created_at": summary.created_at.isoformat(timespec="seconds"),
        "territory": {"code": summary.territory_code, "name": summary.territory_name},
        "period": {
            "label": summary.period.label,
            "start": summary.period.start.isoformat(),
            "end": summary.period.end.isoformat(),
        },
        "software": {
            "allervers": summary.software_version,
            "openfisca_france": summary.engine_version,
        },
        "thresholds": {"asked": summary.thresholds.to_json(), "achieved": achieved},
        "indicators": {
            "cells": cells.cells,
            "published": cells.published,
            "hidden_primary": cells.primary,
            "hidden_secondary": cells.secondary,
            "amount_indicators": dict(AMOUNT_INDICATORS),
            "cumulative_indicators": {k: list(v) for k, v in CUMULATIVE_INDICATORS.items()},
            "relations": [r.to_json() for r in relations],
        },
        "microdata": None
        if micro is None
        else {
            "rows_in": micro.rows_in,
            "rows_published": micro.rows_published,
            "rows_suppressed": micro.rows_suppressed,
            "classes": micro.classes,
            "row_id": ROW_ID_DESCRIPTION,
            "quasi_identifiers": list(QUASI_IDENTIFIERS),
            "generalisation": {
                g.quasi_identifier: {"level": g.level, "labels": list(g.labels)}
                for g in micro.generalisations
            },
            "sensitive_columns": list(micro.sensitive_columns),
            "withheld_columns": list(micro.withheld_columns),
            "largest_modal_share": micro.largest_modal_share,
        },
        "files": {name: file_entry(data) for name, data in files.items()},
        "signing_key": {"algorithm": "Ed25519", "fingerprint": summary.fingerprint},
    }
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def parse(data: bytes) -> dict[str, Any]:
    """The manifest as a dict; ValueError (or KeyError, TypeError) when it is not one of ours."""
    manifest = json.loads(data.decode("utf-8"))
    if not isinstance(manifest, dict) or manifest.get("schema") != SCHEMA:
        raise ValueError("schema")
    for key in ("territory", "period", "thresholds", "indicators", "files", "signing_key"):
        if not isinstance(manifest.get(key), dict):
            raise ValueError(key)
    return manifest
