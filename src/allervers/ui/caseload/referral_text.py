"""Where one referral stands, in one or two sentences (the household panel)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from allervers.domain.referrals import Referral, ReferralStatus
from allervers.domain.rights import RightId
from allervers.ui.caseload.texts import date_text, organisation_text
from allervers.ui.directory.texts import frozen_service_text
from allervers.wording import euros

# Called by this name so that pyside6-lupdate finds the strings (translations/update.sh).
translate = QCoreApplication.translate


def referral_text(referral: Referral) -> str:
    """Where the referral stands, in one or two sentences."""
    status = referral.status
    organisation = organisation_text(referral.organisation)
    if status is ReferralStatus.TO_REFER:
        return (
            translate("HouseholdDetail", "Organisme prévu : {0}.").format(organisation)
            if organisation
            else ""
        )
    parts = []
    if referral.referred_on:
        parts.append(
            translate("HouseholdDetail", "Orienté le {0} vers {1}.").format(
                date_text(referral.referred_on), organisation
            )
        )
    if referral.service is not None:  # frozen when referred: readable after any import
        parts.append(frozen_service_text(referral.service))
    if referral.contact:
        parts.append(translate("HouseholdDetail", "Contact : {0}.").format(referral.contact))
    if referral.appointment_at and status is ReferralStatus.REFERRED:
        parts.append(
            translate("HouseholdDetail", "Rendez-vous le {0}.").format(
                date_text(referral.appointment_at)
            )
        )
    if referral.filed_on:
        parts.append(
            translate("HouseholdDetail", "Demande déposée le {0}.").format(
                date_text(referral.filed_on)
            )
        )
    if status is ReferralStatus.OPENED:
        per_year = referral.right is RightId.CHEQUE_ENERGIE
        amount = referral.opened_amount or 0.0
        if referral.right is RightId.CSS:
            parts.append(
                translate("HouseholdDetail", "Droit ouvert le {0}.").format(
                    date_text(referral.opened_from)
                )
            )
        elif per_year:
            parts.append(
                translate("HouseholdDetail", "Droit ouvert : {0} par an, à partir du {1}.").format(
                    euros(amount, 2), date_text(referral.opened_from)
                )
            )
        else:
            parts.append(
                translate(
                    "HouseholdDetail", "Droit ouvert : {0} par mois, à partir du {1}."
                ).format(euros(amount, 2), date_text(referral.opened_from))
            )
    elif status is ReferralStatus.REFUSED:
        parts.append(
            translate("HouseholdDetail", "Refusé le {0}.").format(date_text(referral.closed_on))
        )
    elif status is ReferralStatus.ABANDONED:
        parts.append(
            translate("HouseholdDetail", "Abandon le {0}.").format(date_text(referral.closed_on))
        )
    elif status is ReferralStatus.NO_NEWS:
        parts.append(
            translate("HouseholdDetail", "Sans nouvelles au {0}.").format(
                date_text(referral.checked_on)
            )
        )
    if referral.outcome_reason and status in (ReferralStatus.REFUSED, ReferralStatus.ABANDONED):
        parts.append(translate("HouseholdDetail", "Motif : {0}.").format(referral.outcome_reason))
    return " ".join(parts)
