"""The words of the engine's reasons: every figure filled in, none left as a placeholder.

Each `ReasonCode` has sentences in order of precision, each with the values it needs; the first
whose values the reason carries is used (a reason stored by an older version may lack some). Money
is written to the cent unless whole, counts of consumption units and tax shares exactly ("1,8"),
months by name ("juin 2026"), dates the French way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from allervers.domain.rights import Reason, ReasonCode, ReasonValue
from allervers.wording.base import Translate, identity

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


MONEY_KEYS = frozenset(
    {
        "resources", "ceiling", "amount", "without", "minimum_payment", "housing_aid", "income",
        "floor", "rent", "participation", "rfr", "rfr_per_unit",
    }
)  # fmt: skip
"""Reason values in euros: written to the cent unless whole ("646,52", "11 000")."""


def _number(value: float) -> str:
    """Exact decimals, French way: 1.8 -> "1,8", 2.0 -> "2", 2.15 -> "2,15"."""
    return f"{value:.4f}".rstrip("0").rstrip(".").replace(".", ",")


def _money(value: float) -> str:
    decimals = 0 if abs(value - round(value)) < 0.005 else 2
    return f"{value:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")


def _month(text: str, translate: Translate) -> str:
    """ "2026-06" -> "juin 2026"."""
    names = translate(
        "Wording", "janvier février mars avril mai juin juillet août septembre octobre "
        "novembre décembre"
    ).split()  # fmt: skip
    year, month = text.split("-")
    return f"{names[int(month) - 1]} {year}"


def _value(key: str, value: ReasonValue, translate: Translate) -> str:
    if isinstance(value, bool):
        return str(value)
    if key in ("first_month", "last_month") and isinstance(value, str):
        return _month(value, translate)
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return f"{value[8:10]}/{value[5:7]}/{value[:4]}"  # parameter dates, the French way
    if isinstance(value, int | float) and key in MONEY_KEYS:
        return _money(float(value))
    if isinstance(value, float):
        return _number(value)
    return str(value)


def _months_clause(values: Mapping[str, ReasonValue], translate: Translate) -> str:
    if "first_month" not in values or "last_month" not in values:
        return ""
    return translate("Wording", " (moyenne de {first_month} à {last_month})")


def _basis(values: Mapping[str, ReasonValue], translate: Translate) -> str:
    """Why a forfait logement is deducted (art. R262-9 CASF, R844-3 CSS)."""
    return {
        "hosted_free": translate("Wording", "logement occupé gratuitement"),
        "owner": translate("Wording", "propriétaire sans aide au logement"),
        "housing_aid": translate(
            "Wording", "l'aide au logement estimée ({housing_aid} € par mois) est supposée versée"
        )
        if "housing_aid" in values
        else translate("Wording", "aide au logement perçue"),
    }.get(str(values.get("basis", "")), translate("Wording", "avantage en nature de logement"))


def _variants(reason: Reason, translate: Translate) -> list[tuple[tuple[str, ...], str]]:
    """Candidate sentences of a reason with the values each needs, most precise first. A reason
    stored by an older version may lack some values: a less precise sentence is used then, never a
    sentence with a gap."""
    t = translate
    v = reason.values
    c = ReasonCode
    months = _months_clause(v, t)
    above = float(v.get("resources", 0)) >= float(v.get("ceiling", 0))
    generic = [((), t("Wording", "Voir le détail auprès de l'organisme."))]
    table: dict[ReasonCode, list[tuple[tuple[str, ...], str]]] = {
        c.NO_INTERVIEW: [((), t("Wording", "Pas d'entretien à cette porte."))],
        c.RESOURCES_UNDER_CEILING: [
            (
                ("resources", "ceiling"),
                t("Wording", "Ressources de {resources} € par mois")
                + months
                + t("Wording", ", sous le plafond de {ceiling} €."),
            )
        ],
        c.RESOURCES_OVER_CEILING: [
            (
                ("resources", "ceiling"),
                t("Wording", "Ressources de {resources} € par mois")
                + months
                + t("Wording", ", au-dessus du plafond de {ceiling} €."),
            ),
            (("resources",), t("Wording", "Ressources de {resources} € par mois, trop élevées.")),
        ],
        c.HOUSEHOLD_SIZE: [(("persons",), t("Wording", "Foyer de {persons} personne(s)."))],
        c.FORFAIT_LOGEMENT: [
            (("amount",), t("Wording", "Forfait logement déduit : {amount} € par mois."))
        ],
        c.FORFAIT_LOGEMENT_DEDUCTED: [
            (
                ("amount",),
                t("Wording", "Forfait logement de {amount} € par mois déduit : ")
                + _basis(v, t)
                + ".",
            )
        ],
        c.FORFAIT_LOGEMENT_CANCELS: [
            (
                ("amount", "without"),
                t("Wording", "Forfait logement de {amount} € par mois déduit (")
                + _basis(v, t)
                + t("Wording", ") : sans lui, le montant serait d'environ {without} € par mois."),
            )
        ],
        c.UNDER_MINIMUM_PAYMENT: [
            (
                ("amount", "minimum"),
                t(
                    "Wording",
                    "Montant calculé d'environ {amount} € par mois, "
                    "sous le minimum versé de {minimum} €.",
                ),
            )
        ],
        c.UNDER_MINIMUM_AGE: [
            (("age", "minimum"), t("Wording", "Moins de {minimum} ans ({age} ans)."))
        ],
        c.OVER_MAXIMUM_AGE: [
            (
                ("age", "maximum"),
                t(
                    "Wording",
                    "Plus de {maximum} ans ({age} ans) avec un taux "
                    "d'incapacité inférieur à 80 % : c'est l'ASPA qui prend le "
                    "relais.",
                ),
            )
        ],
        c.STUDENT: [((), t("Wording", "Études en cours."))],
        c.STUDENT_EARNINGS_UNDER_FLOOR: [
            (
                ("income", "floor"),
                t(
                    "Wording",
                    "Études ou apprentissage : il faut plus de {floor} € "
                    "de revenus d'activité chaque mois ; {income} € le mois le "
                    "plus bas.",
                ),
            )
        ],
        c.RESIDENCE_PERMIT_TOO_RECENT: [
            (
                ("years", "minimum"),
                t("Wording", "Séjour régulier de {years} an(s) ; {minimum} ans demandés."),
            )
        ],
        c.SELF_EMPLOYED_OVER_RSA_LIMIT: [
            (
                (),
                t(
                    "Wording",
                    "Activité indépendante : conditions de chiffre d'affaires à vérifier.",
                ),
            )
        ],
        c.CONDITIONS_NOT_MET: [
            ((), t("Wording", "Conditions d'accès non remplies d'après les réponses."))
        ],
        c.ACTIVITY_INCOME: [
            (("income",), t("Wording", "Revenus d'activité de {income} € par mois") + months + ".")
        ],
        c.NO_ACTIVITY_INCOME: [((), t("Wording", "Pas de revenus d'activité") + months + ".")],
        c.PPA_RESOURCES_TOO_HIGH: [
            (
                ("resources", "income"),
                t(
                    "Wording",
                    "Ressources de {resources} € par mois, dont {income} € de revenus d'activité",
                )
                + months
                + t("Wording", " : la prime calculée est nulle."),
            )
        ],
        c.RENT: [
            (
                ("rent", "ceiling"),
                t("Wording", "Loyer de {rent} € par mois (plafond pris en compte : {ceiling} €)."),
            )
        ],
        c.APL_ZONE: [
            (("zone",), t("Wording", "Commune en zone {zone} pour les aides au logement."))
        ],
        c.NOT_A_TENANT: [((), t("Wording", "Pas locataire."))],
        c.OWNER_LOAN_NOT_ASKED: [
            ((), t("Wording", "Propriétaire avec prêt : à vérifier selon le prêt."))
        ],
        c.UNKNOWN_COMMUNE: [(("insee",), t("Wording", "Commune inconnue ({insee})."))],
        c.RESOURCES_12_MONTHS: [
            (
                ("resources", "ceiling", "persons"),
                t(
                    "Wording",
                    "Ressources sur 12 mois : {resources} €, au-dessus du plafond de "
                    "{ceiling} € pour {persons} personne(s).",
                )
                if above
                else t(
                    "Wording",
                    "Ressources sur 12 mois : {resources} €, sous le plafond de {ceiling} € "
                    "pour {persons} personne(s).",
                ),
            ),
            (
                ("resources", "ceiling"),
                t("Wording", "Ressources sur 12 mois : {resources} € (plafond {ceiling} €)."),
            ),
            (("resources",), t("Wording", "Ressources sur 12 mois : {resources} €.")),
        ],
        c.HOUSING_PARTICIPATION_EXCEEDS_RENT: [
            (
                ("participation", "rent"),
                t(
                    "Wording",
                    "Avec ces ressources, la participation "
                    "personnelle ({participation} € par mois) dépasse le "
                    "loyer et les charges retenus ({rent} €).",
                ),
            )
        ],
        c.HOUSING_AID_REDUCED_TO_ZERO: [
            (
                ("amount",),
                t(
                    "Wording",
                    "Aide calculée de {amount} € par mois, ramenée à zéro par "
                    "les abattements (loyer élevé, minoration de 5 €, réduction de loyer "
                    "de solidarité).",
                ),
            )
        ],
        c.CSS_FREE: [
            (
                ("ceiling",),
                t(
                    "Wording",
                    "Ressources sous le plafond de la complémentaire gratuite "
                    "({ceiling} € par an).",
                ),
            )
        ],
        c.CSS_WITH_PARTICIPATION: [
            (
                ("participation",),
                t(
                    "Wording",
                    "Complémentaire avec participation d'environ {participation} € par mois.",
                ),
            )
        ],
        c.RSA_GIVES_FREE_CSS: [
            ((), t("Wording", "Le RSA donne droit à la complémentaire gratuite."))
        ],
        c.RFR_PER_UNIT: [
            (
                ("rfr", "units", "rfr_per_unit", "ceiling"),
                _per_unit(v, t, float(v.get("rfr_per_unit", 0)) < float(v.get("ceiling", 0))),
            )
        ],
        c.RFR_ESTIMATED: [
            (("rfr",), t("Wording", "Revenu fiscal estimé à {rfr} € d'après les revenus déclarés."))
        ],
        c.NO_TAX_RETURN: [
            (
                (),
                t(
                    "Wording",
                    "Pas de déclaration de revenus : le chèque énergie n'est envoyé "
                    "qu'après une déclaration.",
                ),
            )
        ],
        c.NOT_OWN_DWELLING: [((), t("Wording", "Pas de logement à son nom."))],
        c.INCAPACITY_RATE: [(("rate",), t("Wording", "Taux d'incapacité de {rate} %."))],
        c.INCAPACITY_RATE_ASSUMED: [
            (("rate",), t("Wording", "Taux d'incapacité supposé de {rate} %."))
        ],
        c.INCAPACITY_RATE_TOO_LOW: [
            (
                ("rate", "minimum"),
                t("Wording", "Taux d'incapacité de {rate} %, sous le minimum de {minimum} %."),
            )
        ],
        c.EMPLOYMENT_RESTRICTION_ASSUMED: [
            (
                ("rate",),
                t(
                    "Wording",
                    "Taux de {rate} % : la MDPH doit aussi reconnaître une "
                    "restriction durable d'accès à l'emploi (supposée ici).",
                ),
            )
        ],
        c.NO_DISABILITY_DECLARED: [((), t("Wording", "Pas de handicap déclaré."))],
        c.AGE: [(("age", "minimum"), t("Wording", "{age} ans (minimum {minimum} ans)."))],
        c.CSG_RATE: [(("rate", "rfr", "shares"), _csg_rate(v, t))],
        c.SOCIAL_REGIME_UNKNOWN: [((), t("Wording", "Régime de protection sociale inconnu."))],
        c.FARM_REGIME: [((), t("Wording", "Régime agricole : s'adresser à la MSA."))],
        c.RECEIPT_UNKNOWN: [((), t("Wording", "Le foyer ne sait pas s'il perçoit déjà ce droit."))],
        c.RECEIVED_BUT_ESTIMATED_NIL: [
            (
                (),
                (
                    t(
                        "Wording",
                        "Le foyer dit le percevoir, mais d'après ses ressources il serait nul",
                    )
                    if v.get("cause") == "resources"
                    else t(
                        "Wording",
                        "Le foyer dit le percevoir, mais d'après sa situation il n'y "
                        "aurait pas droit",
                    )
                )
                + t(
                    "Wording",
                    " : un changement de ressources ou de foyer peut l'avoir réduit ou "
                    "arrêté. À vérifier avec l'organisme, pour éviter un trop-perçu à "
                    "rembourser.",
                ),
            )
        ],
        c.SELF_EMPLOYED_INCOME_APPROXIMATED: [
            ((), t("Wording", "Revenus d'indépendant estimés grossièrement."))
        ],
        c.PARAMETERS_OLDER_THAN_VISIT: [
            (
                ("parameter_date",),
                t(
                    "Wording",
                    "Barème en vigueur depuis le {parameter_date} (plus récent non connu).",
                ),
            )
        ],
        c.PARAMETERS_MAY_BE_OUT_OF_DATE: [
            (
                ("parameter_date", "revaluation_date"),
                t(
                    "Wording",
                    "Montant peut-être pas à jour : barème du {parameter_date}, "
                    "revalorisation du {revaluation_date} non connue.",
                ),
            ),
            (
                ("revaluation_date",),
                t(
                    "Wording",
                    "Montant peut-être pas à jour : revalorisation "
                    "du {revaluation_date} non connue.",
                ),
            ),
        ],
        c.OTHER_ADULTS_NOT_ASSESSED: [
            (
                ("persons",),
                t("Wording", "Les autres adultes du logement ({persons}) ne sont pas évalués."),
            )
        ],
    }
    return table.get(reason.code, []) + generic


def _per_unit(values: Mapping[str, ReasonValue], t: Translate, under: bool) -> str:
    """The chèque énergie compares the RFR per consumption unit with a per-unit ceiling."""
    units = float(values.get("units", 0))
    head = (
        t("Wording", "Revenu fiscal de {rfr} € pour {units} unités de consommation")
        if units >= 2
        else t("Wording", "Revenu fiscal de {rfr} € pour {units} unité de consommation")
    )
    tail = (
        t("Wording", ", soit {rfr_per_unit} € par unité, sous le plafond de {ceiling} € par unité.")
        if under
        else t(
            "Wording",
            ", soit {rfr_per_unit} € par unité, au moins égal au plafond de {ceiling} € par unité.",
        )
    )
    return head + tail


def _csg_rate(values: Mapping[str, ReasonValue], t: Translate) -> str:
    """Art. L136-8 III CSS: the CSG rate on pensions and unemployment benefits."""
    head = {
        "exempt": t("Wording", "Pension ou allocation chômage exonérée de CSG"),
        "reduced": t("Wording", "CSG au taux réduit sur la pension ou l'allocation chômage"),
        "median": t("Wording", "CSG au taux médian sur la pension"),
    }.get(
        str(values.get("rate")),
        t("Wording", "CSG au taux normal sur la pension ou l'allocation chômage"),
    )
    return head + t("Wording", " (revenu fiscal de {rfr} € pour {shares} part(s)).")


def reason_text(reason: Reason, translate: Translate = identity) -> str:
    """One fact behind an assessment, in plain French, with every figure filled in."""
    values = reason.values
    for keys, template in _variants(reason, translate):
        if all(key in values for key in keys):
            shown = {key: _value(key, value, translate) for key, value in values.items()}
            try:
                return template.format(**shown)
            except (KeyError, IndexError, ValueError):
                continue  # a translation that names a value this reason lacks
    return translate("Wording", "Voir le détail auprès de l'organisme.")
