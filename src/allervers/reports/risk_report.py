"""The risk report shipped inside every export (risk-report.pdf), in French.

It says what was generalised and suppressed, the k and l reached, and answers the three questions
of the G29's opinion 05/2014 on anonymisation techniques (WP216, section 2.2.2): can a household be
singled out, can its records be linked with others, can something be inferred about it. Each answer
quotes figures of this very export, so that the evaluator and the territory's data protection
officer can check them against the files (`allervers verify-export` recomputes them).
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from allervers.domain.export import ExportSummary, Generalisation, MicrodataSummary
from allervers.wording import euros

BLUE = colors.HexColor("#1f4e79")
GREY = colors.HexColor("#f0f0f0")

QUASI_IDENTIFIER_NAMES = {
    "age_band": "Âge de la personne de référence",
    "household_type": "Type de foyer",
    "housing_status": "Statut d'occupation du logement",
    "quarter": "Trimestre de la visite",
}
LEVEL_NAMES = {
    "age_band": (
        "tranches de 10 ans, 75 ans et plus regroupés",
        "tranches de 20 ans",
        "moins ou plus de 65 ans",
    ),
    "household_type": ("type détaillé", "avec ou sans enfants"),
    "housing_status": ("statut détaillé", "locataire, propriétaire ou autre"),
    "quarter": ("trimestre", "année"),
}
WITHHELD = "non publié"


def level_name(generalisation: Generalisation) -> str:
    if generalisation.level == generalisation.levels:
        return WITHHELD
    names = LEVEL_NAMES.get(generalisation.quasi_identifier, ())
    return names[generalisation.level] if generalisation.level < len(names) else "?"


def number(value: float) -> str:
    """French thousands separator (no-break space, Latin-1 so the PDF fonts have it)."""
    return f"{value:,.0f}".replace(",", "\u00a0")


def percent(share: float) -> str:
    return f"{share * 100:.1f}".replace(".", ",") + "\u00a0%"


def range_text(value: float | None, unit: str) -> str:
    if value is None:
        return "aucune case masquée"
    if math.isinf(value):
        return "illimitée"
    return euros(value) if unit == "€" else f"{number(value)} {unit}"


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontSize=18, textColor=BLUE),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], textColor=BLUE, spaceBefore=5 * mm),
        "h3": ParagraphStyle("h3", parent=base["Heading3"], spaceBefore=3 * mm),
        "body": ParagraphStyle("body", parent=base["BodyText"], fontSize=9.5, leading=13),
        "small": ParagraphStyle("small", parent=base["BodyText"], fontSize=8, leading=10),
    }


def _table(rows: Sequence[Sequence[str]], widths: Sequence[float]) -> Table:
    styles = _styles()
    cells = [[Paragraph(escape(text), styles["small"]) for text in row] for row in rows]
    table = Table(cells, colWidths=list(widths))
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                ("BACKGROUND", (0, 0), (0, -1), GREY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text), _styles()[style])


def render_risk_report(summary: ExportSummary) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title="Rapport de risque de ré-identification",
        author="Aller-Vers",
        invariant=True,
    )
    story: list[object] = [
        _p("Rapport de risque de ré-identification", "title"),
        _p(
            f"Export Aller-Vers du territoire {summary.territory_name} "
            f"(code {summary.territory_code}), période {summary.period.label} "
            f"(du {summary.period.start:%d/%m/%Y} au {summary.period.end:%d/%m/%Y})."
        ),
        _p(
            f"Créé le {summary.created_at:%d/%m/%Y à %H:%M} avec Aller-Vers "
            f"{summary.software_version} et OpenFisca-France {summary.engine_version}. "
            f"Empreinte de la clé de signature : {summary.fingerprint}. Comparez-la avec celle que "
            "le territoire vous a transmise par un autre canal (téléphone, courrier) : "
            "« allervers verify-export » affiche celle du fichier."
        ),
    ]
    story += _indicators(summary)
    story += _microdata(summary)
    story += _g29(summary)
    document.build(story)
    return buffer.getvalue()


def _indicators(summary: ExportSummary) -> list[object]:
    cells = summary.cells
    threshold = summary.thresholds.min_cell
    smallest = "aucune" if cells.smallest_published is None else number(cells.smallest_published)
    return [
        _p("1. Tableau des indicateurs (indicators.csv)", "h2"),
        _p(
            f"Secret statistique (pratique DGFiP/INSEE pour les données sur les ménages) : aucune "
            f"case publiée ne compte moins de {threshold} foyers ou situations, zéro compris ; un "
            "montant est masqué quand l'effectif qui le compose l'est, ou quand un seul foyer en "
            "apporte plus de 85 %. Puis secret secondaire : d'autres cases sont masquées pour "
            "que les totaux et marges publiés ne permettent pas de recalculer une case masquée. "
            "Une case masquée s'écrit « s »."
        ),
        _table(
            [
                ["Cases du tableau", number(cells.cells)],
                ["Cases publiées", number(cells.published)],
                [f"Masquées par la règle des {threshold} (secret primaire)", number(cells.primary)],
                [
                    "Masquées pour protéger les premières (secret secondaire)",
                    number(cells.secondary),
                ],
                [f"Plus petit effectif publié (seuil : {threshold})", smallest],
                [
                    f"Fourchette la plus étroite qu'un lecteur peut calculer pour un effectif "
                    f"masqué (exigence : au moins {threshold})",
                    range_text(cells.narrowest_count_range, "unités"),
                ],
                [
                    "Fourchette la plus étroite pour un montant masqué (exigence : 10 % du montant, "
                    "jamais une valeur unique)",
                    range_text(cells.narrowest_amount_range, "€"),
                ],
            ],
            [120 * mm, 54 * mm],
        ),
    ]


def _microdata(summary: ExportSummary) -> list[object]:
    micro = summary.microdata
    story: list[object] = [_p("2. Microdonnées (microdata.csv)", "h2")]
    if micro is None:
        story.append(_p("Cet export ne contient pas de microdonnées : seulement le tableau."))
        return story
    asked = summary.thresholds
    share = micro.rows_suppressed / micro.rows_in if micro.rows_in else 0.0
    story.append(
        _p(
            "Une ligne par visite de foyer. Ni nom, ni adresse, ni téléphone, ni date exacte, ni "
            "texte libre. L'identifiant de ligne est un HMAC-SHA256 dont la clé a été tirée pour "
            "cet export puis oubliée : il ne permet de retrouver ni le foyer ni ses lignes d'un "
            "autre export. Les quasi-identifiants ont été généralisés jusqu'à ce que chaque classe "
            f"(lignes qui les partagent) compte au moins k = {asked.k} foyers distincts et au moins "
            f"l = {asked.l} valeurs distinctes de chaque colonne sensible ; les classes qui n'y "
            "parviennent pas ont été supprimées."
        )
    )
    rows = [
        ["Lignes reçues", number(micro.rows_in)],
        ["Lignes publiées", number(micro.rows_published)],
        ["Lignes supprimées", f"{number(micro.rows_suppressed)} ({percent(share)})"],
        ["Classes d'équivalence publiées", number(micro.classes)],
        [
            "Taille des classes (plus petite, médiane, plus grande)",
            " ; ".join(number(s) for s in micro.class_sizes),
        ],
        [f"k atteint (demandé : {asked.k})", _opt(micro.k)],
        ["k en foyers distincts", _opt(micro.k_households)],
        [f"l atteint (demandé : {asked.l})", _opt(micro.l)],
        [
            "Part la plus haute de la valeur la plus fréquente d'une colonne sensible dans une "
            "classe",
            "—" if micro.largest_modal_share is None else percent(micro.largest_modal_share),
        ],
        ["Colonnes sensibles publiées", number(len(micro.sensitive_columns))],
        [
            "Colonnes sensibles retirées (moins de l valeurs dans tout le fichier)",
            ", ".join(micro.withheld_columns) or "aucune",
        ],
    ]
    story.append(_table(rows, [120 * mm, 54 * mm]))
    story.append(_p("Généralisation retenue", "h3"))
    story.append(_generalisations(micro))
    return story


def _amount_range(value: float | None) -> str:
    if value is None:
        return "sans objet (aucun n'est masqué)"
    if math.isinf(value):
        return "illimitée"
    return f"d'au moins {euros(value)}"


def _opt(value: int | None) -> str:
    return "— (aucune ligne publiée)" if value is None else number(value)


def _generalisations(micro: MicrodataSummary) -> Table:
    rows = [["Quasi-identifiant", "Niveau publié", "Valeurs possibles"]]
    for g in micro.generalisations:
        labels = "—" if g.level == g.levels else ", ".join(g.labels)
        rows.append(
            [
                QUASI_IDENTIFIER_NAMES.get(g.quasi_identifier, g.quasi_identifier),
                level_name(g),
                labels,
            ]
        )
    table = _table(rows, [52 * mm, 52 * mm, 70 * mm])
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), GREY)]))
    return table


def _g29(summary: ExportSummary) -> list[object]:
    cells = summary.cells
    micro = summary.microdata
    threshold = summary.thresholds.min_cell
    story: list[object] = [
        CondPageBreak(70 * mm),
        _p("3. Les trois critères de l'avis G29 05/2014 sur l'anonymisation", "h2"),
        _p("Individualisation : peut-on isoler un foyer ?", "h3"),
    ]
    smallest = (
        "aucune case" if cells.smallest_published is None else number(cells.smallest_published)
    )
    single = (
        f"Tableau : aucune case publiée ne désigne moins de {threshold} foyers ou situations (la plus "
        f"petite en compte {smallest})."
    )
    if micro is not None and micro.k is not None:
        single += (
            f" Microdonnées : chaque ligne partage ses quasi-identifiants avec au moins "
            f"{micro.k - 1} autres ({micro.k_households} foyers distincts au moins par classe) ; "
            "aucun identifiant direct n'est exporté."
        )
    story.append(_p(single))
    story.append(_p("Corrélation : peut-on relier ces données à d'autres ?", "h3"))
    link = (
        "Tableau : des effectifs agrégés au niveau du territoire et du trimestre, sans "
        "identifiant ; rien ne relie une case à un foyer."
    )
    if micro is not None and micro.k is not None:
        link += (
            " Microdonnées : les identifiants de ligne changent à chaque export (clé tirée puis "
            "oubliée), deux exports ne se relient donc pas par eux. Un fichier extérieur qui "
            "porterait l'âge, le type de foyer, le statut d'occupation et la date désigne au mieux "
            f"une classe d'au moins {micro.k} lignes (parmi {number(micro.classes)} classes). "
            "Risque résiduel : un même foyer apparaît dans les exports de périodes successives "
            "avec des valeurs proches ; une combinaison rare de colonnes sensibles peut permettre "
            "un rapprochement."
        )
    story.append(_p(link))
    story.append(_p("Inférence : peut-on déduire une information sur un foyer ?", "h3"))
    if cells.narrowest_count_range is None:
        infer = "Tableau : aucun effectif n'est masqué"
    elif math.isinf(cells.narrowest_count_range):
        infer = "Tableau : aucun effectif masqué ne peut être borné par les cases et totaux publiés"
    else:
        infer = (
            "Tableau : pour chaque effectif masqué, les cases et totaux publiés laissent une "
            f"fourchette d'au moins {range_text(cells.narrowest_count_range, 'unités')}"
        )
    infer += f" ; pour chaque montant masqué, une fourchette {_amount_range(cells.narrowest_amount_range)}."
    if micro is not None and micro.l is not None and micro.largest_modal_share is not None:
        infer += (
            f" Microdonnées : dans chaque classe, chaque colonne sensible prend au moins "
            f"{micro.l} valeurs distinctes. Mais la valeur la plus fréquente d'une colonne atteint "
            f"jusqu'à {percent(micro.largest_modal_share)} d'une classe : qui sait qu'un foyer est "
            "dans cette classe devine cette valeur avec cette probabilité (la l-diversité "
            "distincte ne l'empêche pas)."
        )
    story.append(_p(infer))
    story.append(_p("Conclusion", "h3"))
    conclusion = (
        "Le fichier indicators.csv, seul, répond aux trois critères selon la pratique de "
        "référence (seuil de 11, secret secondaire vérifié) et peut être diffusé."
    )
    if micro is not None:
        conclusion += (
            " Le fichier microdata.csv reste une donnée personnelle pseudonymisée au sens du RGPD "
            "et de la CNIL, non une donnée anonyme : à transmettre seulement sous convention, à "
            "conserver à l'abri, à ne jamais publier. Croiser microdata.csv et indicators.csv "
            "permet de recompter des cases masquées : ne diffusez jamais les deux ensemble."
        )
    story.append(_p(conclusion))
    story.append(Spacer(1, 4 * mm))
    story.append(
        _p(
            "Sources : avis 05/2014 du groupe de travail « Article 29 » sur les techniques "
            "d'anonymisation (WP216) ; règle du secret statistique (seuil de 11, DGFiP/INSEE) ; "
            "CNIL, « L'anonymisation de données personnelles ». Vérification : "
            "« allervers verify-export FICHIER.zip --key CLÉ » recalcule la plus petite case, les "
            "fourchettes des cases masquées, k et l à partir des fichiers eux-mêmes.",
            "small",
        )
    )
    return story
