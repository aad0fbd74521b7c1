"""French dictionary order for names: accents, case, hyphens and apostrophes do not decide it."""

from __future__ import annotations

from allervers.domain.collation import french_sort_key


def test_accents_and_case_do_not_decide_the_order() -> None:
    names = ["Sèvremoine", "écouflant", "Chemillé-en-Anjou", "La Séguinière", "Beaupréau-en-Mauges"]
    assert sorted(names, key=french_sort_key) == [
        "Beaupréau-en-Mauges",
        "Chemillé-en-Anjou",
        "écouflant",
        "La Séguinière",
        "Sèvremoine",
    ]


def test_punctuation_counts_as_a_space_and_a_shorter_name_comes_first() -> None:
    names = ["Saint-Aubin", "Saint Lô", "Saint", "Saint-Aubin-d'Aubigné", "Sainte-Anne", "Laval"]
    names.append("La Pommeraye")
    assert sorted(names, key=french_sort_key) == [
        "La Pommeraye",
        "Laval",
        "Saint",
        "Saint-Aubin",
        "Saint-Aubin-d'Aubigné",
        "Saint Lô",
        "Sainte-Anne",
    ]


def test_ligatures_sort_as_their_letters() -> None:
    # "\x9c" is how openfisca-france's commune list spells "œ" (Windows-1252 read as Latin-1).
    names = ["Oeuilly", "Coffe", "Cœuvres", "C\x9cuvres-et-Valsery", "Codet"]
    assert sorted(names, key=french_sort_key) == [
        "Codet",
        "Cœuvres",
        "C\x9cuvres-et-Valsery",
        "Coffe",
        "Oeuilly",
    ]


def test_names_equal_but_for_accents_or_case_still_have_one_order() -> None:
    assert french_sort_key("Cote") != french_sort_key("Côte") != french_sort_key("cote")
    assert sorted(["Côte", "cote", "Cote"], key=french_sort_key) == sorted(
        ["cote", "Cote", "Côte"], key=french_sort_key
    )
