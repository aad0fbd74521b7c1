"""Refused input in words."""

from __future__ import annotations

from allervers.domain import addresses as address_errors
from allervers.domain import errors
from allervers.domain import rounds as round_errors
from allervers.messages.base import Translate, identity
from allervers.messages.problems import address_problem, describe_problem, round_problem


def describe_input_error(error: BaseException, translate: Translate = identity) -> str | None:
    """Refused input: visits, imported files, addresses, rounds, files to read or write; None for another error."""
    match error:
        case errors.VisitInvalid(problems=problems):
            return "\n".join(describe_problem(p, translate) for p in problems[:5])
        case errors.ImportInvalid(path=path, line=line, problems=problems):
            reasons = "; ".join(describe_problem(p, translate) for p in problems[:3])
            return translate(
                "Messages", "{0}, ligne {1} : {2}. Aucune ligne n'a été prise en compte."
            ).format(path, line, reasons)
        case address_errors.AddressFileInvalid(path=path, line=line, reason=reason, column=column):
            return translate(
                "Messages", "{0}, ligne {1} : {2}. Aucune adresse n'a été prise en compte."
            ).format(path, line, address_problem(reason, column, translate))
        case round_errors.RoundInvalid(reason=reason, detail=detail, count=count):
            return round_problem(reason, detail, count, translate)
        case errors.UnknownRecord(kind="round", record_id=name):
            return translate("Messages", "Aucune tournée « {0} ».").format(name)
        case errors.InputFileRefused(path=path, reason="not_a_file"):
            return translate(
                "Messages", "{0} n'est pas un fichier ordinaire : rien n'a été lu."
            ).format(path)
        case errors.InputFileRefused(path=path, reason="too_large", limit=limit):
            return translate(
                "Messages", "{0} est trop gros (au plus {1} Mio) : rien n'a été pris en compte."
            ).format(path, limit // (1024 * 1024))
        case errors.InputFileRefused(path=path, limit=limit):
            return translate(
                "Messages",
                "{0} a trop de lignes (au plus {1} visites par fichier) : rien n'a été pris en "
                "compte ; coupez-le en plusieurs fichiers.",
            ).format(path, limit)
        case errors.OutputRefused(path=path, reason="exists"):
            return translate("Messages", "{0} existe déjà : rien n'a été écrasé.").format(path)
        case errors.OutputRefused(path=path, reason="symlink"):
            return translate(
                "Messages",
                "{0} est un lien symbolique : rien n'a été écrit. Choisissez un fichier ordinaire.",
            ).format(path)
        case errors.OutputRefused(path=path, reason="folder"):
            return translate(
                "Messages", "{0} est un dossier : donnez le nom du fichier à écrire."
            ).format(path)
        case errors.OutputRefused(path=path):
            return translate("Messages", "{0} n'est pas un dossier : rien n'a été écrit.").format(
                path
            )
        case errors.UnknownRecord():
            return translate("Messages", "Cet enregistrement n'existe pas ou plus.")
        case _:
            return None
