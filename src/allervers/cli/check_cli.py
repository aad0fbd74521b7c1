"""`allervers check`: the report in French, one line per thing checked, then what was found and
what to do. Exit 3 when anything is wrong; nothing in the workspace is written."""

from __future__ import annotations

from allervers.domain.workspace import CheckCode, CheckFinding, CheckReport
from allervers.storage.metadata_file import DATABASE_NAME, METADATA_NAME

_RESTORE = " Restaurez la dernière sauvegarde (allervers restore) dans un nouveau dossier."

_TEXTS: dict[CheckCode, str] = {
    CheckCode.METADATA_UNREADABLE: (
        f"{METADATA_NAME} est illisible ou contient une valeur impossible{{field}} : la base n'a "
        "pas pu être vérifiée. Remettez le fichier d'origine ou restaurez une sauvegarde."
    ),
    CheckCode.DATABASE_MISSING: f"le fichier de la base ({DATABASE_NAME}) manque.{_RESTORE}",
    CheckCode.DATABASE_EMPTY: (
        f"le fichier de la base ({DATABASE_NAME}) est vide (0 octet) : tout son contenu est "
        f"perdu.{_RESTORE}"
    ),
    CheckCode.DATABASE_TRUNCATED: (
        "le fichier de la base est tronqué ({size} octets, pas un nombre entier de pages) : "
        f"sa fin manque.{_RESTORE}"
    ),
    CheckCode.DATABASE_UNREADABLE: (
        "la base ne s'ouvre pas avec sa clé, pourtant juste : sa première page ou son schéma "
        f"est abîmé.{_RESTORE}"
    ),
    CheckCode.PAGES_DAMAGED: "{count} page(s) chiffrée(s) abîmée(s) : n° {pages}.",
    CheckCode.STRUCTURE_DAMAGED: (
        "la structure de la base est abîmée ({count} anomalie(s)), ou le fichier a été coupé "
        f"à la limite d'une page.{_RESTORE}"
    ),
    CheckCode.SCHEMA_UNKNOWN: (
        "version du schéma inconnue ({revision}) : espace créé par une version plus récente "
        "d'Aller-Vers (mettez-la à jour), ou abîmé."
    ),
    CheckCode.AUDIT_MISSING: "le journal d'audit a été supprimé de la base.",
    CheckCode.AUDIT_ENTRY_MISSING: "l'entrée n° {seq} du journal d'audit manque.",
    CheckCode.AUDIT_ENTRY_ALTERED: "l'entrée n° {seq} du journal d'audit a été modifiée.",
    CheckCode.AUDIT_LINK_BROKEN: (
        "l'entrée n° {seq} du journal d'audit ne suit plus la précédente (modifiée ou insérée)."
    ),
    CheckCode.AUDIT_NEWEST_REMOVED: (
        "les dernières entrées du journal d'audit ont été retirées : il s'arrête au n° {found}, "
        "la base en annonce {expected}."
    ),
    CheckCode.ANCHOR_ALTERED: (
        f"l'ancre du journal d'audit, dans {METADATA_NAME}, a été modifiée ou retirée : les "
        "pertes de modifications ne peuvent plus être vérifiées."
    ),
    CheckCode.COMMITS_LOST: (
        "des modifications enregistrées manquent : le journal d'audit s'arrête au n° {found} "
        "alors que son ancre en attend {expected} (fichier -wal perdu après un arrêt brutal, ou "
        f"ancienne copie de la base remise en place).{_RESTORE}"
    ),
    CheckCode.AUDIT_REWRITTEN: (
        "le journal d'audit a été réécrit : son entrée n° {seq} ne correspond plus à l'ancre "
        f"gardée dans {METADATA_NAME}."
    ),
    CheckCode.GAP_RECORDED: (
        "le {at}, à l'ouverture, des modifications enregistrées manquaient déjà : le journal "
        "s'arrêtait au n° {found} au lieu du n° {expected}."
    ),
    CheckCode.SCHEMA_OLDER: (
        "schéma en version {revision} : il sera mis à jour à la prochaine ouverture."
    ),
    CheckCode.NOT_ANCHORED: (
        "journal d'audit pas encore ancré hors de la base (espace d'une version antérieure) : "
        "il le sera à la prochaine ouverture."
    ),
}


_CUT = (
    "la base ne s'ouvre pas avec sa clé, pourtant juste, alors que chacune de ses pages est "
    "intacte : le fichier a été coupé à la limite d'une page (sa fin manque), ou son schéma est "
    f"abîmé.{_RESTORE}"
)


def gap_warning(gap: tuple[int, int | None]) -> str:
    """Said when an opening finds commits missing (it is recorded for `check` too)."""
    found, expected = gap
    wanted = "son ancre, modifiée," if expected is None else f"son ancre en attendait {expected}"
    return (
        f"des modifications enregistrées manquent : le journal d'audit s'arrêtait au n° {found} "
        f"et {wanted} (fichier -wal perdu après un arrêt brutal, ou ancienne copie de la base "
        "remise en place). Ce constat est noté au journal ; lancez « allervers check »."
    )


def describe_finding(finding: CheckFinding) -> str:
    if finding.code is CheckCode.DATABASE_UNREADABLE and finding.values.get("cut"):
        return _CUT
    values = dict(finding.values)
    if finding.code is CheckCode.PAGES_DAMAGED:
        pages = list(values.get("pages", []))
        values = {"count": len(pages), "pages": ", ".join(str(p) for p in pages)}
    if finding.code is CheckCode.METADATA_UNREADABLE:
        values["field"] = f" ({values['field']})" if values.get("field") else ""
    if finding.code is CheckCode.GAP_RECORDED:
        values["at"] = str(values.get("at", ""))[:16].replace("T", " à ")
        if values.get("expected") == "?":
            values["expected"] = "attendu (ancre modifiée)"
    return _TEXTS[finding.code].format(**values)


def report_lines(report: CheckReport) -> list[str]:
    """The lines `allervers check` prints, in order."""
    lines = [f"Espace de travail : {report.path}"]
    damaged = [p for p in report.problems if p.code is CheckCode.PAGES_DAMAGED]
    if damaged:
        lines.append(f"Pages chiffrées : {len(damaged[0].values['pages'])} abîmée(s)")
    elif report.pages:
        lines.append("Pages chiffrées : intactes")
    if report.schema_revision:
        lines.append(f"Version du schéma : {report.schema_revision}")
    lines.append(f"Journal d'audit : {report.audit_entries} entrées vérifiées")
    lines.append(f"Utilisateurs : {report.users}")
    for note in report.notes:
        lines.append(f"Remarque : {describe_finding(note)}")
    for problem in report.problems:
        lines.append(f"PROBLÈME : {describe_finding(problem)}")
    if report.ok:
        lines.append("Résultat : aucun problème.")
    else:
        lines.append(
            f"Résultat : {len(report.problems)} problème(s) détecté(s). Rien n'a été modifié."
        )
    return lines
