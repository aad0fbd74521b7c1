"""`allervers settings`: read the workspace's settings, or change them (coordinator)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from allervers.domain.workspace import SETTING_LIMITS
from allervers.services.workspace import OpenWorkspace

EXIT_OK = 0
# Option, setting, French label, type: one line each, shown in this order.
SETTINGS: tuple[tuple[str, str, str, type], ...] = (
    ("--idle-lock-minutes", "idle_lock_minutes", "Verrouillage après inactivité (minutes)", float),
    (
        "--interview-idle-minutes",
        "interview_idle_minutes",
        "Verrouillage pendant un entretien (minutes)",
        float,
    ),
    (
        "--outcome-check-months",
        "outcome_check_months",
        "Point sur l'ouverture du droit (mois)",
        int,
    ),
    ("--retention-months", "retention_months", "Conservation après le dernier contact (mois)", int),
    (
        "--sync-grace-days",
        "sync_grace_days",
        "Délai avant retrait d'un portable bénévole (jours)",
        int,
    ),
)


def add_parser(
    commands: Any,
    parser_class: type[argparse.ArgumentParser],
    add_workspace: Callable[..., None],
) -> None:
    del parser_class  # no sub-commands
    parser = commands.add_parser("settings", help="réglages de l'espace de travail")
    add_workspace(parser)
    for option, name, label, kind in SETTINGS:
        low, high = SETTING_LIMITS[name]
        parser.add_argument(
            option,
            dest=name,
            type=kind,
            metavar="N",
            help=f"{label.lower()}, de {low:g} à {high:g} (coordination)",
        )


def settings(args: argparse.Namespace, workspace: OpenWorkspace) -> int:
    changes = {name: getattr(args, name) for _, name, _, _ in SETTINGS}
    changes = {name: value for name, value in changes.items() if value is not None}
    if changes:
        workspace.set_settings(replace(workspace.settings, **changes))
        print("Réglages enregistrés.")
    for _, name, label, _ in SETTINGS:
        print(f"{label} : {getattr(workspace.settings, name):g}")
    return EXIT_OK
