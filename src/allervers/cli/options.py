"""The command line's parser class and shared options, in French.

argparse writes its own words ("usage:", "positional arguments", "show this help message and
exit", its error messages) through `gettext` with no way to pass a translation: `french()`
replaces its lookup function while the command line is built and read, and puts it back after
(the process may go on to open the window). Words argparse does not translate (the names of the
values) come from `METAVARS`.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# argparse's messages of Python 3.11 to 3.13 (a message not listed stays in English).
FRENCH = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "subcommands": "commandes",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version et quitter",
    " (default: %(default)s)": " (par défaut : %(default)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s : attention : %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "commande inconnue %(parser_name)r (au choix : %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "impossible d'ouvrir '%(filename)s' : %(error)s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "not allowed with argument %s": "interdit avec l'argument %s",
    "ignored explicit argument %r": "valeur %r en trop : cette option n'en prend pas",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "expected one argument": "une valeur attendue",
    "expected at most one argument": "au plus une valeur attendue",
    "expected at least one argument": "au moins une valeur attendue",
    "expected %s argument": "%s valeur attendue",
    "expected %s arguments": "%s valeurs attendues",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "unexpected option string: %s": "option inattendue : %s",
    "invalid %(type)s value: %(value)r": "valeur impossible (%(type)s attendu) : %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix impossible : %(value)r (au choix : %(choices)s)"
    ),
    "argument '%(argument_name)s' is deprecated": "l'argument '%(argument_name)s' est obsolète",
    "option '%(option)s' is deprecated": "l'option '%(option)s' est obsolète",
    "command '%(parser_name)s' is deprecated": "la commande '%(parser_name)s' est obsolète",
}

# The names of values in the help ("--out FICHIER"), by destination.
METAVARS = {
    "workspace": "DOSSIER",
    "user": "NOM",
    "file": "FICHIER",
    "files": "FICHIER",
    "out": "FICHIER",
    "to": "FICHIER",
    "recovery_sheet": "FICHIER.pdf",
    "territory": "NOM",
    "name": "NOM",
    "volunteer": "NOM",
    "month": "AAAA-MM",
    "period": "PÉRIODE",
    "start": "AAAA-MM-JJ",
    "end": "AAAA-MM-JJ",
    "key": "CLÉ",
    "k": "K",
    "household": "FOYER",
    "visit": "VISITE",
    "address": "ADRESSE",
    "phone": "TÉLÉPHONE",
    "hours": "HORAIRES",
    "search": "TEXTE",
    "invitation": "INVITATION",
    "reply": "RÉPONSE",
    "conflict": "CONFLIT",
    "keys": "FICHIER",
    "email": "COURRIEL",
    "public": "PUBLIC",
    "structure": "STRUCTURE",
    "theme": "THÉMATIQUE",
    "zone": "ZONE",
    "label": "LIBELLÉ",
    "number": "NUMÉRO",
}


def _translate(text: str) -> str:
    return FRENCH.get(text, text)


def _translate_plural(singular: str, plural: str, count: int) -> str:
    return _translate(singular if count == 1 else plural)


@contextlib.contextmanager
def french() -> Iterator[None]:
    """argparse speaks French inside the block."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = _translate  # type: ignore[attr-defined]
    argparse.ngettext = _translate_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def entier(text: str) -> int:
    """`type=int` under a French name: argparse quotes the type's name in its message."""
    return int(text)


def nombre(text: str) -> float:
    return float(text)


FRENCH_TYPES: dict[Any, Callable[[str], Any]] = {int: entier, float: nombre}


class Parser(argparse.ArgumentParser):
    """Every parser of the command line: French value names, French type names."""

    def add_argument(self, *names: Any, **kwargs: Any) -> argparse.Action:
        kwargs["type"] = FRENCH_TYPES.get(kwargs.get("type"), kwargs.get("type"))
        if kwargs["type"] is None:
            del kwargs["type"]
        stores = kwargs.get("action") in (None, "store", "append")
        if stores and "metavar" not in kwargs and "choices" not in kwargs:
            dest = kwargs.get("dest") or names[-1].lstrip("-").replace("-", "_")
            if dest in METAVARS:
                kwargs["metavar"] = METAVARS[dest]
        return super().add_argument(*names, **kwargs)


AddWorkspace = Callable[..., None]


def add_workspace(parser: argparse.ArgumentParser, with_user: bool = True) -> None:
    """`--workspace` (and `--user`) of a command that opens a workspace. They may also come
    before the command (`allervers --workspace DIR visits import F`): see `main`."""
    parser.add_argument("--workspace", type=Path, help="dossier de l'espace de travail")
    if with_user:
        parser.add_argument("--user", help="nom d'utilisateur (ou ALLERVERS_USER)")


def add_force(parser: argparse.ArgumentParser) -> None:
    """`--force` of a command that writes a file: replace it if it exists."""
    parser.add_argument(
        "--force", action="store_true", help="remplacer le fichier s'il existe déjà"
    )
