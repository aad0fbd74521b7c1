"""What a right's card and the results panel say about a right received but estimated nil, and
about a barème that may be out of date; and the household sheet's line for the latter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, cast

from pypdf import PdfReader
from PySide6.QtWidgets import QLabel

from allervers.domain.followup import StoredAssessment
from allervers.domain.rights import (
    AmountPeriod,
    AssessmentStatus,
    Organisation,
    Reason,
    ReasonCode,
    RightAssessment,
    RightId,
)
from allervers.questionnaire import loader
from allervers.reports.household_sheet import SheetContent, write_household_sheet
from allervers.services.rights import RightsService
from allervers.ui.rights.card import RightCard
from allervers.wording import out_of_date_line

R = ReasonCode
STALE = Reason(
    R.PARAMETERS_MAY_BE_OUT_OF_DATE,
    {"parameter_date": "2025-04-01", "revaluation_date": "2026-04-01"},
)


def stored(assessment: RightAssessment) -> StoredAssessment:
    return StoredAssessment("a1", "v1", assessment, "2026-10-14T10:00:00+00:00")


def card(qtbot: Any, assessment: RightAssessment) -> RightCard:
    widget = RightCard(
        stored(assessment),
        {},
        loader.current(),
        {},
        cast(RightsService, None),  # only flagged rights have a follow-up form
    )
    qtbot.addWidget(widget)
    return widget


def text(widget: RightCard, name: str) -> str:
    label = widget.findChild(QLabel, name)
    return label.text() if label is not None else ""


def test_a_right_received_but_estimated_nil_says_to_check_it(qtbot: Any) -> None:
    rsa = RightAssessment(
        RightId.RSA,
        AssessmentStatus.RECEIVED,
        0.0,
        AmountPeriod.MONTH,
        reasons=(
            Reason(R.RECEIVED_BUT_ESTIMATED_NIL, {"cause": "resources"}),
            Reason(R.RESOURCES_OVER_CEILING, {"resources": 1500.0, "ceiling": 651.69}),
        ),
    )
    shown = card(qtbot, rsa)
    assert text(shown, "rightStatus_rsa") == "Perçu, à vérifier"
    assert text(shown, "rightAmount_rsa") == ""  # no "environ 0 €"
    reasons = text(shown, "rightReasons_rsa")
    assert "d'après ses ressources il serait nul" in reasons
    assert "À vérifier avec l'organisme" in reasons
    assert "1\u00a0500 € par mois, au-dessus du plafond de 651,69 €" in reasons


def test_a_right_received_and_estimated_keeps_its_status(qtbot: Any) -> None:
    housing = RightAssessment(
        RightId.AIDE_LOGEMENT, AssessmentStatus.RECEIVED, 290.0, AmountPeriod.MONTH
    )
    shown = card(qtbot, housing)
    assert text(shown, "rightStatus_aide_logement") == "Déjà perçu"
    assert "290" in text(shown, "rightAmount_aide_logement")


def test_the_out_of_date_line_names_the_rights_concerned() -> None:
    css = RightAssessment(
        RightId.CSS, AssessmentStatus.PROBABLE_NON_RECOURS, None, AmountPeriod.MONTH, (STALE,)
    )
    rsa = RightAssessment(RightId.RSA, AssessmentStatus.NOT_ENTITLED, 0.0, AmountPeriod.MONTH)
    line = out_of_date_line([css, rsa])
    assert "Barème peut-être pas à jour pour : Complémentaire santé solidaire" in line
    assert "RSA" not in line
    assert out_of_date_line([rsa]) == ""


def test_the_household_sheet_says_when_an_amount_may_be_out_of_date(tmp_path: Path) -> None:
    css = RightAssessment(
        RightId.CSS,
        AssessmentStatus.PROBABLE_NON_RECOURS,
        None,
        AmountPeriod.MONTH,
        (Reason(R.CSS_FREE, {"resources": 900.0, "ceiling": 10339.0}), STALE),
        organisation=Organisation.CPAM,
    )
    rsa = RightAssessment(
        RightId.RSA,
        AssessmentStatus.PROBABLE_NON_RECOURS,
        573.49,
        AmountPeriod.MONTH,
        organisation=Organisation.CAF,
    )
    paths = {}
    for name, rights in (("stale", [css, rsa]), ("current", [rsa])):
        path = tmp_path / f"{name}.pdf"
        write_household_sheet(path, SheetContent(rights, {}, "Lou", dt.date(2026, 10, 14)))
        paths[name] = " ".join(p.extract_text() for p in PdfReader(path).pages)
    assert "peut-être pas à jour" in paths["stale"]
    assert "Complémentaire santé solidaire" in paths["stale"].split("peut-être pas à jour")[1]
    assert "peut-être pas à jour" not in paths["current"]
