"""The workspace's settings, each declared once: name, default, bounds, French label, unit, who may
change it, and why it has that default. The settings dataclass (`WorkspaceSettings`), the bounds
check, `workspace.json` (read and written), `allervers settings` and the settings widgets' limits
are all derived from `SETTINGS` (issue 12).

Bounds are inclusive. Outside them a value is a typing mistake rather than a choice, and a value
read from the clear `workspace.json` outside them was edited by hand: it is refused in words.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Who(enum.StrEnum):
    """Who may change a setting. Every setting so far is the coordinator's: the settings are
    shared by every account of the workspace, and the coordinator answers for the team's
    handling of personal data (RGPD art. 24, accountability), so no volunteer relaxes a
    protection for the others."""

    COORDINATOR = "coordinator"
    ANY_USER = "any_user"


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    kind: type[int] | type[float]
    default: int | float
    low: int | float
    high: int | float
    label: str  # French, as the command line shows it and the window before translation
    unit: str  # French, plural
    who: Who = Who.COORDINATOR

    @property
    def option(self) -> str:
        """The command line's option (`--idle-lock-minutes`)."""
        return "--" + self.name.replace("_", "-")

    def within(self, value: object) -> bool:
        """A number of the right kind within the bounds (an int where a float is asked is fine;
        a bool is not a number here)."""
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        if self.kind is int and not float(value).is_integer():
            return False
        return self.low <= value <= self.high


SETTINGS: tuple[Setting, ...] = (
    # A lock after more than an hour leaves a laptop open on a doorstep (CNIL, guide de la
    # sécurité des données personnelles 2024, fiche 5: verrouillage automatique de session).
    Setting("idle_lock_minutes", float, 5.0, 1, 60, "Verrouillage après inactivité", "minutes"),
    # During an interview the volunteer talks and listens, often without touching the laptop: a
    # longer delay than the idle lock, still bounded by the same fiche 5 (an hour at most). 15
    # minutes covers a long answer without leaving a screen of personal data open for long.
    Setting(
        "interview_idle_minutes",
        int,
        15,
        5,
        60,
        "Verrouillage pendant un entretien",
        "minutes",
    ),
    # DREES (Études et résultats n° 1058): 63 % of people told of a right had opened it within
    # three months; an outcome check at about three months is the norm.
    Setting(
        "outcome_check_months",
        int,
        3,
        1,
        12,
        "Point sur l'ouverture du droit",
        "mois",
    ),
    # CNIL référentiel 2023-095 (social sector): active data two years after the last contact,
    # which is also the most a coordinator may set.
    Setting(
        "retention_months",
        int,
        24,
        1,
        24,
        "Conservation après le dernier contact",
        "mois",
    ),
    # Data minimisation (RGPD art. 5.1.c): a volunteer's laptop drops, this many days after their
    # last change, the households the coordinator has received and no longer assigns to them.
    # A month leaves time to finish a round and correct a visit; a product choice, not a rule.
    Setting(
        "sync_grace_days",
        int,
        30,
        0,
        365,
        "Délai avant retrait d'un portable bénévole",
        "jours",
    ),
)
BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    return BY_NAME[name]
