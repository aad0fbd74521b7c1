"""Names of the figures' categories: door outcomes, rights, reasons, organisations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from allervers.domain.followup import NonRecoursReason
from allervers.domain.rights import Organisation, RightId
from allervers.wording import nonrecours_reason_name, organisation_short_name, right_short_name

# Called by this name so that pyside6-lupdate finds the strings (translations/update.sh).
translate = QCoreApplication.translate


def not_recorded() -> str:
    return translate("FigureLabels", "Non renseigné")


def door_outcome_name(outcome: str) -> str:
    names = {
        "interview": translate("FigureLabels", "Entretien"),
        "absent": translate("FigureLabels", "Absent"),
        "refused": translate("FigureLabels", "Refus"),
        "vacant": translate("FigureLabels", "Logement vacant"),
        "come_back": translate("FigureLabels", "Repasser"),
        "not_dwelling": translate("FigureLabels", "Pas un logement"),
    }
    return names.get(outcome, not_recorded())


def right_label(key: str) -> str:
    try:
        return right_short_name(RightId(key), QCoreApplication.translate)
    except ValueError:
        return not_recorded()


def reason_label(key: str) -> str:
    try:
        return nonrecours_reason_name(NonRecoursReason(key), QCoreApplication.translate)
    except ValueError:
        return not_recorded()


def organisation_label(key: str) -> str:
    try:
        return organisation_short_name(Organisation(key))
    except ValueError:
        return not_recorded()


def funnel_labels() -> dict[str, str]:
    return {
        "flagged": translate("FigureLabels", "Repérés"),
        "referred": translate("FigureLabels", "Orientés"),
        "filed": translate("FigureLabels", "Demandes déposées"),
        "opened": translate("FigureLabels", "Droits ouverts"),
    }
