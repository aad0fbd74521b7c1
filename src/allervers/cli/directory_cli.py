"""Command line for the local services directory: `directory import | add | list | search`.

Format of the files and where the real ones are: docs/directory-format.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from allervers.domain.directory import DirectoryService, ImportCounts, OfficeKind, full_address

if TYPE_CHECKING:
    from allervers.services.directory import DirectoryRead

AddWorkspace = Callable[[argparse.ArgumentParser], None]


def add_parsers(commands: Any, parser_class: type, add_workspace: AddWorkspace) -> None:
    directory = commands.add_parser(
        "directory", help="annuaire des services du territoire (data·inclusion)"
    )
    sub = directory.add_subparsers(
        dest="directory_command", required=True, parser_class=parser_class
    )
    imp = sub.add_parser(
        "import", help="importer les fichiers structures et services de data·inclusion"
    )
    add_workspace(imp)
    imp.add_argument("files", type=Path, nargs="+", metavar="FICHIER", help="JSON ou CSV")
    imp.add_argument("--departement", metavar="NN", help="ne garder que ce département")
    imp.add_argument(
        "--communes-voisines",
        action="store_true",
        help="garder aussi les communes des intercommunalités voisines, hors du département",
    )
    add = sub.add_parser("add", help="ajouter un lieu absent des fichiers (fiche locale)")
    add_workspace(add)
    add.add_argument("--name", required=True, help="nom du service ou du lieu")
    add.add_argument("--structure", default="", help="structure qui le porte")
    add.add_argument("--address", default="", help="adresse (numéro et rue)")
    add.add_argument("--commune", default="", metavar="CODE_INSEE", help="code INSEE de la commune")
    add.add_argument("--phone", default="", metavar="TÉLÉPHONE", help="téléphone de l'accueil")
    add.add_argument("--email", default="", metavar="COURRIEL", help="adresse électronique")
    add.add_argument("--hours", default="", help="horaires (format OpenStreetMap ou texte)")
    add.add_argument("--theme", action="append", default=[], help="thématique data·inclusion")
    add.add_argument("--public", action="append", default=[], help="public data·inclusion")
    add.add_argument(
        "--zone", action="append", default=[], help="code commune, EPCI ou département"
    )
    add.add_argument("--fee", choices=["gratuit", "payant"], default=None, help="frais")
    add.add_argument(
        "--office", choices=[k.value for k in OfficeKind], help="c'est l'accueil de cet organisme"
    )
    listing = sub.add_parser("list", help="fiches locales et état de l'annuaire")
    add_workspace(listing)
    find = sub.add_parser("search", help="chercher dans l'annuaire")
    add_workspace(find)
    find.add_argument("text", metavar="TEXTE", help="nom, commune ou thématique")


def handler(args: argparse.Namespace) -> Callable[[Any], int]:
    """The command on an open workspace. An import reads and checks its files first, before
    cli/main.py unlocks anything: a refused file leaves the workspace byte for byte as it was."""
    if args.directory_command != "import":
        return lambda workspace: directory(args, workspace)
    from allervers.services.directory import read_import

    read = read_import(args.files, args.departement, args.communes_voisines)
    return lambda workspace: store_import(read, workspace)


def store_import(read: DirectoryRead, workspace: Any) -> int:
    from allervers.services.directory import Directory

    report = Directory(workspace).store_import(read)
    where = f" (département {report.departement})" if report.departement else ""
    print(f"Annuaire importé{where} : {_n(report.read)} fiche(s) lue(s).")
    if report.departement:
        print(f"{_n(report.outside)} fiche(s) hors du territoire, non gardée(s).")
    print(f"Services : {_counts(report.services)}.")
    print(f"Structures : {_counts(report.structures)}.")
    return 0


def directory(args: argparse.Namespace, workspace: Any) -> int:
    from allervers.services.directory import Directory

    service = Directory(workspace)
    if args.directory_command == "add":
        fields = {
            "nom": args.name,
            "structure": args.structure,
            "adresse": args.address,
            "code_insee": args.commune,
            "telephone": args.phone,
            "courriel": args.email,
            "horaires_accueil": args.hours,
            "thematiques": args.theme,
            "publics": args.public,
            "zone_eligibilite": args.zone,
            "frais": args.fee,
        }
        if args.commune:
            from allervers.questionnaire.communes import find

            commune = find(args.commune)
            fields["commune"] = commune.name if commune else ""
        office = OfficeKind(args.office) if args.office else None
        entry = service.add_local(fields, office)
        print(f"Fiche locale ajoutée : {entry.name} ({entry.id}).")
        return 0
    today = service.today
    if args.directory_command == "list":
        counts = service.counts()
        last = service.last_import()
        print(
            f"Services importés : {_n(counts['services'])} ({_n(counts['archived'])} archivés), "
            f"structures : {_n(counts['structures'])}, fiches locales : {_n(counts['local'])}."
        )
        print(f"Dernier import : {last[:10] if last else 'aucun'}.")
        for entry in service.local_entries():
            print(_line(entry, today))
        return 0
    for entry in service.search(args.text):
        print(_line(entry, today))
    return 0


def _n(count: int) -> str:
    return f"{count:,}".replace(",", "\u00a0")


def _counts(counts: ImportCounts) -> str:
    return (
        f"{_n(counts.added)} ajouté(s), {_n(counts.changed)} modifié(s), "
        f"{_n(counts.removed)} retiré(s) (archivés), {_n(counts.kept)} inchangé(s)"
    )


def _line(entry: DirectoryService, today: dt.date) -> str:
    marks = []
    if entry.office is not None:
        marks.append(f"accueil {entry.office.value}")
    if entry.archived_on:
        marks.append(f"retiré le {entry.archived_on}")
    if entry.stale(today):
        marks.append("à vérifier")
    if not entry.has_contact:
        marks.append("sans contact")
    return "\t".join(
        [
            entry.id,
            entry.name
            if entry.structure_name in ("", entry.name)
            else f"{entry.name} ({entry.structure_name})",
            full_address(entry),
            entry.phone,
            entry.hours,
            entry.date_maj.isoformat(),
            ", ".join(marks),
        ]
    )
