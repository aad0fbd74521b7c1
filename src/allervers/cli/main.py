"""`allervers` command line. Every error becomes a French sentence and a non-zero exit code:
1 for a refused action (wrong passphrase, bad input, full disk), 2 for a wrong command line
(argparse), 3 when `check` finds a problem."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from allervers import __version__
from allervers.cli import (
    caseload_cli,
    export_cli,
    passphrases,
    rights_cli,
    settings_cli,
    sync_cli,
)
from allervers.domain.errors import AllerVersError
from allervers.domain.users import Role
from allervers.messages import describe, describe_problem, role_label
from allervers.reports.recovery_sheet import write_recovery_sheet
from allervers.services import backup as backup_service
from allervers.services import demo as demo_service
from allervers.services.integrity import check
from allervers.services.paths import AppPaths
from allervers.services.visits import ImportReport, VisitService, visit_to_json
from allervers.services.workspace import OpenWorkspace, WorkspaceService

DEMO_HOUSEHOLDS = 300
EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_CHECK_FAILED = 3
ENV_USER = "ALLERVERS_USER"
ENV_WORKSPACE = "ALLERVERS_WORKSPACE"


@dataclass(frozen=True, slots=True)
class LaunchGui:
    """The command line asks the composition root to open the window."""

    workspace: Path
    user: str | None = None
    banner: str | None = None  # shown on the unlock screen (the demo's passphrase)


class _Parser(argparse.ArgumentParser):
    """argparse in French for the words people read."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur : {message}\n")


