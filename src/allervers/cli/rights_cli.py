"""Command line for the rights engine: `assess`, `rights reassess`, `places`, `sheet`."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from allervers.cli.options import add_force
from allervers.domain.errors import InvalidInput
from allervers.domain.followup import Place
from allervers.domain.rights import Organisation, RightAssessment
from allervers.messages import reassess_failure
from allervers.rights.household import read_for_engine
from allervers.services.output_files import check_output, writing
from allervers.services.visit_input import engine_input, read_visits

AddWorkspace = Callable[[argparse.ArgumentParser], None]


def add_parsers(commands: Any, parser_class: type, add_workspace: AddWorkspace) -> None:
    assess = commands.add_parser("assess", help="évaluer les droits d'un foyer (JSON ou JSONL)")
    assess.add_argument("file", type=Path, help="une visite (.json) ou une par ligne (.jsonl)")
    assess.add_argument("--month", help="mois du calcul, AAAA-MM (par défaut : celui de la visite)")

    rights = commands.add_parser("rights", help="réévaluer les droits de tout l'espace")
    sub = rights.add_subparsers(dest="rights_command", required=True, parser_class=parser_class)
    reassess = sub.add_parser("reassess", help="tout réévaluer (nouveaux barèmes)")
    add_workspace(reassess)

    places = commands.add_parser("places", help="adresses des organismes du territoire")
    sub = places.add_subparsers(dest="places_command", required=True, parser_class=parser_class)
    put = sub.add_parser("set", help="définir l'adresse d'un organisme")
    add_workspace(put)
    put.add_argument(
        "organisation", choices=[o.value for o in Organisation], help="l'organisme de cet accueil"
    )
    put.add_argument("--name", required=True, help="nom de l'accueil")
    put.add_argument("--address", required=True, help="adresse, pour la feuille du foyer")
    put.add_argument("--phone", required=True, help="téléphone, pour la feuille du foyer")
    put.add_argument("--hours", default="", help="horaires (format OpenStreetMap ou texte)")
    listing = sub.add_parser("list", help="lister les adresses")
    add_workspace(listing)

    sheet = commands.add_parser("sheet", help="feuille PDF à remettre au foyer")
    add_workspace(sheet)
    sheet.add_argument("visit", help="identifiant de la visite (allervers visits list)")
    sheet.add_argument("--out", type=Path, required=True, help="fichier PDF à créer")
    add_force(sheet)


def _month(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}", text):
            raise ValueError(text)
        return date.fromisoformat(f"{text}-01")
    except ValueError:
        raise InvalidInput("month", "format") from None


def assess(args: argparse.Namespace, engine: Any = None) -> int:
    """`engine`: the process's engine when it already has one (tests); built here otherwise."""
    month = _month(args.month)
    visits = read_visits(args.file, one_visit=args.file.suffix != ".jsonl")
    households = [engine_input(visit) for visit in visits]
    for household in households:  # refused now, rather than after seconds of loading
        read_for_engine(household, month)
    if engine is None:
        from allervers.rights.engine import RightsEngine  # seconds to load: only when needed

        engine = RightsEngine()
    results = engine.assess_batch(households, month)
    indent = None if args.file.suffix == ".jsonl" else 2
    for record in assessment_records(households, results, month):
        print(json.dumps(record, ensure_ascii=False, indent=indent))
    return 0


def assessment_records(
    households: list[dict[str, Any]],
    results: list[list[RightAssessment]],
    month: date | None,
) -> list[dict[str, Any]]:
    """What `assess` prints: one record per household, in the file's order."""
    return [
        {
            "visited_on": household["visited_on"],
            "month": (month.isoformat()[:7] if month else household["visited_on"][:7]),
            "assessments": [a.to_json() for a in assessments],
        }
        for household, assessments in zip(households, results, strict=True)
    ]


def reassess(workspace: Any, engine: Any = None) -> int:
    """`engine`: the process's engine when it already has one (tests); built here otherwise."""
    from allervers.rights.engine import RightsEngine
    from allervers.services.rights import RightsService

    engine = engine or RightsEngine()

    def progress(done: int, total: int) -> None:
        print(f"{done}/{total} visites réévaluées", file=sys.stderr, flush=True)

    report = RightsService(workspace).reassess_all(engine, progress)
    print(f"{report.assessed} visite(s) réévaluée(s) avec openfisca-france {engine.version}.")
    for visit_id, reason in report.failed:
        print(f"Visite {visit_id} non réévaluée : {reassess_failure(reason)}.", file=sys.stderr)
    if report.failed:
        print(
            f"{len(report.failed)} visite(s) non réévaluée(s) : corrigez-les (allervers visits "
            "list) puis relancez ; les autres sont à jour.",
            file=sys.stderr,
        )
        return 1
    return 0


def places(args: argparse.Namespace, workspace: Any) -> int:
    from allervers.services.rights import RightsService
    from allervers.wording import organisation_name

    service = RightsService(workspace)
    if args.places_command == "set":
        service.set_place(
            Place(Organisation(args.organisation), args.name, args.address, args.phone, args.hours)
        )
        print(f"Adresse enregistrée pour {organisation_name(Organisation(args.organisation))}.")
    else:
        for place in service.places().values():
            print(
                f"{place.organisation.value}\t{place.name}\t{place.address}\t{place.phone}\t"
                f"{place.hours}"
            )
    return 0


def sheet(args: argparse.Namespace, workspace: Any) -> int:
    from allervers.reports.household_sheet import SheetContent, write_household_sheet
    from allervers.services.rights import RightsService, assessable
    from allervers.services.visits import VisitService
    from allervers.wording import organisation_short_name

    check_output(args.out, args.force)  # before anything is computed or looked up
    visit = VisitService(workspace).get(args.visit)
    if not assessable(visit):
        raise InvalidInput("visit", "not_assessable")
    rights = RightsService(workspace)
    stored = rights.current(visit.id)
    if not stored:
        from allervers.rights.engine import RightsEngine

        stored = rights.assess(visit, RightsEngine())
    from allervers.services.directory_sheet import sheet_directory

    visited_on = date.fromisoformat(visit.visited_on)
    found = sheet_directory(workspace, visit.answers, stored, visited_on)
    content = SheetContent(
        assessments=[s.assessment for s in stored],
        places=found.places,
        volunteer_first_name=workspace.user.name.split()[0],
        visited_on=visited_on,
        pistes=found.pistes,
    )
    with writing(args.out, args.force) as temporary:
        write_household_sheet(temporary, content)
    for organisation in found.incomplete:
        print(
            f"Attention : l'annuaire n'a pas l'adresse ou le téléphone de l'accueil "
            f"{organisation_short_name(organisation)} ; la feuille dit où les trouver. "
            f"Complétez-les : allervers places set {organisation.value} …",
            file=sys.stderr,
        )
    workspace.audit("sheet_printed", "visit", visit.id)
    print(f"Feuille écrite : {args.out}")
    return 0
