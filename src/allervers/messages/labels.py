"""Words for fields, roles and system errors, shared by the messages."""

from __future__ import annotations

import errno

from allervers.domain.users import Role
from allervers.messages.base import Translate, identity


def field_label(field: str, translate: Translate = identity) -> str:
    labels = {
        "period": translate("Messages", "période (--period 2026-Q3, ou --from et --to)"),
        "out": translate("Messages", "fichier de sortie (--out)"),
        "month": translate("Messages", "mois (AAAA-MM)"),
        "status": translate("Messages", "étape du suivi (elle ne suit pas l'étape actuelle)"),
        "amount": translate("Messages", "montant"),
        "organisation": translate("Messages", "organisme"),
        "date": translate("Messages", "date (AAAA-MM-JJ)"),
        "visit": translate("Messages", "visite (pas un entretien évaluable)"),
        "territory": translate("Messages", "territoire"),
        "user": translate("Messages", "nom d'utilisateur"),
        "passphrase": translate("Messages", "phrase de passe"),
        "idle_lock_minutes": translate(
            "Messages", "verrouillage après inactivité (de 1 à 60 minutes)"
        ),
        "interview_idle_minutes": translate(
            "Messages", "verrouillage pendant un entretien (de 5 à 60 minutes)"
        ),
        "outcome_check_months": translate(
            "Messages", "point sur l'ouverture du droit (de 1 à 12 mois)"
        ),
        "retention_months": translate(
            "Messages", "durée de conservation (de 1 à 24 mois après le dernier contact)"
        ),
        "commune": translate("Messages", "commune (code INSEE)"),
        "street": translate("Messages", "rue ou lieu-dit"),
        "number": translate("Messages", "numéro"),
        "label": translate("Messages", "nom de la porte"),
        "sync_grace_days": translate(
            "Messages", "délai avant retrait d'un portable bénévole (de 0 à 365 jours)"
        ),
        "households": translate("Messages", "nombre de visites fictives (de 0 à 50 000)"),
    }
    return labels.get(field, field)


def metadata_field_label(field: str, translate: Translate = identity) -> str:
    """A value of `workspace.json`: a setting by its label, anything else by its name."""
    section, _, name = field.partition(".")
    if section == "settings" and name:
        return field_label(name, translate)
    if section == "kdf":
        return translate("Messages", "coût de la dérivation de clé, {0}").format(name)
    return field


def role_label(role: Role, translate: Translate = identity) -> str:
    if role is Role.COORDINATOR:
        return translate("Messages", "coordination")
    return translate("Messages", "bénévole")


def os_reason(error: OSError, system_text: str | None, translate: Translate = identity) -> str:
    """The system's reason in the user's language for the usual cases (the system's own text is
    English on most laptops); the system's text otherwise."""
    reasons = {
        errno.EACCES: translate("Messages", "accès refusé"),
        errno.EPERM: translate("Messages", "opération non permise"),
        errno.EROFS: translate("Messages", "support en lecture seule (clé USB verrouillée ?)"),
        errno.ENOENT: translate("Messages", "fichier ou dossier introuvable"),
        errno.ENOTDIR: translate("Messages", "un élément du chemin n'est pas un dossier"),
        errno.EISDIR: translate("Messages", "c'est un dossier, pas un fichier"),
        errno.EEXIST: translate("Messages", "le fichier existe déjà"),
        errno.ENOSPC: translate("Messages", "plus de place sur le disque"),
        errno.EIO: translate("Messages", "erreur de lecture ou d'écriture du support"),
        errno.ENAMETOOLONG: translate("Messages", "nom de fichier trop long"),
    }
    if error.errno in reasons:
        return reasons[error.errno]
    return system_text or type(error).__name__


def reassess_failure(reason: str, translate: Translate = identity) -> str:
    """Why one stored visit was not reassessed (`RightsService.reassess_all`)."""
    texts = {
        "month_not_modelled": translate(
            "Messages", "mois hors de ce que calcule le moteur (de mai 2016 à décembre 2099)"
        ),
        "unreadable_date": translate("Messages", "date de visite illisible"),
    }
    return texts.get(reason, translate("Messages", "le moteur de droits a échoué sur cette visite"))
