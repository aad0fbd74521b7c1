"""The form kit every dialog running one operation uses: the confirm button follows the fields and
stays off while the operation runs; a failure is worded in French and gives the button back; a
success leaves the form busy for the dialog to close."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QDialog, QVBoxLayout
from pytestqt.qtbot import QtBot

from allervers.domain.errors import WrongPassphrase
from allervers.ui.common.form import FormKit


def _dialog(qtbot: QtBot) -> QDialog:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    return dialog


def test_the_confirm_button_follows_the_fields(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    filled = [False]
    form = FormKit(dialog, "kitError", lambda: filled[0])
    _buttons, confirm = form.button_box("Valider", "kitConfirm")
    form.update()
    assert not confirm.isEnabled()
    assert not form.can_confirm
    filled[0] = True
    form.update()
    assert confirm.isEnabled()
    assert confirm.objectName() == "kitConfirm"


def test_a_failure_is_worded_and_gives_the_button_back(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    form = FormKit(dialog, "kitError")
    buttons, confirm = form.button_box("Valider", "kitConfirm")
    layout = QVBoxLayout(dialog)
    for widget in (form.error, form.busy, buttons):
        layout.addWidget(widget)
    dialog.show()
    form.error.setText("une erreur d'avant")
    gate = threading.Event()
    failures: list[Exception] = []

    def work() -> None:
        gate.wait(10)
        raise WrongPassphrase()

    form.run("Vérification…", "Vérification", work, lambda _r: None, failures.append)
    # While it runs: busy said, the old error gone, no second click.
    assert form.running
    assert form.busy.isVisible() and form.busy.label.text() == "Vérification…"
    assert not form.error.isVisible()
    assert not confirm.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: not form.running, timeout=10_000)
    assert form.error.text() == "Nom d'utilisateur ou phrase de passe incorrect."
    assert form.error.isVisible()
    assert not form.busy.isVisible()
    assert confirm.isEnabled()
    assert [type(e) for e in failures] == [WrongPassphrase]


def test_a_success_is_handed_on_with_the_form_still_busy(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    form = FormKit(dialog, "kitError")
    _buttons, confirm = form.button_box("Valider", "kitConfirm")
    results: list[tuple[str, bool]] = []
    form.run("Calcul…", "Calcul", lambda: "fait", lambda r: results.append((r, form.running)))
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert results == [("fait", True)]  # the dialog closes; nothing to click meanwhile
    assert not confirm.isEnabled()
    assert form.error.text() == ""
