"""What the household says about a flagged right, and where to send it: recorded by the
volunteer after the engine's assessment."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from typing import Any

from allervers.domain.rights import (
    AmountPeriod,
    AssessmentStatus,
    DocumentCode,
    Organisation,
    Reason,
    ReasonCode,
    RightAssessment,
    RightId,
)


class NonRecoursReason(enum.StrEnum):
    """ODENORE's typology (Warin, 2010), recorded for every flagged right."""

    NON_CONNAISSANCE = "non_connaissance"
    NON_DEMANDE = "non_demande"
    NON_RECEPTION = "non_reception"
    NON_PROPOSITION = "non_proposition"


class NonDemandeDetail(enum.StrEnum):
    """Why someone who knows a right does not ask for it."""

    COMPLEXITY = "complexity"
    STIGMA = "stigma"
    FEAR_OF_REPAYMENT = "fear_of_repayment"  # peur de l'indu
    PRINCIPLE = "principle"
    DIGITAL = "digital"
    MOBILITY = "mobility"
    OTHER = "other"


class Decision(enum.StrEnum):
    """What the person decides about a flagged right."""

    WANTS_HELP = "wants_help"
    ALONE = "alone"
    NOT_INTERESTED = "not_interested"


@dataclass(frozen=True, slots=True)
class StoredAssessment:
    """An assessment as kept in the workspace, with what the household said about it."""

    id: str
    visit_id: str
    assessment: RightAssessment
    assessed_at: str
    reason: NonRecoursReason | None = None
    reason_detail: NonDemandeDetail | None = None
    decision: Decision | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """Where to go for an organisation: the coordinator's office entry, or the office found in
    the local services directory (`allervers.services.directory`)."""

    organisation: Organisation
    name: str
    address: str
    phone: str
    hours: str = ""
    date_maj: str = ""  # ISO date of the directory entry
    stale: bool = False  # not updated for more than a year: "à vérifier"


def assessment_from_json(data: dict[str, Any]) -> RightAssessment:
    """The inverse of `RightAssessment.to_json`, for assessments read back from the workspace."""
    return RightAssessment(
        right=RightId(data["right"]),
        status=AssessmentStatus(data["status"]),
        amount=data.get("amount"),
        period=AmountPeriod(data["period"]),
        reasons=tuple(
            Reason(ReasonCode(r["code"]), dict(r.get("values", {})))
            for r in data.get("reasons", ())
        ),
        missing_answers=tuple(data.get("missing_answers", ())),
        organisation=Organisation(data["organisation"]) if data.get("organisation") else None,
        documents=tuple(DocumentCode(d) for d in data.get("documents", ())),
        openfisca_france_version=data.get("openfisca_france_version", ""),
        parameter_date=(
            date.fromisoformat(data["parameter_date"]) if data.get("parameter_date") else None
        ),
    )
