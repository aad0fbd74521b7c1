"""One batch of households as OpenFisca-France sees it: entity arrays plus dated inputs.

`mapping.build_situation` fills a `Situation`; `batch.build_simulation` turns it into a simulation
with `SimulationBuilder.create_entities` / `declare_person_entity` / `declare_entity` /
`join_with_persons` and `set_input`; `Situation.to_entities_dict` gives the same situation as the
nested dict `SimulationBuilder.build_from_entities` reads (kept for the benchmark and for debugging).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from allervers.rights.csg import CsgRate

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class SituationInput:
    variable: str
    period: str
    values: npt.NDArray[Any]


@dataclass(slots=True)
class Structure:
    """Who belongs to which group, with which role, for all households of the batch."""

    person_household: IntArray
    person_rank: IntArray
    """Index of the person in its household's `persons` answer."""
    famille_of_person: IntArray
    famille_role: npt.NDArray[np.str_]
    foyer_of_person: IntArray
    foyer_role: npt.NDArray[np.str_]
    menage_role: npt.NDArray[np.str_]
    main_famille: IntArray
    """Per household, the index of the family whose rights are assessed."""
    main_foyer: IntArray
    in_main_famille: npt.NDArray[np.bool_]
    n_familles: int
    n_foyers: int

    @property
    def n_persons(self) -> int:
        return len(self.person_household)

    @property
    def n_menages(self) -> int:
        return len(self.main_famille)


@dataclass(frozen=True, slots=True)
class TaxFacts:
    """What the reasons quote about each household's main foyer fiscal and its members."""

    rfr: FloatArray
    """Revenu fiscal de référence given to OpenFisca for the main foyer, per household."""
    rfr_estimated: npt.NDArray[np.bool_]
    """True when it was estimated from the declared incomes (no tax notice answer)."""
    shares: FloatArray
    """Tax shares of the main foyer, per household (`tax_shares`)."""
    csg_rate: list[CsgRate]
    """Per person, the CSG rate on replacement incomes in the month assessed."""


@dataclass(slots=True)
class Situation:
    month: date
    structure: Structure
    tax: TaxFacts
    shifted: npt.NDArray[np.bool_]
    """Per family, whether its RSA and prime d'activité of M read M-4..M-2 (`reference_months`)."""
    inputs: list[SituationInput] = field(default_factory=list)

    def to_entities_dict(self) -> dict[str, dict[str, dict[str, Any]]]:
        """The same situation as one nested dict for `SimulationBuilder.build_from_entities`."""
        s = self.structure
        individus: dict[str, dict[str, Any]] = {str(i): {} for i in range(s.n_persons)}
        familles: dict[str, dict[str, Any]] = {
            str(f): {"parents": [], "enfants": []} for f in range(s.n_familles)
        }
        foyers: dict[str, dict[str, Any]] = {
            str(f): {"declarants": [], "personnes_a_charge": []} for f in range(s.n_foyers)
        }
        menages: dict[str, dict[str, Any]] = {
            str(m): {"personne_de_reference": [], "conjoint": [], "enfants": [], "autres": []}
            for m in range(s.n_menages)
        }
        for person in range(s.n_persons):
            pid = str(person)
            famille = familles[str(s.famille_of_person[person])]
            famille["enfants" if s.famille_role[person] == "enfant" else "parents"].append(pid)
            foyer = foyers[str(s.foyer_of_person[person])]
            plural = (
                "personnes_a_charge"
                if s.foyer_role[person] == "personne_a_charge"
                else "declarants"
            )
            foyer[plural].append(pid)
            role = str(s.menage_role[person])
            menage_key = {"enfant": "enfants", "autre": "autres"}.get(role, role)
            menages[str(s.person_household[person])][menage_key].append(pid)
        by_entity = {
            "individu": individus,
            "famille": familles,
            "foyer_fiscal": foyers,
            "menage": menages,
        }
        from openfisca_core import periods  # type: ignore[import-untyped]

        for item in self.inputs:
            instances = by_entity[ENTITY_OF_INPUT[item.variable]]
            # Canonical period keys: openfisca-core 44 buffers dict inputs under the canonical
            # string but looks them up under the given one, so with a non-canonical key (e.g.
            # "month:2025-10:12", canonically "year:2025-10") only the last instance's value
            # would survive.
            period = str(periods.period(item.period))
            values = item.values
            if np.issubdtype(values.dtype, np.datetime64):
                values = np.datetime_as_string(values, unit="D")
            for index, value in enumerate(values.tolist()):
                instances[str(index)].setdefault(item.variable, {})[period] = value
        return {
            "individus": individus,
            "familles": familles,
            "foyers_fiscaux": foyers,
            "menages": menages,
        }


ENTITY_OF_INPUT = {
    **dict.fromkeys(
        (
            "date_naissance",
            "salaire_net",
            "salaire_de_base",
            "salaire_imposable",
            "rpns_auto_entrepreneur_benefice",
            "rpns_imposables",
            "chomage_net",
            "chomage_brut",
            "retraite_nette",
            "retraite_brute",
            "pensions_alimentaires_percues",
            "revenus_locatifs",
            "activite",
            "etudiant",
            "handicap",
            "taux_incapacite",
            "aah_restriction_substantielle_durable_acces_emploi",
            "nationalite",
            "duree_possession_titre_sejour",
        ),
        "individu",
    ),
    "rsa": "famille",
    "departement_experimentation_rsa": "famille",
    "rfr": "foyer_fiscal",
    "nbptr": "foyer_fiscal",
    **dict.fromkeys(
        (
            "depcom",
            "statut_occupation_logement",
            "loyer",
            "charges_locatives",
            "logement_conventionne",
        ),
        "menage",
    ),
}
