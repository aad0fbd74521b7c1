"""The recovery key sheet, printed once at creation and kept somewhere safe (not with the laptop).

The file holds the key that opens everything: it is readable by its owner only (0600) from its
first byte, written beside its place and renamed, so that no other user of the machine can read it
even for a moment, and a file already there (or a symlink) is replaced, never written through.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from allervers.files.atomic import write_atomically


def write_recovery_sheet(path: Path, territory: str, recovery_key: str, created: date) -> None:
    write_atomically(path, recovery_sheet_pdf(territory, recovery_key, created))


def recovery_sheet_pdf(territory: str, recovery_key: str, created: date) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setTitle("Aller-Vers – clé de secours")
    width, height = A4
    y = height - 30 * mm
    canvas.setFont("Helvetica-Bold", 18)
    canvas.drawString(25 * mm, y, "Aller-Vers – clé de secours")
    canvas.setFont("Helvetica", 11)
    y -= 12 * mm
    canvas.drawString(25 * mm, y, f"Espace de travail : {territory}")
    y -= 6 * mm
    canvas.drawString(25 * mm, y, f"Créé le {created.strftime('%d/%m/%Y')}")
    y -= 20 * mm
    canvas.setFont("Courier-Bold", 20)
    canvas.drawCentredString(width / 2, y, recovery_key)
    canvas.rect(20 * mm, y - 8 * mm, width - 40 * mm, 22 * mm)
    canvas.setFont("Helvetica", 11)
    y -= 25 * mm
    lines = [
        "Cette clé permet de choisir une nouvelle phrase de passe si elle est oubliée.",
        "Elle ouvre toutes les données de l'espace de travail : rangez cette feuille sous clé,",
        "jamais avec l'ordinateur. Elle ne sera plus jamais affichée.",
        "",
        "Pour l'utiliser : écran de déverrouillage, « Phrase de passe oubliée »,",
        "ou en ligne de commande : allervers users passwd --recovery",
        "",
        "Feuille perdue ou vue par quelqu'un d'autre : la coordination remplace la clé",
        "(menu Espace de travail, « Nouvelle clé de secours », ou allervers users recovery-key).",
    ]
    for line in lines:
        canvas.drawString(25 * mm, y, line)
        y -= 6 * mm
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
