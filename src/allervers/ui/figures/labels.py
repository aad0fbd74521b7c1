"""Names of the figures' categories: door outcomes, rights, reasons, organisations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from allervers.domain.followup import NonRecoursReason
from allervers.domain.rights import Organisation, RightId
from allervers.wording import nonrecours_reason_name, organisation_short_name, right_short_name


def _t(text: str) -> str:
    return QCoreApplication.translate("FigureLabels", text)


def not_recorded() -> str:
    return _t("Non renseigné")


def door_outcome_name(outcome: str) -> str:
    names = {
        "interview": _t("Entretien"),
        "absent": _t("Absent"),
        "refused": _t("Refus"),
        "vacant": _t("Logement vacant"),
        "come_back": _t("Repasser"),
        "not_dwelling": _t("Pas un logement"),
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
        "flagged": _t("Repérés"),
        "referred": _t("Orientés"),
        "filed": _t("Demandes déposées"),
        "opened": _t("Droits ouverts"),
    }
