"""The words of the engine's reasons, as a volunteer reads them on the results panel."""

from __future__ import annotations

from allervers.domain.rights import Reason, ReasonCode
from allervers.wording import reason_text


def test_a_parameter_date_is_written_the_french_way() -> None:
    reason = Reason(ReasonCode.PARAMETERS_OLDER_THAN_VISIT, {"parameter_date": "2024-04-01"})
    assert reason_text(reason) == "Barème en vigueur depuis le 01/04/2024 (plus récent non connu)."


def test_housing_resources_without_a_single_ceiling_show_no_placeholder() -> None:
    # The aides au logement decrease with resources: the engine gives no ceiling for them.
    housing = Reason(ReasonCode.RESOURCES_12_MONTHS, {"resources": 8400.0})
    assert reason_text(housing) == "Ressources sur 12 mois : 8\u00a0400 €."
    css = Reason(ReasonCode.RESOURCES_12_MONTHS, {"resources": 8400.0, "ceiling": 12000.0})
    assert reason_text(css) == "Ressources sur 12 mois : 8\u00a0400 € (plafond 12\u00a0000 €)."
