"""Passphrases for the command line: from the environment (scripts) or a prompt without echo.
Never from an argument, which would land in the shell history and in `ps`."""

from __future__ import annotations

import getpass
import os
import sys

from allervers.domain.errors import NoPassphraseGiven, PassphraseMismatch

ENV_PASSPHRASE = "ALLERVERS_PASSPHRASE"  # noqa: S105  (a variable name)
ENV_NEW_PASSPHRASE = "ALLERVERS_NEW_PASSPHRASE"  # noqa: S105
ENV_RECOVERY_KEY = "ALLERVERS_RECOVERY_KEY"


def _prompt(label: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise NoPassphraseGiven
    return getpass.getpass(label)


def current_passphrase(label: str = "Phrase de passe : ") -> str:
    return os.environ.get(ENV_PASSPHRASE) or _prompt(label)


def new_passphrase(
    env: str = ENV_NEW_PASSPHRASE, label: str = "Nouvelle phrase de passe : "
) -> str:
    value = os.environ.get(env)
    if value:
        return value
    first = _prompt(label)
    second = _prompt("Confirmez : ")
    if first != second:
        raise PassphraseMismatch
    return first


def recovery_key() -> str:
    return os.environ.get(ENV_RECOVERY_KEY) or _prompt("Clé de secours : ")
