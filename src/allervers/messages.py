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

from allervers.domain import addresses as address_errors
from allervers.domain import directory as directory_errors
from allervers.domain import errors
from allervers.domain import export as export_errors
from allervers.domain import release as release_errors
from allervers.domain import rounds as round_errors
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
        case errors.VisitInvalid(problems=problems):
            return "\n".join(describe_problem(p, translate) for p in problems[:5])
        case errors.ImportInvalid(path=path, line=line, problems=problems):
            reasons = "; ".join(describe_problem(p, translate) for p in problems[:3])
            return translate(
                "Messages", "{0}, ligne {1} : {2}. Aucune ligne n'a été prise en compte."
            ).format(path, line, reasons)
        case address_errors.AddressFileInvalid(path=path, line=line, reason=reason, column=column):
            return translate(
                "Messages", "{0}, ligne {1} : {2}. Aucune adresse n'a été prise en compte."
            ).format(path, line, address_problem(reason, column, translate))
        case round_errors.RoundInvalid(reason=reason, detail=detail, count=count):
            return round_problem(reason, detail, count, translate)
        case errors.UnknownRecord(kind="round", record_id=name):
            return translate("Messages", "Aucune tournée « {0} ».").format(name)
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
        case export_errors.ExportTampered(file=file, reason="unexpected_file"):
            return translate(
                "Messages",
                "Export refusé : il contient un fichier qu'Aller-Vers n'y met pas ({0}).",
            ).format(file)
        case export_errors.ExportTampered(file=file, reason="missing_file"):
            return translate("Messages", "Export refusé : il y manque le fichier {0}.").format(file)
        case export_errors.ExportTampered(file=file, reason="unreadable"):
            return translate(
                "Messages",
                "Export refusé : {0} est illisible ou n'est pas écrit comme Aller-Vers l'écrit.",
            ).format(file)
        case export_errors.ExportUnverifiable(path=path, reason="too_large"):
            return translate(
                "Messages", "{0} est bien trop gros pour être un export Aller-Vers."
            ).format(path)
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
        case (
            release_errors.ReleasePeriodInvalid()
            | release_errors.ReleaseRefused()
            | release_errors.MicrodataRefused()
            | release_errors.ExportSymlink()
            | release_errors.ExportWrongKey()
            | release_errors.MergeRefused()
        ):
            return describe_release(error, translate)
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
        case directory_errors.DirectoryFileInvalid() | directory_errors.DirectoryEntryInvalid():
            return describe_directory_error(error, translate)
        case OSError(strerror=reason, filename=filename):
            return translate("Messages", "Erreur d'accès au fichier {0} : {1}.").format(
                filename, os_reason(error, reason, translate)
            )
    return translate("Messages", "Erreur inattendue : {0}.").format(type(error).__name__)


def address_problem(reason: str, column: str, translate: Translate = identity) -> str:
    """Why a line of an address file cannot be read (domain.addresses.AddressFileInvalid)."""
    texts = {
        "header": translate(
            "Messages",
            "en-tête inconnu (ni BAN csv-legacy ni BAL 1.4, voir docs/addresses-format.md)",
        ),
        "columns": translate("Messages", "nombre de colonnes différent de l'en-tête"),
        "encoding": translate("Messages", "texte illisible (le fichier doit être en UTF-8)"),
        "insee": translate("Messages", "code INSEE impossible"),
        "number": translate("Messages", "numéro impossible"),
        "suffix": translate("Messages", "suffixe impossible"),
        "key": translate("Messages", "identifiant (clé d'interopérabilité) impossible"),
        "position": translate("Messages", "coordonnées impossibles"),
        "empty": translate("Messages", "valeur manquante"),
        "text": translate("Messages", "texte trop long ou caractère de contrôle"),
        "missing": translate("Messages", "fichier introuvable"),
        "too_large": translate("Messages", "fichier trop gros"),
    }
    text = texts.get(reason, reason)
    return f"{text} ({column})" if column else text


