"""The OpenFisca-France tax-benefit system as Aller-Vers uses it: built once per process.

- Variables for incomes or benefits the interview never asks about are neutralised (always zero,
  never computed). Zero is what OpenFisca would find anyway without inputs, but computing it walks
  long chains (unemployment benefit from past salaries, work-accident annuities, daily
  allowances...) for every month a formula looks at.
- Aller-Vers' own CSS ceilings are written into its parameters (`css_ceilings`).
- The legislation at an instant is built as formulas read it (`lazy_parameters`).
- From the engine cache (`system_cache`), the parameters come from one file and the variables are
  loaded file by file when first needed (`lazy_variables`); without it, everything is loaded from
  openfisca-france's YAML and Python files, as `FranceTaxBenefitSystem()` does.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import inspect
import os
import sys
from types import ModuleType
from typing import Any

from openfisca_core import periods  # type: ignore[import-untyped]
from openfisca_core.taxbenefitsystems import TaxBenefitSystem  # type: ignore[import-untyped]
from openfisca_core.variables import Variable  # type: ignore[import-untyped]
from openfisca_france import FranceTaxBenefitSystem  # type: ignore[import-untyped]
from openfisca_france.conf.cache_blacklist import (  # type: ignore[import-untyped]
    cache_blacklist,
)
from openfisca_france.entities import entities  # type: ignore[import-untyped]

from allervers.rights import communes, css_ceilings
from allervers.rights.lazy_parameters import LazyNodeAtInstant
from allervers.rights.lazy_variables import LazyVariables

NOT_ASKED = (
    # Benefits and incomes the questionnaire (visite v1) has no question for.
    "ass",  # allocation de solidarité spécifique: the "unemployment" answer is taken as ARE
    "asi",  # allocation supplémentaire d'invalidité: no invalidity pension is asked
    "caah",  # complément AAH, abolished on 1 December 2019 (loi n° 2018-1317, art. 266)
    "pensions_invalidite",
    "rente_accident_travail",
    "indemnites_journalieres",
    "rsa_indemnites_journalieres_activite",
    "rsa_indemnites_journalieres_hors_activite",
    "allocation_retour_emploi",  # the net unemployment benefit is answered directly
    "complement_are_brut",
    # The 3 % pension contribution on the daily reference wage (art. L5422-10 code du travail) is
    # computed by OpenFisca from a reference wage it would rebuild from past salaries; the declared
    # net benefit is taken as what France Travail pays after CSG and CRDS only.
    "chomage_cotisation_retraite_complementaire",
    "indemnites_chomage_partiel",
    "allocation_securisation_professionnelle",
    "prime_forfaitaire_mensuelle_reprise_activite",
    "revenus_stage_formation_pro",
    "indemnites_stage",
    "remuneration_apprenti",
    "indemnites_volontariat",
    "bourse_recherche",
    "hsup",
    "etr",
    "traitement_indiciaire_brut",
    "gains_exceptionnels",
    "prestation_compensatoire",
    "dedommagement_victime_amiante",
    "retraite_combattant",
    "aeeh",  # allocation d'éducation de l'enfant handicapé: no question about children's disability
    "paje_clca",  # parental leave benefits: no question about parental leave
    "paje_colca",
    "paje_prepare",
)


def openfisca_france_version() -> str:
    return importlib.metadata.version("openfisca-france")


def package_location() -> str:
    """The folder holding the `openfisca_france` package (site-packages)."""
    return os.path.dirname(os.path.dirname(inspect.getfile(FranceTaxBenefitSystem)))


class AllerVersSystem(FranceTaxBenefitSystem):  # type: ignore[misc]
    """`AllerVersSystem()` loads everything; `AllerVersSystem.from_parts(...)` starts from the
    engine cache."""

    variable_files: dict[str, str]
    """Variable name -> model file, relative to `package_location()`."""

    def __init__(self) -> None:
        super().__init__()
        self._at_instant: dict[str, LazyNodeAtInstant] = {}
        self.variable_files = {
            name: _relative_file(variable) for name, variable in self.variables.items()
        }
        for variable in NOT_ASKED:
            self.neutralize_variable(variable)
        css_ceilings.apply_to(self)

    @classmethod
    def from_parts(
        cls, parameters: Any, variable_files: dict[str, str], zones: dict[str, int]
    ) -> AllerVersSystem:
        """From cached parameters (CSS ceilings already written in), the variables' index and the
        APL zones of the communes (`communes.apl_zones`)."""
        system: AllerVersSystem = cls.__new__(cls)
        TaxBenefitSystem.__init__(system, entities)
        system.parameters = parameters
        system.cache_blacklist = cache_blacklist
        system._at_instant = {}
        system.variable_files = variable_files
        root = package_location()
        communes.preload(zones)

        def execute(path: str) -> list[type]:
            module = system.execute_model_file(os.path.join(root, path))
            if getattr(module, "zone_apl_by_depcom", 0) is None:
                # `zone_apl` would read the same CSV again (`preload_zone_apl`).
                setattr(module, "zone_apl_by_depcom", zones)  # noqa: B010 (a module global)
            return variable_classes(module)

        def make(cls: type) -> None:
            system.add_variable(cls)
            if cls.__name__ in NOT_ASKED:
                system.neutralize_variable(cls.__name__)

        system.variables = LazyVariables(variable_files, execute, make)
        return system

    def execute_model_file(self, path: str) -> ModuleType:
        """The module part of openfisca-core's `add_variables_from_file`, without its source
        introspection (an AST of each file, for the web API's documentation: seconds for nothing
        here). The module is named as openfisca-core names it, so that nothing else differs."""
        file_name = os.path.splitext(os.path.basename(path))[0]
        module_name = f"{id(self)}_{hash(os.path.abspath(path))}_{file_name}"
        spec = importlib.util.spec_from_file_location(module_name, path)
        if spec is None or spec.loader is None:
            raise ImportError(path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
        return module

    def get_parameters_at_instant(self, instant: Any) -> LazyNodeAtInstant:
        key = instant.start if isinstance(instant, periods.Period) else periods.instant(instant)
        instant_str = str(key)
        if instant_str not in self._at_instant:
            self._at_instant[instant_str] = LazyNodeAtInstant("", self.parameters, instant_str)
        return self._at_instant[instant_str]

    def get_package_metadata(self) -> dict[str, str]:
        """openfisca-france's, not this module's (openfisca-core reads it from the class's module)."""
        return {
            "name": "OpenFisca-France",
            "version": openfisca_france_version(),
            "repository_url": "https://github.com/openfisca/openfisca-france",
            "location": package_location(),
        }


def variable_classes(module: ModuleType) -> list[type]:
    """The `Variable` classes a model module defines (not those it imports)."""
    found = []
    for item in dir(module):
        candidate = getattr(module, item)
        if (
            inspect.isclass(candidate)
            and issubclass(candidate, Variable)
            and candidate.__module__ == module.__name__
        ):
            found.append(candidate)
    return found


def _relative_file(variable: Any) -> str:
    """The model file a variable comes from (openfisca-core records it when loading the file)."""
    root = package_location()
    data = getattr(variable, "introspection_data", None)
    if data:  # the file's path with the package location taken off: "/openfisca_france/..."
        return os.path.normpath(str(data[0]).lstrip("/\\"))
    return os.path.relpath(inspect.getfile(type(variable)), root)


def build_system() -> TaxBenefitSystem:
    """Everything loaded from openfisca-france's files (no cache)."""
    return AllerVersSystem()
