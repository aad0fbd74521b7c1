"""How the local services directory's entries are said: hours, phones, where to find an office."""

from __future__ import annotations

import re

from allervers.domain.rights import Organisation
from allervers.wording.base import Translate, identity

_OSM_RULE = re.compile(
    r"^(?:(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?(?:,|\s))+"
    r"(?:off|\d{2}:\d{2}-\d{2}:\d{2}(?:,\d{2}:\d{2}-\d{2}:\d{2})*)$"
)


def office_hint(organisation: Organisation, translate: Translate = identity) -> str:
    """Where a household finds an office the directory does not give: the national numbers and
    sites of each organisation (from their own sites: caf.fr, ameli.fr, lassuranceretraite.fr,
    impots.gouv.fr, chequeenergie.gouv.fr, msa.fr, monparcourshandicap.gouv.fr)."""
    return {
        Organisation.CAF: translate(
            "Wording",
            "adresse et horaires de votre CAF sur caf.fr (« Contacter ma Caf ») ou au 32 30",
        ),
        Organisation.MSA: translate(
            "Wording", "adresse et horaires de votre MSA sur msa.fr, rubrique « Contact »"
        ),
        Organisation.CPAM: translate("Wording", "accueil de votre CPAM sur ameli.fr ou au 36 46"),
        Organisation.CARSAT: translate(
            "Wording", "votre caisse de retraite sur lassuranceretraite.fr ou au 39 60"
        ),
        Organisation.MDPH: translate(
            "Wording", "la MDPH de votre département sur monparcourshandicap.gouv.fr"
        ),
        Organisation.IMPOTS: translate(
            "Wording", "votre centre des finances publiques sur impots.gouv.fr ou au 0 809 401 401"
        ),
        Organisation.ASP: translate(
            "Wording", "chequeenergie.gouv.fr ou le 0 805 204 805 (appel gratuit)"
        ),
    }[organisation]


def _clock(text: str) -> str:
    hours, minutes = text.split(":")
    return f"{int(hours)} h" + (f" {minutes}" if minutes != "00" else "")


def opening_hours_text(hours: str, translate: Translate = identity) -> str:
    """data·inclusion's hours are in OpenStreetMap's format ("Mo-Fr 09:00-12:00; PH off"); said
    in French ("lun.-ven. 9 h-12 h ; fermé les jours fériés"). Hours typed in words, or in a
    form this does not read, are shown as typed."""
    rules = [rule.strip() for rule in hours.split(";") if rule.strip()]
    if not rules or not all(_OSM_RULE.match(rule) for rule in rules):
        return hours
    names = {
        "Mo": translate("Hours", "lun."),
        "Tu": translate("Hours", "mar."),
        "We": translate("Hours", "mer."),
        "Th": translate("Hours", "jeu."),
        "Fr": translate("Hours", "ven."),
        "Sa": translate("Hours", "sam."),
        "Su": translate("Hours", "dim."),
    }
    said = []
    for rule in rules:
        days, _space, times = rule.rpartition(" ")
        if days == "PH" and times == "off":
            said.append(translate("Hours", "fermé les jours fériés"))
            continue
        day_text = re.sub(r"Mo|Tu|We|Th|Fr|Sa|Su", lambda m: names[m.group(0)], days)
        day_text = day_text.replace(",", ", ").replace("PH", translate("Hours", "jours fériés"))
        if times == "off":
            said.append(translate("Hours", "{0} : fermé").format(day_text))
            continue
        spans = ", ".join("-".join(_clock(t) for t in span.split("-")) for span in times.split(","))
        said.append(f"{day_text} {spans}")
    return " ; ".join(said)


def phone_text(phone: str) -> str:
    """ "+33241000000" (E.164, as data·inclusion asks) -> "02 41 00 00 00"; other forms as given."""
    digits = phone.replace(" ", "").replace(".", "")
    if re.fullmatch(r"\+33[1-9]\d{8}", digits):
        digits = "0" + digits[3:]
    if re.fullmatch(r"0[1-9]\d{8}", digits):
        return " ".join(digits[i : i + 2] for i in range(0, 10, 2))
    return phone
