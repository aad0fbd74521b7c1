"""A person's data, exported on request (RGPD art. 15): everything the workspace holds, readable."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from allervers.wording import Translate, identity


def _lines(value: Any, indent: int = 0) -> list[str]:
    pad = "\u00a0" * 4 * indent
    if isinstance(value, dict):
        out = []
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                out.append(f"{pad}{key} :")
                out += _lines(item, indent + 1)
            else:
                out.append(f"{pad}{key} : {json.dumps(item, ensure_ascii=False)}")
        return out
    if isinstance(value, list):
        out = []
        for index, item in enumerate(value, start=1):
            out.append(f"{pad}[{index}]")
            out += _lines(item, indent + 1)
        return out
    return [f"{pad}{json.dumps(value, ensure_ascii=False)}"]


def write_person_export(path: Path, data: dict[str, Any], translate: Translate = identity) -> None:
    styles = getSampleStyleSheet()
    story: list[object] = [
        Paragraph(
            escape(translate("Report", "Vos données enregistrées par Aller-Vers")), styles["Title"]
        ),
        Paragraph(
            escape(
                translate(
                    "Report", "Copie remise à votre demande (RGPD, article 15). Exportée le {0}."
                ).format(data.get("exported_at", "")[:10])
            ),
            styles["BodyText"],
        ),
        Spacer(1, 4 * mm),
    ]
    for section in ("household", "visits", "referrals"):
        story.append(Paragraph(escape(section), styles["Heading2"]))
        for line in _lines(data.get(section, {})):
            story.append(Paragraph(escape(line), styles["Code"]))
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm).build(
        story  # type: ignore[arg-type]
    )
