"""Joining a team from the start screen when something is wrong: an altered invitation, a reply
folder that does not exist. Each is said in French, nothing is created, and the person can try
again on the same page."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from faker import Faker
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QLineEdit, QRadioButton, QWizard
from pytestqt.qtbot import QtBot

from allervers.domain.sync import InvitationInvalid
from allervers.messages import describe
from allervers.services.sync import SyncService
from allervers.services.workspace import CreatedWorkspace, is_workspace
from allervers.ui.shell import Shell
from allervers.ui.start.first_run import FirstRunWizard
from tests.conftest import FAST_KDF, OTHER_PASSPHRASE
from tests.ui.conftest import find
from tests.ui.sync_support import LEFT, click, fill_file_dialog, wait_text


@pytest.fixture
def invitation(created: CreatedWorkspace, tmp_path: Path, fake: Faker) -> Path:
    usb = tmp_path / "cle"
    usb.mkdir()
    path = usb / "invitation.avinvite"
    SyncService(created.workspace).invite(fake.name(), OTHER_PASSPHRASE, path, FAST_KDF)
    return path


def to_join_page(qtbot: QtBot, shell: Shell) -> FirstRunWizard:
    wizard = shell.wizard
    assert wizard is not None
    choice = find(wizard, QRadioButton, "joinChoice")
    qtbot.mouseClick(choice, LEFT, pos=QPoint(8, choice.height() // 2))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.join_page)
    return wizard


def test_an_altered_invitation_is_refused_and_creates_nothing(
    qtbot: QtBot,
    laptop_shell: Callable[[Path], Shell],
    invitation: Path,
    tmp_path: Path,
) -> None:
    document = json.loads(invitation.read_text("utf-8"))
    sealed = bytearray(base64.b64decode(document["sealed"]))
    sealed[len(sealed) // 2] ^= 1
    document["sealed"] = base64.b64encode(bytes(sealed)).decode("ascii")
    altered = invitation.with_name("modifiee.avinvite")
    altered.write_text(json.dumps(document), "utf-8")
    laptop = tmp_path / "portable"
    wizard = to_join_page(qtbot, laptop_shell(laptop))

    click(qtbot, wizard, "chooseInvitation")
    fill_file_dialog(qtbot, wizard, "invitationOpenDialog", altered)
    reply = Path(find(wizard, QLineEdit, "replyFile").text())
    qtbot.keyClicks(find(wizard, QLineEdit, "invitationPassphrase"), OTHER_PASSPHRASE)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), LEFT)
    said = wait_text(qtbot, find(wizard, QLabel, "joinStatus"))
    assert said == describe(InvitationInvalid(altered))
    assert said.startswith("Invitation illisible : phrase de passe incorrecte ou fichier")
    assert not is_workspace(laptop) and not reply.exists()
    assert wizard.currentPage() is wizard.join_page
    assert find(wizard, QLineEdit, "invitationPassphrase").text() == ""  # to type again
    assert wizard.button(QWizard.WizardButton.CancelButton).isEnabled()

    # The right file, the same passphrase: joined.
    click(qtbot, wizard, "chooseInvitation")
    fill_file_dialog(qtbot, wizard, "invitationOpenDialog", invitation)
    qtbot.keyClicks(find(wizard, QLineEdit, "invitationPassphrase"), OTHER_PASSPHRASE)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), LEFT)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.joined_page, timeout=20_000)
    assert is_workspace(laptop) and reply.is_file()


def test_a_reply_folder_that_does_not_exist_is_said_before_anything_is_created(
    qtbot: QtBot,
    laptop_shell: Callable[[Path], Shell],
    invitation: Path,
    tmp_path: Path,
) -> None:
    laptop = tmp_path / "portable"
    wizard = to_join_page(qtbot, laptop_shell(laptop))
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled()  # nothing chosen yet
    qtbot.keyClicks(find(wizard, QLineEdit, "invitationFile"), str(invitation))
    missing = tmp_path / "nulle-part"
    qtbot.keyClicks(find(wizard, QLineEdit, "replyFile"), str(missing / "reponse"))
    qtbot.keyClicks(find(wizard, QLineEdit, "invitationPassphrase"), OTHER_PASSPHRASE)
    assert commit.isEnabled()
    qtbot.mouseClick(commit, LEFT)
    said = wait_text(qtbot, find(wizard, QLabel, "joinStatus"))
    assert said == f"Le dossier {missing} n'existe pas."
    assert not laptop.exists()
    assert wizard.currentPage() is wizard.join_page