def round_problem(reason: str, detail: str, count: int, translate: Translate = identity) -> str:
    """Why a round cannot be made (domain.rounds.RoundInvalid)."""
    texts = {
        "empty_name": translate("Messages", "Donnez un nom à la tournée."),
        "name_too_long": translate(
            "Messages", "Nom de tournée trop long (au plus {1} caractères)."
        ),
        "no_doors": translate(
            "Messages",
            "Aucune porte dans cette tournée : importez les adresses ou choisissez d'autres rues.",
        ),
        "too_many_doors": translate(
            "Messages",
            "{1} portes : c'est trop pour une tournée (500 au plus). Découpez-la par rue ou par lieu-dit.",
        ),
        "too_many_volunteers": translate(
            "Messages", "Une tournée se confie à une personne ou à un binôme, pas plus."
        ),
        "name_taken": translate("Messages", "Une tournée s'appelle déjà « {0} »."),
        "unknown_street": translate("Messages", "Aucune porte « {0} » dans cette commune."),
        "unknown_commune": translate("Messages", "Commune inconnue : {0}."),
    }
    return texts.get(reason, reason).format(detail, count)


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
        "exclusive_choice": translate(
            "Messages", "« Aucun », « Aucune ressource » ou « Ne sait pas » doit rester seul"
        ),
        "not_a_number": translate("Messages", "un nombre est attendu"),
        "out_of_range": translate("Messages", "valeur hors des limites ({min} à {max})"),
        "invalid_date": translate("Messages", "date impossible (JJ/MM/AAAA)"),
        "invalid_phone": translate(
            "Messages", "numéro impossible (10 chiffres, ou +indicatif international)"
        ),
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
        "invalid_key": translate("Messages", "identifiant BAN impossible (clé d'interopérabilité)"),
    }
    text = texts.get(problem.code, problem.code)
    with contextlib.suppress(KeyError, IndexError, ValueError):
        text = text.format(**{"min": "", "max": "", "max_length": "", **problem.values})
    return f"{problem.path} : {text}" if problem.path else text


# The local services directory ---------------------------------------------------------------


def describe_directory_error(
    error: directory_errors.DirectoryFileInvalid | directory_errors.DirectoryEntryInvalid,
    translate: Translate = identity,
) -> str:
    """A refused directory file names the file and the record; nothing was changed."""
    if isinstance(error, directory_errors.DirectoryEntryInvalid):
        problems = "; ".join(describe_field_problem(p, translate) for p in error.problems)
        return translate("Messages", "Fiche refusée : {0}.").format(problems)
    if error.reason == "missing":
        return translate(
            "Messages", "Annuaire refusé : fichier {0} introuvable. Rien n'a été modifié."
        ).format(error.path)
    reasons = {
        "not_utf8": translate("Messages", "le fichier n'est pas en UTF-8"),
        "not_json": translate("Messages", "JSON illisible"),
        "not_csv": translate("Messages", "ligne CSV illisible (colonnes en trop ou manquantes)"),
        "not_a_list": translate("Messages", "une liste de fiches JSON est attendue"),
        "not_a_record": translate("Messages", "une fiche (objet JSON) est attendue"),
        "mixed_kinds": translate("Messages", "structures et services mêlés dans un même fichier"),
        "duplicate_id": translate("Messages", "identifiant déjà vu plus haut dans le fichier"),
    }
    if error.reason == "schema":
        reason = "; ".join(describe_field_problem(p, translate) for p in error.problems)
    else:
        reason = reasons.get(error.reason, error.reason)
    if error.record_id:
        where = translate("Messages", "fiche {0} ({1})").format(error.record, error.record_id)
    elif error.record:
        where = translate("Messages", "fiche {0}").format(error.record)
    else:
        where = translate("Messages", "fichier entier")
    return translate("Messages", "Annuaire refusé : {0}, {1} : {2}. Rien n'a été modifié.").format(
        error.path, where, reason
    )


def describe_field_problem(
    problem: directory_errors.FieldProblem, translate: Translate = identity
) -> str:
    """One rule of data-inclusion-schema broken, in words (pydantic speaks English)."""
    date = translate("Messages", "date illisible « {value} » (AAAA-MM-JJ attendue)")
    url = translate("Messages", "adresse web invalide « {value} »")
    number = translate("Messages", "nombre attendu")
    texts = {
        "missing": translate("Messages", "champ obligatoire manquant"),
        "string_too_short": translate(
            "Messages", "texte trop court (au moins {min_length} caractères)"
        ),
        "string_too_long": translate(
            "Messages", "texte trop long (au plus {max_length} caractères)"
        ),
        "too_short": translate("Messages", "liste vide"),
        "string_pattern_mismatch": translate("Messages", "format inattendu « {value} »"),
        "enum": translate(
            "Messages", "valeur inconnue du schéma data·inclusion 1.0.10 : « {value} »"
        ),
        "date_parsing": date,
        "date_from_datetime_parsing": date,
        "date_from_datetime_inexact": date,
        "date_type": date,
        "value_error": "{message}",
        "value_error_other": translate("Messages", "valeur invalide « {value} »"),
        "url_parsing": url,
        "url_type": url,
        "url_scheme": url,
        "url_syntax_violation": url,
        "string_type": translate("Messages", "texte attendu"),
        "list_type": translate("Messages", "liste attendue"),
        "set_type": translate("Messages", "liste attendue"),
        "float_parsing": number,
        "float_type": number,
        "int_parsing": number,
        "int_type": number,
        "int_from_float": number,
        "greater_than_equal": translate("Messages", "valeur trop petite (au moins {ge})"),
        "literal_error": translate("Messages", "valeur inattendue « {value} »"),
    }
    text = texts.get(problem.code, translate("Messages", "valeur refusée par le schéma ({code})"))
    values = {"value": "", "message": "", "min_length": "", "max_length": "", "ge": ""}
    with contextlib.suppress(KeyError, IndexError, ValueError):
        text = text.format(**{**values, "code": problem.code, **problem.values})
    return f"{problem.field} : {text}"


