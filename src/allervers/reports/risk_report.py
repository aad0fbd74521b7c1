"""The risk report shipped inside every table release (risk-report.pdf), in French.

It says how the table was protected together with every earlier release of the territory, with
the figures of this very release, and answers the three questions of the G29's opinion 05/2014 on
anonymisation techniques (WP216, section 2.2.2) for an evaluator holding all of them: can a
household be singled out, linked, inferred about. `allervers verify-export` recomputes the
figures that a single file allows; the rules are written out in docs/export-format.md.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from datetime import datetime
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

from allervers.domain.export import DOMINANCE_SHARE
from allervers.domain.release import PeriodKind, TableRelease
from allervers.wording import euros

BLUE = colors.HexColor("#1f4e79")
GREY = colors.HexColor("#f0f0f0")
PERIOD_NAMES = {PeriodKind.MONTH: "mois", PeriodKind.QUARTER: "trimestre", PeriodKind.YEAR: "année"}
SOURCES = (
    "Sources : avis 05/2014 du groupe de travail « Article 29 » sur les techniques "
    "d'anonymisation (WP216) ; règle du secret statistique des données sur les ménages (seuil de "
    "11, DGFiP/INSEE) ; Hundepool et al., Statistical Disclosure Control (Wiley, 2012), ch. 4. "
    "Format, règles et paramètres : docs/export-format.md, livré avec Aller-Vers. Vérification : "
    "« allervers verify-export FICHIER.zip --key CLÉ »."
)


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


def styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontSize=18, textColor=BLUE),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], textColor=BLUE, spaceBefore=5 * mm),
        "h3": ParagraphStyle("h3", parent=base["Heading3"], spaceBefore=3 * mm),
        "body": ParagraphStyle("body", parent=base["BodyText"], fontSize=9.5, leading=13),
        "small": ParagraphStyle("small", parent=base["BodyText"], fontSize=8, leading=10),
    }


def grid(rows: Sequence[Sequence[str]], widths: Sequence[float], header: bool = False) -> Table:
    style = styles()
    cells = [[Paragraph(escape(text), style["small"]) for text in row] for row in rows]
    table = Table(cells, colWidths=list(widths))
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0) if header else (0, -1), GREY),
    ]
    table.setStyle(TableStyle(commands))
    return table


def p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text), styles()[style])


def document(buffer: io.BytesIO, title: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=title,
        author="Aller-Vers",
        invariant=True,
    )


def heading(
    kind_text: str, code: str, name: str, label: str, fingerprint: str, now: datetime
) -> list[object]:
    return [
        p("Rapport de risque de ré-identification", "title"),
        p(f"{kind_text} du territoire {name} (code {code}), période {label}."),
        p(
            f"Créé le {now:%d/%m/%Y à %H:%M}. Empreinte de la clé de signature : {fingerprint}. "
            "Comparez-la avec celle que le territoire vous a transmise par un autre canal "
            "(téléphone, courrier) : « allervers verify-export » affiche celle du fichier."
        ),
    ]


def render_risk_report(release: TableRelease, fingerprint: str, now: datetime) -> bytes:
    buffer = io.BytesIO()
    period = release.period
    revision = (
        "première publication de cette période"
        if release.revision == 0
        else f"révision n° {release.revision} de cette période"
    )
    months = ", ".join(f"{m} (version {v})" for m, v in release.versions.items())
    story: list[object] = heading(
        "Tableau d'indicateurs",
        release.territory_code,
        release.territory_name,
        f"{period.label} ({PERIOD_NAMES[period.kind]} du {period.start:%d/%m/%Y} au "
        f"{period.end:%d/%m/%Y}), {revision}",
        fingerprint,
        now,
    )
    story.append(p(f"Arrêtés mensuels utilisés : {months}."))
    story += _protection(release)
    story += _inference(release)
    story.append(Spacer(1, 4 * mm))
    story.append(p(SOURCES, "small"))
    document(buffer, "Rapport de risque de ré-identification").build(story)
    return buffer.getvalue()


def _protection(release: TableRelease) -> list[object]:
    figures = release.figures
    threshold = release.min_cell
    smallest = (
        "aucune" if figures.smallest_published is None else number(figures.smallest_published)
    )
    return [
        p("1. Protection du tableau (indicators.csv)", "h2"),
        p(
            f"Toutes les lignes sont présentes dans chaque publication, quelles que soient les "
            f"données. Aucun effectif publié ne compte moins de {threshold} unités, zéro compris, "
            "sauf les zéros structurels (nuls par définition : la complémentaire santé solidaire "
            "n'a pas de montant versé). Un montant est masqué quand l'effectif qui le compose "
            f"l'est, ou quand un seul foyer peut en apporter plus de {percent(DOMINANCE_SHARE)} "
            "(règle de dominance ; la part du plus gros foyer est calculée mois par mois). Une "
            "case masquée s'écrit « s »."
        ),
        p(
            "Protection conjointe : chaque publication (mois, trimestre, année, révision) est la "
            "somme d'arrêtés mensuels figés dans le registre du territoire. Avant d'écrire ce "
            "fichier, Aller-Vers a résolu, pour chaque case masquée de toutes les publications, "
            "pour chaque mois ou trimestre de moins de 11 unités et pour chaque différence entre "
            "deux publications emboîtées, le programme en nombres entiers d'un évaluateur qui les "
            "détiendrait toutes ; des cases supplémentaires de ce fichier ont été masquées tant "
            "qu'une de ces quantités restait calculable à moins de 11 près (ou, pour une "
            "différence, comprise entre -10 et 10)."
        ),
        grid(
            [
                ["Cases du tableau", number(figures.cells)],
                ["Cases publiées", number(figures.published)],
                ["Zéros structurels publiés", number(figures.structural)],
                [f"Masquées par la règle des {threshold} ou de dominance", number(figures.primary)],
                [
                    "Masquées car trop peu changées depuis une publication de la même période",
                    number(figures.revision),
                ],
                [
                    "Masquées pour protéger les autres (secret secondaire)",
                    number(figures.secondary),
                ],
                [f"Plus petit effectif publié (seuil : {threshold})", smallest],
                [
                    "Publications vérifiées ensemble (celle-ci comprise)",
                    number(figures.releases_checked),
                ],
                ["Quantités vérifiées", number(figures.targets_checked)],
                [
                    "Fourchette la plus étroite qu'un évaluateur détenant toutes les publications "
                    f"peut calculer pour un effectif masqué ici (exigence : au moins {threshold})",
                    range_text(figures.narrowest_count_range, "unités"),
                ],
                [
                    "Fourchette la plus étroite pour un montant masqué ici (exigence : 10 % du "
                    "montant, au moins 1 €)",
                    range_text(figures.narrowest_amount_range, "€"),
                ],
            ],
            [120 * mm, 54 * mm],
        ),
    ]


def _inference(release: TableRelease) -> list[object]:
    threshold = release.min_cell
    return [
        CondPageBreak(70 * mm),
        p("2. Ce qu'un évaluateur peut et ne peut pas déduire de toutes les publications", "h2"),
        p("Individualisation : peut-on isoler un foyer ?", "h3"),
        p(
            f"Non par le tableau : aucun effectif publié ou calculable (différence de deux "
            f"publications, mois restant d'un trimestre, version d'un mois révisé) ne désigne "
            f"entre 1 et {threshold - 1} foyers. Les périodes sont fixes (mois, trimestre, année "
            "civils) : deux publications à un jour d'écart n'existent pas. Une révision dont les "
            "changements sont trop petits pour être publiés est refusée."
        ),
        p("Corrélation : peut-on relier ces données à d'autres ?", "h3"),
        p(
            "Le tableau ne contient que des effectifs agrégés au niveau du territoire, sans "
            "identifiant. Les microdonnées sont publiées à part (leur propre fichier, signature "
            "et rapport), jamais dans le même fichier que le tableau ; leurs valeurs qui "
            "recompteraient une case masquée ici en sont retirées."
        ),
        p("Inférence : peut-on déduire une information sur un foyer ?", "h3"),
        p(
            "Un effectif publié dit qu'au moins 11 foyers partagent une caractéristique, jamais "
            "qu'aucun ne l'a (un zéro est masqué comme un petit effectif) ni qu'un foyer "
            "arrivé en retard l'a : une case qui a changé de moins de 11 depuis une publication de "
            "la même période est masquée dans la révision. Ce qui reste possible : un lecteur qui "
            "connaît déjà tous les foyers d'une case sauf un peut en déduire le dernier ; le "
            "seuil de 11 rend cette connaissance improbable sur un territoire."
        ),
        p("Conclusion", "h3"),
        p(
            "Ce tableau, seul ou avec toutes les autres publications du territoire faites par "
            "Aller-Vers, répond aux trois critères selon la pratique de référence et peut être "
            "diffusé."
        ),
    ]
