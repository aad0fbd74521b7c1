"""The referrals' errors in words."""

from __future__ import annotations

from allervers.domain import errors
from allervers.messages.base import Translate, identity


def _french_day(iso_day: str | None) -> str:
    return f"{iso_day[8:10]}/{iso_day[5:7]}/{iso_day[:4]}" if iso_day else ""


def describe_referral_error(error: BaseException, translate: Translate = identity) -> str | None:
    """A referral step's date refused (domain.referrals.step_date_problem); None for another
    error."""
    if not isinstance(error, errors.StepDateRefused):
        return None
    what = {
        "referred": translate("Messages", "La date de l'orientation"),
        "claim_filed": translate("Messages", "La date du dépôt de la demande"),
        "opened": translate("Messages", "La date de la décision"),
        "refused": translate("Messages", "La date du refus"),
        "no_news": translate("Messages", "La date de la relance"),
    }.get(error.status, translate("Messages", "La date de cette étape"))
    if error.problem == "future":
        return translate(
            "Messages", "{0} ({1}) est dans le futur : une étape s'enregistre une fois faite."
        ).format(what, _french_day(error.on))
    return translate(
        "Messages",
        "{0} ({1}) précède la date de l'orientation ({2}) : vérifiez la date saisie.",
    ).format(what, _french_day(error.on), _french_day(error.referred_on))
