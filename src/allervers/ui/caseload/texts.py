"""Short texts of the caseload's cells and panels: steps, dates, communes, addresses.

Module-level helpers translate under the "CaseloadTexts" context (`self.tr` would look the
strings up under whichever class calls them)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from allervers.domain.referrals import ReferralStatus
from allervers.domain.rights import Organisation, RightId
from allervers.questionnaire import communes
from allervers.wording import organisation_short_name, right_short_name

NO_NAME = "—"  # no consent to be contacted again: the household keeps no name


def _t(text: str) -> str:
    return QCoreApplication.translate("CaseloadTexts", text)


def status_name(status: str) -> str:
    """A household's summary status or a referral's step, in French."""
    names = {
        "met": _t("Rencontré"),
        "flagged": _t("Droit repéré"),
        ReferralStatus.TO_REFER.value: _t("À orienter"),
        ReferralStatus.REFERRED.value: _t("Orienté"),
        ReferralStatus.CLAIM_FILED.value: _t("Demande déposée"),
        ReferralStatus.OPENED.value: _t("Droit ouvert"),
        ReferralStatus.REFUSED.value: _t("Refusé"),
        ReferralStatus.ABANDONED.value: _t("Abandon"),
        ReferralStatus.NO_NEWS.value: _t("Sans nouvelles"),
    }
    return names.get(status, status)


# The statuses a household can have, in the order of the follow-up (for the filter).
HOUSEHOLD_STATUSES = (
    "met",
    "flagged",
    ReferralStatus.TO_REFER.value,
    ReferralStatus.REFERRED.value,
    ReferralStatus.CLAIM_FILED.value,
    ReferralStatus.NO_NEWS.value,
    ReferralStatus.OPENED.value,
    ReferralStatus.REFUSED.value,
    ReferralStatus.ABANDONED.value,
)


def date_text(iso_day: str | None) -> str:
    """ "2026-04-10" -> "10/04/2026"; "" for none. Times ("2026-01-20T10:00") keep their hour."""
    if not iso_day:
        return ""
    try:
        if len(iso_day) > 10:
            moment = dt.datetime.fromisoformat(iso_day)
            return _t("{0} à {1}").format(moment.strftime("%d/%m/%Y"), moment.strftime("%H:%M"))
        return dt.date.fromisoformat(iso_day).strftime("%d/%m/%Y")
    except ValueError:
        return iso_day


def commune_name(insee: str) -> str:
    commune = communes.find(insee)
    return commune.name if commune else insee


def address_text(number: str | None, street: str | None) -> str:
    return " ".join(p for p in (number, street) if p)


def name_text(name: str | None) -> str:
    return name or NO_NAME


def flags_text(flags: tuple[RightId, ...]) -> str:
    return ", ".join(right_short_name(r, QCoreApplication.translate) for r in flags)


def organisation_text(organisation: Organisation | None) -> str:
    return organisation_short_name(organisation) if organisation else ""
