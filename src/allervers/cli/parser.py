"""The `allervers` command line: its commands and options (see main for what they do)."""

from __future__ import annotations

import argparse
from pathlib import Path

from allervers import __version__
from allervers.cli import (
    caseload_cli,
    directory_cli,
    doors_cli,
    export_cli,
    rights_cli,
    settings_cli,
    sync_cli,
)
from allervers.cli.options import Parser, add_force, add_workspace
from allervers.domain.users import Role

DEMO_HOUSEHOLDS = 300
MAX_DEMO_HOUSEHOLDS = 50_000  # the benchmarks' largest workspace


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="allervers", description="Aller-Vers : repérage du non-recours.")
    parser.add_argument(
        "--version",
        action="version",
        version=f"allervers {__version__}",
        help="afficher la version et quitter",
    )
    # Before the command they stand for the command's own (see `take_top_options`).
    parser.add_argument(
        "--workspace",
        dest="top_workspace",
        type=Path,
        metavar="DOSSIER",
        help="dossier de l'espace de travail (avant ou après la commande)",
    )
    parser.add_argument(
        "--user",
        dest="top_user",
        metavar="NOM",
        help="nom d'utilisateur, ou ALLERVERS_USER (avant ou après la commande)",
    )
    commands = parser.add_subparsers(dest="command", parser_class=Parser, metavar="COMMANDE")

    init = commands.add_parser("init", help="créer un espace de travail et son coordinateur")
    add_workspace(init)
    init.add_argument("--territory", required=True, help="nom du territoire")
    init.add_argument("--recovery-sheet", type=Path, help="écrire la clé de secours dans ce PDF")
    add_force(init)

    users = commands.add_parser("users", help="gérer les utilisateurs")
    users_commands = users.add_subparsers(
        dest="users_command", required=True, parser_class=Parser, metavar="COMMANDE"
    )
    add = users_commands.add_parser("add", help="ajouter un utilisateur")
    add_workspace(add)
    add.add_argument("name", help="nom du nouvel utilisateur")
    add.add_argument(
        "--role",
        choices=[r.value for r in Role],
        default=Role.VOLUNTEER.value,
        help="volunteer (bénévole, par défaut) ou coordinator (coordination)",
    )
    listing = users_commands.add_parser("list", help="lister les utilisateurs")
    add_workspace(listing)
    passwd = users_commands.add_parser("passwd", help="changer de phrase de passe")
    add_workspace(passwd)
    passwd.add_argument("--recovery", action="store_true", help="avec la clé de secours")
    rotate = users_commands.add_parser(
        "recovery-key", help="remplacer la clé de secours (l'ancienne n'ouvre plus rien)"
    )
    add_workspace(rotate)
    rotate.add_argument(
        "--recovery-sheet", type=Path, help="écrire la nouvelle clé dans ce PDF (nouveau fichier)"
    )
    add_force(rotate)

    chk = commands.add_parser("check", help="vérifier l'intégrité de l'espace de travail")
    add_workspace(chk)

    bak = commands.add_parser("backup", help="écrire une sauvegarde chiffrée")
    add_workspace(bak)
    bak.add_argument("--out", type=Path, required=True, help="fichier de sauvegarde à créer")
    add_force(bak)

    res = commands.add_parser("restore", help="restaurer une sauvegarde dans un nouveau dossier")
    add_workspace(res)
    res.add_argument("file", type=Path, help="fichier de sauvegarde")

    demo = commands.add_parser("demo", help="ouvrir l'espace de démonstration")
    add_workspace(demo, with_user=False)
    demo.add_argument("--no-gui", action="store_true", help="ne pas ouvrir la fenêtre")
    demo.add_argument(
        "--households",
        type=int,
        default=None,
        metavar="N",
        help=f"ajouter N visites fictives, de 0 à {MAX_DEMO_HOUSEHOLDS:_} (par défaut "
        f"{DEMO_HOUSEHOLDS} à la création)".replace("_", " "),
    )

    visits = commands.add_parser("visits", help="visites : importer, lister")
    visits_commands = visits.add_subparsers(
        dest="visits_command", required=True, parser_class=Parser, metavar="COMMANDE"
    )
    imp = visits_commands.add_parser("import", help="importer un fichier JSONL de visites")
    add_workspace(imp)
    imp.add_argument("file", type=Path, help="une visite par ligne (docs/household-format.md)")
    imp.add_argument("--skip-invalid", action="store_true", help="ignorer les lignes invalides")
    vlist = visits_commands.add_parser("list", help="lister les visites")
    add_workspace(vlist)
    vlist.add_argument("--json", action="store_true", help="une visite JSON par ligne")
    rights_cli.add_parsers(commands, Parser, add_workspace)
    export_cli.add_parsers(commands, Parser, add_workspace)
    caseload_cli.add_parsers(commands, Parser, add_workspace)
    sync_cli.add_parsers(commands, Parser, add_workspace)
    settings_cli.add_parser(commands, Parser, add_workspace)
    directory_cli.add_parsers(commands, Parser, add_workspace)
    doors_cli.add_parsers(commands, Parser, add_workspace)
    return parser


def take_top_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """`--workspace` and `--user` given before the command count as the command's own. A
    command that does not take one refuses it, and so does one given twice with two values:
    never ignored (it would open, or write into, another workspace than the one meant)."""
    for name in ("workspace", "user"):
        top = getattr(args, f"top_{name}")
        delattr(args, f"top_{name}")
        if args.command is None:  # the window: it opens this workspace, as this user
            setattr(args, name, top)
            continue
        if top is None:
            continue
        words = [args.command, *(v for k, v in vars(args).items() if k.endswith("_command"))]
        command = " ".join(str(word) for word in words if word)
        if not hasattr(args, name):
            parser.error(f"--{name} ne s'applique pas à « allervers {command} »")
        given = getattr(args, name)
        if given is not None and given != top:
            parser.error(f"--{name} donné deux fois, avec deux valeurs différentes")
        setattr(args, name, top)
