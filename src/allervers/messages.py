"""The one place that turns typed errors into words for people, French first.

Both the GUI and the command line call `describe(error, translate)`. The GUI passes
`QCoreApplication.translate`, so the strings below are extracted by `pyside6-lupdate` (it finds the
`translate("Messages", ...)` calls) and an English translation can follow; the command line passes
the identity and prints French.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Callable

from allervers.domain import errors
from allervers.domain import export as export_errors
from allervers.domain import sync as sync_errors
from allervers.domain.passphrase import WeaknessReason
from allervers.domain.problems import Problem
from allervers.domain.users import Role

Translate = Callable[[str, str], str]


def identity(_context: str, text: str) -> str:
    return text


def describe(error: BaseException, translate: Translate = identity) -> str:
    """A sentence a volunteer can act on. Never includes a passphrase or a key."""
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
        case errors.VisitInvalid(problems=problems):
            return "\n".join(describe_problem(p, translate) for p in problems[:5])
        case errors.ImportInvalid(path=path, line=line, problems=problems):
            reasons = "; ".join(describe_problem(p, translate) for p in problems[:3])
            return translate(
                "Messages", "{0}, ligne {1} : {2}. Aucune ligne n'a été prise en compte."
            ).format(path, line, reasons)
        case errors.InputFileRefused(path=path, reason="not_a_file"):
            return translate(
                "Messages", "{0} n'est pas un fichier ordinaire : rien n'a été lu."
            ).format(path)
        case errors.InputFileRefused(path=path, reason="too_large", limit=limit):
            return translate(
                "Messages", "{0} est trop gros (au plus {1} Mio) : rien n'a été pris en compte."
            ).format(path, limit // (1024 * 1024))
        case errors.InputFileRefused(path=path, limit=limit):
            return translate(
                "Messages",
                "{0} a trop de lignes (au plus {1} visites par fichier) : rien n'a été pris en "
                "compte ; coupez-le en plusieurs fichiers.",
            ).format(path, limit)
        case errors.OutputRefused(path=path, reason="exists"):
            return translate("Messages", "{0} existe déjà : rien n'a été écrasé.").format(path)
        case errors.OutputRefused(path=path, reason="symlink"):
            return translate(
                "Messages",
                "{0} est un lien symbolique : rien n'a été écrit. Choisissez un fichier ordinaire.",
            ).format(path)
        case errors.OutputRefused(path=path, reason="folder"):
            return translate(
                "Messages", "{0} est un dossier : donnez le nom du fichier à écrire."
            ).format(path)
        case errors.OutputRefused(path=path):
            return translate("Messages", "{0} n'est pas un dossier : rien n'a été écrit.").format(
                path
            )
        case errors.UnknownRecord():
            return translate("Messages", "Cet enregistrement n'existe pas ou plus.")
        case export_errors.ExportExists(path=path):
            return translate("Messages", "{0} existe déjà : rien n'a été écrasé.").format(path)
        case export_errors.ExportThresholdInvalid(name=name, minimum=minimum):
            return translate("Messages", "Seuil {0} trop bas : au moins {1}.").format(
                name, f"{minimum:g}"
            )
        case export_errors.ExportInputInvalid(field=field):
            return translate(
                "Messages", "Export impossible : donnée non conforme ({0}). Rien n'a été écrit."
            ).format(field)
        case export_errors.ExportInconsistent(relation=relation):
            return translate(
                "Messages", "Les chiffres ne respectent pas « {0} » : export arrêté."
            ).format(relation)
        case export_errors.ExportUnverifiable(path=path, reason="schema"):
            return translate(
                "Messages",
                "{0} vient d'une version plus récente d'Aller-Vers : mettez Aller-Vers à jour.",
            ).format(path)
        case export_errors.ExportUnverifiable(path=path):
            return translate("Messages", "{0} n'est pas un export Aller-Vers lisible.").format(path)
        case export_errors.ExportTampered(file=file, reason="structure"):
            return translate(
                "Messages",
                "Export refusé : {0} a été modifié ou recompressé ; demandez le fichier d'origine.",
            ).format(file)
        case export_errors.ExportTampered(file=file, reason="key"):
            return translate(
                "Messages", "Export refusé : {0} n'est pas signé par la clé donnée."
            ).format(file)
        case export_errors.ExportTampered(file=file):
            return translate(
                "Messages", "Export refusé : {0} a été modifié après la signature."
            ).format(file)
        case export_errors.ExportKeyInvalid(path=path):
            return translate("Messages", "{0} n'est pas une clé publique (PEM ou base64).").format(
                path
            )
        case export_errors.ExportChecksFailed(path=path, checks=checks):
            return translate(
                "Messages", "{0} est intact mais ne respecte pas ses seuils ({1}) : fusion arrêtée."
            ).format(path, ", ".join(checks))
        case export_errors.ExportDuplicate(
            territory_code=code, period_label=label, first=first, second=second
        ):
            return translate(
                "Messages", "{0} et {1} : même territoire {2} et même période {3}."
            ).format(first, second, code, label)
        case errors.WorkspaceLocked():
            return translate("Messages", "L'espace de travail est verrouillé.")
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
        case OSError(strerror=reason, filename=filename):
            return translate("Messages", "Erreur d'accès au fichier {0} : {1}.").format(
                filename, os_reason(error, reason, translate)
            )
    return translate("Messages", "Erreur inattendue : {0}.").format(type(error).__name__)


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
        "outcome_check_months": translate(
            "Messages", "point sur l'ouverture du droit (de 1 à 12 mois)"
        ),
        "retention_months": translate(
            "Messages", "durée de conservation (de 1 à 24 mois après le dernier contact)"
        ),
        "sync_grace_days": translate(
            "Messages", "délai avant retrait d'un portable bénévole (de 0 à 365 jours)"
        ),
        "households": translate("Messages", "nombre de visites fictives (de 0 à 50 000)"),
    }
    return labels.get(field, field)


def reassess_failure(reason: str, translate: Translate = identity) -> str:
    """Why one stored visit was not reassessed (`RightsService.reassess_all`)."""
    texts = {
        "month_not_modelled": translate(
            "Messages", "mois hors de ce que calcule le moteur (de mai 2016 à décembre 2099)"
        ),
        "unreadable_date": translate("Messages", "date de visite illisible"),
    }
    return texts.get(reason, translate("Messages", "le moteur de droits a échoué sur cette visite"))


def role_label(role: Role, translate: Translate = identity) -> str:
    if role is Role.COORDINATOR:
        return translate("Messages", "coordination")
    return translate("Messages", "bénévole")


def describe_problem(problem: Problem, translate: Translate = identity) -> str:
    """One broken rule of the questionnaire, with the answer it concerns."""
    texts = {
        "required": translate("Messages", "réponse obligatoire"),
        "unknown_question": translate("Messages", "question inconnue"),
        "not_relevant": translate("Messages", "réponse sans objet pour cette visite"),
        "invalid_choice": translate("Messages", "choix impossible"),
        "exclusive_choice": translate("Messages", "« Aucun » ou « Ne sait pas » doit rester seul"),
        "not_a_number": translate("Messages", "un nombre est attendu"),
        "out_of_range": translate("Messages", "valeur hors des limites ({min} à {max})"),
        "invalid_date": translate("Messages", "date impossible (JJ/MM/AAAA)"),
        "date_in_future": translate("Messages", "date dans le futur"),
        "date_in_past": translate("Messages", "date déjà passée"),
        "not_text": translate("Messages", "un texte est attendu"),
        "too_long": translate("Messages", "texte trop long (au plus {max_length} caractères)"),
        "unknown_commune": translate("Messages", "commune inconnue (code INSEE)"),
        "too_few_items": translate("Messages", "au moins {min} personne(s)"),
        "too_many_items": translate("Messages", "au plus {max} personnes"),
        "first_item": translate("Messages", "la première personne est la personne de référence"),
        "repeated_value": translate("Messages", "une seule personne peut avoir ce lien"),
        "no_such_item": translate("Messages", "personne inexistante"),
        "not_a_list": translate("Messages", "une liste est attendue"),
        "not_json": translate("Messages", "ligne JSON illisible"),
        "not_utf8": translate("Messages", "texte illisible (encodage UTF-8 attendu)"),
        "line_too_long": translate("Messages", "ligne trop longue (au plus {max} octets)"),
        "too_deep": translate("Messages", "trop de niveaux imbriqués (au plus {max})"),
        "visit_too_old": translate("Messages", "date de visite avant le 01/01/2000"),
        "visit_in_future": translate("Messages", "date de visite après demain"),
        "date_too_far": translate("Messages", "date à plus d'un an de la visite"),
        "invalid_text": translate("Messages", "texte avec des caractères impossibles"),
        "unknown_format": translate("Messages", "format inconnu (attendu allervers-visit/1)"),
        "unknown_questionnaire": translate("Messages", "questionnaire inconnu"),
        "not_a_draft": translate("Messages", "seule une visite non terminée peut être abandonnée"),
    }
    text = texts.get(problem.code, problem.code)
    with contextlib.suppress(KeyError, IndexError, ValueError):
        text = text.format(**{"min": "", "max": "", "max_length": "", **problem.values})
    return f"{problem.path} : {text}" if problem.path else text
