"""The parameter date of each right: from when the newest legal value it uses applies.

Recorded on every assessment so that a coordinator can see which barème an old estimate used, and
so that the yearly revaluations (April for RSA, prime d'activité, AAH and CSS; January for ASPA;
October for the aides au logement) can trigger a re-assessment.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date

from openfisca_core.parameters import Parameter, ParameterNode, ParameterScale  # type: ignore[import-untyped]
from openfisca_core.taxbenefitsystems import TaxBenefitSystem  # type: ignore[import-untyped]

from allervers.domain.rights import RightId
from allervers.rights import cheque_energie

PARAMETER_NODES: dict[RightId, tuple[str, ...]] = {
    RightId.RSA: ("prestations_sociales.solidarite_insertion.minima_sociaux.rsa",),
    RightId.PPA: (
        "prestations_sociales.solidarite_insertion.minima_sociaux.ppa",
        # The individual bonification is expressed in hours of SMIC (art. D843-2 CSS).
        "marche_travail.salaire_minimum.smic",
    ),
    RightId.AIDE_LOGEMENT: ("prestations_sociales.aides_logement",),
    RightId.CSS: ("prestations_sociales.solidarite_insertion.minima_sociaux.cs",),
    RightId.AAH: ("prestations_sociales.prestations_etat_de_sante.invalidite.aah",),
    RightId.ASPA: ("prestations_sociales.solidarite_insertion.minimum_vieillesse.aspa",),
}


def _instants(node: Parameter | ParameterNode | ParameterScale) -> Iterator[str]:
    if isinstance(node, Parameter):
        for value in node.values_list:
            yield value.instant_str
    elif isinstance(node, ParameterScale):
        for bracket in node.brackets:
            for child in bracket.children.values():
                yield from _instants(child)
    else:
        for child in node.children.values():
            yield from _instants(child)


def _node(system: TaxBenefitSystem, path: str) -> Parameter | ParameterNode | ParameterScale:
    node = system.parameters
    for key in path.split("."):
        node = node.children[key]
    return node


def parameter_dates(system: TaxBenefitSystem, month: date) -> dict[RightId, date]:
    """For each right, the latest date on or before `month` at which one of its parameters changed."""
    limit = month.isoformat()
    dates: dict[RightId, date] = {}
    for right, paths in PARAMETER_NODES.items():
        instants = [
            instant
            for path in paths
            for instant in _instants(_node(system, path))
            if instant <= limit
        ]
        if instants:
            dates[right] = date.fromisoformat(max(instants))
    # Before the oldest barème carried, the chèque énergie has no date (and says cannot tell).
    with contextlib.suppress(LookupError):
        dates[RightId.CHEQUE_ENERGIE] = cheque_energie.bareme_on(month).valid_from
    return dates
