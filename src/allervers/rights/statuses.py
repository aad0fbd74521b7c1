"""From OpenFisca's figures and the answers to one `RightAssessment` per right.

Status rule (issue 4): *probable non-recours* when the estimated amount is above zero (for the CSS:
when free or with contribution) and the household says it does not receive it; *received* when the
household says it receives it; *not entitled* when the estimate is zero; *cannot tell* when answers
the right depends on are missing (they are named) or the case is outside what is modelled.

A right the household says it receives while the estimate is nil stays *received*, with a reason
(`RECEIVED_BUT_ESTIMATED_NIL`, shown as "Perçu, à vérifier") naming the likely cause and advising a
check with the office: an unnoticed change may lead to an overpayment to repay (an "indu").

The rules of each right are in `rules_minima` (RSA, prime d'activité), `rules_housing` (aides au
logement, chèque énergie) and `rules_health` (CSS, AAH, ASPA).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from allervers.domain.rights import (
    AmountPeriod,
    AssessmentStatus,
    Reason,
    RightAssessment,
    RightId,
)
from allervers.rights.batch import HouseholdFigures
from allervers.rights.findings import Finding, R, reason
from allervers.rights.household import Household
from allervers.rights.organisations import documents_for, organisation_for
from allervers.rights.parameters import Currency
from allervers.rights.rules_health import aah, aspa, css
from allervers.rights.rules_housing import aide_logement, cheque_energie_finding
from allervers.rights.rules_minima import ppa, rsa

S = AssessmentStatus

PERIOD = {
    RightId.RSA: AmountPeriod.MONTH,
    RightId.PPA: AmountPeriod.MONTH,
    RightId.AIDE_LOGEMENT: AmountPeriod.MONTH,
    RightId.CHEQUE_ENERGIE: AmountPeriod.YEAR,
    RightId.CSS: AmountPeriod.MONTH,
    RightId.AAH: AmountPeriod.MONTH,
    RightId.ASPA: AmountPeriod.MONTH,
}
REGIME_DEPENDENT = frozenset(
    {RightId.RSA, RightId.PPA, RightId.AIDE_LOGEMENT, RightId.CSS, RightId.ASPA}
)


@dataclass(frozen=True, slots=True)
class Context:
    openfisca_france_version: str
    parameter_dates: dict[RightId, date]
    currency: dict[RightId, Currency]
    """Whether each right's revalued parameters are known for the month (`parameters.currency`)."""


def assess_household(
    household: Household, figures: HouseholdFigures | None, context: Context
) -> list[RightAssessment]:
    if not household.interview:
        outcome = household.door_outcome
        why = reason(R.NO_INTERVIEW, door_outcome=outcome or "")
        missing = () if outcome else ("door_outcome",)
        return [_cannot_tell(right, household, context, [why], missing) for right in RightId]
    if figures is None or not household.persons:
        return [_cannot_tell(right, household, context, [], ("persons",)) for right in RightId]
    findings = [
        rsa(household, figures),
        ppa(household, figures),
        aide_logement(household, figures),
        cheque_energie_finding(household, figures),
        css(household, figures),
        aah(household, figures),
        aspa(household, figures),
    ]
    return [_conclude(finding, household, context) for finding in findings]


def _conclude(finding: Finding, household: Household, context: Context) -> RightAssessment:
    right = finding.right
    received_set = household.rights_received
    received = received_set is not None and right.value in received_set
    missing = _unique(finding.missing)
    reasons = list(finding.reasons)
    amount = finding.amount
    if received:
        status = S.RECEIVED
        if missing:
            amount = None
        elif not finding.entitled and not finding.out_of_scope:
            amount = 0.0 if amount is not None else None
            reasons.insert(0, reason(R.RECEIVED_BUT_ESTIMATED_NIL, cause=finding.nil_cause.value))
    elif missing or finding.out_of_scope:
        status, amount = S.CANNOT_TELL, None
    elif not finding.entitled:
        status = S.NOT_ENTITLED
    elif received_set is None:
        status = S.CANNOT_TELL
        missing = ["rights_received"]
        reasons.append(reason(R.RECEIPT_UNKNOWN))
    else:
        status = S.PROBABLE_NON_RECOURS
    reasons += _context_reasons(right, household, context)
    return RightAssessment(
        right=right,
        status=status,
        amount=amount,
        period=PERIOD[right],
        reasons=tuple(reasons),
        missing_answers=tuple(missing),
        organisation=organisation_for(right, household, finding.tax_return_missing),
        documents=documents_for(right, household, finding.tax_return_missing),
        openfisca_france_version=context.openfisca_france_version,
        parameter_date=context.parameter_dates.get(right),
    )


def _context_reasons(right: RightId, household: Household, context: Context) -> list[Reason]:
    reasons = []
    if right in REGIME_DEPENDENT and household.social_regime is None:
        reasons.append(reason(R.SOCIAL_REGIME_UNKNOWN))
    if right in REGIME_DEPENDENT and household.social_regime == "agricultural":
        reasons.append(reason(R.FARM_REGIME))
    if right is not RightId.CHEQUE_ENERGIE and any(
        p.is_self_employed for p in household.adults_of_main_family()
    ):
        reasons.append(reason(R.SELF_EMPLOYED_INCOME_APPROXIMATED))
    others = len(household.persons) - len(household.main_family())
    if others and right is not RightId.CHEQUE_ENERGIE:
        reasons.append(reason(R.OTHER_ADULTS_NOT_ASSESSED, persons=others))
    reasons += out_of_date_reasons(right, context)
    return reasons


def out_of_date_reasons(right: RightId, context: Context) -> list[Reason]:
    state = context.currency.get(right)
    if state is None or state.up_to_date:
        return []
    values = {"revaluation_date": state.revaluation_date.isoformat()}
    if state.parameter_date is not None:
        values["parameter_date"] = state.parameter_date.isoformat()
    return [reason(R.PARAMETERS_MAY_BE_OUT_OF_DATE, **values)]


def _cannot_tell(
    right: RightId,
    household: Household,
    context: Context,
    reasons: list[Reason],
    missing: Iterable[str],
) -> RightAssessment:
    return RightAssessment(
        right=right,
        status=S.CANNOT_TELL,
        amount=None,
        period=PERIOD[right],
        reasons=tuple(reasons) + tuple(out_of_date_reasons(right, context)),
        missing_answers=tuple(missing),
        organisation=organisation_for(right, household, False),
        documents=documents_for(right, household, False),
        openfisca_france_version=context.openfisca_france_version,
        parameter_date=context.parameter_dates.get(right),
    )


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
