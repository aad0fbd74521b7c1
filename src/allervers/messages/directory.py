"""The local services directory's refusals in words."""

from __future__ import annotations

import contextlib

from allervers.domain import directory as directory_errors
from allervers.messages.base import Translate, identity


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
