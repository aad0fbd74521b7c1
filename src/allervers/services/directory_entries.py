"""From validated data·inclusion records to directory entries: which records an import keeps
(the département and its zones), and each record as a `DirectoryService` with its fingerprint."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from allervers.domain.directory import Area, DirectoryService
from allervers.domain.errors import UnknownRecord
from allervers.questionnaire.communes import all_communes
from allervers.questionnaire.epci import (
    all_epci,
    area_of,
    communes_of_departement,
    neighbouring_communes,
)
from allervers.storage import directory_repo
from allervers.storage.directory_rows import Incoming, offer_values, place_values


@dataclass(frozen=True, slots=True)
class Keep:
    departement: str | None
    communes: frozenset[str]
    codes: frozenset[str]  # the département, its communes and its EPCIs, for the zones

    def located(self, data: Mapping[str, Any]) -> bool:
        code = data.get("code_insee")
        return self.departement is None or (isinstance(code, str) and code in self.communes)

    def service(self, data: Mapping[str, Any]) -> bool:
        if self.located(data):
            return True
        zone = data.get("zone_eligibilite")
        return isinstance(zone, list) and any(
            code in self.codes for code in zone if isinstance(code, str)
        )


def area_filter(departement: str | None, neighbours: bool) -> Keep:
    """Records located in the département (and, if chosen, in the communes of its EPCIs across
    the border), and services whose zone names the département, one of its EPCIs or communes.
    National services located elsewhere (zone "france") are left out: a national file holds
    thousands, mostly for job seekers, and the household needs places near home."""
    if departement is None:
        return Keep(None, frozenset(), frozenset())
    inside = frozenset(communes_of_departement(departement))
    communes = inside | (neighbouring_communes(departement) if neighbours else frozenset())
    epcis = frozenset(e.code for e in all_epci().values() if e.communes & inside)
    return Keep(departement, communes, frozenset({departement}) | inside | epcis)


def located_area(code_insee: str | None) -> Area | None:
    if not code_insee or code_insee not in all_communes():
        return None
    return area_of(code_insee)


def fingerprint(record: str, entry: DirectoryService) -> str:
    canonical = {
        **place_values(entry),
        **offer_values(entry),
        "structure_id": entry.structure_id,
    }
    text = record + json.dumps(canonical, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def incoming_structure(model: Any) -> Incoming:
    entry = DirectoryService(
        id=model.id,
        source=model.source,
        name=model.nom,
        structure_id=model.id,
        structure_name=model.nom,
        date_maj=model.date_maj,
        address=address_of(model),
        postal_code=model.code_postal or "",
        commune=model.commune or "",
        code_insee=model.code_insee,
        phone=model.telephone or "",
        email=str(model.courriel or ""),
        hours=model.horaires_accueil or "",
        siret=model.siret or "",
        networks=frozenset(r.value for r in model.reseaux_porteurs or ()),
        area=located_area(model.code_insee),
    )
    record = json.dumps(model.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
    return Incoming(entry, fingerprint(record, entry), record)


def address_of(model: Any) -> str:
    return ", ".join(p for p in (model.adresse, model.complement_adresse) if p)


def service_entry(model: Any, score: Any, structure: DirectoryService | None) -> DirectoryService:
    """A service, with its structure's address, phone, e-mail and hours where it has none (the
    schema says to use the structure's: `horaires_accueil`, `modes_mobilisation`)."""
    own_place = bool(model.adresse or model.code_insee)
    base = structure if structure is not None else None
    try:
        quality = float(score) if score is not None else None
    except (TypeError, ValueError):
        quality = None
    conditions = " ".join(p for p in (model.conditions_acces, model.publics_precisions) if p)
    code_insee = model.code_insee if own_place else (base.code_insee if base else None)
    return DirectoryService(
        id=model.id,
        source=model.source,
        name=model.nom,
        structure_id=model.structure_id,
        structure_name=base.name if base else "",
        date_maj=model.date_maj,
        address=address_of(model) if own_place else (base.address if base else ""),
        postal_code=(model.code_postal if own_place else (base.postal_code if base else "")) or "",
        commune=(model.commune if own_place else (base.commune if base else "")) or "",
        code_insee=code_insee,
        phone=model.telephone or (base.phone if base else ""),
        email=str(model.courriel or (base.email if base else "")),
        link=str(model.lien_mobilisation or ""),
        hours=model.horaires_accueil or (base.hours if base else ""),
        siret=base.siret if base else "",
        thematiques=frozenset(t.value for t in model.thematiques or ()),
        publics=None if model.publics is None else frozenset(p.value for p in model.publics),
        zone=None if model.zone_eligibilite is None else tuple(model.zone_eligibilite),
        modes_accueil=frozenset(m.value for m in model.modes_accueil or ()),
        frais=model.frais.value if model.frais else None,
        score=quality,
        networks=base.networks if base else frozenset(),
        conditions=conditions,
        area=located_area(code_insee),
    )


def incoming_service(model: Any, score: Any, structure: DirectoryService | None) -> Incoming:
    entry = service_entry(model, score, structure)
    record = json.dumps(model.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
    return Incoming(entry, fingerprint(record, entry), record)


def stored_structures(session: Any, ids: set[str]) -> dict[str, DirectoryService]:
    """Structures already imported, for a services file imported alone."""
    found = {}
    for structure_id in ids:
        try:
            found[structure_id] = directory_repo.service_by_id(session, structure_id)
        except UnknownRecord:  # not imported: the service stands alone
            continue
    return found
