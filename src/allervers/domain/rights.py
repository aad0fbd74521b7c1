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
    """Short structured facts behind a status. Values carried with each code are listed; amounts
    are euros per month unless the code says per year. `first_month` / `last_month` ("2026-06")
    name the months of resources read. Codes are stored with assessments: never remove one."""

    NO_INTERVIEW = "no_interview"  # door_outcome
    RESOURCES_UNDER_CEILING = "resources_under_ceiling"  # resources, ceiling [, months]
    RESOURCES_OVER_CEILING = "resources_over_ceiling"  # resources, ceiling [, months]
    HOUSEHOLD_SIZE = "household_size"  # persons
    FORFAIT_LOGEMENT = "forfait_logement"  # amount (kept for assessments stored before 0.x)
    FORFAIT_LOGEMENT_DEDUCTED = "forfait_logement_deducted"  # amount, basis [, housing_aid]
    FORFAIT_LOGEMENT_CANCELS = "forfait_logement_cancels"  # amount, basis, without [, minimum]
    UNDER_MINIMUM_PAYMENT = "under_minimum_payment"  # amount, minimum
    UNDER_MINIMUM_AGE = "under_minimum_age"  # age, minimum
    STUDENT = "student"
    STUDENT_EARNINGS_UNDER_FLOOR = "student_earnings_under_floor"  # income, floor
    RESIDENCE_PERMIT_TOO_RECENT = "residence_permit_too_recent"  # years, minimum
    SELF_EMPLOYED_OVER_RSA_LIMIT = "self_employed_over_rsa_limit"
    CONDITIONS_NOT_MET = "conditions_not_met"
    ACTIVITY_INCOME = "activity_income"  # income [, months]
    NO_ACTIVITY_INCOME = "no_activity_income"
    PPA_RESOURCES_TOO_HIGH = "ppa_resources_too_high"  # resources, income [, months]
    RENT = "rent"  # rent, ceiling (per month)
    APL_ZONE = "apl_zone"  # zone (1, 2 or 3)
    NOT_A_TENANT = "not_a_tenant"  # housing_status
    OWNER_LOAN_NOT_ASKED = "owner_loan_not_asked"
    UNKNOWN_COMMUNE = "unknown_commune"  # insee
    RESOURCES_12_MONTHS = "resources_12_months"  # resources [, ceiling, persons] (per year)
    HOUSING_PARTICIPATION_EXCEEDS_RENT = "housing_participation_exceeds_rent"  # participation, rent
    HOUSING_AID_REDUCED_TO_ZERO = "housing_aid_reduced_to_zero"  # amount (before reductions)
    CSS_FREE = "css_free"  # resources, ceiling (per year)
    CSS_WITH_PARTICIPATION = (
        "css_with_participation"  # resources, ceiling, participation (per month)
    )
    RSA_GIVES_FREE_CSS = "rsa_gives_free_css"
    RFR_PER_UNIT = "rfr_per_unit"  # rfr, units, rfr_per_unit, ceiling (per year and unit)
    RFR_ESTIMATED = "rfr_estimated"  # rfr (estimated from the declared incomes)
    NO_TAX_RETURN = "no_tax_return"
    NOT_OWN_DWELLING = "not_own_dwelling"  # housing_status
    INCAPACITY_RATE = "incapacity_rate"  # rate (percent)
    INCAPACITY_RATE_ASSUMED = "incapacity_rate_assumed"  # rate (percent)
    INCAPACITY_RATE_TOO_LOW = "incapacity_rate_too_low"  # rate, minimum (percent)
    EMPLOYMENT_RESTRICTION_ASSUMED = "employment_restriction_assumed"  # rate (50 to 79 %)
    OVER_MAXIMUM_AGE = "over_maximum_age"  # age, maximum
    NO_DISABILITY_DECLARED = "no_disability_declared"
    AGE = "age"  # age, minimum
    CSG_RATE = "csg_rate"  # rate (exempt, reduced, median, normal), rfr, shares
    SOCIAL_REGIME_UNKNOWN = "social_regime_unknown"
    FARM_REGIME = "farm_regime"
    RECEIPT_UNKNOWN = "receipt_unknown"
    RECEIVED_BUT_ESTIMATED_NIL = "received_but_estimated_nil"  # cause (resources or situation)
    SELF_EMPLOYED_INCOME_APPROXIMATED = "self_employed_income_approximated"
    PARAMETERS_OLDER_THAN_VISIT = "parameters_older_than_visit"  # parameter_date
    PARAMETERS_MAY_BE_OUT_OF_DATE = (
        "parameters_may_be_out_of_date"  # parameter_date, revaluation_date
    )
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
