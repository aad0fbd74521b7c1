"""Words for the team page: results of a sync, errors that need a screen's wording rather than the
command line's, and conflicts as a coordinator reads them (the kind of record and the field in
French, one answer of a visit by its question)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from allervers.domain.errors import InvalidInput
from allervers.domain.sync import Conflict, MergeReport, NoPeer
from allervers.messages import describe
from allervers.questionnaire import loader
from allervers.questionnaire.model import Questionnaire, QuestionType, label
from allervers.ui.common.commune_edit import commune_name
from allervers.ui.interview.display import language, money, show

ANSWERS = "answers"
# Columns that hold a user's id: shown as the user's name.
USER_FIELDS = frozenset({"assigned_to", "created_by", "volunteer_id", "user_id"})
LONGEST_VALUE = 300  # characters of one value shown in the table (the tooltip has it whole)


translate = QCoreApplication.translate  # called with literal strings, for pyside6-lupdate


def count_text(number: int, one: str, many: str) -> str:
    """French counts 0 and 1 as singular; `one` and `many` hold "{0}"."""
    return (one if number <= 1 else many).format(number)


def merge_summary(report: MergeReport, coordinator: bool) -> str:
    inserted = (
        translate("SyncTexts", "aucun nouvel enregistrement")
        if report.inserted == 0
        else count_text(
            report.inserted,
            translate("SyncTexts", "{0} nouvel enregistrement (foyer, visite, droits, suivi…)"),
            translate(
                "SyncTexts", "{0} nouveaux enregistrements (foyers, visites, droits, suivi…)"
            ),
        )
    )
    parts = [
        inserted,
        translate("SyncTexts", "{0} mis à jour").format(report.updated),
        translate("SyncTexts", "{0} déjà à jour").format(report.unchanged),
    ]
    text = translate("SyncTexts", "Fichier vérifié et importé : {0}.").format(", ".join(parts))
    if report.conflicts:
        if coordinator:
            text += " " + count_text(
                report.conflicts,
                translate("SyncTexts", "{0} conflit à arbitrer, ci-dessous."),
                translate("SyncTexts", "{0} conflits à arbitrer, ci-dessous."),
            )
        else:
            text += " " + count_text(
                report.conflicts,
                translate(
                    "SyncTexts",
                    "{0} valeur modifiée aussi par la coordination : la sienne est gardée ici, la "
                    "vôtre lui sera envoyée avec votre prochain fichier pour qu'elle choisisse.",
                ),
                translate(
                    "SyncTexts",
                    "{0} valeurs modifiées aussi par la coordination : les siennes sont gardées "
                    "ici, les vôtres lui seront envoyées avec votre prochain fichier pour qu'elle "
                    "choisisse.",
                ),
            )
    if report.skipped:
        text += " " + count_text(
            report.skipped,
            translate(
                "SyncTexts",
                "{0} enregistrement d'un foyer qui n'est pas confié à cet ordinateur laissé de côté.",
            ),
            translate(
                "SyncTexts",
                "{0} enregistrements de foyers qui ne sont pas confiés à cet ordinateur laissés de "
                "côté.",
            ),
        )
    if report.pruned:
        text += " " + count_text(
            report.pruned,
            translate(
                "SyncTexts",
                "{0} foyer qui ne vous est plus confié retiré de cet ordinateur (la coordination "
                "le garde).",
            ),
            translate(
                "SyncTexts",
                "{0} foyers qui ne vous sont plus confiés retirés de cet ordinateur (la "
                "coordination les garde).",
            ),
        )
    return text


def sync_error(error: Exception) -> str:
    """The French sentence for a refused action. The shared messages speak of command-line
    options where the screen has a button: those few are worded here."""
    match error:
        case NoPeer(detail="several"):
            return translate(
                "SyncTexts",
                "Cette personne a plusieurs ordinateurs inscrits : préparez le fichier depuis la "
                "ligne de commande (allervers sync out --volunteer).",
            )
        case NoPeer():
            return translate(
                "SyncTexts",
                "Aucun ordinateur inscrit : il faut d'abord inscrire celui de la personne "
                "(invitation, puis sa réponse d'inscription).",
            )
        case InvalidInput(field="user", reason="unknown"):
            return translate(
                "SyncTexts",
                "Cette réponse d'inscription vient d'un compte inconnu de cet espace de travail : "
                "invitez d'abord la personne depuis cet ordinateur.",
            )
    return describe(error, QCoreApplication.translate)


def entity_name(entity: str) -> str:
    names = {
        "users": translate("SyncTexts", "Utilisateur"),
        "households": translate("SyncTexts", "Foyer"),
        "visits": translate("SyncTexts", "Visite"),
        "assessments": translate("SyncTexts", "Droits évalués"),
        "visit_changes": translate("SyncTexts", "Correction de visite"),
        "referrals": translate("SyncTexts", "Orientation"),
        "referral_events": translate("SyncTexts", "Étape du suivi"),
    }
    return names.get(entity, entity)


def column_name(column: str) -> str:
    names = {
        "name": translate("SyncTexts", "Nom"),
        "role": translate("SyncTexts", "Rôle"),
        "active": translate("SyncTexts", "Actif"),
        "commune_insee": translate("SyncTexts", "Commune"),
        "street": translate("SyncTexts", "Rue"),
        "number": translate("SyncTexts", "Numéro"),
        "contact_name": translate("SyncTexts", "Nom pour la recontacter"),
        "contact_phone": translate("SyncTexts", "Téléphone"),
        "assigned_to": translate("SyncTexts", "Confié à"),
        "created_by": translate("SyncTexts", "Créé par"),
        "volunteer_id": translate("SyncTexts", "Bénévole"),
        "user_id": translate("SyncTexts", "Personne"),
        "visited_on": translate("SyncTexts", "Date de la visite"),
        "status": translate("SyncTexts", "Étape"),
        "door_outcome": translate("SyncTexts", "Résultat à la porte"),
        ANSWERS: translate("SyncTexts", "Réponses"),
        "finished_at": translate("SyncTexts", "Terminée le"),
        "right_id": translate("SyncTexts", "Droit"),
        "amount": translate("SyncTexts", "Montant"),
        "current": translate("SyncTexts", "Évaluation en vigueur"),
        "nonrecours_reason": translate("SyncTexts", "Raison du non-recours"),
        "nonrecours_detail": translate("SyncTexts", "Précision sur le non-recours"),
        "decision": translate("SyncTexts", "Décision de la personne"),
        "organisation": translate("SyncTexts", "Organisme"),
        "referred_on": translate("SyncTexts", "Orienté le"),
        "contact": translate("SyncTexts", "Contact à l'organisme"),
        "appointment_at": translate("SyncTexts", "Rendez-vous"),
        "filed_on": translate("SyncTexts", "Demande déposée le"),
        "opened_amount": translate("SyncTexts", "Montant ouvert"),
        "opened_from": translate("SyncTexts", "Droit ouvert à partir du"),
        "outcome_reason": translate("SyncTexts", "Motif"),
        "check_due_on": translate("SyncTexts", "Vérification prévue le"),
        "checked_on": translate("SyncTexts", "Vérifié le"),
        "closed_on": translate("SyncTexts", "Clos le"),
        "on_date": translate("SyncTexts", "Date"),
        "from_status": translate("SyncTexts", "Étape précédente"),
        "to_status": translate("SyncTexts", "Nouvelle étape"),
        "path": translate("SyncTexts", "Réponse corrigée"),
        "old_value": translate("SyncTexts", "Ancienne valeur"),
        "new_value": translate("SyncTexts", "Nouvelle valeur"),
    }
    return names.get(column, column)


def _questionnaire() -> Questionnaire | None:
    try:
        return loader.current()
    except (LookupError, OSError, ValueError):  # a label is a nicety: the raw name does
        return None


def answer_name(key: str, questionnaire: Questionnaire | None) -> str:
    """ "contact_phone" -> "Téléphone"; "persons[2].age" -> "Les personnes du foyer — 2 — Âge…";
    a key the questionnaire does not know stays as it is."""
    if questionnaire is None:
        return key
    head, _, rest = key.partition(".")
    base, _, index = head.partition("[")
    question = questionnaire.question(base)
    if question is not None:
        return label(question.label, language())
    for section in questionnaire.sections:
        if section.id != base:
            continue
        parts = [label(section.title, language())]
        if index.rstrip("]").isdigit():
            parts.append(index.rstrip("]"))
        inner = questionnaire.question(rest) if rest else None
        if inner is not None:
            parts.append(label(inner.label, language()))
        elif rest:
            parts.append(rest)
        return " — ".join(parts)
    return key


def _value_text(value: Any, users: Mapping[str, str], user_field: bool) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return translate("SyncTexts", "(vide)")
    if user_field and isinstance(value, str):
        return users.get(value, value)
    if isinstance(value, bool):
        return translate("SyncTexts", "oui") if value else translate("SyncTexts", "non")
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _answer_text(key: str, value: Any, questionnaire: Questionnaire | None) -> str:
    """One answer as the interview shows it (choices by their label, amounts in euros), when
    the questionnaire knows the question; as stored otherwise."""
    question_id = key.rpartition(".")[2] if "[" in key else key  # persons[2].age: age
    question = questionnaire.question(question_id) if questionnaire is not None else None
    if question is None or value is None or value in ("", []):
        return _value_text(value, {}, False)
    try:
        if question.type is QuestionType.MONEY3 and isinstance(value, list):
            return " / ".join(money(float(v)) for v in value)  # months depend on the visit
        return show(question, value, dt.date.today())
    except (TypeError, ValueError, KeyError):
        return _value_text(value, {}, False)


def _parsed(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def _short(text: str) -> str:
    return text if len(text) <= LONGEST_VALUE else text[: LONGEST_VALUE - 1] + "…"


@dataclass(frozen=True, slots=True)
class ConflictText:
    entity: str
    field: str
    local: str
    remote: str
    local_full: str
    remote_full: str


def household_text(conflict: Conflict) -> str:
    """The household a conflict is about, as the coordinator finds it in the caseload."""
    if not conflict.household_id:
        return ""
    place = ", ".join(
        p for p in (conflict.household_address, commune_name(conflict.household_commune)) if p
    )
    who = conflict.household_contact or translate("SyncTexts", "Foyer sans nom")
    return translate("SyncTexts", "{0} — {1}").format(who, place) if place else who


def conflict_text(conflict: Conflict, users: Mapping[str, str]) -> ConflictText:
    """What differs, in words. A visit's answers compared as a whole ("answers") show only the
    answers that differ, one a line, each by its question."""
    questionnaire = _questionnaire()
    field = conflict.field
    local_lines: list[str]
    remote_lines: list[str]
    if field == ANSWERS or field.startswith(ANSWERS + "."):
        local, remote = _parsed(conflict.local_value), _parsed(conflict.remote_value)
        if field == ANSWERS and isinstance(local, dict) and isinstance(remote, dict):
            keys = [k for k in {**local, **remote} if local.get(k) != remote.get(k)]
            names = [answer_name(k, questionnaire) for k in keys]
            each = translate("SyncTexts", "{0} : {1}")
            local_lines = [
                each.format(n, _answer_text(k, local.get(k), questionnaire))
                for n, k in zip(names, keys, strict=True)
            ]
            remote_lines = [
                each.format(n, _answer_text(k, remote.get(k), questionnaire))
                for n, k in zip(names, keys, strict=True)
            ]
            field_text = translate("SyncTexts", "Réponses : {0}").format(", ".join(names) or "—")
        else:
            key = field.partition(".")[2]
            field_text = (
                translate("SyncTexts", "Réponses : {0}").format(answer_name(key, questionnaire))
                if key
                else column_name(ANSWERS)
            )
            local_lines = [_answer_text(key, local, questionnaire)]
            remote_lines = [_answer_text(key, remote, questionnaire)]
    else:
        user_field = field in USER_FIELDS
        field_text = column_name(field)
        local_lines = [_value_text(_parsed_column(conflict.local_value), users, user_field)]
        remote_lines = [_value_text(_parsed_column(conflict.remote_value), users, user_field)]
    local_full, remote_full = "\n".join(local_lines), "\n".join(remote_lines)
    return ConflictText(
        entity_name(conflict.entity),
        field_text,
        _short(local_full),
        _short(remote_full),
        local_full,
        remote_full,
    )


def _parsed_column(text: str) -> Any:
    """A column's value as stored with the conflict: text as is, anything else as JSON."""
    parsed = _parsed(text)
    return (
        parsed if isinstance(parsed, bool | int | float | list | dict) or parsed is None else text
    )
