"""Releases for the evaluation: the coordinator's `export`, `export-microdata`, `export-key`, and
the evaluators' `verify-export FILE.zip [--key KEY]` and `merge-exports FILE.zip ... --out DIR`
(no workspace, no personal data).

Exit codes (as in `allervers.cli.main`): 0 done; 1 refused (a typed error, phrased by
`allervers.messages`); 2 wrong command line (a free date range asked for a signed release); 3 when
a file is intact but a recomputed promise does not hold.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from allervers.crypto import signing
from allervers.domain.export import Check, ExportKeyInvalid, KeySource, VerifyReport

# allervers.export (the solver, reportlab, the readers) is imported by the commands that use it:
# every other command of the `allervers` process starts sooner without it.

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_CHECK_FAILED = 3
AddWorkspace = Callable[[argparse.ArgumentParser], None]

CHECK_NAMES = {
    "signature": "Signature du manifeste",
    "hashes": "Empreintes SHA-256 des fichiers",
    "structure": "Structure du fichier zip",
    "period": "Période civile (mois, trimestre, année)",
    "identity": "Territoire et période de chaque ligne",
    "rows": "Lignes du tableau complet",
    "structural_zeros": "Zéros structurels",
    "indicators": "Tableau des indicateurs",
    "smallest_cell": "Plus petite case publiée",
    "hidden_cells": "Fourchette la plus étroite d'une case masquée",
    "columns": "Colonnes des microdonnées",
    "generalisation": "Niveaux de généralisation",
    "k": "k-anonymat (plus petite classe)",
    "l": "l-diversité (valeurs distinctes)",
    "t": "t-proximité (écart à la distribution du fichier)",
    "uniques": "Combinaisons uniques (mesure de type SUDA)",
}
FREE_RANGE = (
    "allervers export : erreur : une publication signée porte sur un mois (2026-03), un "
    "trimestre (2026-Q1) ou une année (2026), jamais sur une plage libre. Pour une plage de dates, "
    "« allervers report --from … --to … » produit le rapport d'usage interne du territoire."
)


def add_parsers(
    commands: Any, parser_class: type, add_workspace: AddWorkspace | None = None
) -> None:
    """`commands` is the subparsers object of the `allervers` parser."""
    del parser_class  # no sub-subcommands here; kept for the same shape as the other modules
    if add_workspace is not None:
        table = commands.add_parser(
            "export", help="publication signée du tableau d'indicateurs pour l'évaluation"
        )
        add_workspace(table)
        table.add_argument("--period", help="2026-03 (mois), 2026-Q1 (trimestre) ou 2026 (année)")
        table.add_argument("--from", dest="start", help=argparse.SUPPRESS)
        table.add_argument("--to", dest="end", help=argparse.SUPPRESS)
        table.add_argument(
            "--revise",
            action="store_true",
            help="réviser la période : intégrer les visites arrivées depuis sa publication",
        )
        _output(table)
        micro = commands.add_parser(
            "export-microdata", help="publication signée des microdonnées (sous convention)"
        )
        add_workspace(micro)
        micro.add_argument("--period", required=True, help="2026-Q1 (trimestre) ou 2026 (année)")
        _output(micro)
        key = commands.add_parser("export-key", help="clé publique de signature des exports")
        add_workspace(key)
        key.add_argument("--out", type=Path, help="écrire la clé publique (PEM) dans ce fichier")
        key.add_argument("--force", action="store_true", help="remplacer le fichier s'il existe")
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
        help="fusionner des tableaux vérifiés en tableaux nationaux",
        description="Vérifie chaque tableau avec la clé de son territoire, puis écrit les "
        "tableaux nationaux et la synthèse PDF.",
    )
    fuse.add_argument("files", type=Path, nargs="+", help="tableaux .zip des territoires")
    fuse.add_argument("--out", type=Path, required=True, help="dossier où écrire les tableaux")
    fuse.add_argument(
        "--keys",
        type=Path,
        help="fichier des clés des territoires : une ligne « code clé-base64 » par territoire",
    )
    fuse.add_argument(
        "--key",
        type=Path,
        action="append",
        default=[],
        help="clé publique acceptée (répétable, une par territoire)",
    )
    fuse.add_argument(
        "--unverified",
        action="store_true",
        help="accepter la clé contenue dans chaque fichier (à comparer ensuite aux empreintes)",
    )
    fuse.add_argument("--force", action="store_true", help="remplacer les fichiers existants")


def _output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        type=Path,
        help="dossier cible (clé USB, partage) ou fichier .zip ; par défaut Documents/Aller-Vers",
    )
    parser.add_argument("--force", action="store_true", help="remplacer le fichier s'il existe")


def _destination(args: argparse.Namespace) -> Path:
    if args.out:
        return Path(args.out)
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "Aller-Vers"


def release(args: argparse.Namespace, workspace: Any) -> int:
    from allervers.services import export as export_service

    if args.start or args.end or not args.period:
        print(FREE_RANGE, file=sys.stderr)
        return EXIT_USAGE
    report = export_service.release_table(
        workspace, args.period, _destination(args), revise=args.revise, force=args.force
    )
    entry = report.entry
    published = sum(1 for v in entry.published.values() if v is not None)
    kind = "révision n° " + str(entry.revision) if entry.revision else "première publication"
    print(f"Publication écrite : {report.path} ({entry.period}, {kind})")
    print(f"Cases publiées : {published} sur {len(entry.published)}")
    print(
        f"Empreinte de la clé de signature : {report.fingerprint} "
        "(à transmettre aux évaluateurs par un autre canal)"
    )
    return EXIT_OK


def release_microdata(args: argparse.Namespace, workspace: Any) -> int:
    from allervers.services import export_microdata

    report = export_microdata.release_microdata(
        workspace, args.period, _destination(args), force=args.force
    )
    print(f"Microdonnées écrites : {report.path} ({report.entry.period})")
    print(
        f"Empreinte de la clé de signature : {report.fingerprint} "
        "(à transmettre aux évaluateurs par un autre canal)"
    )
    return EXIT_OK


def export_key(args: argparse.Namespace, workspace: Any) -> int:
    from allervers.export import package
    from allervers.services import export as export_service

    pem = export_service.public_key_pem(workspace)
    if args.out:
        package.write(args.out, pem, force=args.force)
        print(f"Clé publique écrite : {args.out}")
    else:
        print(pem.decode("ascii"), end="")
    print(f"Empreinte : {export_service.fingerprint(workspace)}")
    return EXIT_OK


def read_key(path: Path) -> bytes:
    try:
        return signing.load_public_key(path.read_bytes())
    except (OSError, signing.InvalidPublicKey):
        raise ExportKeyInvalid(path) from None


def verify_export(args: argparse.Namespace) -> int:
    from allervers.export.verify import verify_export as verify

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
    from allervers.export.merge import merge_exports as merge
    from allervers.export.merge import read_keys_file

    keys = {code: key for code, key in (read_keys_file(args.keys).items() if args.keys else ())}
    given = [read_key(path) for path in args.key]
    report = merge(
        list(args.files),
        args.out,
        territory_keys=keys,
        public_keys=given,
        unverified=args.unverified,
        force=args.force,
    )
    print(f"{len(report.exports)} export(s) vérifié(s) et fusionné(s) :")
    for e in report.exports:
        source = "clé fournie" if e.key_source is KeySource.GIVEN else "clé du fichier"
        print(
            f"  {e.territory_name} ({e.territory_code}), {e.period_label} : "
            f"empreinte {e.fingerprint} ({source})"
        )
    if any(e.key_source is KeySource.EMBEDDED for e in report.exports):
        print(
            "--unverified : comparez chaque empreinte avec celle que le territoire vous a "
            "transmise par un autre canal."
        )
    print(
        f"Cases nationales publiées : {report.national_published} ; "
        f"secret (une case masquée par un territoire) : {report.national_suppressed}"
    )
    for path in report.files:
        print(f"Écrit : {path}")
    return EXIT_OK
