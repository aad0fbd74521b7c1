"""How a directory entry is said on screen: one line of details and its marks ("à vérifier",
"sans contact", "retiré de l'annuaire")."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from allervers.domain.directory import (
    DirectoryService,
    FrozenService,
    OfficeKind,
    Piste,
    full_address,
)
from allervers.domain.followup import Place
from allervers.domain.rights import Organisation
from allervers.wording import opening_hours_text, organisation_name, phone_text

# Called by this name so that pyside6-lupdate finds the strings (translations/update.sh).
translate = QCoreApplication.translate


def office_name(kind: OfficeKind) -> str:
    if kind is OfficeKind.FRANCE_SERVICES:
        return translate("Directory", "France services")
    return organisation_name(Organisation(kind.value), QCoreApplication.translate)


def details(entry: DirectoryService) -> str:
    parts = [full_address(entry)]
    if entry.phone:
        parts.append(translate("Directory", "tél. {0}").format(phone_text(entry.phone)))
    if entry.email:
        parts.append(entry.email)
    if entry.hours:
        parts.append(opening_hours_text(entry.hours, QCoreApplication.translate))
    return " – ".join(p for p in parts if p)


def marks(entry: DirectoryService, today: dt.date) -> list[str]:
    found = []
    if entry.archived_on:
        found.append(
            translate("Directory", "retiré de l'annuaire le {0}").format(entry.archived_on)
        )
    if entry.stale(today):
        found.append(
            translate("Directory", "à vérifier (mis à jour le {0})").format(
                entry.date_maj.strftime("%d/%m/%Y")
            )
        )
    if not entry.has_contact:
        found.append(translate("Directory", "sans téléphone ni courriel"))
    return found


def piste_text(piste: Piste, today: dt.date) -> str:
    service = piste.service
    title = service.name
    if service.structure_name and service.structure_name != service.name:
        title = translate("Directory", "{0} ({1})").format(service.name, service.structure_name)
    notes = marks(service, today)
    if piste.zone_unknown:
        notes.append(translate("Directory", "qui peut y aller n'est pas précisé"))
    if piste.also_from:
        notes.append(
            translate("Directory", "aussi publié par {0}").format(", ".join(piste.also_from))
        )
    text = f"{title} — {details(service)}"
    return text + (f" ({'; '.join(notes)})" if notes else "")


def place_gaps(place: Place | None) -> list[str]:
    """What an office lacks for the household sheet."""
    if place is None:
        return [translate("Directory", "aucun accueil connu")]
    gaps = []
    if not place.address:
        gaps.append(translate("Directory", "adresse manquante"))
    if not place.phone:
        gaps.append(translate("Directory", "téléphone manquant"))
    return gaps


def entry_gaps(entry: DirectoryService | None) -> list[str]:
    if entry is None:
        return [translate("Directory", "aucun accueil connu")]
    gaps = []
    if not entry.address:
        gaps.append(translate("Directory", "adresse manquante"))
    if not entry.phone:
        gaps.append(translate("Directory", "téléphone manquant"))
    return gaps


def place_line(place: Place) -> str:
    """An office on one line, phone and hours in French; "à vérifier" when over a year old; what
    it lacks for the household sheet."""
    hours = opening_hours_text(place.hours, QCoreApplication.translate) if place.hours else ""
    text = " – ".join(p for p in (place.name, place.address, phone_text(place.phone), hours) if p)
    notes = place_gaps(place)
    if place.stale:
        notes.append(
            translate("Directory", "à vérifier (mis à jour le {0})").format(place.date_maj)
        )
    return text + (f" ({'; '.join(notes)})" if notes else "")


def frozen_service_text(service: FrozenService) -> str:
    """The place a referral points to, as it was when referred."""
    parts = [service.name, service.address]
    if service.phone:
        parts.append(translate("Directory", "tél. {0}").format(phone_text(service.phone)))
    if service.hours:
        parts.append(opening_hours_text(service.hours, QCoreApplication.translate))
    return translate("Directory", "Lieu : {0} (fiche du {1}).").format(
        " – ".join(p for p in parts if p), service.date_maj
    )
