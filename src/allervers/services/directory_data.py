"""Synthetic data·inclusion files for the demo, the tests and the benchmarks: never real places.

The published files (docs/directory-format.md) are written by data·inclusion's pipeline with pandas:
a JSON array of records (`to_json(orient="records")`: dates as milliseconds since 1970, lists as
arrays) and a CSV (`to_csv`: dates as AAAA-MM-JJ, lists as Python lists `['a', 'b']`), one file for
the structures and one for the services, each record following `data-inclusion-schema` 1.0.10, the
services with the pipeline's `score_qualite`. This module writes the same, with the defects the
real files have: the same place published by two sources, services without any contact, entries
not updated for more than a year, and eligibility told in free text instead of `zone_eligibilite`.

Communes, EPCI and départements are real codes (OpenFisca-France's commune list, the DGCL's EPCI
list); names, streets and phone numbers are made up. Phone numbers are in 01 99 00 xx xx, the range
ARCEP keeps for works of fiction, and e-mail addresses under example.org (RFC 2606).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from allervers.questionnaire.communes import all_communes
from allervers.questionnaire.epci import all_epci, epci_of

# Producers seen in the consolidated files (the `source` field).
SOURCES = ("dora", "soliguide", "mediation-numerique", "action-logement", "mes-aides")
STREETS = (
    "rue de la Mairie",
    "place de l'Église",
    "rue du Commerce",
    "avenue de la Gare",
    "rue des Écoles",
    "rue Nationale",
    "place du Marché",
    "rue du Stade",
    "allée des Tilleuls",
    "rue Victor Hugo",
)
HOURS = (
    "Mo-Fr 09:00-12:00,14:00-17:00; PH off",
    "Tu,Th 09:00-12:30; PH off",
    "We 14:00-17:30",
    "Mo-Th 08:30-12:00,13:30-16:30; Fr 08:30-12:00; PH off",
)
# name, thematiques, reseaux porteurs of the structure, type of service
PROFILES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str]] = {
    "numerique": (
        ("Accompagnement aux démarches en ligne", "Atelier numérique", "Prêt d'ordinateur"),
        (
            "numerique--acceder-a-des-services-en-ligne",
            "numerique--maitriser-les-fondamentaux-du-numerique",
        ),
        ("conseillers-numeriques", "espaces-publics-numeriques"),
        "accompagnement",
    ),
    "mobilite": (
        ("Aide au permis de conduire", "Location solidaire de véhicules", "Transport solidaire"),
        ("mobilite--preparer-un-permis", "mobilite--acceder-a-un-vehicule"),
        ("wimoov", "mobin"),
        "aide-materielle",
    ),
    "alimentation": (
        ("Épicerie solidaire", "Distribution alimentaire"),
        ("equipement-et-alimentation--alimentation",),
        ("restos-du-coeur", "secours-populaire", "banques-alimentaires"),
        "aide-materielle",
    ),
    "sante": (
        ("Permanence d'accès aux soins", "Aide à la complémentaire santé"),
        ("sante--acces-aux-soins",),
        ("cms",),
        "accompagnement",
    ),
    "langue": (
        ("Cours de français", "Atelier sociolinguistique"),
        ("lecture-ecriture-calcul--maitriser-le-francais",),
        ("fcsf",),
        "atelier",
    ),
    "logement": (
        ("Aide aux impayés d'énergie", "Conseil logement"),
        (
            "logement-hebergement--se-maintenir-dans-le-logement",
            "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
        ),
        ("ccas-cias",),
        "aide-financiere",
    ),
    "lien_social": (
        ("Visites de convivialité", "Café des aidants"),
        ("remobilisation--lien-social",),
        ("croix-rouge",),
        "accompagnement",
    ),
    "droits": (
        ("Accompagnement à l'accès aux droits", "Aide aux démarches administratives"),
        (
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
        ),
        ("ccas-cias",),
        "accompagnement",
    ),
    "emploi": (
        ("Accompagnement vers l'emploi", "Atelier CV"),
        ("preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",),
        ("mission-locale",),
        "atelier",
    ),
}
# The offices of the rights, one per département: name, short name, reseaux porteurs.
OFFICES = (
    ("Caisse d'allocations familiales", "CAF", ("caf",)),
    ("Caisse primaire d'assurance maladie", "CPAM", ("cpam",)),
    ("Mutualité sociale agricole", "MSA", ("mutualite-sociale-agricole",)),
    ("Maison départementale des personnes handicapées", "MDPH", ("mdph",)),
    ("Agence retraite Carsat", "Carsat", ()),  # the schema has no network code for it
)
ACCESS_RIGHTS = (
    "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
    "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
)
# The demo's territory: Chemillé-en-Anjou in Mauges Communauté (Maine-et-Loire).
DEMO_COMMUNE = "49092"
DEMO_EPCI = "200060010"
OTHER_EPCI = "244900015"  # Angers Loire Métropole: its services are not for the demo's households


@dataclass(frozen=True, slots=True)
class SyntheticDirectory:
    structures: list[dict[str, Any]]
    services: list[dict[str, Any]]


class _Maker:
    def __init__(self, rng: random.Random, today: dt.date) -> None:
        self.rng = rng
        self.today = today
        self.structures: list[dict[str, Any]] = []
        self.services: list[dict[str, Any]] = []
        self.count = 0

    def _id(self) -> str:
        self.count += 1
        return f"{self.count:07d}"

    def _date_maj(self) -> dt.date:
        if self.rng.random() < 0.2:  # not updated for more than a year
            return self.today - dt.timedelta(days=self.rng.randint(400, 1100))
        return self.today - dt.timedelta(days=self.rng.randint(0, 330))

    def phone(self) -> str:
        return f"+3319900{self.rng.randint(0, 9999):04d}"

    def structure(
        self, name: str, commune: str, networks: Sequence[str], source: str | None = None
    ) -> dict[str, Any]:
        source = source or self.rng.choice(SOURCES)
        town = all_communes()[commune].name
        slug = "".join(c for c in name.lower() if c.isalnum())[:20] or "structure"
        record: dict[str, Any] = {
            "source": source,
            "id": f"{source}--{self._id()}",
            "nom": name,
            "date_maj": self._date_maj(),
            "description": f"{name}, à {town}.",
            "siret": f"{self.rng.randint(10**13, 10**14 - 1)}",
            "commune": town,
            "code_insee": commune,
            "adresse": f"{self.rng.randint(1, 60)} {self.rng.choice(STREETS)}",
            "telephone": self.phone(),
            "courriel": f"accueil@{slug}.example.org",
            "horaires_accueil": self.rng.choice(HOURS),
            "reseaux_porteurs": sorted(networks) or None,
        }
        self.structures.append(record)
        return record

    def service(
        self,
        structure: dict[str, Any],
        name: str,
        thematiques: Sequence[str],
        kind: str,
        zone: list[str] | None,
        contact: bool = True,
    ) -> dict[str, Any]:
        rng = self.rng
        record: dict[str, Any] = {
            "source": structure["source"],
            "structure_id": structure["id"],
            "id": f"{structure['source']}--{self._id()}",
            "nom": name,
            "description": f"{name} proposé par {structure['nom']}.",
            "date_maj": self._date_maj(),
            "type": kind,
            "thematiques": sorted(thematiques),
            "frais": rng.choice(("gratuit", "gratuit", "gratuit", "payant", None)),
            "publics": ["tous-publics"]
            if rng.random() < 0.7
            else [rng.choice(("seniors", "familles", "jeunes", "demandeurs-emploi"))],
            "commune": structure["commune"],
            "code_insee": structure["code_insee"],
            "adresse": structure["adresse"],
            "modes_accueil": rng.choice(
                (
                    ["en-presentiel"],
                    ["en-presentiel"],
                    ["a-distance"],
                    ["a-distance", "en-presentiel"],
                )
            ),
            "zone_eligibilite": zone,
            "modes_mobilisation": ["se-presenter", "telephoner"],
            "mobilisable_par": ["usagers", "professionnels"],
            "horaires_accueil": rng.choice(HOURS),
        }
        if record["frais"] == "payant":
            record["frais_precisions"] = "Adhésion annuelle de 5 €"
        if contact:
            record["telephone"] = self.phone()
            record["courriel"] = structure["courriel"]
        else:  # a service without any way to reach it
            record["modes_mobilisation"] = ["se-presenter"]
        if zone is None:  # eligibility told in words only
            record["conditions_acces"] = f"Réservé aux habitants de {structure['commune']}."
        self.services.append(record)
        return record

    def duplicate(self, structure: dict[str, Any], services: Iterable[dict[str, Any]]) -> None:
        """The same place and its services published again by another source."""
        other = self.rng.choice([s for s in SOURCES if s != structure["source"]])
        copy = dict(structure, source=other, id=f"{other}--{self._id()}")
        copy["date_maj"] = self._date_maj()
        self.structures.append(copy)
        for service in services:
            self.services.append(
                dict(
                    service,
                    source=other,
                    structure_id=copy["id"],
                    id=f"{other}--{self._id()}",
                    date_maj=self._date_maj(),
                )
            )


def synthetic_directory(
    services: int,
    departements: Sequence[str] | None = None,
    seed: int = 17,
    today: dt.date | None = None,
) -> SyntheticDirectory:
    """About `services` services (and their structures) spread over `departements` (every
    département when None), plus one office of each right per département. When the demo's
    département (49) is among them, its territory gets known entries the demo and the tests
    rely on (see `_demo_territory`)."""
    rng = random.Random(seed)  # noqa: S311  (synthetic data, not secrets)
    maker = _Maker(rng, today or dt.date.today())
    by_departement: dict[str, list[str]] = {}
    for known in all_communes().values():
        by_departement.setdefault(known.department, []).append(known.insee)
    chosen = sorted(departements) if departements else sorted(by_departement)
    for departement in chosen:
        communes = by_departement[departement]
        commune = communes[0] if departement != "49" else "49007"
        town = all_communes()[commune].name
        for name, short, networks in OFFICES:
            office = maker.structure(f"{name} ({town})", commune, networks, "dora")
            maker.service(office, f"Accueil {short}", ACCESS_RIGHTS, "information", [departement])
        if departement == "49":
            _demo_territory(maker)
    pool = [c for d in chosen for c in by_departement[d]]
    profiles = list(PROFILES)
    while len(maker.services) < services:
        commune = rng.choice(pool)
        profile = rng.choice(profiles)
        names, thematiques, carriers, kind = PROFILES[profile]
        town = all_communes()[commune].name
        structure = maker.structure(
            f"{rng.choice(('Association', 'Centre social', 'CCAS', 'Maison'))} de {town}",
            commune,
            [rng.choice(carriers)] if carriers else [],
        )
        made = [
            maker.service(
                structure,
                rng.choice(names),
                thematiques,
                kind,
                _zone(rng, commune),
                contact=rng.random() > 0.1,
            )
            for _ in range(rng.randint(1, 3))
        ]
        if rng.random() < 0.04:
            maker.duplicate(structure, made)
    return SyntheticDirectory(maker.structures, maker.services)


def _zone(rng: random.Random, commune: str) -> list[str] | None:
    draw = rng.random()
    epci = epci_of(commune)
    if draw < 0.3 or (draw < 0.65 and epci is None):
        return [commune]
    if draw < 0.65 and epci is not None:
        return [epci.code]
    if draw < 0.9:
        return [all_communes()[commune].department]
    if draw < 0.95:
        return ["france"]
    return None


def _demo_territory(maker: _Maker) -> None:
    """Known entries of the demo's territory: a France services and a digital help open to Mauges
    Communauté, located in Chemillé-en-Anjou; a digital help for Angers Loire Métropole only."""
    france_services = maker.structure(
        "France services de Chemillé-en-Anjou", DEMO_COMMUNE, ["france-service"], "dora"
    )
    maker.service(
        france_services,
        "Aide aux démarches administratives en ligne",
        (
            "numerique--acceder-a-des-services-en-ligne",
            *ACCESS_RIGHTS,
        ),
        "accompagnement",
        [DEMO_EPCI],
    )
    maker.duplicate(france_services, [maker.services[-1]])
    digital = maker.structure(
        "Espace numérique des Mauges",
        DEMO_COMMUNE,
        ["conseillers-numeriques"],
        "mediation-numerique",
    )
    maker.service(
        digital,
        "Atelier numérique pour débutants",
        ("numerique--maitriser-les-fondamentaux-du-numerique",),
        "atelier",
        [DEMO_EPCI],
    )
    angers = maker.structure(
        "Espace numérique d'Angers", "49007", ["conseillers-numeriques"], "mediation-numerique"
    )
    maker.service(
        angers,
        "Aide numérique aux démarches en ligne",
        ("numerique--acceder-a-des-services-en-ligne",),
        "accompagnement",
        [OTHER_EPCI],
    )
    for record in (*maker.structures[-5:], *maker.services[-5:]):
        record["date_maj"] = maker.today - dt.timedelta(days=30)  # fresh: no "à vérifier"
    epci = all_epci()[DEMO_EPCI]
    assert DEMO_COMMUNE in epci.communes
