"""`allervers` command line. Every error becomes a French sentence and a non-zero exit code:
1 for a refused action (wrong passphrase, bad input, full disk), 2 for a wrong command line
(argparse), 3 when `check` finds a problem.

An error nobody foresaw still gives a French sentence and exit code 1, never a traceback: the
command line's log is its standard error, where the sentence names the error's type and nothing
else (an exception's text may quote a value, and a database driver's quotes the statement's
parameters: a household's name, a phone number).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from allervers.cli import (
    caseload_cli,
    check_cli,
    directory_cli,
    doors_cli,
    export_cli,
    passphrases,
    rights_cli,
    settings_cli,
    sync_cli,
)
from allervers.cli.failures import hint, unexpected
from allervers.cli.options import french
from allervers.cli.outputs import check_outputs
from allervers.cli.parser import (
    DEMO_HOUSEHOLDS,
    MAX_DEMO_HOUSEHOLDS,
    build_parser,
    take_top_options,
)
from allervers.domain.errors import AllerVersError, InvalidInput
from allervers.domain.users import Role
from allervers.messages import describe, describe_problem, role_label
from allervers.services import backup as backup_service
from allervers.services.integrity import check_workspace
from allervers.services.output_files import writing
from allervers.services.paths import AppPaths
from allervers.services.visit_input import read_import
from allervers.services.visits import ImportReport, VisitService, visit_to_json
from allervers.services.workspace import OpenWorkspace, WorkspaceService

# Reports (reportlab), the demo's generators, sync and the release machinery are imported by the
# commands that use them: `allervers --version` or `visits import` does not load them.

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
        workspace = self.service.unlock(self.workspace_path, user, passphrases.current_passphrase())
        if workspace.gap_found is not None:
            print(
                f"allervers : attention : {check_cli.gap_warning(workspace.gap_found)}",
                file=sys.stderr,
            )
        return workspace

    def _show_recovery_key(self, territory: str, key: str, sheet: Path | None) -> None:
        if sheet:
            self._recovery_sheet(sheet, territory, key)
        else:
            # Shown once, on purpose: without it a forgotten passphrase loses everything.
            print("Clé de secours (affichée une seule fois, notez-la et rangez-la à part) :")
            print(f"  {key}")

    def init(self) -> int:
        sheet = self.args.recovery_sheet  # checked before the workspace exists (check_outputs)
        created = self.service.create(
            self.workspace_path,
            self.args.territory,
            self.user_name(),
            passphrases.current_passphrase("Phrase de passe du coordinateur : "),
        )
        workspace = created.workspace
        try:
            print(f"Espace de travail créé : {self.workspace_path}")
            self._show_recovery_key(workspace.territory(), created.recovery_key, sheet)
        finally:
            workspace.lock()
        return EXIT_OK

    def _recovery_sheet(self, sheet: Path, territory: str, key: str) -> None:
        try:
            with writing(sheet, self.args.force) as temporary:
                from allervers.reports.recovery_sheet import write_recovery_sheet

                write_recovery_sheet(temporary, territory, key, date.today())
        except (AllerVersError, OSError):
            # The workspace exists now: without its recovery key a forgotten passphrase would
            # lose everything, so the key is shown since it could not be written.
            print("Clé de secours (affichée une seule fois, notez-la et rangez-la à part) :")
            print(f"  {key}")
            raise
        print(
            f"Clé de secours écrite dans {sheet} : imprimez-la, rangez-la à part, puis "
            "supprimez le fichier."
        )

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
            elif sub == "recovery-key":
                sheet = self.args.recovery_sheet  # checked before the old key is dropped
                key = workspace.rotate_recovery_key()
                print("Nouvelle clé de secours enregistrée : l'ancienne n'ouvre plus rien.")
                self._show_recovery_key(workspace.territory(), key, sheet)
            else:
                workspace.change_passphrase(
                    passphrases.current_passphrase(), passphrases.new_passphrase()
                )
                print("Phrase de passe changée.")
        finally:
            workspace.lock()
        return EXIT_OK

    def check(self) -> int:
        """Read-only: not even an audit entry is written (see services.integrity)."""
        report = check_workspace(
            self.service,
            self.workspace_path,
            self.user_name(),
            passphrases.current_passphrase(),
        )
        for line in check_cli.report_lines(report):
            print(line)
        return EXIT_OK if report.ok else EXIT_CHECK_FAILED

    def backup(self) -> int:
        workspace = self.unlock()
        try:
            with writing(self.args.out, self.args.force) as temporary:
                backup_service.backup(workspace, temporary)
        finally:
            workspace.lock()
        print(f"Sauvegarde chiffrée écrite : {self.args.out}")
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
        read = None
        if self.args.visits_command == "import":  # a refused file never opens the workspace
            read = read_import(self.args.file, self.args.skip_invalid)
        workspace = self.unlock()
        try:
            service = VisitService(workspace)
            if read is not None:
                report = service.store_read(read)
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

    def directory(self) -> int:
        return self._with_workspace(directory_cli.handler(self.args))

    def sheet(self) -> int:
        return self._with_workspace(lambda ws: rights_cli.sheet(self.args, ws))

    def verify_export(self) -> int:
        return export_cli.verify_export(self.args)

    def merge_exports(self) -> int:
        return export_cli.merge_exports(self.args)

    def report(self) -> int:
        return self._with_workspace(lambda ws: caseload_cli.report(self.args, ws))

    def export(self) -> int:
        if self.args.start or self.args.end or not self.args.period:
            return export_cli.release(self.args, None)  # refused before any passphrase
        return self._with_workspace(lambda ws: export_cli.release(self.args, ws))

    def export_microdata(self) -> int:
        return self._with_workspace(lambda ws: export_cli.release_microdata(self.args, ws))

    def export_key(self) -> int:
        return self._with_workspace(lambda ws: export_cli.export_key(self.args, ws))

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
        if (
            self.args.households is not None
            and not 0 <= self.args.households <= MAX_DEMO_HOUSEHOLDS
        ):
            raise InvalidInput("households", "range")
        from allervers.services import demo as demo_service

        demo, workspace = demo_service.ensure_demo(self.service, path)
        households = self.args.households
        if households is None and demo.created:
            households = DEMO_HOUSEHOLDS
        try:
            if demo.created:  # the territory's doors and two rounds (issue 16)
                doors = demo_service.demo_territory(workspace)
                demo_service.demo_rounds(workspace)
                print(f"{doors} adresses fictives importées ; deux tournées fictives.")
            if households:
                added = demo_service.fill_demo(workspace, households)
                print(f"{added} visites fictives ajoutées.")
                from allervers.rights.engine import RightsEngine  # seconds to load

                referrals = demo_service.demo_followups(workspace, RightsEngine())
                print(f"Droits évalués ; {referrals} orientations fictives.")
            if demo.created:
                services = demo_service.demo_directory(workspace)
                print(f"Annuaire fictif du département importé : {services} services.")
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


# The doors' commands (cli/doors_cli.py): `addresses`, `rounds`, `doors`, `coverage`.
for _name in doors_cli.COMMANDS:
    setattr(
        _Command, _name, lambda self, n=_name: self._with_workspace(doors_cli.handler(n, self.args))
    )


def run(argv: Sequence[str] | None, paths: AppPaths, service: WorkspaceService) -> int | LaunchGui:
    with french():
        parser = build_parser()
        args = parser.parse_args(argv)
        take_top_options(parser, args)
    command = _Command(args, paths, service)
    if args.command is None:
        return LaunchGui(command.workspace_path, args.user or os.environ.get(ENV_USER))
    handler = getattr(command, args.command.replace("-", "_"))
    try:
        check_outputs(args)
        result: int | LaunchGui = handler()
    except AllerVersError as error:
        print(f"allervers : {describe(error)}{hint(error)}", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:
        # `allervers visits list | head`: the reader left; not an error for the user.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return EXIT_OK
    except OSError as error:
        # A file that cannot be read or written: its name and the reason, in French.
        text = describe(error) if error.filename is not None else unexpected(error)
        print(f"allervers : {text}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("allervers : interrompu.", file=sys.stderr)
        return 130
    except Exception as error:  # the last resort: see the module's docstring
        print(f"allervers : {unexpected(error)}", file=sys.stderr)
        return EXIT_REFUSED
    return result
