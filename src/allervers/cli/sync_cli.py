"""`allervers team ...` (enrolment) and `allervers sync ...` (bundles by file)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from allervers.cli import passphrases
from allervers.cli.options import add_force
from allervers.crypto import kdf
from allervers.domain.errors import InvalidInput
from allervers.domain.workspace import SETTING_LIMITS
from allervers.services.output_files import writing
from allervers.services.workspace import OpenWorkspace

# services.sync (with its storage and wire format) is imported by the commands that use it:
# every other command of the `allervers` process starts a second sooner without it.

EXIT_OK = 0


def add_parsers(
    commands: Any,
    parser_class: type[argparse.ArgumentParser],
    add_workspace: Callable[..., None],
) -> None:
    team = commands.add_parser("team", help="équipe : inviter, rejoindre, inscrire")
    team_commands = team.add_subparsers(
        dest="team_command", required=True, parser_class=parser_class
    )
    invite = team_commands.add_parser("invite", help="inviter un ou une bénévole (coordinateur)")
    add_workspace(invite)
    invite.add_argument("--volunteer", required=True, help="nom du ou de la bénévole")
    invite.add_argument("--out", type=Path, required=True, help="fichier d'invitation à écrire")
    add_force(invite)
    joining = team_commands.add_parser("join", help="rejoindre l'équipe sur cet ordinateur")
    add_workspace(joining, with_user=False)
    joining.add_argument("invitation", type=Path, help="fichier d'invitation reçu")
    joining.add_argument("--out", type=Path, required=True, help="réponse d'inscription à écrire")
    add_force(joining)
    enrol = team_commands.add_parser("enrol", help="inscrire l'ordinateur d'un ou une bénévole")
    add_workspace(enrol)
    enrol.add_argument("reply", type=Path, help="réponse d'inscription reçue")
    peers = team_commands.add_parser("list", help="ordinateurs inscrits et empreintes")
    add_workspace(peers)

    sync = commands.add_parser("sync", help="synchronisation par fichier")
    sync_commands = sync.add_subparsers(
        dest="sync_command", required=True, parser_class=parser_class
    )
    out = sync_commands.add_parser("out", help="écrire les changements pour l'autre côté")
    add_workspace(out)
    out.add_argument("--to", type=Path, required=True, help="fichier à écrire")
    out.add_argument("--volunteer", help="destinataire (coordinateur avec plusieurs bénévoles)")
    add_force(out)
    into = sync_commands.add_parser("in", help="vérifier et fusionner un fichier reçu")
    add_workspace(into)
    into.add_argument("file", type=Path, help="fichier de synchronisation reçu")
    into.add_argument(
        "--keep-days",
        type=int,
        default=None,
        metavar="N",
        help="bénévole : garder N jours les foyers qui ne vous sont plus confiés "
        "(par défaut le réglage sync_grace_days de l'espace, 30 jours)",
    )
    conflicts = sync_commands.add_parser("conflicts", help="conflits à arbitrer (coordinateur)")
    add_workspace(conflicts)
    resolve = sync_commands.add_parser("resolve", help="arbitrer un conflit (coordinateur)")
    add_workspace(resolve)
    resolve.add_argument("conflict", help="identifiant du conflit (voir sync conflicts)")
    resolve.add_argument(
        "--keep",
        choices=["ici", "recu"],
        required=True,
        help="garder la valeur de cet ordinateur (ici) ou celle reçue (recu)",
    )


def join_team(args: argparse.Namespace, workspace_path: Path) -> int:
    """On the volunteer's laptop; the passphrase is the one the coordinator set for the account."""
    from allervers.services.sync import join

    passphrase = passphrases.current_passphrase("Phrase de passe de votre compte : ")
    with writing(args.out, args.force) as temporary:
        joined = join(args.invitation, workspace_path, passphrase, temporary, kdf.DEFAULT_PARAMS)
    try:
        print(f"Espace de travail créé : {workspace_path}")
        print(f"Empreinte du coordinateur (à comparer de vive voix) : {joined.hub_fingerprint}")
        print(f"Empreinte de cet ordinateur : {joined.own_fingerprint}")
        print(f"Réponse d'inscription écrite : {args.out}")
        print("Clé de secours (affichée une seule fois, notez-la et rangez-la à part) :")
        print(f"  {joined.created.recovery_key}")
    finally:
        joined.created.workspace.lock()
    return EXIT_OK


def team(args: argparse.Namespace, workspace: OpenWorkspace) -> int:
    from allervers.services.sync import SyncService

    service = SyncService(workspace)
    if args.team_command == "invite":
        passphrase = passphrases.new_passphrase(label="Phrase de passe du nouvel utilisateur : ")
        with writing(args.out, args.force) as temporary:
            user, fp = service.invite(args.volunteer, passphrase, temporary)
        print(f"Utilisateur ajouté : {user.name}")
        print(f"Invitation écrite : {args.out}")
        print(f"Empreinte de cet ordinateur (à comparer de vive voix) : {fp}")
    elif args.team_command == "enrol":
        peer, fp = service.enrol(args.reply)
        print(f"Ordinateur inscrit ; empreinte (à comparer de vive voix) : {fp}")
        print(f"Appareil : {peer.device_id}")
    else:
        print(f"Cet ordinateur : {service.identity().fingerprint}")
        for peer in service.peers():
            print(f"{peer.fingerprint}\t{peer.role}\t{peer.device_id}")
    return EXIT_OK


def sync(args: argparse.Namespace, workspace: OpenWorkspace) -> int:
    keep_days = getattr(args, "keep_days", None)
    low, high = SETTING_LIMITS["sync_grace_days"]  # the bounds of the setting it stands for
    if keep_days is not None and not low <= keep_days <= high:
        raise InvalidInput("sync_grace_days", "range")
    from allervers.services.sync import SyncService

    service = SyncService(workspace, keep_days)
    if args.sync_command == "out":
        with writing(args.to, args.force) as temporary:
            written = service.write_bundle(temporary, args.volunteer)
        print(f"{written.records} enregistrement(s) écrit(s), chiffrés, dans {args.to}")
    elif args.sync_command == "in":
        report = service.read_bundle(args.file)
        print(
            f"Fichier vérifié et fusionné : {report.inserted} nouveau(x), "
            f"{report.updated} mis à jour, {report.unchanged} inchangé(s), "
            f"{report.conflicts} conflit(s)."
        )
        if report.pruned:
            print(
                f"{report.pruned} foyer(s) reçu(s) par la coordination retiré(s) de cet ordinateur."
            )
        if report.conflicts and workspace.user.is_coordinator:
            print("Conflits à arbitrer : allervers sync conflicts")
        elif report.conflicts:
            print(
                "Modifié aussi par la coordination : sa valeur est gardée ici, la vôtre lui "
                "sera envoyée avec votre prochain fichier pour qu'elle choisisse."
            )
    elif args.sync_command == "resolve":
        settled = service.resolve(args.conflict, args.keep == "recu")
        kept = "reçue" if args.keep == "recu" else "de cet ordinateur"
        print(f"Conflit réglé ({settled.entity}, {settled.field}) : valeur {kept} gardée.")
    else:
        for c in service.conflicts():
            print(f"{c.id}\t{c.entity}\t{c.record_id}\t{c.field}")
            print(f"  ici : {c.local_value}")
            print(f"  reçu : {c.remote_value}")
    return EXIT_OK
