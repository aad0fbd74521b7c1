"""Unlocking and the workspace's errors in words."""

from __future__ import annotations

from allervers.domain import errors
from allervers.domain.passphrase import WeaknessReason
from allervers.messages.base import Translate, identity
from allervers.messages.labels import field_label, metadata_field_label


def describe_workspace_error(error: BaseException, translate: Translate = identity) -> str | None:
    """Unlocking, passphrases, accounts, the workspace and its files; None for another error."""
    match error:
        case errors.WrongPassphrase():
            return translate("Messages", "Nom d'utilisateur ou phrase de passe incorrect.")
        case errors.TooManyAttempts(retry_after_seconds=wait):
            seconds = max(1, round(wait))
            if seconds == 1:
                return translate("Messages", "Trop d'essais : réessayez dans 1 seconde.")
            return translate("Messages", "Trop d'essais : réessayez dans {0} secondes.").format(
                seconds
            )
        case errors.WrongRecoveryKey():
            return translate("Messages", "Clé de secours incorrecte.")
        case errors.WeakPassphrase(reason=reason) if reason == WeaknessReason.TOO_SHORT:
            return translate("Messages", "Phrase de passe trop courte : au moins 12 caractères.")
        case errors.WeakPassphrase():
            return translate(
                "Messages",
                "Phrase de passe trop simple : allongez-la, par exemple avec plusieurs mots.",
            )
        case errors.WorkspaceNotFound(path=path):
            return translate("Messages", "Aucun espace de travail dans {0}.").format(path)
        case errors.WorkspaceAlreadyExists(path=path):
            return translate("Messages", "{0} existe déjà : rien n'a été écrasé.").format(path)
        case errors.WorkspaceTooNew(path=path):
            return translate(
                "Messages",
                "L'espace de travail {0} vient d'une version plus récente d'Aller-Vers : "
                "mettez le logiciel à jour.",
            ).format(path)
        case errors.WorkspaceBusy():
            return translate(
                "Messages",
                "L'espace de travail est occupé par une autre opération, réessayez dans un "
                "instant. Rien n'a été modifié.",
            )
        case errors.MetadataOutOfBounds(path=path, field=field):
            return translate(
                "Messages",
                "Le fichier {0} contient une valeur impossible ({1}) : il a été modifié en dehors "
                "d'Aller-Vers. Rien n'a été modifié ; remettez le fichier d'origine ou restaurez "
                "une sauvegarde.",
            ).format(path, metadata_field_label(field, translate))
        case errors.WorkspaceCorrupt(path=path):
            return translate(
                "Messages",
                "Le fichier {0} est illisible ou abîmé. Rien n'a été modifié ; "
                "restaurez une sauvegarde si le problème persiste.",
            ).format(path)
        case errors.UserAlreadyExists(name=name):
            return translate("Messages", "L'utilisateur « {0} » existe déjà.").format(name)
        case errors.UnknownUser(name=name):
            return translate("Messages", "Aucun utilisateur « {0} » dans cet espace.").format(name)
        case errors.PermissionDenied():
            return translate(
                "Messages", "Cette action est réservée au coordinateur ou à la coordinatrice."
            )
        case errors.InvalidInput(field="month", reason="not_modelled"):
            return translate(
                "Messages",
                "Mois hors de ce que calcule le moteur de droits (de mai 2016 à décembre "
                "2099) : rien n'a été calculé.",
            )
        case errors.InvalidInput(field=field, reason="empty"):
            return translate("Messages", "Champ obligatoire : {0}.").format(
                field_label(field, translate)
            )
        case errors.InvalidInput(field=field, reason="too_long"):
            return translate("Messages", "Texte trop long : {0}.").format(
                field_label(field, translate)
            )
        case errors.InvalidInput(field=field):
            return translate("Messages", "Valeur impossible : {0}.").format(
                field_label(field, translate)
            )
        case errors.StorageFull(path=path):
            return translate(
                "Messages",
                "Disque plein : impossible d'écrire {0}. Rien de ce qui était enregistré n'est "
                "perdu ; libérez de la place et recommencez.",
            ).format(path)
        case errors.BackupInvalid(path=path):
            return translate(
                "Messages", "La sauvegarde {0} est abîmée ou n'est pas une sauvegarde Aller-Vers."
            ).format(path)
        case errors.NoPassphraseGiven():
            return translate(
                "Messages",
                "Aucune phrase de passe : définissez ALLERVERS_PASSPHRASE ou lancez la commande "
                "dans un terminal.",
            )
        case errors.PassphraseMismatch():
            return translate("Messages", "Les deux phrases de passe saisies diffèrent.")
        case errors.WorkspaceLocked():
            return translate("Messages", "L'espace de travail est verrouillé.")
        case _:
            return None
