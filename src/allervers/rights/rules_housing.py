"""Aides au logement and chèque énergie.

Aides au logement (art. L821-1 and D823-1 to D823-20 CCH): tenants; rent taken up to a ceiling by
zone (1, 2, 3) and household size, plus a forfait for charges, minus a personal participation that
grows with the resources of a rolling year; 5 € off, CRDS, nothing under 10 € (except the APL).
Chèque énergie (art. L124-1 and R124-1 to R124-3 code de l'énergie): revenu fiscal de référence of
N-2 per consumption unit under a ceiling (`cheque_energie`, Aller-Vers' own dated barème).
"""

from __future__ import annotations

import contextlib

from allervers.domain.rights import Reason, RightId
from allervers.rights import cheque_energie
from allervers.rights.batch import HouseholdFigures
from allervers.rights.communes import apl_zone
from allervers.rights.findings import (
    Finding,
    NilCause,
    R,
    csg_rate_reasons,
    missing_composition,
    missing_incomes,
    missing_means_test,
    money,
    reason,
)
from allervers.rights.household import Household, HousingStatus, YesNo


def aide_logement(household: Household, figures: HouseholdFigures) -> Finding:
    f = figures.famille
    finding = Finding(RightId.AIDE_LOGEMENT, f["aide_logement"] > 0, money(f["aide_logement"]))
    status = household.housing_status
    finding.missing = missing_means_test(household)
    if status is None:
        return finding
    if not status.is_tenant:
        finding.entitled, finding.amount = False, None
        finding.reasons = [reason(R.NOT_A_TENANT, housing_status=status.value)]
        if status is HousingStatus.OWNER_WITH_LOAN:
            # Loans signed since 2018 no longer open the aides au logement (loi n° 2017-1837, art.
            # 126); older ones may: the loan date is not asked.
            finding.reasons = [reason(R.OWNER_LOAN_NOT_ASKED)]
            finding.out_of_scope = True
        elif status is HousingStatus.OTHER:
            finding.out_of_scope = True
        return finding
    if household.rent is None:
        finding.missing.append("rent")
    zone = apl_zone(household.insee)
    if zone is None:
        finding.missing.append("address_insee")
        finding.reasons = [reason(R.UNKNOWN_COMMUNE, insee=household.insee or "")]
        return finding
    context = [
        reason(
            R.RENT,
            rent=money(household.rent or 0.0),
            ceiling=money(f["aide_logement_loyer_plafond"]),
        ),
        reason(R.RESOURCES_12_MONTHS, resources=money(f["aide_logement_base_ressources"])),
        *csg_rate_reasons(household, figures),
        reason(R.APL_ZONE, zone=zone),
    ]
    if finding.entitled:
        finding.reasons = context
        return finding
    finding.nil_cause = NilCause.RESOURCES
    finding.reasons = [_nil_housing_aid(household, figures), *context]
    return finding


def _nil_housing_aid(household: Household, figures: HouseholdFigures) -> Reason:
    f = figures.famille
    selected = money(f["aide_logement_montant_selectionne_avant_seuil"])
    social = household.housing_status is HousingStatus.SOCIAL_TENANT
    minimum = figures.legal["housing_minimum_apl" if social else "housing_minimum_other"]
    if selected <= 0:
        return reason(
            R.HOUSING_PARTICIPATION_EXCEEDS_RENT,
            participation=money(f["aide_logement_participation_personnelle"]),
            rent=money(f["aide_logement_loyer_retenu"] + f["aide_logement_charges"]),
        )
    if selected < minimum:
        return reason(R.UNDER_MINIMUM_PAYMENT, amount=selected, minimum=minimum)
    # What the formula gave was taken by the reductions: the degressivity of rents far above the
    # ceiling and the 5 € minoration (arrêté du 27 septembre 2019 relatif au calcul des aides
    # personnelles au logement, art. 11), the réduction de loyer de solidarité in social housing
    # (art. L442-2-1 CCH).
    return reason(R.HOUSING_AID_REDUCED_TO_ZERO, amount=selected)


def cheque_energie_finding(household: Household, figures: HouseholdFigures) -> Finding:
    finding = Finding(RightId.CHEQUE_ENERGIE, False, None)
    status = household.housing_status
    if status is None:
        finding.missing = ["housing_status"]
        return finding
    if status in (HousingStatus.HOSTED_FREE, HousingStatus.OTHER):
        # The chèque goes to the holder of the home's electricity contract (code de l'énergie,
        # art. L124-1 as amended by loi n° 2025-127, art. 173); a hosted household has none.
        finding.reasons = [reason(R.NOT_OWN_DWELLING, housing_status=status.value)]
        finding.out_of_scope = status is HousingStatus.OTHER
        return finding
    filed = household.tax_return_filed
    if filed is None or filed is YesNo.DONT_KNOW:
        finding.missing = ["tax_return_filed"]
        return finding
    finding.tax_return_missing = filed is YesNo.NO
    estimated = figures.rfr_estimated
    if estimated:
        finding.missing = missing_composition(household) + missing_incomes(household)
    # Since 2025 the chèque goes to the foyer fiscal of the electricity contract holder, its units
    # counted on that foyer (arrêté du 31 juillet 2025, art. 1): the main family here.
    result = None
    with contextlib.suppress(LookupError):  # a month before the oldest barème carried (2019)
        result = cheque_energie.estimate(figures.rfr, len(household.main_family()), household.month)
    if result is None:
        finding.out_of_scope = True
        return finding
    finding.entitled = result.amount > 0
    finding.amount = float(result.amount)
    finding.nil_cause = NilCause.RESOURCES
    if finding.tax_return_missing:
        finding.reasons.append(reason(R.NO_TAX_RETURN))
    if estimated:
        finding.reasons.append(reason(R.RFR_ESTIMATED, rfr=money(result.rfr)))
    finding.reasons.append(
        reason(
            R.RFR_PER_UNIT,
            rfr=money(result.rfr),
            units=result.units,
            rfr_per_unit=result.rfr_per_unit,
            ceiling=result.ceiling,
        )
    )
    return finding
