"""Exports' errors in words."""

from __future__ import annotations

from allervers.domain import export as export_errors
from allervers.domain import release as release_errors
from allervers.messages.base import Translate, identity
from allervers.messages.release import describe_release


def describe_export_error(error: BaseException, translate: Translate = identity) -> str | None:
    """Exports, their verification and merge, and the releases; None for another error."""
    match error:
        case export_errors.ExportExists(path=path):
            return translate("Messages", "{0} existe déjà : rien n'a été écrasé.").format(path)
        case export_errors.ExportThresholdInvalid(name=name, minimum=minimum):
            return translate("Messages", "Seuil {0} trop bas : au moins {1}.").format(
                name, f"{minimum:g}"
            )
        case export_errors.ExportInputInvalid(field=field):
            return translate(
                "Messages", "Export impossible : donnée non conforme ({0}). Rien n'a été écrit."
            ).format(field)
        case export_errors.ExportInconsistent(relation=relation):
            return translate(
                "Messages", "Les chiffres ne respectent pas « {0} » : export arrêté."
            ).format(relation)
        case export_errors.ExportUnverifiable(path=path, reason="schema"):
            return translate(
                "Messages",
                "{0} vient d'une version plus récente d'Aller-Vers : mettez Aller-Vers à jour.",
            ).format(path)
        case export_errors.ExportUnverifiable(path=path):
            return translate("Messages", "{0} n'est pas un export Aller-Vers lisible.").format(path)
        case export_errors.ExportTampered(file=file, reason="structure"):
            return translate(
                "Messages",
                "Export refusé : {0} a été modifié ou recompressé ; demandez le fichier d'origine.",
            ).format(file)
        case export_errors.ExportTampered(file=file, reason="unexpected_file"):
            return translate(
                "Messages",
                "Export refusé : il contient un fichier qu'Aller-Vers n'y met pas ({0}).",
            ).format(file)
        case export_errors.ExportTampered(file=file, reason="missing_file"):
            return translate("Messages", "Export refusé : il y manque le fichier {0}.").format(file)
        case export_errors.ExportTampered(file=file, reason="unreadable"):
            return translate(
                "Messages",
                "Export refusé : {0} est illisible ou n'est pas écrit comme Aller-Vers l'écrit.",
            ).format(file)
        case export_errors.ExportUnverifiable(path=path, reason="too_large"):
            return translate(
                "Messages", "{0} est bien trop gros pour être un export Aller-Vers."
            ).format(path)
        case export_errors.ExportTampered(file=file, reason="key"):
            return translate(
                "Messages", "Export refusé : {0} n'est pas signé par la clé donnée."
            ).format(file)
        case export_errors.ExportTampered(file=file):
            return translate(
                "Messages", "Export refusé : {0} a été modifié après la signature."
            ).format(file)
        case export_errors.ExportKeyInvalid(path=path):
            return translate("Messages", "{0} n'est pas une clé publique (PEM ou base64).").format(
                path
            )
        case export_errors.ExportChecksFailed(path=path, checks=checks):
            return translate(
                "Messages", "{0} est intact mais ne respecte pas ses seuils ({1}) : fusion arrêtée."
            ).format(path, ", ".join(checks))
        case (
            release_errors.ReleasePeriodInvalid()
            | release_errors.ReleaseRefused()
            | release_errors.MicrodataRefused()
            | release_errors.ExportSymlink()
            | release_errors.ExportWrongKey()
            | release_errors.MergeRefused()
        ):
            return describe_release(error, translate)
        case _:
            return None
