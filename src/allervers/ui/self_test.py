"""`allervers --self-test`: checks this installation for real in a temporary folder, prints each
check in French, exits 0 when all passed and 1 at the first failure (with its reason).

After the steps without a window (`allervers.services.self_test`: encrypted workspace, rights
engine, household sheet), it opens the main window on that workspace and closes it, and loads the
interface's translations. The window is drawn offscreen unless `QT_QPA_PLATFORM` names a platform
(packaging/check_bundle.sh runs it once offscreen and once on X11, under Xvfb); on X11 the system
libraries Qt needs are checked first.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel, QListWidget

from allervers import __version__
from allervers.services.self_test import TERRITORY, SelfTest, SelfTestFailed
from allervers.services.visits import VisitService
from allervers.ui.i18n import Translations
from allervers.ui.system_libraries import (
    install_advice,
    missing_libraries,
    no_display,
    uses_xcb,
)

EXIT_OK = 0
EXIT_FAILED = 1
WINDOW_TIMEOUT_SECONDS = 20.0

Step = Callable[[], str]


def run_self_test(out: TextIO | None = None) -> int:
    stream = out if out is not None else sys.stdout
    started = time.monotonic()
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    def say(text: str) -> None:
        print(text, file=stream, flush=True)

    say(f"Autotest d'Aller-Vers {__version__} (dossier temporaire, données fictives)")
    try:
        temporary = tempfile.TemporaryDirectory(prefix="allervers-autotest-")
    except OSError as error:
        say(f"ÉCHEC  Dossier temporaire : impossible de le créer ({error.strerror}).")
        return _failed(say)
    with temporary as folder:
        test = SelfTest(Path(folder))
        steps: list[tuple[str, Step]] = [
            ("Espace de travail", test.open_workspace),
            ("Calcul des droits", test.assess_known_household),
            ("Feuille du foyer", test.write_sheet),
            ("Fenêtre", lambda: _check_window(test)),
            ("Traductions", _check_translations),
        ]
        if uses_xcb():
            steps.insert(0, ("Bibliothèques du système", _check_libraries))
        try:
            for name, step in steps:
                try:
                    say(f"OK     {step()}")
                except SelfTestFailed as failure:
                    say(f"ÉCHEC  {failure}")
                    return _failed(say)
                except Exception as error:  # whatever broke, the person gets a sentence
                    say(f"ÉCHEC  {name} : erreur inattendue ({type(error).__name__} : {error}).")
                    return _failed(say)
        finally:
            test.close()
    say(f"Autotest réussi : {len(steps)} vérifications en {time.monotonic() - started:.0f} s.")
    return EXIT_OK


def _failed(say: Callable[[str], None]) -> int:
    say("Autotest échoué : cette installation d'Aller-Vers ne fonctionnera pas correctement.")
    return EXIT_FAILED


def _check_libraries() -> str:
    """Before Qt starts on X11: Qt would abort, in English, on a missing library or display."""
    missing = missing_libraries()
    problem = install_advice(missing) if missing else no_display()
    if problem is not None:
        raise SelfTestFailed(problem)
    return "Bibliothèques du système pour l'affichage X11 (xcb) présentes."


def _application() -> QApplication:
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])


def _check_window(test: SelfTest) -> str:
    """Opens the main window on the self-test's workspace, waits until it is on screen and shows
    the workspace's territory and the known household's visit, then closes it (which locks)."""
    from allervers.ui.main_window import MainWindow  # every page: only for this step

    _application()
    workspace = test.workspace
    if workspace is None:
        raise SelfTestFailed("Fenêtre : aucun espace de travail ouvert.")
    window = MainWindow(
        test.service, test.workspace_path, workspace, visit_service=VisitService, engine=None
    )
    try:
        window.show()

        def shown() -> bool:
            handle = window.windowHandle()
            visits = window.findChild(QListWidget, "recentVisitsList")
            return (
                handle is not None
                and handle.isExposed()
                and visits is not None
                and visits.count() >= 1
            )

        deadline = time.monotonic() + WINDOW_TIMEOUT_SECONDS
        while not shown() and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.01)
        territory = window.findChild(QLabel, "statusTerritory")
        if not shown() or territory is None or territory.text() != TERRITORY:
            raise SelfTestFailed(
                "Fenêtre : la fenêtre principale ne s'est pas affichée avec l'espace de travail."
            )
        screen = window.windowHandle().screen().name()
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.processEvents()
    test.workspace = None  # closing the window locked it
    where = os.environ.get("QT_QPA_PLATFORM", "") + (f", écran {screen}" if screen else "")
    return (
        f"Fenêtre principale ouverte ({where}) avec la visite du foyer, puis fermée "
        "(espace verrouillé)."
    )


def _check_translations() -> str:
    translations = Translations(_application())
    try:
        for language in ("en", "fr"):
            if not translations.install(language):
                raise SelfTestFailed(
                    f"Traductions : un fichier de traduction manque pour « {language} »."
                )
    finally:
        translations.remove()
    return "Traductions de l'interface (français, anglais) chargées."
