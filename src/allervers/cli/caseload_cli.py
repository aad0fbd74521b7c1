"""Command line for the coordinator: `report`, and the person's rights (`person export|erase`)
and retention (`purge`)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from allervers.cli.options import add_force
from allervers.domain.errors import InvalidInput
from allervers.domain.figures import Period, parse_period, period_between
from allervers.services.output_files import writing

AddWorkspace = Callable[[argparse.ArgumentParser], None]


def add_parsers(commands: Any, parser_class: type, add_workspace: AddWorkspace) -> None:
    report = commands.add_parser(
        "report", help="chiffres du territoire, usage interne non signé (PDF ou JSON)"
    )
    add_workspace(report)
    report.add_argument("--period", help="2026-Q3, 2026-09 ou 2026")
    report.add_argument("--from", dest="start", help="début, AAAA-MM-JJ")
    report.add_argument("--to", dest="end", help="fin incluse, AAAA-MM-JJ")
    report.add_argument(
        "--format",
        choices=["pdf", "json"],
        default="pdf",
        help="pdf (rapport d'activité, par défaut) ou json (les mêmes chiffres, nommés de même)",
    )
    report.add_argument("--out", type=Path, help="fichier PDF à créer (format pdf)")
    add_force(report)

    caseload = commands.add_parser("caseload", help="foyers suivis")
    add_workspace(caseload)
    caseload.add_argument("--search", default="", help="nom ou rue")
    caseload.add_argument("--overdue", action="store_true", help="seulement les actions en retard")
    caseload.add_argument("--json", action="store_true", help="une ligne JSON par foyer")

    person = commands.add_parser("person", help="droits de la personne : export, effacement")
    sub = person.add_subparsers(dest="person_command", required=True, parser_class=parser_class)
    export = sub.add_parser("export", help="exporter les données d'un foyer (JSON et PDF)")
    add_workspace(export)
    export.add_argument("household", help="identifiant du foyer (allervers caseload)")
    export.add_argument("--out", type=Path, required=True, help="dossier où écrire")
    add_force(export)
    erase = sub.add_parser("erase", help="effacer les données d'un foyer, à sa demande")
    add_workspace(erase)
    erase.add_argument("household", help="identifiant du foyer")

    purge = commands.add_parser("purge", help="données sans contact depuis 24 mois")
    add_workspace(purge)
    purge.add_argument("--apply", action="store_true", help="effacer (sinon : lister seulement)")


def _period(args: argparse.Namespace) -> Period:
    if args.period and not (args.start or args.end):
        return parse_period(args.period)
    if args.start and args.end and not args.period:
        try:
            return period_between(date.fromisoformat(args.start), date.fromisoformat(args.end))
        except ValueError:
            raise InvalidInput("period", "format") from None
    raise InvalidInput("period", "choice")


def report(args: argparse.Namespace, workspace: Any) -> int:
    from allervers.services.figures import territory_figures

    if args.format == "pdf" and args.out is None:
        raise InvalidInput("out", "empty")
    figures = territory_figures(workspace, _period(args))
    if args.format == "json":
        from allervers.wording.figures import figure_sheet

        # The counts, then the figures as the screen and the PDF name and write them.
        data = {**figures.to_json(), "sheet": figure_sheet(figures).to_json()}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    from allervers.reports.activity_report import write_activity_report

    with writing(args.out, args.force) as temporary:
        write_activity_report(temporary, figures, date.today())
    print(f"Rapport écrit : {args.out} (usage interne, non signé : pas une publication)")
    return 0


def caseload(args: argparse.Namespace, workspace: Any) -> int:
    from dataclasses import asdict

    from allervers.domain.referrals import CaseloadFilter
    from allervers.services.caseload import CaseloadService

    service = CaseloadService(workspace)
    where = CaseloadFilter(text=args.search, overdue_only=args.overdue)
    for row in service.page(where, 0, 10_000):
        if args.json:
            record = asdict(row)
            record["flags"] = [f.value for f in row.flags]
            print(json.dumps(record, ensure_ascii=False))
        else:
            flags = ",".join(f.value for f in row.flags)
            print(
                f"{row.household_id}\t{row.last_contact}\t{row.status}\t{flags}\t"
                f"{row.contact_name or ''}\t{row.next_action or ''}"
            )
    return 0


def person(args: argparse.Namespace, workspace: Any) -> int:
    from allervers.services.retention import RetentionService

    service = RetentionService(workspace)
    if args.person_command == "erase":
        service.erase(args.household)
        print("Données du foyer effacées ; les comptes anonymes restent.")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    json_path, pdf_path = service.write_person_files(args.household, args.out, replace=args.force)
    print(f"Données exportées : {json_path} et {pdf_path}")
    return 0


def purge(args: argparse.Namespace, workspace: Any) -> int:
    from allervers.services.retention import RetentionService

    service = RetentionService(workspace)
    if not args.apply:
        candidates = service.purge_candidates()
        for household_id in candidates:
            print(household_id)
        print(
            f"{len(candidates)} foyer(s) sans contact depuis "
            f"{workspace.settings.retention_months} mois (--apply pour effacer)."
        )
        return 0
    count = service.purge()
    print(f"{count} foyer(s) purgé(s) ; les comptes anonymes restent.")
    return 0
