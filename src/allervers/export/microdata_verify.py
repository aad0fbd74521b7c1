"""The promises of a microdata release, recomputed from microdata.csv (`verify-export`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from allervers.domain.export import QUASI_IDENTIFIERS, SUDA_MAX, Check, K, L, T
from allervers.domain.release import ReleasePeriod
from allervers.export import anonymity, hierarchies, package, suda, tables
from allervers.export.microdata import ROW_ID, ROW_ID_HEX

_HEX = set("0123456789abcdef")


def _text(value: object) -> str:
    return "—" if value is None else str(value)


def microdata_checks(
    content: Mapping[str, bytes], stated: Mapping[str, Any], period: ReleasePeriod
) -> list[Check]:
    micro = stated.get("microdata")
    if not isinstance(micro, dict) or package.MICRODATA not in content:
        return [Check("columns", False, found="no description")]
    try:
        header, rows = tables.from_csv(content[package.MICRODATA])
    except (ValueError, UnicodeDecodeError):
        return [Check("columns", False, found="unreadable")]
    columns = [str(c) for c in micro.get("columns", [])]
    width = 1 + len(QUASI_IDENTIFIERS) + len(columns)
    ids = [row[0] for row in rows if row]
    rows_ok = (
        header == [ROW_ID, *QUASI_IDENTIFIERS, *columns]
        and all(len(row) == width for row in rows)
        and len(rows) == micro.get("rows_published")
        and len(set(ids)) == len(ids)
        and all(len(i) == ROW_ID_HEX and set(i) <= _HEX for i in ids)
    )
    checks = [Check("columns", rows_ok, _text(micro.get("rows_published")), str(len(rows)))]
    if not rows_ok:
        return checks
    qi = (
        hierarchies.AGE,
        hierarchies.HOUSEHOLD,
        hierarchies.HOUSING,
        hierarchies.quarter_hierarchy(period.start, period.end),
    )
    general = micro.get("generalisation", {})
    allowed_ok = True
    node = []
    for column, hierarchy in enumerate(qi, start=1):
        level = general.get(hierarchy.name, {}).get("level")
        if not isinstance(level, int) or not 0 <= level <= hierarchy.height:
            allowed_ok = False
            node.append(hierarchy.height)
            continue
        node.append(level)
        allowed = set(hierarchy.labels(level))
        allowed_ok &= all(row[column] in allowed for row in rows)
    checks.append(Check("generalisation", allowed_ok))
    # Classes are read from the published labels themselves (level 0 of an identity hierarchy).
    keys = [tuple(row[1 : 1 + len(QUASI_IDENTIFIERS)]) for row in rows]
    values = [row[1 + len(QUASI_IDENTIFIERS) :] for row in rows]
    flat = [hierarchies.flat(i, {k[i] for k in keys}) for i in range(len(QUASI_IDENTIFIERS))]
    sizes, l_value, t_value = anonymity.measures(keys, values, flat, [0, 0, 0, 0], range(len(rows)))
    achieved = stated["thresholds"]["achieved"]
    k = sizes[0] if sizes else None
    checks.append(
        Check(
            "k",
            k == achieved.get("k") and (k is None or k >= K),
            _text(achieved.get("k")),
            _text(k),
        )
    )
    if not columns:
        l_value = t_value = None
    checks.append(
        Check(
            "l",
            l_value == achieved.get("l") and (l_value is None or l_value >= L),
            _text(achieved.get("l")),
            _text(l_value),
        )
    )
    stated_t = achieved.get("t")
    t_ok = (t_value is None and stated_t is None) or (
        isinstance(stated_t, int | float)
        and t_value is not None
        and abs(stated_t - t_value) < 1e-6
        and t_value <= T + 1e-9
    )
    checks.append(Check("t", t_ok, _text(stated_t), _text(t_value)))
    uniques = len(suda.at_risk([row[1:] for row in rows], SUDA_MAX))
    checks.append(
        Check(
            "uniques",
            uniques == achieved.get("uniques") == 0,
            _text(achieved.get("uniques")),
            str(uniques),
        )
    )
    return checks
