"""Matching findings to services: eligibility zones, rings, ranking, duplicates, offices. Pure
functions on plain data."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from data_inclusion.schema import v1

from allervers.domain.directory import Area, DirectoryService, OfficeKind
from allervers.domain.directory_matching import (
    eligible,
    group_duplicates,
    household_publics,
    office_for,
    pistes,
    ring,
)
from allervers.services.directory_table import matching_table

TODAY = dt.date(2026, 5, 4)
CHEMILLE = Area("49092", "200060010", "49")
BEAUPREAU = Area("49023", "200060010", "49")
ANGERS = Area("49007", "244900015", "49")
NANTES = Area("44109", "244400404", "44")
DIGITAL = "numerique--acceder-a-des-services-en-ligne"


def service(
    id_: str, where: Area, zone: tuple[str, ...] | None, **fields: object
) -> DirectoryService:
    base = DirectoryService(
        id=id_,
        source=str(fields.pop("source", "dora")),
        name=f"Service {id_}",
        structure_id=f"s-{id_}",
        structure_name=f"Structure {id_}",
        date_maj=TODAY - dt.timedelta(days=30),
        address=f"{id_} rue de la Mairie",
        commune="X",
        code_insee=where.commune,
        phone="+33199001234",
        thematiques=frozenset({DIGITAL}),
        zone=zone,
        area=where,
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def test_zone_holds_commune_epci_departement_or_france() -> None:
    for zone in (("49092",), ("200060010",), ("49",), ("france",), ("99100",), ("44", "49")):
        assert eligible(service("a", ANGERS, zone), CHEMILLE, frozenset())
    for zone in (("49007",), ("244900015",), ("44",), ("99134",)):
        assert not eligible(service("a", ANGERS, zone), CHEMILLE, frozenset())


def test_zone_told_in_words_only_is_kept_near_home_only() -> None:
    assert eligible(service("a", BEAUPREAU, None), CHEMILLE, frozenset())  # same EPCI
    assert not eligible(service("a", ANGERS, None), CHEMILLE, frozenset())


def test_public_must_be_the_households_or_anyone() -> None:
    young = service("a", CHEMILLE, ("49",), publics=frozenset({"jeunes"}))
    assert not eligible(young, CHEMILLE, frozenset({"seniors"}))
    assert eligible(young, CHEMILLE, frozenset({"jeunes", "familles"}))
    assert eligible(replace(young, publics=frozenset({"tous-publics"})), CHEMILLE, frozenset())
    assert eligible(replace(young, publics=None), CHEMILLE, frozenset())


def test_archived_services_are_never_proposed() -> None:
    gone = service("a", CHEMILLE, ("49",), archived_on="2026-05-01")
    assert not eligible(gone, CHEMILLE, frozenset())


def test_rings() -> None:
    assert ring(service("a", CHEMILLE, None), CHEMILLE) == 0
    assert ring(service("a", BEAUPREAU, None), CHEMILLE) == 1
    assert ring(service("a", ANGERS, None), CHEMILLE) == 2
    assert ring(service("a", NANTES, None), CHEMILLE) == 3


def test_pistes_nearest_first_then_fresh_then_in_person_then_free_then_quality() -> None:
    table = matching_table()
    far = service("far", ANGERS, ("49",), score=1.0)
    near = service("near", BEAUPREAU, ("200060010",), score=0.1)
    stale = service("stale", CHEMILLE, ("49092",), date_maj=TODAY - dt.timedelta(days=400))
    remote = service("remote", CHEMILLE, ("49092",), modes_accueil=frozenset({"a-distance"}))
    here = service("here", CHEMILLE, ("49092",), modes_accueil=frozenset({"en-presentiel"}))
    found = pistes(
        [far, near, stale, remote, here], CHEMILLE, ["need:digital"], table, frozenset(), TODAY, 5
    )
    assert [p.service.id for p in found] == ["here", "remote", "stale", "near", "far"]
    assert [p.stale for p in found] == [False, False, True, False, False]
    assert found[0].findings == ("need:digital",)


def test_pistes_take_each_finding_in_turn_and_stop_at_three() -> None:
    table = matching_table()
    digital = [service(f"d{i}", CHEMILLE, ("49",)) for i in range(4)]
    food = [
        service(
            f"f{i}",
            CHEMILLE,
            ("49",),
            thematiques=frozenset({"equipement-et-alimentation--alimentation"}),
        )
        for i in range(2)
    ]
    found = pistes(
        [*digital, *food], CHEMILLE, ["need:digital", "need:food"], table, frozenset(), TODAY
    )
    assert [p.service.id for p in found] == ["d0", "f0", "d1"]


def test_duplicates_across_sources_are_shown_once() -> None:
    table = matching_table()
    first = service("a", CHEMILLE, ("49",), siret="12345678900011", source="dora")
    again = service("b", CHEMILLE, ("49",), siret="12345678900011", source="soliguide")
    same_address = service("c", CHEMILLE, ("49",), source="mes-aides", address="a rue de la Mairie")
    found = pistes(
        [first, again, same_address], CHEMILLE, ["need:digital"], table, frozenset(), TODAY
    )
    assert [p.service.id for p in found] == ["a"]
    assert found[0].also_from == ("mes-aides", "soliguide")
    # One source listing two services at one place: two services, not duplicates.
    other = service("d", CHEMILLE, ("49",), siret="12345678900011", source="dora")
    assert len(group_duplicates([first, other])) == 2


def test_no_contact_and_free_text_zone_are_said() -> None:
    table = matching_table()
    mute = service("a", BEAUPREAU, None, phone="", email="", link="")
    found = pistes([mute], CHEMILLE, ["need:digital"], table, frozenset(), TODAY)
    assert found[0].zone_unknown
    assert not found[0].service.has_contact


def test_office_coordinator_entry_first_then_nearest_of_the_network() -> None:
    table = matching_table()
    caf_angers = service("caf", ANGERS, None, networks=frozenset({"caf"}))
    caf_nantes = service("caf44", NANTES, None, networks=frozenset({"caf"}))
    carsat = service("carsat", ANGERS, None, structure_name="Agence retraite Carsat")
    assert (
        office_for(OfficeKind.CAF, CHEMILLE, [caf_nantes, caf_angers], table, TODAY) == caf_angers
    )
    assert office_for(OfficeKind.CAF, NANTES, [caf_nantes, caf_angers], table, TODAY) == caf_nantes
    assert office_for(OfficeKind.CARSAT, CHEMILLE, [carsat], table, TODAY) == carsat
    assert office_for(OfficeKind.MSA, CHEMILLE, [caf_angers], table, TODAY) is None
    typed = service("local--1", CHEMILLE, None, source="local", office=OfficeKind.CAF)
    assert office_for(OfficeKind.CAF, CHEMILLE, [caf_angers, typed], table, TODAY) == typed


def test_publics_from_answers_and_findings() -> None:
    table = matching_table()
    publics = household_publics(["right:aah", "need:digital"], table, ["familles"])
    assert publics == {"familles", "personnes-en-situation-de-handicap"}


def test_the_table_names_only_codes_of_the_pinned_schema() -> None:
    table = matching_table()
    thematiques = {t.value for t in v1.Thematique}
    publics = {p.value for p in v1.Public}
    networks = {r.value for r in v1.ReseauPorteur}
    assert table.schema == "data-inclusion-schema 1.0.10"
    for finding, target in table.findings.items():
        assert target.thematiques and target.thematiques <= thematiques, finding
        assert target.publics <= publics, finding
    for rule in table.offices.values():
        assert rule.networks <= networks
    assert set(table.offices) == set(OfficeKind)


def test_every_need_and_reason_of_the_questionnaire_has_a_target() -> None:
    from allervers.domain.followup import NonDemandeDetail, NonRecoursReason
    from allervers.domain.rights import RightId
    from allervers.questionnaire.loader import load

    table = matching_table()
    questionnaire = load("visite", 1)
    needs = next(q for s in questionnaire.sections for q in s.questions if q.id == "needs")
    for choice in needs.choices:
        assert table.target(f"need:{choice.value}") is not None, choice.value
    for reason in NonRecoursReason:
        assert table.target(f"reason:{reason.value}") is not None
    for detail in NonDemandeDetail:
        assert table.target(f"reason:non_demande.{detail.value}") is not None
    for right in RightId:
        assert table.target(f"right:{right.value}") is not None
