"""The words of the engine's reasons: every figure filled in, none left as a placeholder.

Each `ReasonCode` has sentences in order of precision, each with the values it needs; the first
whose values the reason carries is used (a reason stored by an older version may lack some). Money
is written to the cent unless whole, counts of consumption units and tax shares exactly ("1,8"),
months by name ("juin 2026"), dates the French way.
"""

from __future__ import annotations

from allervers.domain.rights import Reason, ReasonCode
from allervers.wording.base import Translate, identity
from allervers.wording.reason_values import basis, csg_rate, months_clause, per_unit, written


def _variants(reason: Reason, translate: Translate) -> list[tuple[tuple[str, ...], str]]:
    """Candidate sentences of a reason with the values each needs, most precise first. A reason
    stored by an older version may lack some values: a less precise sentence is used then, never a
    sentence with a gap."""
    v = reason.values
    c = ReasonCode
    months = months_clause(v, translate)
    above = float(v.get("resources", 0)) >= float(v.get("ceiling", 0))
    generic = [((), translate("Wording", "Voir le détail auprès de l'organisme."))]
    table: dict[ReasonCode, list[tuple[tuple[str, ...], str]]] = {
        c.NO_INTERVIEW: [((), translate("Wording", "Pas d'entretien à cette porte."))],
        c.RESOURCES_UNDER_CEILING: [
            (
                ("resources", "ceiling"),
                translate("Wording", "Ressources de {resources} € par mois")
                + months
                + translate("Wording", ", sous le plafond de {ceiling} €."),
            )
        ],
        c.RESOURCES_OVER_CEILING: [
            (
                ("resources", "ceiling"),
                translate("Wording", "Ressources de {resources} € par mois")
                + months
                + translate("Wording", ", au-dessus du plafond de {ceiling} €."),
            ),
            (
                ("resources",),
                translate("Wording", "Ressources de {resources} € par mois, trop élevées."),
            ),
        ],
        c.HOUSEHOLD_SIZE: [(("persons",), translate("Wording", "Foyer de {persons} personne(s)."))],
        c.FORFAIT_LOGEMENT: [
            (("amount",), translate("Wording", "Forfait logement déduit : {amount} € par mois."))
        ],
        c.FORFAIT_LOGEMENT_DEDUCTED: [
            (
                ("amount",),
                translate("Wording", "Forfait logement de {amount} € par mois déduit : ")
                + basis(v, translate)
                + ".",
            )
        ],
        c.FORFAIT_LOGEMENT_CANCELS: [
            (
                ("amount", "without"),
                translate("Wording", "Forfait logement de {amount} € par mois déduit (")
                + basis(v, translate)
                + translate(
                    "Wording", ") : sans lui, le montant serait d'environ {without} € par mois."
                ),
            )
        ],
        c.UNDER_MINIMUM_PAYMENT: [
            (
                ("amount", "minimum"),
                translate(
                    "Wording",
                    "Montant calculé d'environ {amount} € par mois, "
                    "sous le minimum versé de {minimum} €.",
                ),
            )
        ],
        c.UNDER_MINIMUM_AGE: [
            (("age", "minimum"), translate("Wording", "Moins de {minimum} ans ({age} ans)."))
        ],
        c.OVER_MAXIMUM_AGE: [
            (
                ("age", "maximum"),
                translate(
                    "Wording",
                    "Plus de {maximum} ans ({age} ans) avec un taux "
                    "d'incapacité inférieur à 80 % : c'est l'ASPA qui prend le "
                    "relais.",
                ),
            )
        ],
        c.STUDENT: [((), translate("Wording", "Études en cours."))],
        c.STUDENT_EARNINGS_UNDER_FLOOR: [
            (
                ("income", "floor"),
                translate(
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
                translate("Wording", "Séjour régulier de {years} an(s) ; {minimum} ans demandés."),
            )
        ],
        c.SELF_EMPLOYED_OVER_RSA_LIMIT: [
            (
                (),
                translate(
                    "Wording",
                    "Activité indépendante : conditions de chiffre d'affaires à vérifier.",
                ),
            )
        ],
        c.CONDITIONS_NOT_MET: [
            ((), translate("Wording", "Conditions d'accès non remplies d'après les réponses."))
        ],
        c.ACTIVITY_INCOME: [
            (
                ("income",),
                translate("Wording", "Revenus d'activité de {income} € par mois") + months + ".",
            )
        ],
        c.NO_ACTIVITY_INCOME: [
            ((), translate("Wording", "Pas de revenus d'activité") + months + ".")
        ],
        c.PPA_RESOURCES_TOO_HIGH: [
            (
                ("resources", "income"),
                translate(
                    "Wording",
                    "Ressources de {resources} € par mois, dont {income} € de revenus d'activité",
                )
                + months
                + translate("Wording", " : la prime calculée est nulle."),
            )
        ],
        c.RENT: [
            (
                ("rent", "ceiling"),
                translate(
                    "Wording", "Loyer de {rent} € par mois (plafond pris en compte : {ceiling} €)."
                ),
            )
        ],
        c.APL_ZONE: [
            (("zone",), translate("Wording", "Commune en zone {zone} pour les aides au logement."))
        ],
        c.NOT_A_TENANT: [((), translate("Wording", "Pas locataire."))],
        c.OWNER_LOAN_NOT_ASKED: [
            ((), translate("Wording", "Propriétaire avec prêt : à vérifier selon le prêt."))
        ],
        c.UNKNOWN_COMMUNE: [(("insee",), translate("Wording", "Commune inconnue ({insee})."))],
        c.RESOURCES_12_MONTHS: [
            (
                ("resources", "ceiling", "persons"),
                translate(
                    "Wording",
                    "Ressources sur 12 mois : {resources} €, au-dessus du plafond de "
                    "{ceiling} € pour {persons} personne(s).",
                )
                if above
                else translate(
                    "Wording",
                    "Ressources sur 12 mois : {resources} €, sous le plafond de {ceiling} € "
                    "pour {persons} personne(s).",
                ),
            ),
            (
                ("resources", "ceiling"),
                translate(
                    "Wording", "Ressources sur 12 mois : {resources} € (plafond {ceiling} €)."
                ),
            ),
            (("resources",), translate("Wording", "Ressources sur 12 mois : {resources} €.")),
        ],
        c.HOUSING_PARTICIPATION_EXCEEDS_RENT: [
            (
                ("participation", "rent"),
                translate(
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
                translate(
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
                translate(
                    "Wording",
                    "Ressources sous le plafond de la complémentaire gratuite "
                    "({ceiling} € par an).",
                ),
            )
        ],
        c.CSS_WITH_PARTICIPATION: [
            (
                ("participation",),
                translate(
                    "Wording",
                    "Complémentaire avec participation d'environ {participation} € par mois.",
                ),
            )
        ],
        c.RSA_GIVES_FREE_CSS: [
            ((), translate("Wording", "Le RSA donne droit à la complémentaire gratuite."))
        ],
        c.RFR_PER_UNIT: [
            (
                ("rfr", "units", "rfr_per_unit", "ceiling"),
                per_unit(
                    v, translate, float(v.get("rfr_per_unit", 0)) < float(v.get("ceiling", 0))
                ),
            )
        ],
        c.RFR_ESTIMATED: [
            (
                ("rfr",),
                translate(
                    "Wording", "Revenu fiscal estimé à {rfr} € d'après les revenus déclarés."
                ),
            )
        ],
        c.NO_TAX_RETURN: [
            (
                (),
                translate(
                    "Wording",
                    "Pas de déclaration de revenus : le chèque énergie n'est envoyé "
                    "qu'après une déclaration.",
                ),
            )
        ],
        c.NOT_OWN_DWELLING: [((), translate("Wording", "Pas de logement à son nom."))],
        c.INCAPACITY_RATE: [(("rate",), translate("Wording", "Taux d'incapacité de {rate} %."))],
        c.INCAPACITY_RATE_ASSUMED: [
            (("rate",), translate("Wording", "Taux d'incapacité supposé de {rate} %."))
        ],
        c.INCAPACITY_RATE_TOO_LOW: [
            (
                ("rate", "minimum"),
                translate(
                    "Wording", "Taux d'incapacité de {rate} %, sous le minimum de {minimum} %."
                ),
            )
        ],
        c.EMPLOYMENT_RESTRICTION_ASSUMED: [
            (
                ("rate",),
                translate(
                    "Wording",
                    "Taux de {rate} % : la MDPH doit aussi reconnaître une "
                    "restriction durable d'accès à l'emploi (supposée ici).",
                ),
            )
        ],
        c.NO_DISABILITY_DECLARED: [((), translate("Wording", "Pas de handicap déclaré."))],
        c.AGE: [(("age", "minimum"), translate("Wording", "{age} ans (minimum {minimum} ans)."))],
        c.CSG_RATE: [(("rate", "rfr", "shares"), csg_rate(v, translate))],
        c.SOCIAL_REGIME_UNKNOWN: [
            ((), translate("Wording", "Régime de protection sociale inconnu."))
        ],
        c.FARM_REGIME: [((), translate("Wording", "Régime agricole : s'adresser à la MSA."))],
        c.RECEIPT_UNKNOWN: [
            ((), translate("Wording", "Le foyer ne sait pas s'il perçoit déjà ce droit."))
        ],
        c.RECEIVED_BUT_ESTIMATED_NIL: [
            (
                (),
                (
                    translate(
                        "Wording",
                        "Le foyer dit le percevoir, mais d'après ses ressources il serait nul",
                    )
                    if v.get("cause") == "resources"
                    else translate(
                        "Wording",
                        "Le foyer dit le percevoir, mais d'après sa situation il n'y "
                        "aurait pas droit",
                    )
                )
                + translate(
                    "Wording",
                    " : un changement de ressources ou de foyer peut l'avoir réduit ou "
                    "arrêté. À vérifier avec l'organisme, pour éviter un trop-perçu à "
                    "rembourser.",
                ),
            )
        ],
        c.SELF_EMPLOYED_INCOME_APPROXIMATED: [
            ((), translate("Wording", "Revenus d'indépendant estimés grossièrement."))
        ],
        c.PARAMETERS_OLDER_THAN_VISIT: [
            (
                ("parameter_date",),
                translate(
                    "Wording",
                    "Barème en vigueur depuis le {parameter_date} (plus récent non connu).",
                ),
            )
        ],
        c.PARAMETERS_MAY_BE_OUT_OF_DATE: [
            (
                ("parameter_date", "revaluation_date"),
                translate(
                    "Wording",
                    "Montant peut-être pas à jour : barème du {parameter_date}, "
                    "revalorisation du {revaluation_date} non connue.",
                ),
            ),
            (
                ("revaluation_date",),
                translate(
                    "Wording",
                    "Montant peut-être pas à jour : revalorisation "
                    "du {revaluation_date} non connue.",
                ),
            ),
        ],
        c.OTHER_ADULTS_NOT_ASSESSED: [
            (
                ("persons",),
                translate(
                    "Wording", "Les autres adultes du logement ({persons}) ne sont pas évalués."
                ),
            )
        ],
    }
    return table.get(reason.code, []) + generic


def reason_text(reason: Reason, translate: Translate = identity) -> str:
    """One fact behind an assessment, in plain French, with every figure filled in."""
    values = reason.values
    for keys, template in _variants(reason, translate):
        if all(key in values for key in keys):
            shown = {key: written(key, value, translate) for key, value in values.items()}
            try:
                return template.format(**shown)
            except (KeyError, IndexError, ValueError):
                continue  # a translation that names a value this reason lacks
    return translate("Wording", "Voir le détail auprès de l'organisme.")
