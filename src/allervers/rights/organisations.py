"""Where to go for each right, and what to bring.

- RSA, prime d'activité, aides au logement: the CAF, or the MSA for households under the farm regime
  (art. L262-16 CASF for the RSA; art. L843-1 CSS for the prime d'activité; art. L823-1 CCH for the
  aides personnelles au logement, paid by the CAF or the MSA).
- Complémentaire santé solidaire: the household's health insurance fund, CPAM or MSA (art. L861-5
  CSS).
- ASPA: the pension fund that pays the main pension, CARSAT for the general regime or MSA (art.
  L815-7 CSS).
- AAH: the request goes to the MDPH (maison départementale des personnes handicapées), which
  decides the incapacity rate; the CAF or MSA pays (art. L821-7 CSS).
- Chèque énergie: nothing to claim when the tax file is complete; without a tax return there is no
  revenu fiscal de référence, so the step is to file one (centre des finances publiques); a
  household that filed and got nothing can claim from the ASP (décret n° 2025-735 du 31 juillet
  2025).
"""

from __future__ import annotations

from allervers.domain.rights import DocumentCode, Organisation, RightId
from allervers.rights.household import Household

D = DocumentCode


def is_farm_regime(household: Household) -> bool:
    return household.social_regime == "agricultural"


def organisation_for(
    right: RightId, household: Household, tax_return_missing: bool
) -> Organisation:
    farm = is_farm_regime(household)
    if right in (RightId.RSA, RightId.PPA, RightId.AIDE_LOGEMENT):
        return Organisation.MSA if farm else Organisation.CAF
    if right is RightId.CSS:
        return Organisation.MSA if farm else Organisation.CPAM
    if right is RightId.ASPA:
        return Organisation.MSA if farm else Organisation.CARSAT
    if right is RightId.AAH:
        return Organisation.MDPH
    return Organisation.IMPOTS if tax_return_missing else Organisation.ASP


def documents_for(right: RightId, household: Household, tax_return_missing: bool) -> tuple[D, ...]:
    foreign = any(p.nationality == "other" for p in household.adults_of_main_family())
    children = len(household.main_family()) > len(household.adults_of_main_family())
    documents: list[D] = []
    if right is RightId.CHEQUE_ENERGIE:
        if tax_return_missing:
            return (D.IDENTITY, D.INCOME_PROOFS_LAST_YEAR)
        return (D.TAX_NOTICE, D.ENERGY_BILL)
    documents.append(D.IDENTITY)
    if foreign:
        documents.append(D.RESIDENCE_PERMIT)
    if right in (RightId.RSA, RightId.PPA):
        documents += [D.INCOME_PROOFS_3_MONTHS, D.BANK_DETAILS]
        if children:
            documents.append(D.FAMILY_RECORD_BOOK)
    elif right is RightId.AIDE_LOGEMENT:
        documents += [D.LEASE, D.RENT_RECEIPT, D.TAX_NOTICE, D.BANK_DETAILS]
    elif right is RightId.CSS:
        documents += [D.HEALTH_INSURANCE_CARD, D.INCOME_PROOFS_12_MONTHS, D.TAX_NOTICE]
    elif right is RightId.AAH:
        documents += [D.MEDICAL_CERTIFICATE, D.TAX_NOTICE]
    elif right is RightId.ASPA:
        documents += [D.PENSION_STATEMENTS, D.INCOME_PROOFS_3_MONTHS, D.TAX_NOTICE, D.BANK_DETAILS]
    return tuple(documents)
