"""What the rights engine says about one right of one household: plain data, no wording.

The UI phrases every `Reason` in French from its code and values; the engine never writes sentences.
"Probable" is the strongest word the product uses (DREES: detecting eligible people is always
approximate), hence `AssessmentStatus.PROBABLE_NON_RECOURS`, never "eligible".
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from allervers.domain.errors import AllerVersError

ReasonValue = float | int | str | bool


class RightId(enum.StrEnum):
    """The first set of rights checked at the door (issue 4). Values match `rights_received`."""

    RSA = "rsa"
    PPA = "ppa"
    AIDE_LOGEMENT = "aide_logement"
    CHEQUE_ENERGIE = "cheque_energie"
    CSS = "css"
    AAH = "aah"
    ASPA = "aspa"


class AssessmentStatus(enum.StrEnum):
    PROBABLE_NON_RECOURS = "probable_non_recours"
    """An estimated entitlement, and the household says it does not receive it."""
    RECEIVED = "received"
    """The household says it receives it (whatever the estimate)."""
    NOT_ENTITLED = "not_entitled"
    """Probably not entitled, given the answers."""
    CANNOT_TELL = "cannot_tell"
    """Answers are missing (named in `missing_answers`) or the case is outside what is modelled."""


class AmountPeriod(enum.StrEnum):
    MONTH = "month"
    YEAR = "year"


class Organisation(enum.StrEnum):
    """Where the household goes. Addresses and phones are configured per territory elsewhere."""

    CAF = "caf"
    MSA = "msa"
    CPAM = "cpam"
    CARSAT = "carsat"
    MDPH = "mdph"
    IMPOTS = "impots"
    """Centre des finances publiques: file a tax return (chèque énergie is sent from the tax file)."""
    ASP = "asp"
    """Agence de services et de paiement: chèque énergie claims since the 2025 reform."""


class DocumentCode(enum.StrEnum):
    """Documents to bring; the UI and the household sheet phrase them."""

    IDENTITY = "identity"
    RESIDENCE_PERMIT = "residence_permit"
    BANK_DETAILS = "bank_details"
    INCOME_PROOFS_3_MONTHS = "income_proofs_3_months"
    INCOME_PROOFS_12_MONTHS = "income_proofs_12_months"
    TAX_NOTICE = "tax_notice"
    INCOME_PROOFS_LAST_YEAR = "income_proofs_last_year"
    LEASE = "lease"
    RENT_RECEIPT = "rent_receipt"
    FAMILY_RECORD_BOOK = "family_record_book"
    HEALTH_INSURANCE_CARD = "health_insurance_card"
    MEDICAL_CERTIFICATE = "medical_certificate"
    PENSION_STATEMENTS = "pension_statements"
    ENERGY_BILL = "energy_bill"


class ReasonCode(enum.StrEnum):
    """Short structured facts behind a status. Values carried with each code are listed."""

    NO_INTERVIEW = "no_interview"  # door_outcome
    RESOURCES_UNDER_CEILING = "resources_under_ceiling"  # resources, ceiling (per month)
    RESOURCES_OVER_CEILING = "resources_over_ceiling"  # resources, ceiling (per month)
    HOUSEHOLD_SIZE = "household_size"  # persons
    FORFAIT_LOGEMENT = "forfait_logement"  # amount (per month)
    UNDER_MINIMUM_AGE = "under_minimum_age"  # age, minimum
    STUDENT = "student"
    RESIDENCE_PERMIT_TOO_RECENT = "residence_permit_too_recent"  # years, minimum
    ACTIVITY_INCOME = "activity_income"  # income (per month, average of 3 months)
    NO_ACTIVITY_INCOME = "no_activity_income"
    RENT = "rent"  # rent, ceiling (per month)
    APL_ZONE = "apl_zone"  # zone (1, 2 or 3)
    NOT_A_TENANT = "not_a_tenant"  # housing_status
    OWNER_LOAN_NOT_ASKED = "owner_loan_not_asked"
    UNKNOWN_COMMUNE = "unknown_commune"  # insee
    RESOURCES_12_MONTHS = "resources_12_months"  # resources, ceiling (per year)
    CSS_FREE = "css_free"  # resources, ceiling (per year)
    CSS_WITH_PARTICIPATION = (
        "css_with_participation"  # resources, ceiling, participation (per month)
    )
    RSA_GIVES_FREE_CSS = "rsa_gives_free_css"
    RFR_PER_UNIT = "rfr_per_unit"  # rfr, units, rfr_per_unit, ceiling (per year)
    RFR_ESTIMATED = "rfr_estimated"  # rfr (estimated from the declared incomes)
    NO_TAX_RETURN = "no_tax_return"
    NOT_OWN_DWELLING = "not_own_dwelling"  # housing_status
    INCAPACITY_RATE = "incapacity_rate"  # rate (percent)
    INCAPACITY_RATE_ASSUMED = "incapacity_rate_assumed"  # rate (percent)
    INCAPACITY_RATE_TOO_LOW = "incapacity_rate_too_low"  # rate, minimum (percent)
    NO_DISABILITY_DECLARED = "no_disability_declared"
    AGE = "age"  # age, minimum
    SOCIAL_REGIME_UNKNOWN = "social_regime_unknown"
    FARM_REGIME = "farm_regime"
    RECEIPT_UNKNOWN = "receipt_unknown"
    SELF_EMPLOYED_INCOME_APPROXIMATED = "self_employed_income_approximated"
    PARAMETERS_OLDER_THAN_VISIT = "parameters_older_than_visit"  # parameter_date
    OTHER_ADULTS_NOT_ASSESSED = "other_adults_not_assessed"  # persons


@dataclass(frozen=True, slots=True)
class Reason:
    code: ReasonCode
    values: Mapping[str, ReasonValue] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code.value, "values": dict(self.values)}


@dataclass(frozen=True, slots=True)
class RightAssessment:
    right: RightId
    status: AssessmentStatus
    amount: float | None
    """Estimated amount in euros for `period`; None when it cannot be told or does not apply. The
    CSS is health cover, not cash: its amount is None and its reasons say whether it is free or with
    a monthly contribution (`ReasonCode.CSS_WITH_PARTICIPATION`, value `participation`)."""
    period: AmountPeriod
    reasons: tuple[Reason, ...] = ()
    missing_answers: tuple[str, ...] = ()
    """Answer ids (`persons[0].salary`, `rent`...) whose absence made the engine say cannot tell."""
    organisation: Organisation | None = None
    documents: tuple[DocumentCode, ...] = ()
    openfisca_france_version: str = ""
    parameter_date: date | None = None
    """Date from which the newest legal parameter used for this right applies."""

    def to_json(self) -> dict[str, Any]:
        return {
            "right": self.right.value,
            "status": self.status.value,
            "amount": self.amount,
            "period": self.period.value,
            "reasons": [reason.to_json() for reason in self.reasons],
            "missing_answers": list(self.missing_answers),
            "organisation": self.organisation.value if self.organisation else None,
            "documents": [document.value for document in self.documents],
            "openfisca_france_version": self.openfisca_france_version,
            "parameter_date": self.parameter_date.isoformat() if self.parameter_date else None,
        }


class EngineUnavailable(AllerVersError):
    """The rights engine is not running (never started, or closed)."""


@dataclass
class EngineFailed(AllerVersError):
    """The rights engine could not load, or failed on a request; `detail` is for the log only."""

    detail: str = ""
