"""The OpenFisca-France tax-benefit system as Aller-Vers uses it: built once per process.

Variables for incomes or benefits the interview never asks about are neutralised (always zero,
never computed). Zero is what OpenFisca would find anyway without inputs, but computing it walks
long chains (unemployment benefit from past salaries, work-accident annuities, daily allowances...)
for every month a formula looks at.
"""

from __future__ import annotations

import importlib.metadata

from openfisca_core.taxbenefitsystems import TaxBenefitSystem  # type: ignore[import-untyped]
from openfisca_france import FranceTaxBenefitSystem  # type: ignore[import-untyped]

from allervers.rights import css_ceilings

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


def build_system() -> TaxBenefitSystem:
    """OpenFisca-France with the variables never asked neutralised and Aller-Vers' own CSS
    ceilings written into its parameters (`css_ceilings`)."""
    system = FranceTaxBenefitSystem()
    for variable in NOT_ASKED:
        system.neutralize_variable(variable)
    css_ceilings.apply_to(system)
    return system
