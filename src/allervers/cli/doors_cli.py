"""Command line for the territory's doors (issue 16): `addresses import`, `rounds create|list|
assign`, `doors list|add|absent`, `coverage`. French for people, JSON for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from allervers.domain.doors import DoorStatus
from allervers.domain.rounds import RoundKind
from allervers.messages import address_problem

if TYPE_CHECKING:
    from allervers.services.addresses import AddressRead

AddWorkspace = Callable[[argparse.ArgumentParser], None]
COMMANDS = ("addresses", "rounds", "doors", "coverage")

STATUS_WORDS = {
    DoorStatus.NOT_VISITED: "pas encore frappé",
    DoorStatus.ABSENT: "absent",
    DoorStatus.INTERVIEW: "entretien",
    DoorStatus.REFUSED: "refus",
    DoorStatus.COME_BACK: "repasser",
    DoorStatus.DO_NOT_DISTURB: "ne plus déranger",
    DoorStatus.VACANT: "vacant",
    DoorStatus.NOT_DWELLING: "pas un logement",
    DoorStatus.ERASED: "issue effacée",
}


def add_parsers(commands: Any, parser_class: type, add_workspace: AddWorkspace) -> None:
    addresses = commands.add_parser("addresses", help="adresses du territoire (BAN ou BAL)")
    sub = addresses.add_subparsers(
        dest="addresses_command", required=True, parser_class=parser_class
    )
    imp = sub.add_parser("import", help="importer un fichier BAN csv-legacy ou BAL 1.4")
    add_workspace(imp)
    imp.add_argument("file", type=Path, help="fichier CSV (docs/addresses-format.md)")
    imp.add_argument(
        "--commune",
        action="append",
        default=[],
        metavar="INSEE",
        help="ne garder que cette commune",
    )
    imp.add_argument("--skip-invalid", action="store_true", help="ignorer les lignes invalides")

    rounds = commands.add_parser("rounds", help="tournées : créer, lister, confier")
    sub = rounds.add_subparsers(dest="rounds_command", required=True, parser_class=parser_class)
    create = sub.add_parser("create", help="créer une tournée")
    add_workspace(create)
    create.add_argument("name", metavar="NOM", help="nom de la tournée")
    create.add_argument("--commune", required=True, metavar="INSEE", help="code INSEE")
    create.add_argument(
        "--street",
        action="append",
        default=[],
        metavar="NOM_VOIE",
        help="rue ou lieu-dit (répétable)",
    )
    create.add_argument(
        "--volunteer", action="append", default=[], metavar="NOM", help="bénévole (deux au plus)"
    )
    create.add_argument(
        "--kind",
        choices=[k.value for k in RoundKind],
        default=RoundKind.SPOTTING.value,
        help="reperage (premier passage, par défaut) ou relance (foyers à revoir)",
    )
    listing = sub.add_parser("list", help="lister les tournées et leur avancement")
    add_workspace(listing)
    listing.add_argument("--json", action="store_true", help="une ligne JSON par tournée")
    assign = sub.add_parser("assign", help="confier une tournée à un ou deux bénévoles")
    add_workspace(assign)
    assign.add_argument("name", metavar="NOM", help="nom de la tournée")
    assign.add_argument(
        "--volunteer", action="append", required=True, metavar="NOM", help="bénévole (deux au plus)"
    )

    doors = commands.add_parser("doors", help="portes : lister, ajouter, absent pour une rue")
    sub = doors.add_subparsers(dest="doors_command", required=True, parser_class=parser_class)
    dlist = sub.add_parser("list", help="portes dans l'ordre de passage, avec leur état")
    add_workspace(dlist)
    dlist.add_argument("--round", metavar="NOM", help="seulement cette tournée")
    dlist.add_argument("--status", choices=[s.value for s in DoorStatus], help="seulement cet état")
    dlist.add_argument("--json", action="store_true", help="une ligne JSON par porte")
    add = sub.add_parser("add", help="ajouter une porte absente du fichier (ferme, caravane…)")
    add_workspace(add)
    add.add_argument("--commune", metavar="INSEE", help="code INSEE")
    add.add_argument("--street", metavar="NOM_VOIE", default="", help="rue ou lieu-dit")
    add.add_argument("--number", default=None, help="numéro (« 12 bis »)")
    add.add_argument("--label", default="", help="nom de la porte (« porte 2 »)")
    add.add_argument("--beside", metavar="PORTE", help="autre porte de la même adresse")
    absent = sub.add_parser("absent", help="« absent » pour toutes les portes à frapper d'une rue")
    add_workspace(absent)
    absent.add_argument("street", metavar="NOM_VOIE", help="nom de la rue ou du lieu-dit")
    absent.add_argument("--round", metavar="NOM", help="seulement dans cette tournée")
    absent.add_argument("--commune", metavar="INSEE", help="code INSEE (rue de même nom ailleurs)")

    cov = commands.add_parser("coverage", help="couverture du territoire : portes frappées")
    add_workspace(cov)
    cov.add_argument("--round", metavar="NOM", help="seulement cette tournée")
    cov.add_argument("--json", action="store_true", help="JSON")


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %".replace(".", ",")


def addresses(args: argparse.Namespace, read: AddressRead, workspace: Any) -> int:
    from allervers.services.addresses import AddressService

    counts = AddressService(workspace).store(read)
    print(
        f"Adresses : {counts.added} ajoutée(s), {counts.changed} modifiée(s), "
        f"{counts.removed} retirée(s), {counts.unchanged} inchangée(s)."
    )
    if counts.visits_matched:
        print(f"{counts.visits_matched} visite(s) rattachée(s) à leur porte.")
    for line, reason, column in counts.skipped[:20]:
        print(f"Ligne {line} ignorée : {address_problem(reason, column)}.", file=sys.stderr)
    if len(counts.skipped) > 20:
        print(f"… et {len(counts.skipped) - 20} autres lignes ignorées.", file=sys.stderr)
    return 0


def rounds(args: argparse.Namespace, workspace: Any) -> int:
    from allervers.services.doors import DoorService
    from allervers.services.rounds import RoundService

    service = RoundService(workspace)
    if args.rounds_command == "create":
        made = service.create(
            args.name, args.commune, args.street, args.volunteer, RoundKind(args.kind)
        )
        print(f"Tournée « {made.name} » créée : {len(made.door_ids)} porte(s).")
        return 0
    if args.rounds_command == "assign":
        made = service.assign(args.name, args.volunteer)
        print(f"Tournée « {made.name} » confiée à {', '.join(args.volunteer)}.")
        return 0
    for item in DoorService(workspace).coverage().rounds:
        figures = item.coverage
        if args.json:
            record = {
                "name": item.round.name,
                "kind": item.round.kind.value,
                "commune": item.round.commune_insee,
                "version": item.round.version,
                "volunteers": list(item.volunteers),
                **figures.to_json(),
            }
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(
                f"{item.round.name}\t{item.round.commune_insee}\tv{item.round.version}\t"
                f"{figures.knocked}/{figures.doors} portes\t{_percent(figures.coverage)}\t"
                f"{', '.join(item.volunteers) or 'non confiée'}"
            )
    return 0


def doors(args: argparse.Namespace, workspace: Any) -> int:
    from allervers.services.addresses import AddressService
    from allervers.services.doors import DoorService

    if args.doors_command == "add":
        door = AddressService(workspace).add_door(
            args.commune or "", args.street, args.number, args.label, args.beside
        )
        print(f"Porte ajoutée : {door.address_text} ({door.id})")
        return 0
    service = DoorService(workspace)
    if args.doors_command == "absent":
        count = service.absent_street(args.street, args.round, args.commune)
        print(f"« Absent » enregistré pour {count} porte(s) de « {args.street} ».")
        return 0
    status = DoorStatus(args.status) if args.status else None
    for view in service.doors(args.round, status):
        door, state = view.door, view.state
        if args.json:
            record = {
                "id": door.id,
                "commune": door.commune_insee,
                "address": door.address_text,
                "cle_interop": door.cle_interop,
                "x": door.x,
                "y": door.y,
                "status": state.status.value,
                "passes": state.passes,
                "absent_passes": state.absent_passes,
                "last_on": state.last_on,
                "come_back_on": state.come_back_on,
                "added_by_hand": door.added_by_hand,
            }
            print(json.dumps(record, ensure_ascii=False))
        else:
            word = STATUS_WORDS[state.status]
            if state.status is DoorStatus.ABSENT:
                word += f" ({state.absent_passes} passage(s))"
            print(f"{door.id}\t{door.commune_insee}\t{door.address_text}\t{word}")
    return 0


def coverage(args: argparse.Namespace, workspace: Any) -> int:
    from allervers.services.doors import DoorService

    report = DoorService(workspace).coverage(args.round)
    if args.json:
        print(
            json.dumps(
                {
                    **report.total.to_json(),
                    "weeks": [w.to_json() for w in report.weeks],
                    "rounds": [
                        {"name": r.round.name, **r.coverage.to_json()} for r in report.rounds
                    ],
                },
                ensure_ascii=False,
            )
        )
        return 0
    total = report.total
    print(f"Portes du territoire : {total.doors}")
    print(f"Portes frappées au moins une fois : {total.knocked} ({_percent(total.coverage)})")
    print(f"Portes ouvertes : {total.opened} (taux d'ouverture {_percent(total.open_rate)})")
    print(f"Foyers rencontrés : {total.households_met}")
    for week in report.weeks:
        print(
            f"  {week.week} : {week.knocked} frappée(s), {week.opened} ouverte(s), {week.interviews} entretien(s)"
        )
    for item in report.rounds:
        c = item.coverage
        print(f"Tournée {item.round.name} : {c.knocked}/{c.doors} ({_percent(c.coverage)})")
    return 0


def handler(name: str, args: argparse.Namespace) -> Callable[[Any], int]:
    """The command `name` on an open workspace (cli/main.py opens and locks it)."""
    if name == "addresses":  # the file is read and checked before the workspace is unlocked
        from allervers.services.addresses import read_addresses

        read = read_addresses(args.file, args.commune, args.skip_invalid)
        return lambda workspace: addresses(args, read, workspace)
    action: Callable[[argparse.Namespace, Any], int] = globals()[name]
    return lambda workspace: action(args, workspace)
