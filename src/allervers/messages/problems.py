"""Broken rules in words: a questionnaire answer, an address file line, a round."""

from __future__ import annotations

import contextlib

from allervers.domain.problems import Problem
from allervers.messages.base import Translate, identity


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
