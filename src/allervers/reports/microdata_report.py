"""The risk report shipped inside every microdata release (risk-report.pdf), in French: what was
left out to protect the tables, generalised, recoded, suppressed; k, l and t reached; the rare
combinations (SUDA-style) before and after treatment; the three G29 questions."""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from allervers.domain.export import (
    MAX_ROW_SUPPRESSION,
    SUDA_MAX,
    K,
    L,
    MicrodataSummary,
    T,
)
from allervers.domain.release import ReleasePeriod
from allervers.reports.risk_report import SOURCES, document, grid, heading, number, p, percent

QUASI_IDENTIFIER_NAMES = {
    "age_band": "Âge de la personne de référence",
    "household_type": "Type de foyer",
    "housing_status": "Statut d'occupation du logement",
    "quarter": "Trimestre de la rencontre",
}


def _opt(value: float | None) -> str:
    return "— (aucune ligne publiée)" if value is None else f"{value:g}".replace(".", ",")


def render_microdata_report(
    summary: MicrodataSummary,
    code: str,
    name: str,
    period: ReleasePeriod,
    fingerprint: str,
    now: datetime,
) -> bytes:
    buffer = io.BytesIO()
    share = summary.rows_suppressed / summary.rows_in if summary.rows_in else 0.0
    before = summary.uniques_before / summary.rows_in if summary.rows_in else 0.0
    story: list[object] = heading("Microdonnées", code, name, period.label, fingerprint, now)
    story += [
        p("1. Ce que contient microdata.csv", "h2"),
        p(
            "Une ligne par foyer rencontré dans la période (entretien avec accord d'être "
            "enregistré). Ni nom, ni adresse, ni téléphone, ni date, ni texte libre. "
            "L'identifiant de ligne est un HMAC-SHA256 dont la clé a été tirée pour ce fichier puis "
            "oubliée. Pour chaque droit : l'étape atteinte (repéré, orienté, demande déposée, "
            "droit ouvert) et la cause du non-recours. Ces microdonnées sont publiées à part du "
            "tableau, une seule fois par période, jamais pour deux périodes qui se chevauchent."
        ),
        p("2. Protection", "h2"),
        p(
            "Avec le tableau : une valeur qui recompterait une case masquée dans le tableau de la "
            "période (ou d'un de ses trimestres) est retirée : "
            + (", ".join(summary.withheld) or "aucune")
            + ". "
            f"Valeurs présentes dans moins de {K} lignes : remplacées par « * » ({number(summary.recoded)}). "
            f"Puis k-anonymat (k = {K} foyers par classe), l-diversité distincte (l = {L}) et "
            f"t-proximité (t = {str(T).replace('.', ',')}, distance de variation totale entre la "
            "distribution d'une colonne dans une classe et dans tout le fichier : savoir qu'un "
            "foyer est dans une classe n'en apprend guère plus que le fichier entier). Enfin, "
            f"mesure de type SUDA : une ligne seule dans le fichier sur une combinaison d'au plus "
            f"{SUDA_MAX} valeurs voit la valeur la plus rare de cette combinaison masquée (« * »), "
            f"ou est supprimée ; au-delà de {percent(MAX_ROW_SUPPRESSION)} de lignes perdues, les "
            "causes puis les étapes sont retirées."
        ),
        grid(
            [
                ["Lignes reçues", number(summary.rows_in)],
                ["Lignes publiées", number(summary.rows_published)],
                ["Lignes supprimées", f"{number(summary.rows_suppressed)} ({percent(share)})"],
                ["Classes d'équivalence", number(summary.classes)],
                [
                    "Taille des classes (plus petite, médiane, plus grande)",
                    " ; ".join(number(s) for s in summary.class_sizes),
                ],
                [f"k atteint (exigé : {K})", _opt(summary.k)],
                [f"l atteint (exigé : {L})", _opt(summary.l)],
                [f"t atteint (exigé : au plus {str(T).replace('.', ',')})", _opt(summary.t)],
                [
                    f"Lignes seules sur une combinaison d'au plus {SUDA_MAX} valeurs, avant "
                    "traitement",
                    f"{number(summary.uniques_before)} ({percent(before)})",
                ],
                ["Les mêmes, après traitement", number(summary.uniques_after)],
                ["Colonnes sensibles publiées", ", ".join(summary.columns) or "aucune"],
            ],
            [120 * mm, 54 * mm],
        ),
        grid(
            [["Quasi-identifiant", "Valeurs publiées"]]
            + [
                [
                    QUASI_IDENTIFIER_NAMES.get(g.quasi_identifier, g.quasi_identifier),
                    ", ".join(g.labels),
                ]
                for g in summary.generalisations
            ],
            [60 * mm, 114 * mm],
            header=True,
        ),
        p("3. Les trois critères de l'avis G29 05/2014", "h2"),
        p(
            f"Individualisation : chaque ligne partage ses quasi-identifiants avec au moins "
            f"{_opt(summary.k)} foyers, et aucune n'est seule sur une combinaison d'au plus "
            f"{SUDA_MAX} valeurs publiées. Corrélation : les identifiants de ligne changent à "
            "chaque fichier ; les fichiers de deux périodes ne se chevauchent jamais. Inférence : "
            "l-diversité et t-proximité bornent ce qu'apprend l'appartenance à une classe. Ce "
            "fichier reste une donnée personnelle pseudonymisée (RGPD) : à transmettre sous "
            "convention, à conserver à l'abri, à ne jamais publier."
        ),
        Spacer(1, 4 * mm),
        p(SOURCES, "small"),
    ]
    document(buffer, "Rapport de risque des microdonnées").build(story)
    return buffer.getvalue()