def _add_workspace(parser: argparse.ArgumentParser, with_user: bool = True) -> None:
    parser.add_argument("--workspace", type=Path, help="dossier de l'espace de travail")
    if with_user:
        parser.add_argument("--user", help="nom d'utilisateur (ou ALLERVERS_USER)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="allervers", description="Aller-Vers : repérage du non-recours.")
    parser.add_argument("--version", action="version", version=f"allervers {__version__}")
    _add_workspace(parser)
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    init = commands.add_parser("init", help="créer un espace de travail et son coordinateur")
    _add_workspace(init)
    init.add_argument("--territory", required=True, help="nom du territoire")
    init.add_argument("--recovery-sheet", type=Path, help="écrire la clé de secours dans ce PDF")

    users = commands.add_parser("users", help="gérer les utilisateurs")
    users_commands = users.add_subparsers(dest="users_command", required=True, parser_class=_Parser)
    add = users_commands.add_parser("add", help="ajouter un utilisateur")
    _add_workspace(add)
    add.add_argument("name", help="nom du nouvel utilisateur")
    add.add_argument("--role", choices=[r.value for r in Role], default=Role.VOLUNTEER.value)
    listing = users_commands.add_parser("list", help="lister les utilisateurs")
    _add_workspace(listing)
    passwd = users_commands.add_parser("passwd", help="changer de phrase de passe")
    _add_workspace(passwd)
    passwd.add_argument("--recovery", action="store_true", help="avec la clé de secours")

    chk = commands.add_parser("check", help="vérifier l'intégrité de l'espace de travail")
    _add_workspace(chk)

    bak = commands.add_parser("backup", help="écrire une sauvegarde chiffrée")
    _add_workspace(bak)
    bak.add_argument("--out", type=Path, required=True, help="fichier de sauvegarde à créer")

    res = commands.add_parser("restore", help="restaurer une sauvegarde dans un nouveau dossier")
    _add_workspace(res)
    res.add_argument("file", type=Path, help="fichier de sauvegarde")

    demo = commands.add_parser("demo", help="ouvrir l'espace de démonstration")
    _add_workspace(demo, with_user=False)
    demo.add_argument("--no-gui", action="store_true", help="ne pas ouvrir la fenêtre")
    demo.add_argument(
        "--households",
        type=int,
        default=None,
        metavar="N",
        help=f"ajouter N visites fictives (par défaut {DEMO_HOUSEHOLDS} à la création)",
    )

    visits = commands.add_parser("visits", help="visites : importer, lister")
    visits_commands = visits.add_subparsers(
        dest="visits_command", required=True, parser_class=_Parser
    )
    imp = visits_commands.add_parser("import", help="importer un fichier JSONL de visites")
    _add_workspace(imp)
    imp.add_argument("file", type=Path, help="une visite par ligne (docs/household-format.md)")
    imp.add_argument("--skip-invalid", action="store_true", help="ignorer les lignes invalides")
    vlist = visits_commands.add_parser("list", help="lister les visites")
    _add_workspace(vlist)
    vlist.add_argument("--json", action="store_true", help="une visite JSON par ligne")
    rights_cli.add_parsers(commands, _Parser, _add_workspace)
    export_cli.add_parsers(commands, _Parser)
    caseload_cli.add_parsers(commands, _Parser, _add_workspace)
    sync_cli.add_parsers(commands, _Parser, _add_workspace)
    settings_cli.add_parser(commands, _Parser, _add_workspace)
    return parser


def skipped_lines(report: ImportReport) -> list[str]:
    """`visits import --skip-invalid`: one line per line left out, with its reasons (never the
    line's content)."""
    return [
        f"Ligne {line} ignorée : " + "; ".join(describe_problem(p) for p in problems[:3])
        for line, problems in report.skipped
    ]


class _Command:
    def __init__(self, args: argparse.Namespace, paths: AppPaths, service: WorkspaceService):
        self.args = args
        self.paths = paths
        self.service = service

    @property
    def workspace_path(self) -> Path:
        chosen = self.args.workspace or os.environ.get(ENV_WORKSPACE)
        return Path(chosen) if chosen else self.paths.default_workspace

    def user_name(self) -> str:
        name = getattr(self.args, "user", None) or os.environ.get(ENV_USER)
        if not name:
            raise SystemExit(self._usage("--user NOM (ou ALLERVERS_USER) est requis."))
        return str(name)

    @staticmethod
    def _usage(text: str) -> int:
        print(f"allervers : erreur : {text}", file=sys.stderr)
        return 2

    def unlock(self) -> OpenWorkspace:
        user = self.user_name()
        return self.service.unlock(self.workspace_path, user, passphrases.current_passphrase())

    def init(self) -> int:
        created = self.service.create(
            self.workspace_path,
            self.args.territory,
            self.user_name(),
            passphrases.current_passphrase("Phrase de passe du coordinateur : "),
        )
        workspace = created.workspace
        try:
            print(f"Espace de travail créé : {self.workspace_path}")
            if self.args.recovery_sheet:
                write_recovery_sheet(
                    self.args.recovery_sheet,
                    workspace.territory(),
                    created.recovery_key,
                    date.today(),
                )
                print(
                    f"Clé de secours écrite dans {self.args.recovery_sheet} : imprimez-la, "
                    "rangez-la à part, puis supprimez le fichier."
                )
            else:
                # Shown once, on purpose: without it a forgotten passphrase loses everything.
                print("Clé de secours (affichée une seule fois, notez-la et rangez-la à part) :")
                print(f"  {created.recovery_key}")
        finally:
            workspace.lock()
        return EXIT_OK

    def users(self) -> int:
        sub = self.args.users_command
        if sub == "passwd" and self.args.recovery:
            workspace = self.service.reset_with_recovery_key(
                self.workspace_path,
                passphrases.recovery_key(),
                self.user_name(),
                passphrases.new_passphrase(),
            )
            workspace.lock()
            print("Nouvelle phrase de passe enregistrée.")
            return EXIT_OK
        workspace = self.unlock()
        try:
            if sub == "add":
                user = workspace.add_user(
                    self.args.name,
                    Role(self.args.role),
                    passphrases.new_passphrase(label="Phrase de passe du nouvel utilisateur : "),
                )
                print(f"Utilisateur ajouté : {user.name} ({role_label(user.role)})")
            elif sub == "list":
                for user in workspace.list_users():
                    state = "" if user.active else " (désactivé)"
                    print(f"{user.name}\t{role_label(user.role)}{state}")
            else:
                workspace.change_passphrase(
                    passphrases.current_passphrase(), passphrases.new_passphrase()
                )
                print("Phrase de passe changée.")
        finally:
            workspace.lock()
        return EXIT_OK

    def check(self) -> int:
        workspace = self.unlock()
        try:
            report = check(workspace)
        finally:
            workspace.lock()
        ok_text = "intactes"
        print(f"Espace de travail : {report.path}")
        print(f"Pages chiffrées : {report.cipher_pages or ok_text}")
        print(f"Structure de la base : {report.integrity or 'intacte'}")
        schema_state = (
            "à jour"
            if report.schema_revision == report.schema_expected
            else (f"attendue {report.schema_expected}")
        )
        print(f"Version du schéma : {report.schema_revision} ({schema_state})")
        audit = report.audit_problem or "chaîne intacte"
        print(f"Journal d'audit : {report.audit_entries} entrées, {audit}")
        print(f"Utilisateurs : {report.users}")
        print("Résultat : " + ("aucun problème." if report.ok else "PROBLÈME détecté."))
        return EXIT_OK if report.ok else EXIT_CHECK_FAILED

    def backup(self) -> int:
        workspace = self.unlock()
        try:
            written = backup_service.backup(workspace, self.args.out)
        finally:
            workspace.lock()
        print(f"Sauvegarde chiffrée écrite : {written}")
        return EXIT_OK

    def restore(self) -> int:
        workspace = backup_service.restore(
            self.service,
            self.args.file,
            self.workspace_path,
            self.user_name(),
            passphrases.current_passphrase(),
        )
        workspace.lock()
        print(f"Sauvegarde restaurée dans {self.workspace_path}")
        return EXIT_OK

    def visits(self) -> int:
        workspace = self.unlock()
        try:
            service = VisitService(workspace)
            if self.args.visits_command == "import":
                report = service.import_file(self.args.file, self.args.skip_invalid)
                print(f"{report.imported} visite(s) importée(s).")
                for text in skipped_lines(report):
                    print(text, file=sys.stderr)
            else:
                for visit in service.list_visits():
                    if self.args.json:
                        print(json.dumps(visit_to_json(visit), ensure_ascii=False))
                    else:
                        outcome = visit.answers.get("door_outcome", "?")
                        print(
                            f"{visit.visited_on}\t{visit.status.value}\t{outcome}\t"
                            f"{visit.answers.get('address_insee', '')}\t{visit.id}"
                        )
        finally:
            workspace.lock()
        return EXIT_OK

    def assess(self) -> int:
        return rights_cli.assess(self.args)

    def _with_workspace(self, action: Callable[[OpenWorkspace], int]) -> int:
        workspace = self.unlock()
        try:
            return action(workspace)
        finally:
            workspace.lock()

    def rights(self) -> int:
        return self._with_workspace(rights_cli.reassess)

    def places(self) -> int:
        return self._with_workspace(lambda ws: rights_cli.places(self.args, ws))

    def sheet(self) -> int:
        return self._with_workspace(lambda ws: rights_cli.sheet(self.args, ws))

    def verify_export(self) -> int:
        return export_cli.verify_export(self.args)

    def merge_exports(self) -> int:
        return export_cli.merge_exports(self.args)

    def report(self) -> int:
        return self._with_workspace(lambda ws: caseload_cli.report(self.args, ws))

    def export(self) -> int:
        return self._with_workspace(lambda ws: caseload_cli.export(self.args, ws))

    def export_key(self) -> int:
        return self._with_workspace(lambda ws: caseload_cli.export_key(self.args, ws))

    def caseload(self) -> int:
        return self._with_workspace(lambda ws: caseload_cli.caseload(self.args, ws))

    def person(self) -> int:
        return self._with_workspace(lambda ws: caseload_cli.person(self.args, ws))

    def purge(self) -> int:
        return self._with_workspace(lambda ws: caseload_cli.purge(self.args, ws))

    def team(self) -> int:
        if self.args.team_command == "join":
            return sync_cli.join_team(self.args, self.workspace_path)
        return self._with_workspace(lambda ws: sync_cli.team(self.args, ws))

    def sync(self) -> int:
        return self._with_workspace(lambda ws: sync_cli.sync(self.args, ws))

    def settings(self) -> int:
        return self._with_workspace(lambda ws: settings_cli.settings(self.args, ws))

    def demo(self) -> int | LaunchGui:
        path = self.args.workspace or self.paths.demo_workspace
        demo, workspace = demo_service.ensure_demo(self.service, path)
        households = self.args.households
        if households is None and demo.created:
            households = DEMO_HOUSEHOLDS
        try:
            if households:
                added = demo_service.fill_demo(workspace, households)
                print(f"{added} visites fictives ajoutées.")
                from allervers.rights.engine import RightsEngine  # seconds to load

                referrals = demo_service.demo_followups(workspace, RightsEngine())
                print(f"Droits évalués ; {referrals} orientations fictives.")
        finally:
            workspace.lock()
        state = "créé" if demo.created else "existant"
        print(f"Espace de démonstration ({state}) : {demo.path}")
        print(f"Utilisateur : {demo.user}")
        # Synthetic data: printing this passphrase is the point of the demo.
        print(f"Phrase de passe : {demo.passphrase}")
        if self.args.no_gui:
            return EXIT_OK
        return LaunchGui(demo.path, demo.user, banner=demo.passphrase)


def run(argv: Sequence[str] | None, paths: AppPaths, service: WorkspaceService) -> int | LaunchGui:
    args = build_parser().parse_args(argv)
    command = _Command(args, paths, service)
    if args.command is None:
        return LaunchGui(command.workspace_path, args.user or os.environ.get(ENV_USER))
    handler = getattr(command, args.command.replace("-", "_"))
    try:
        result: int | LaunchGui = handler()
    except AllerVersError as error:
        print(f"allervers : {describe(error)}", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:
        # `allervers visits list | head`: the reader left; not an error for the user.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return EXIT_OK
    except KeyboardInterrupt:
        print("allervers : interrompu.", file=sys.stderr)
        return 130
    return result
