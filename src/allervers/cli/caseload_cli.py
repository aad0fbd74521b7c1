"""Command line for the coordinator: `report`, and the person's rights (`person export|erase`)
and retention (`purge`)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from allervers.domain.errors import InvalidInput, WorkspaceAlreadyExists
from allervers.domain.figures import Period, parse_period, period_between

AddWorkspace = Callable[[argparse.ArgumentParser], None]


def add_parsers(commands: Any, parser_class: type, add_workspace: AddWorkspace) -> None:
    report = commands.add_parser("report", help="chiffres du territoire (PDF ou JSON)")
    add_workspace(report)
    report.add_argument("--period", help="2026-Q3, 2026-09 ou 2026")
    report.add_argument("--from", dest="start", help="début, AAAA-MM-JJ")
    report.add_argument("--to", dest="end", help="fin incluse, AAAA-MM-JJ")
    report.add_argument("--format", choices=["pdf", "json"], default="pdf")
    report.add_argument("--out", type=Path, help="fichier PDF à créer (format pdf)")


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

    figures = territory_figures(workspace, _period(args))
    if args.format == "json":
        print(json.dumps(figures.to_json(), ensure_ascii=False, indent=2))
        return 0
    if args.out is None:
        raise InvalidInput("out", "empty")
    if args.out.exists():
        raise WorkspaceAlreadyExists(args.out)
    from allervers.reports.activity_report import write_activity_report

    write_activity_report(args.out, figures, date.today())
    print(f"Rapport écrit : {args.out}")
    return 0
