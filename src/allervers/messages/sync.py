"""Team sync's errors in words."""

from __future__ import annotations

from allervers.domain import sync as sync_errors
from allervers.messages.base import Translate, identity


def describe_sync_error(error: BaseException, translate: Translate = identity) -> str | None:
    """Team sync files and enrolment; None for another error."""
    match error:
        case sync_errors.BundleTruncated(path=path):
            return translate(
                "Messages",
                "Synchronisation refusée : {0} est incomplet ou n'est pas un fichier de "
                "synchronisation Aller-Vers. Rien n'a été modifié ; recopiez le fichier.",
            ).format(path)
        case sync_errors.BundleTampered(path=path):
            return translate(
                "Messages",
                "Synchronisation refusée : {0} a été modifié ou abîmé depuis son envoi. "
                "Rien n'a été modifié ; demandez un nouveau fichier.",
            ).format(path)
        case sync_errors.BundleNotForUs(path=path):
            return translate(
                "Messages",
                "Synchronisation refusée : {0} est destiné à un autre espace de travail. "
                "Rien n'a été modifié.",
            ).format(path)
        case sync_errors.UnknownDevice(path=path, fingerprint=fingerprint) if fingerprint:
            return translate(
                "Messages",
                "Synchronisation refusée : {0} vient d'un ordinateur qui n'est pas inscrit dans "
                "l'équipe (empreinte {1}). Rien n'a été modifié.",
            ).format(path, fingerprint)
        case sync_errors.UnknownDevice(path=path):
            return translate(
                "Messages",
                "Synchronisation refusée : {0} vient d'un ordinateur qui n'est pas inscrit dans "
                "l'équipe. Rien n'a été modifié.",
            ).format(path)
        case sync_errors.BundleReplayed(path=path):
            return translate("Messages", "{0} a déjà été importé : rien n'a été modifié.").format(
                path
            )
        case sync_errors.InvitationInvalid(path=path):
            return translate(
                "Messages",
                "Invitation illisible : phrase de passe incorrecte ou fichier {0} modifié.",
            ).format(path)
        case sync_errors.NoPeer(detail="several"):
            return translate("Messages", "Plusieurs bénévoles inscrits : précisez --volunteer NOM.")
        case sync_errors.NoPeer():
            return translate(
                "Messages",
                "Aucun ordinateur inscrit pour cette synchronisation : utilisez « allervers team ».",
            )
        case _:
            return None
