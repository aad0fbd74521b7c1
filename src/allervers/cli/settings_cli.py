"""`allervers settings`: read the workspace's settings, or change them. Options, labels, units and
bounds come from the declarations (domain/settings.py)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from allervers.domain.settings import SETTINGS, Who
from allervers.services.workspace import OpenWorkspace

EXIT_OK = 0
WHO = {Who.COORDINATOR: "coordination", Who.ANY_USER: "tout utilisateur"}


def add_parser(
    commands: Any,
    parser_class: type[argparse.ArgumentParser],
    add_workspace: Callable[..., None],
) -> None:
    del parser_class  # no sub-commands
    parser = commands.add_parser("settings", help="réglages de l'espace de travail")
    add_workspace(parser)
    for declared in SETTINGS:
        parser.add_argument(
            declared.option,
            dest=declared.name,
            type=declared.kind,
            metavar="N",
            help=f"{declared.label.lower()}, de {declared.low:g} à {declared.high:g} "
            f"{declared.unit} ({WHO[declared.who]})",
        )


def settings(args: argparse.Namespace, workspace: OpenWorkspace) -> int:
    changes = {s.name: getattr(args, s.name) for s in SETTINGS}
    changes = {name: value for name, value in changes.items() if value is not None}
    if changes:
        workspace.set_settings(replace(workspace.settings, **changes))
        print("Réglages enregistrés.")
    for declared in SETTINGS:
        print(
            f"{declared.label} ({declared.unit}) : {getattr(workspace.settings, declared.name):g}"
        )
    return EXIT_OK
