"""The territory's figures as they are shown: one sheet of named figures and charts, drawn by the
"Chiffres" page, the activity report PDF and `allervers report --format json` alike, so that
every figure on screen is in the report under the same name.

Two figures count rights opened, and they are named apart everywhere (issue 13):
- `flagged_opened`: of the (household, right) situations flagged during the period, those whose
  right has opened since (the end of the period's funnel, whenever the right opened);
- `opened_in_period`: the rights opened during the period (a referral closed as opened within
  its dates), whenever they were flagged; their yearly amount is `opened_in_period_amount`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from allervers.domain.figures import DOOR_FIGURES, TerritoryFigures
from allervers.domain.followup import NonRecoursReason
from allervers.domain.rights import Organisation, RightId
from allervers.wording import (
    euros,
    nonrecours_reason_name,
    organisation_short_name,
    right_short_name,
)
from allervers.wording.base import Translate, identity

# The key figures, in the order shown (screen and report). The screen shows them in two
# columns of five: the period's activity and the rights opened during it, then the period's flags
# followed to their outcome ("… dont", kept together under the count they divide).
KEY_FIGURES = (
    "doors",
    "households",
    "people",
    "opened_in_period",
    "opened_in_period_amount",
    "flagged",
    "referred",
    "filed",
    "flagged_opened",
    "checks",
)
FUNNEL_STAGES = ("flagged", "referred", "filed", "opened")


@dataclass(frozen=True, slots=True)
class Figure:
    key: str
    label: str
    value: float | None  # None: not computable (no door yet)
    text: str  # the value as written: "1 234", "3 600 €", "42 %", "1 sur 2"


@dataclass(frozen=True, slots=True)
class Chart:
    key: str
    title: str
    bars: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class FigureSheet:
    """The period's figures as shown: key figures, the territory's doors, and the charts."""

    key_figures: tuple[Figure, ...]
    door_figures: tuple[Figure, ...]
    charts: tuple[Chart, ...]

    def figure(self, key: str) -> Figure:
        return next(f for f in (*self.key_figures, *self.door_figures) if f.key == key)

    def chart(self, key: str) -> Chart:
        return next(c for c in self.charts if c.key == key)

    def to_json(self) -> dict[str, Any]:
        def lines(figures: tuple[Figure, ...]) -> list[dict[str, Any]]:
            return [
                {"key": f.key, "label": f.label, "value": f.value, "text": f.text} for f in figures
            ]

        return {
            "key_figures": lines(self.key_figures),
            "door_figures": lines(self.door_figures),
            "charts": [
                {
                    "key": c.key,
                    "title": c.title,
                    "bars": [{"label": label, "value": value} for label, value in c.bars],
                }
                for c in self.charts
            ],
        }


def count_text(value: float) -> str:
    """1234 -> "1 234" (a no-break space, Latin-1 so the PDF fonts have it)."""
    return f"{value:,.0f}".replace(",", "\u00a0")


def key_figure_name(key: str, translate: Translate = identity) -> str:
    return {
        "doors": translate("Figures", "Portes frappées"),
        "households": translate("Figures", "Foyers rencontrés"),
        "people": translate("Figures", "Personnes rencontrées"),
        "flagged": translate("Figures", "Non-recours probables repérés sur la période"),
        "referred": translate("Figures", "… dont orientés"),
        "filed": translate("Figures", "… dont demande déposée"),
        "flagged_opened": translate("Figures", "… dont droit ouvert (repérés sur la période)"),
        "opened_in_period": translate("Figures", "Droits ouverts pendant la période"),
        "opened_in_period_amount": translate(
            "Figures", "Montant annuel des droits ouverts pendant la période"
        ),
        "checks": translate("Figures", "Vérifications à 3 mois faites à temps"),
    }[key]


def door_figure_name(key: str, translate: Translate = identity) -> str:
    """The door figures' names (domain.figures.DOOR_FIGURES; definitions: domain/coverage.py)."""
    names = {
        "doors": translate("Wording", "Portes du territoire"),
        "knocked": translate("Wording", "Portes frappées au moins une fois"),
        "coverage": translate("Wording", "Couverture du territoire"),
        "opened": translate("Wording", "Portes ouvertes"),
        "open_rate": translate("Wording", "Taux d'ouverture"),
        "households_met": translate("Wording", "Foyers rencontrés aux portes"),
    }
    return names.get(key, key)


def door_figure_value(key: str, value: float | int | None) -> str:
    """A share as a percentage ("42 %"), a count as a number; "—" when there is none."""
    if value is None:
        return "—"
    if key in ("coverage", "open_rate"):
        return f"{round(float(value) * 100)}\u00a0%"
    return count_text(int(value))


def door_section_title(translate: Translate = identity) -> str:
    return translate("Figures", "Portes du territoire (à la fin de la période)")


def not_recorded(translate: Translate = identity) -> str:
    return translate("Figures", "Non renseigné")


