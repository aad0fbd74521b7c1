"""Short texts of the caseload's cells and panels: steps, dates, communes, addresses.

Module-level helpers translate under the "CaseloadTexts" context (`self.tr` would look the
strings up under whichever class calls them)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from allervers.domain.referrals import HOUSEHOLD_STATUS_ORDER, ReferralStatus
from allervers.domain.rights import Organisation, RightId
from allervers.ui.common.commune_edit import commune_name as commune_name
from allervers.wording import organisation_short_name, right_short_name

# Called by this name so that pyside6-lupdate finds the strings (translations/update.sh).
translate = QCoreApplication.translate

NO_NAME = "—"  # no consent to be contacted again: the household keeps no name


def status_name(status: str) -> str:
    """A household's summary status or a referral's step, in French."""
    names = {
        "met": translate("CaseloadTexts", "Rencontré"),
        "flagged": translate("CaseloadTexts", "Droit repéré"),
        ReferralStatus.TO_REFER.value: translate("CaseloadTexts", "À orienter"),
        ReferralStatus.REFERRED.value: translate("CaseloadTexts", "Orienté"),
        ReferralStatus.CLAIM_FILED.value: translate("CaseloadTexts", "Demande déposée"),
        ReferralStatus.OPENED.value: translate("CaseloadTexts", "Droit ouvert"),
        ReferralStatus.REFUSED.value: translate("CaseloadTexts", "Refusé"),
        ReferralStatus.ABANDONED.value: translate("CaseloadTexts", "Abandon"),
        ReferralStatus.NO_NEWS.value: translate("CaseloadTexts", "Sans nouvelles"),
    }
    return names.get(status, status)


# The statuses a household can have, in the order of the follow-up (for the filter).
HOUSEHOLD_STATUSES = HOUSEHOLD_STATUS_ORDER  # the filter lists them in the follow-up order


def date_text(iso_day: str | None) -> str:
    """ "2026-04-10" -> "10/04/2026"; "" for none. Times ("2026-01-20T10:00") keep their hour."""
    if not iso_day:
        return ""
    try:
        if len(iso_day) > 10:
            moment = dt.datetime.fromisoformat(iso_day)
            return translate("CaseloadTexts", "{0} à {1}").format(
                moment.strftime("%d/%m/%Y"), moment.strftime("%H:%M")
            )
        return dt.date.fromisoformat(iso_day).strftime("%d/%m/%Y")
    except ValueError:
        return iso_day


def address_text(number: str | None, street: str | None) -> str:
    return " ".join(p for p in (number, street) if p)


def name_text(name: str | None) -> str:
    return name or NO_NAME


def flags_text(flags: tuple[RightId, ...]) -> str:
    return ", ".join(right_short_name(r, QCoreApplication.translate) for r in flags)


def organisation_text(organisation: Organisation | None) -> str:
    return organisation_short_name(organisation) if organisation else ""