def describe_release(error: BaseException, translate: Translate = identity) -> str:
    """The releases' refusals (periods, revisions, microdata, merge), French first."""
    match error:
        case release_errors.ReleasePeriodInvalid(label=label, reason="not_over"):
            return translate(
                "Messages",
                "La période {0} n'est pas terminée : elle sera publiable le lendemain de son "
                "dernier jour.",
            ).format(label)
        case release_errors.ReleasePeriodInvalid(label=label, reason="microdata_month"):
            return translate(
                "Messages",
                "Pas de microdonnées pour un mois ({0}) : seulement pour un trimestre ou une "
                "année.",
            ).format(label)
        case release_errors.ReleasePeriodInvalid(label=label):
            return translate(
                "Messages",
                "« {0} » n'est pas une période publiable : un mois (2026-03), un trimestre "
                "(2026-Q1) ou une année (2026).",
            ).format(label)
        case release_errors.ReleaseRefused(period=period, reason="unchanged", earlier_at=at):
            return translate(
                "Messages",
                "Révision refusée : rien n'a changé dans {0} depuis sa publication du {1}. "
                "Rien n'a été écrit.",
            ).format(period, at[:10])
        case release_errors.ReleaseRefused(period=period, reason="too_small", earlier_at=at):
            return translate(
                "Messages",
                "Révision refusée : les changements de {0} depuis sa publication du {1} "
                "concernent trop peu de foyers (moins de 11 par case) ; les publier "
                "désignerait les visites arrivées entre-temps. La publication du {1} reste "
                "valable ; réessayez quand davantage de visites auront été synchronisées. Rien "
                "n'a été écrit.",
            ).format(period, at[:10])
        case release_errors.ReleaseRefused(period=period):
            return translate(
                "Messages",
                "Publication de {0} refusée : elle ne peut pas être protégée avec les "
                "publications précédentes. Rien n'a été écrit.",
            ).format(period)
        case release_errors.MicrodataRefused(period=period, reason="table_first"):
            return translate(
                "Messages",
                "Publiez d'abord le tableau de {0} : les microdonnées sont protégées avec lui.",
            ).format(period)
        case release_errors.MicrodataRefused(period=period, other=other):
            return translate(
                "Messages",
                "Microdonnées de {0} refusées : celles de {1} sont déjà publiées et "
                "chevauchent cette période ; deux fichiers de lignes qui se recouvrent se "
                "soustrairaient l'un de l'autre.",
            ).format(period, other)
        case release_errors.ExportSymlink(path=path):
            return translate(
                "Messages",
                "{0} est un lien symbolique : refusé, écrivez dans un vrai dossier.",
            ).format(path)
        case release_errors.ExportWrongKey(path=path, fingerprint=fingerprint):
            return translate(
                "Messages",
                "{0} est intact mais signé par une autre clé que celle donnée (empreinte de sa "
                "clé : {1}). Vérifiez la clé du territoire.",
            ).format(path, fingerprint)
        case release_errors.MergeRefused(reason="overlap", territory_code=code, first=a, second=b):
            return translate(
                "Messages",
                "Fusion refusée : {1} et {2} sont du même territoire ({0}) et leurs périodes se "
                "chevauchent ; côte à côte, elles se soustrairaient en une case masquée. "
                "Choisissez des périodes disjointes.",
            ).format(code, a, b)
        case release_errors.MergeRefused(reason="no_key", territory_code=code, first=path):
            return translate(
                "Messages",
                "Fusion refusée : aucune clé publique donnée pour le territoire {0} ({1}). "
                "Donnez-la avec --keys ou --key, ou relancez avec --unverified.",
            ).format(code, path)
        case release_errors.MergeRefused(first=path):
            return translate(
                "Messages", "Fusion refusée : {0} n'est pas un tableau d'indicateurs."
            ).format(path)
    return translate("Messages", "Opération refusée.")