def door_outcome_name(outcome: str, translate: Translate = identity) -> str:
    names = {
        "interview": translate("Figures", "Entretien"),
        "absent": translate("Figures", "Absent"),
        "refused": translate("Figures", "Refus"),
        "vacant": translate("Figures", "Logement vacant"),
        "come_back": translate("Figures", "Repasser"),
        "not_dwelling": translate("Figures", "Pas un logement"),
    }
    return names.get(outcome, not_recorded(translate))


def funnel_stage_name(stage: str, translate: Translate = identity) -> str:
    return {
        "flagged": translate("Figures", "Repérés"),
        "referred": translate("Figures", "Orientés"),
        "filed": translate("Figures", "Demande déposée"),
        "opened": translate("Figures", "Droit ouvert"),
    }[stage]


def chart_title(key: str, translate: Translate = identity) -> str:
    return {
        "funnel": translate("Figures", "Du repérage au droit ouvert (repérés sur la période)"),
        "doors": translate("Figures", "Portes frappées, par issue"),
        "door_weeks": translate("Figures", "Portes frappées, par semaine"),
        "rights": translate("Figures", "Non-recours probable, par droit"),
        "reasons": translate("Figures", "Non-recours probable, par raison"),
        "organisations": translate("Figures", "Orientations, par organisme"),
        "opened": translate("Figures", "Droits ouverts pendant la période, par droit"),
    }[key]


def _named(key: str, name: Callable[[str], str], translate: Translate) -> str:
    try:
        return name(key)
    except ValueError:
        return not_recorded(translate)


def _bars(
    values: Mapping[str, float], name: Callable[[str], str], translate: Translate
) -> tuple[tuple[str, float], ...]:
    return tuple((_named(key, name, translate), float(value)) for key, value in values.items())


def figure_sheet(figures: TerritoryFigures, translate: Translate = identity) -> FigureSheet:
    funnel = figures.funnel
    checks = figures.outcome_checks
    opened = sum(figures.rights_opened_in_period.values())
    amount = sum(figures.rights_opened_in_period_yearly_amount.values())
    values: dict[str, tuple[float, str]] = {
        "doors": (figures.doors_knocked, count_text(figures.doors_knocked)),
        "households": (figures.households_met, count_text(figures.households_met)),
        "people": (figures.people_met, count_text(figures.people_met)),
        **{
            key: (funnel.get(stage, 0), count_text(funnel.get(stage, 0)))
            for key, stage in (
                ("flagged", "flagged"),
                ("referred", "referred"),
                ("filed", "filed"),
                ("flagged_opened", "opened"),
            )
        },
        "opened_in_period": (opened, count_text(opened)),
        "opened_in_period_amount": (amount, euros(amount)),
        "checks": (
            checks.get("on_time", 0),
            translate("Figures", "{0} sur {1}").format(
                count_text(checks.get("on_time", 0)), count_text(checks.get("due", 0))
            ),
        ),
    }
    key_figures = tuple(
        Figure(key, key_figure_name(key, translate), *values[key]) for key in KEY_FIGURES
    )
    door_figures = tuple(
        Figure(
            f"door_{key}",  # apart from the key figures: "door_opened" is a door opened
            door_figure_name(key, translate),
            figures.door_coverage.get(key),
            door_figure_value(key, figures.door_coverage.get(key)),
        )
        for key in DOOR_FIGURES
    )
    charts = (
        Chart(
            "funnel",
            chart_title("funnel", translate),
            tuple(
                (funnel_stage_name(s, translate), float(funnel.get(s, 0))) for s in FUNNEL_STAGES
            ),
        ),
        Chart(
            "doors",
            chart_title("doors", translate),
            _bars(figures.doors_by_outcome, lambda k: door_outcome_name(k, translate), translate),
        ),
        Chart(
            "door_weeks",
            chart_title("door_weeks", translate),
            tuple((str(w["week"]), float(w["knocked"])) for w in figures.door_weeks),
        ),
        Chart(
            "rights",
            chart_title("rights", translate),
            _bars(figures.nonrecours_by_right, _right(translate), translate),
        ),
        Chart(
            "reasons",
            chart_title("reasons", translate),
            _bars(
                figures.nonrecours_by_reason,
                lambda k: nonrecours_reason_name(NonRecoursReason(k), translate),
                translate,
            ),
        ),
        Chart(
            "organisations",
            chart_title("organisations", translate),
            _bars(
                figures.referrals_by_organisation,
                lambda k: organisation_short_name(Organisation(k)),
                translate,
            ),
        ),
        Chart(
            "opened",
            chart_title("opened", translate),
            _bars(figures.rights_opened_in_period, _right(translate), translate),
        ),
    )
    return FigureSheet(key_figures, door_figures, charts)


def _right(translate: Translate) -> Callable[[str], str]:
    return lambda key: right_short_name(RightId(key), translate)
