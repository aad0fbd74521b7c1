"""The communes list read from OpenFisca-France's zoning file, as volunteers type and see it."""

from __future__ import annotations

from allervers.questionnaire import communes


def test_names_with_oe_are_shown_as_written() -> None:
    # The file holds these names with a control character instead of "œ" / "Œ".
    coeuvres = communes.find("02201")
    assert coeuvres is not None and coeuvres.name == "Cœuvres-et-Valsery"
    assert all(
        not any("\x80" <= c <= "\x9f" for c in commune.name)
        for commune in communes.all_communes().values()
    )


def test_a_commune_is_found_by_its_name_typed_without_accent_or_ligature() -> None:
    found = communes.search("coeuvres")
    assert [c.name for c in found][:1] == ["Cœuvres-et-Valsery"]
