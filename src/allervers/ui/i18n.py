"""Which language the interface speaks, and the Qt translators that make it so.

French is the source language: the strings in the code are French and need no translation file.
English comes from `resources/i18n/allervers_en.qm`, compiled from `translations/allervers_en.ts`
(see `translations/update.sh`). Qt's own strings (wizard buttons, file dialogs) are English in
Qt, so French needs Qt's `qtbase_fr.qm` instead, completed by our `qtbase_extra_fr.qm` for the
few strings it leaves in English (the file dialog's "Look in" and "Files of type").
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from allervers.services.workspace import WorkspaceService

ENV_LANGUAGE = "ALLERVERS_LANG"
SOURCE_LANGUAGE = "fr"
SUPPORTED = ("fr", "en")


def translations_folder() -> Path:
    # One name per joinpath: in the packaged app (Python 3.11) `files()` gives a MultiplexedPath,
    # whose joinpath takes a single name and whose str() is not a path.
    return Path(str(resources.files("allervers").joinpath("resources").joinpath("i18n")))


def workspace_language(service: WorkspaceService, workspace: Path) -> str | None:
    """The language saved in the workspace's clear settings, readable before unlocking.

    The settings are non-personal and stored in clear on purpose, so the unlock screen can already
    speak the right language. A missing or damaged file is not this module's problem: the unlock
    screen reports it, here it just means "no preference"."""
    settings = service.settings(workspace)
    return settings.language if settings is not None else None


def choose_language(setting: str | None, environ: Mapping[str, str] | None = None) -> str:
    """`ALLERVERS_LANG` wins (a person's explicit choice for this session), then the workspace
    setting, then French."""
    env = os.environ if environ is None else environ
    for candidate in (env.get(ENV_LANGUAGE), setting):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in SUPPORTED:
                return code
    return SOURCE_LANGUAGE


class Translations:
    """Owns the installed translators: Qt only keeps a pointer, so Python must keep them alive."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = SOURCE_LANGUAGE

    def install(self, language: str) -> bool:
        """Replaces the current translators. Returns False when a needed file is missing, in which
        case the interface stays in French (the source text), which is usable, not broken."""
        self.remove()
        self.language = language
        QLocale.setDefault(QLocale(language))
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ok = self._load(f"qtbase_{language}", qt_folder)
        if language == SOURCE_LANGUAGE:  # installed last, so looked up first
            ok = self._load("qtbase_extra_fr", str(translations_folder())) and ok
        else:
            ok = self._load(f"allervers_{language}", str(translations_folder())) and ok
        return ok

    def remove(self) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()

    def _load(self, name: str, folder: str) -> bool:
        translator = QTranslator(self._app)
        if not translator.load(name, folder):
            return False
        self._app.installTranslator(translator)
        self._installed.append(translator)
        return True
