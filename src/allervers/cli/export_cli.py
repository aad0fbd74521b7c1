"""The evaluators' commands: `verify-export FILE.zip [--key KEY]` and `merge-exports FILE.zip ...
--out DIR`. They need no workspace and read no personal data.

Exit codes (as in `allervers.cli.main`): 0 when everything holds; 1 when the file is refused
(changed after signing, signed by another key, unreadable: a typed error, phrased by
`allervers.messages`); 3 when the file is intact but a recomputed threshold does not hold.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from allervers.crypto import signing
from allervers.domain.export import Check, ExportKeyInvalid, KeySource, VerifyReport
from allervers.export import merge_exports as merge
from allervers.export import verify_export as verify

EXIT_OK = 0
EXIT_CHECK_FAILED = 3

CHECK_NAMES = {
    "signature": "Signature du manifeste",
    "hashes": "Empreintes SHA-256 des fichiers",
    "structure": "Structure du fichier zip",
    "identity": "Territoire et période de chaque ligne",
    "indicators": "Tableau des indicateurs",
    "smallest_cell": "Plus petite case publiée",
    "hidden_cells": "Fourchette la plus étroite d'une case masquée",
    "rows": "Lignes de microdonnées",
    "generalisation": "Niveaux de généralisation",
    "k": "k-anonymat (plus petite classe)",
    "l": "l-diversité",
}


def add_parsers(commands: Any, parser_class: type) -> None:
    """`commands` is the subparsers object of the `allervers` parser."""
    del parser_class  # no sub-subcommands here; kept for the same shape as the other modules
    check = commands.add_parser(
        "verify-export",
        help="vérifier un export : signature, empreintes, seuils recalculés",
        description="Vérifie un export Aller-Vers sans espace de travail.",
    )
    check.add_argument("file", type=Path, help="fichier .zip reçu du territoire")
    check.add_argument(
        "--key",
        type=Path,
        help="clé publique du territoire (PEM ou base64), reçue par un autre canal",
    )
    fuse = commands.add_parser(
        "merge-exports",
        help="fusionner des exports vérifiés en tableaux nationaux",
        description="Vérifie chaque export puis écrit les tableaux nationaux et la synthèse PDF.",
    )
    fuse.add_argument("files", type=Path, nargs="+", help="exports .zip des territoires")
    fuse.add_argument("--out", type=Path, required=True, help="dossier où écrire les tableaux")
    fuse.add_argument(
        "--key",
        type=Path,
        action="append",
        default=[],
        help="clé publique acceptée (répétable) : chaque export doit être signé par l'une d'elles",
    )


def read_key(path: Path) -> bytes:
    try:
        return signing.load_public_key(path.read_bytes())
    except (OSError, signing.InvalidPublicKey):
        raise ExportKeyInvalid(path) from None


def verify_export(args: argparse.Namespace) -> int:
    key = read_key(args.key) if args.key else None
    report = verify(args.file, key)
    for line in verify_lines(report):
        print(line)
    return EXIT_OK if report.ok else EXIT_CHECK_FAILED


def verify_lines(report: VerifyReport) -> list[str]:
    period = report.period
    lines = [
        f"Export : {report.path}",
        f"Territoire : {report.territory_name} ({report.territory_code}), période {period.label} "
        f"(du {period.start:%d/%m/%Y} au {period.end:%d/%m/%Y})",
        f"Empreinte de la clé : {report.fingerprint}",
    ]
    if report.key_source is KeySource.GIVEN:
        lines.append("Signature vérifiée avec la clé fournie (--key).")
    else:
        lines.append(
            "Signature vérifiée avec la clé contenue dans le fichier : cela prouve que le fichier "
            "n'a pas changé depuis sa signature, pas qui l'a signé. Comparez l'empreinte "
            "ci-dessus avec celle que le territoire vous a transmise par un autre canal, ou "
            "relancez avec --key."
        )
    lines += [check_line(check) for check in report.checks]
    if report.ok:
        lines.append("Résultat : export intact, seuils respectés.")
    else:
        lines.append("Résultat : ÉCHEC, un seuil annoncé n'est pas respecté (voir ci-dessus).")
    return lines


FOUND_UNITS = {"hashes": "fichier(s)", "identity": "case(s)"}


def check_line(check: Check) -> str:
    name = CHECK_NAMES.get(check.name, check.name)
    state = "conforme" if check.ok else "NON CONFORME"
    detail = ""
    if check.stated:
        detail = f" (annoncé : {check.stated}, recalculé : {check.found or '—'})"
    elif check.found:
        unit = FOUND_UNITS.get(check.name)
        detail = f" ({check.found} {unit})" if unit else f" ({check.found})"
    return f"  {name} : {state}{detail}"


def merge_exports(args: argparse.Namespace) -> int:
    keys = [read_key(path) for path in args.key]
    report = merge(_paths(args.files), args.out, keys)
    print(f"{len(report.exports)} export(s) vérifié(s) et fusionné(s) :")
    for e in report.exports:
        source = "clé fournie" if e.key_source is KeySource.GIVEN else "clé du fichier"
        print(
            f"  {e.territory_name} ({e.territory_code}), {e.period_label} : "
            f"empreinte {e.fingerprint} ({source})"
        )
    if any(e.key_source is KeySource.EMBEDDED for e in report.exports):
        print(
            "Comparez chaque empreinte avec celle que le territoire vous a transmise, "
            "ou relancez avec --key."
        )
    print(
        f"Cases nationales publiées : {report.national_published} ; "
        f"secret (une case masquée par un territoire) : {report.national_suppressed}"
    )
    for path in report.files:
        print(f"Écrit : {path}")
    return EXIT_OK


def _paths(files: Sequence[Path]) -> list[Path]:
    return list(files)
