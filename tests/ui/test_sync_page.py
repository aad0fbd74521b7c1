"""The "Équipe et synchronisation" page, driven as people would on two laptops: the coordinator
invites, a volunteer joins from the start screen, the coordinator enrols the reply; sync files go
both ways through the page; a damaged file is refused in French and changes nothing; conflicts are
settled from the list. Real workspaces (light Argon2id), real widgets, Qt's own file dialogs
filled in as a person does."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from faker import Faker
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from allervers.domain.sync import BundleTampered
from allervers.messages import describe
from allervers.services.sync import SyncService, join
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace, OpenWorkspace, WorkspaceService
from allervers.ui.main_window import MainWindow
from allervers.ui.shell import Shell
from tests.conftest import COORDINATOR, FAST_KDF, OTHER_PASSPHRASE, PASSPHRASE
from tests.integration.test_caseload import interview
from tests.ui.conftest import find, type_text
from tests.ui.sync_support import (
    LEFT,
    click,
    fill_file_dialog,
    navigate,
    open_laptop,
    recent_visits,
    stored,
    street,
    sync_page,
    table_rows,
    wait_text,
)

WRONG_PASSPHRASE = "une phrase de passe qui ne convient pas"


# The whole enrolment, through the screens of both laptops.


def test_coordinator_invites_volunteer_joins_from_the_start_screen_and_is_enrolled(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    laptop_shell: Callable[[Path], Shell],
    tmp_path: Path,
    fake: Faker,
) -> None:
    usb = tmp_path / "cle-usb"
    usb.mkdir()
    volunteer = fake.name()
    hub_window = open_window()
    page = sync_page(qtbot, hub_window)
    hub_fingerprint = find(page, QLabel, "ownFingerprint").text()
    assert len(hub_fingerprint) == 24 and hub_fingerprint.count("-") == 4
    assert "vive voix" in find(page, QLabel, "compareHint").text()
    assert not find(page, QTableWidget, "peersTable").isVisible()  # nobody enrolled yet
    assert not find(page, QPushButton, "prepareBundle").isEnabled()

    # The coordinator invites: name, passphrase twice, then where to write the invitation.
    click(qtbot, page, "inviteVolunteer")
    qtbot.waitUntil(lambda: page.findChild(QWidget, "inviteDialog") is not None)
    dialog = find(page, QWidget, "inviteDialog")
    type_text(qtbot, find(dialog, QLineEdit, "inviteName"), volunteer)
    qtbot.keyClicks(find(dialog, QLineEdit, "newPassphrase"), OTHER_PASSPHRASE)
    qtbot.keyClicks(find(dialog, QLineEdit, "confirmPassphrase"), OTHER_PASSPHRASE)
    click(qtbot, dialog, "confirmInvite")
    invitation = usb / "invitation"
    fill_file_dialog(qtbot, dialog, "invitationFileDialog", invitation)
    said = wait_text(qtbot, find(page, QLabel, "syncResult"))
    invitation = usb / "invitation.avinvite"  # the suffix is added
    assert invitation.is_file()
    assert f"Invitation pour {volunteer} écrite dans {invitation}" in said
    assert hub_fingerprint in said

    # On the volunteer's laptop: no workspace yet, the start screen offers to join a team.
    laptop = tmp_path / "portable-benevole"
    shell = laptop_shell(laptop)
    wizard = shell.wizard
    assert wizard is not None
    join_choice = find(wizard, QRadioButton, "joinChoice")
    assert join_choice.text() == "Rejoindre une équipe avec une invitation"
    qtbot.mouseClick(join_choice, LEFT, pos=QPoint(8, join_choice.height() // 2))
    assert join_choice.isChecked()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.join_page)
    click(qtbot, wizard, "chooseInvitation")
    fill_file_dialog(qtbot, wizard, "invitationOpenDialog", invitation)
    assert find(wizard, QLineEdit, "invitationFile").text() == str(invitation)
    reply_text = find(wizard, QLineEdit, "replyFile").text()
    assert Path(reply_text).parent == usb  # beside the invitation, by default
    commit = wizard.button(QWizard.WizardButton.CommitButton)

    # A wrong passphrase: said in French, nothing created, another try allowed.
    qtbot.keyClicks(find(wizard, QLineEdit, "invitationPassphrase"), WRONG_PASSPHRASE)
    qtbot.mouseClick(commit, LEFT)
    status = find(wizard, QLabel, "joinStatus")
    assert wait_text(qtbot, status).startswith("Invitation illisible : phrase de passe incorrecte")
    assert not laptop.exists() or not any(laptop.iterdir())
    assert not Path(reply_text).exists()
    assert wizard.currentPage() is wizard.join_page

    qtbot.keyClicks(find(wizard, QLineEdit, "invitationPassphrase"), OTHER_PASSPHRASE)
    qtbot.mouseClick(commit, LEFT)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.joined_page, timeout=20_000)
    shown_hub = find(wizard, QLabel, "hubFingerprint").text()
    laptop_fingerprint = find(wizard, QLabel, "ownFingerprint").text()
    assert shown_hub == hub_fingerprint  # the check that matters, by voice
    assert laptop_fingerprint != hub_fingerprint
    details = find(wizard, QLabel, "joinDetails").text()
    assert reply_text in details and volunteer in details
    assert Path(reply_text).is_file()

    # Then the recovery key, as for a new workspace, and the main window.
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.key_page)
    key = find(wizard, QLabel, "recoveryKey").text()
    assert len(key.split("-")) == 8
    qtbot.keyClicks(find(wizard, QLineEdit, "keyConfirmation"), key.rsplit("-", 1)[-1])
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)
    qtbot.waitUntil(lambda: shell.main_window is not None)
    laptop_window = shell.main_window
    assert laptop_window is not None
    assert laptop_window.user_label.text() == f"{volunteer} (bénévole)"
    laptop_page = sync_page(qtbot, laptop_window)
    assert find(laptop_page, QLabel, "ownFingerprint").text() == laptop_fingerprint
    assert table_rows(find(laptop_page, QTableWidget, "peersTable")) == [
        [COORDINATOR, "coordination", hub_fingerprint]
    ]
    assert find(laptop_page, QPushButton, "prepareBundle").text() == (
        "&Préparer un fichier pour la coordination…"
    )
    for coordinator_only in ("inviteVolunteer", "enrolLaptop"):
        assert laptop_page.findChild(QPushButton, coordinator_only) is None
    assert laptop_page.findChild(QTableWidget, "conflictsTable") is None

    # The coordinator enrols the reply and reads the laptop's fingerprint: the same.
    click(qtbot, page, "enrolLaptop")
    fill_file_dialog(qtbot, page, "enrolFileDialog", Path(reply_text))
    said = wait_text(qtbot, find(page, QLabel, "syncResult"))
    assert said.startswith(
        f"Ordinateur de {volunteer} inscrit. Son empreinte : {laptop_fingerprint}"
    )
    assert "vive voix" in said
    assert table_rows(find(page, QTableWidget, "peersTable")) == [
        [volunteer, "bénévole", laptop_fingerprint]
    ]
    assert find(page, QComboBox, "bundleRecipient").currentText() == volunteer
    assert find(page, QPushButton, "prepareBundle").isEnabled()


# Sync files through the page, with a team made by the services.


@dataclass
class Team:
    service: WorkspaceService
    hub_path: Path
    volunteer: str
    laptop_path: Path
    folder: Path

    @contextmanager
    def hub(self) -> Iterator[OpenWorkspace]:
        """The coordinator's workspace, open for the test's own set-up and checks."""
        workspace = self.service.unlock(self.hub_path, COORDINATOR, PASSPHRASE)
        try:
            yield workspace
        finally:
            workspace.lock()

    @contextmanager
    def laptop(self) -> Iterator[OpenWorkspace]:
        workspace = self.service.unlock(self.laptop_path, self.volunteer, OTHER_PASSPHRASE)
        try:
            yield workspace
        finally:
            workspace.lock()

    def records_a_visit(self, tmp_path: Path, contact: str) -> str:
        """A visit recorded on the volunteer's laptop; its id."""
        with self.laptop() as laptop:
            return interview(laptop, tmp_path, contact, "2026-01-05")


@pytest.fixture
def team(
    created: CreatedWorkspace,
    service: WorkspaceService,
    workspace_path: Path,
    tmp_path: Path,
    fake: Faker,
) -> Team:
    """The coordinator's workspace and one enrolled volunteer's laptop, both locked: the
    windows open them as people do."""
    folder = tmp_path / "echanges"
    folder.mkdir()
    team = Team(service, workspace_path, fake.name(), tmp_path / "portable", folder)
    invitation, reply = folder / "invitation.avinvite", folder / "reponse.avreply"
    with team.hub() as hub:
        SyncService(hub).invite(team.volunteer, OTHER_PASSPHRASE, invitation, FAST_KDF)
        joined = join(invitation, team.laptop_path, OTHER_PASSPHRASE, reply, FAST_KDF)
        joined.created.workspace.lock()
        SyncService(hub).enrol(reply)
    created.workspace.lock()
    return team


def make_conflicts(team: Team, tmp_path: Path, fake: Faker) -> tuple[str, str, str, Path]:
    """A visit sent to the hub, then its phone changed on both sides: the laptop's next file
    (returned, not yet imported) conflicts with the hub. Returns the visit, both phones, the
    file."""
    visit = team.records_a_visit(tmp_path, fake.name())
    here, received = fake.numerify("06 ## ## ## ##"), fake.numerify("07 ## ## ## ##")
    first, second = team.folder / "1.avsync", team.folder / "2.avsync"
    with team.laptop() as laptop:
        SyncService(laptop).write_bundle(first)
    with team.hub() as hub:
        SyncService(hub).read_bundle(first)
        VisitService(hub).answer(visit, "contact_phone", here)
    with team.laptop() as laptop:
        VisitService(laptop).answer(visit, "contact_phone", received)
        SyncService(laptop).write_bundle(second)
    return visit, here, received, second


def test_a_volunteers_file_prepared_on_the_page_is_imported_on_the_coordinators_page(
    qtbot: QtBot,
    team: Team,
    open_window: Callable[..., MainWindow],
    laptop_shell: Callable[[Path], Shell],
    tmp_path: Path,
    fake: Faker,
) -> None:
    contact = fake.name()
    team.records_a_visit(tmp_path, contact)
    laptop_window = open_laptop(
        qtbot, laptop_shell, team.laptop_path, team.volunteer, OTHER_PASSPHRASE
    )
    laptop_page = sync_page(qtbot, laptop_window)
    click(qtbot, laptop_page, "prepareBundle")
    fill_file_dialog(qtbot, laptop_page, "bundleFileDialog", team.folder / "tournee-janvier")
    said = wait_text(qtbot, find(laptop_page, QLabel, "syncResult"))
    bundle = team.folder / "tournee-janvier.avsync"  # the suffix is added
    assert bundle.is_file()
    assert said.startswith(f"Fichier prêt : {bundle} (")
    assert f"enregistrements chiffrés pour {COORDINATOR})" in said
    sent = int(said.split("(")[1].split()[0])
    assert sent >= 3  # the household, the visit, its rights at least
    laptop_window.close()

    hub_window = open_window()
    assert not any(street(contact) in line for line in recent_visits(hub_window))
    page = sync_page(qtbot, hub_window)
    click(qtbot, page, "importBundle")
    fill_file_dialog(qtbot, page, "importFileDialog", bundle)
    summary = wait_text(qtbot, find(page, QLabel, "syncResult"))
    found = re.fullmatch(
        r"Fichier vérifié et importé : (\d+) nouveaux enregistrements \(foyers, visites, droits, "
        r"suivi…\), 0 mis à jour, (\d+) déjà à jour\.",
        summary,
    )
    assert found is not None, summary
    inserted, unchanged = int(found[1]), int(found[2])
    assert inserted >= 3 and inserted + unchanged == sent  # every record sent, counted
    assert find(page, QLabel, "syncError").text() == ""
    assert find(page, QLabel, "noConflicts").isVisible()
    # The visit is now on the coordinator's Visites page.
    navigate(qtbot, hub_window, "Visites")
    assert any(street(contact) in line for line in recent_visits(hub_window))

    # The same file again: refused, nothing changes.
    page = sync_page(qtbot, hub_window)
    click(qtbot, page, "importBundle")
    fill_file_dialog(qtbot, page, "importFileDialog", bundle)
    refusal = wait_text(qtbot, find(page, QLabel, "syncError"))
    assert refusal == f"{bundle} a déjà été importé : rien n'a été modifié."
    assert find(page, QLabel, "syncResult").text() == ""


def test_a_file_with_one_byte_changed_is_refused_in_french_and_changes_nothing(
    qtbot: QtBot,
    team: Team,
    open_window: Callable[..., MainWindow],
    workspace_path: Path,
    tmp_path: Path,
    fake: Faker,
) -> None:
    contact = fake.name()
    team.records_a_visit(tmp_path, contact)
    good = team.folder / "bon.avsync"
    with team.laptop() as laptop:
        SyncService(laptop).write_bundle(good)
    data = good.read_bytes()
    tampered = team.folder / "abime.avsync"
    middle = len(data) // 2
    tampered.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :])

    hub_window = open_window()
    visits_before = recent_visits(hub_window)
    page = sync_page(qtbot, hub_window)
    peers_before = table_rows(find(page, QTableWidget, "peersTable"))
    assert peers_before == [[team.volunteer, "bénévole", peers_before[0][2]]]
    before = stored(workspace_path)
    assert any(name.endswith(".avdb") for name in before)
    click(qtbot, page, "importBundle")
    fill_file_dialog(qtbot, page, "importFileDialog", tampered)
    refusal = wait_text(qtbot, find(page, QLabel, "syncError"))
    assert refusal == describe(BundleTampered(tampered))  # the shared French sentence
    assert refusal.startswith(f"Synchronisation refusée : {tampered} a été modifié ou abîmé")
    assert "Rien n'a été modifié" in refusal
    assert find(page, QLabel, "syncResult").text() == ""
    assert table_rows(find(page, QTableWidget, "peersTable")) == peers_before
    assert find(page, QLabel, "noConflicts").isVisible()
    assert find(page, QPushButton, "importBundle").isEnabled()  # ready for the right file
    navigate(qtbot, hub_window, "Visites")
    assert recent_visits(hub_window) == visits_before
    assert not any(street(contact) in line for line in recent_visits(hub_window))
    assert stored(workspace_path) == before


def test_conflicts_are_listed_in_french_and_settled_from_the_list(
    qtbot: QtBot,
    team: Team,
    open_window: Callable[..., MainWindow],
    tmp_path: Path,
    fake: Faker,
) -> None:
    visit, here, received, bundle = make_conflicts(team, tmp_path, fake)
    hub_window = open_window()
    page = sync_page(qtbot, hub_window)
    table = find(page, QTableWidget, "conflictsTable")
    assert not table.isVisible()
    assert find(page, QLabel, "noConflicts").text() == "Aucun conflit à arbitrer."
    click(qtbot, page, "importBundle")
    fill_file_dialog(qtbot, page, "importFileDialog", bundle)
    summary = wait_text(qtbot, find(page, QLabel, "syncResult"))
    assert "à arbitrer, ci-dessous." in summary, summary
    assert table.isVisible() and not find(page, QLabel, "noConflicts").isVisible()
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Élément", "Champ", "Valeur ici", "Valeur reçue"]
    rows = table_rows(table)
    with team.hub() as hub:
        contact = VisitService(hub).get(visit).answers["contact_name"]
    # One answer of the visit, by its question, with both values, and the household by its
    # contact, as in the caseload.
    elements = [row[0].split("\n") for row in rows]
    assert [["Réponses : Téléphone", here, received]] == [
        row[1:] for row in rows if row[1] == "Réponses : Téléphone"
    ], rows
    assert all(kind in {"Visite", "Foyer"} for kind, _ in elements), rows
    assert all(household.startswith(f"{contact} — ") for _, household in elements), rows

    keep, take = find(page, QPushButton, "keepLocal"), find(page, QPushButton, "takeRemote")
    assert not keep.isEnabled() and not take.isEnabled()  # nothing chosen yet
    for left in range(len(rows), 0, -1):
        table.selectRow(0)
        assert keep.isEnabled() and take.isEnabled()
        qtbot.mouseClick(take, LEFT)
        assert table.rowCount() == left - 1
        assert (
            find(page, QLabel, "syncResult")
            .text()
            .startswith("Conflit réglé : la valeur reçue est gardée.")
        )
    assert not table.isVisible()
    assert find(page, QLabel, "noConflicts").isVisible()
    with team.hub() as hub:
        assert VisitService(hub).get(visit).answers["contact_phone"] == received


def test_keeping_this_laptops_value_leaves_it(
    qtbot: QtBot,
    team: Team,
    open_window: Callable[..., MainWindow],
    tmp_path: Path,
    fake: Faker,
) -> None:
    visit, here, _, bundle = make_conflicts(team, tmp_path, fake)
    with team.hub() as hub:
        assert SyncService(hub).read_bundle(bundle).conflicts >= 1
    page = sync_page(qtbot, open_window())
    table = find(page, QTableWidget, "conflictsTable")
    assert table.rowCount() >= 1
    while table.rowCount():
        table.selectRow(0)
        qtbot.mouseClick(find(page, QPushButton, "keepLocal"), LEFT)
        said = find(page, QLabel, "syncResult").text()
        assert said == "Conflit réglé : la valeur d'ici est gardée."
    assert find(page, QLabel, "noConflicts").isVisible()
    with team.hub() as hub:
        assert VisitService(hub).get(visit).answers["contact_phone"] == here


def test_the_coordinator_prepares_a_file_for_the_chosen_volunteer_who_imports_it(
    qtbot: QtBot,
    team: Team,
    open_window: Callable[..., MainWindow],
    laptop_shell: Callable[[Path], Shell],
    tmp_path: Path,
    fake: Faker,
) -> None:
    visit = team.records_a_visit(tmp_path, fake.name())
    sent = team.folder / "du-portable.avsync"
    with team.laptop() as laptop:
        SyncService(laptop).write_bundle(sent)
    with team.hub() as hub:
        SyncService(hub).read_bundle(sent)
        note = fake.sentence()
        VisitService(hub).answer(visit, "note", note)  # the coordinator completes the visit

    hub_window = open_window()
    page = sync_page(qtbot, hub_window)
    recipient = find(page, QComboBox, "bundleRecipient")
    assert [recipient.itemText(i) for i in range(recipient.count())] == [team.volunteer]
    click(qtbot, page, "prepareBundle")
    fill_file_dialog(qtbot, page, "bundleFileDialog", team.folder / "retour")
    said = wait_text(qtbot, find(page, QLabel, "syncResult"))
    back = team.folder / "retour.avsync"
    assert said.startswith(f"Fichier prêt : {back} (")
    assert f"pour {team.volunteer}). Remettez-le à {team.volunteer}" in said
    hub_window.close()

    laptop_window = open_laptop(
        qtbot, laptop_shell, team.laptop_path, team.volunteer, OTHER_PASSPHRASE
    )
    laptop_page = sync_page(qtbot, laptop_window)
    click(qtbot, laptop_page, "importBundle")
    fill_file_dialog(qtbot, laptop_page, "importFileDialog", back)
    summary = wait_text(qtbot, find(laptop_page, QLabel, "syncResult"))
    assert re.fullmatch(
        r"Fichier vérifié et importé : (aucun|\d+) nouv\w+ enregistrements? \([^)]*\), "
        r"\d+ mis à jour, \d+ déjà à jour\.",
        summary,
    ), summary
    assert " 0 mis à jour" not in summary  # the visit, with the coordinator's answer
    assert find(laptop_page, QLabel, "syncError").text() == ""
    with team.laptop() as laptop:
        assert VisitService(laptop).get(visit).answers["note"] == note


def test_the_coordinator_sets_the_laptops_grace_period_on_the_page(
    qtbot: QtBot, team: Team, open_window: Callable[..., MainWindow]
) -> None:
    page = sync_page(qtbot, open_window())
    days = find(page, QSpinBox, "graceDays")
    assert days.value() == 30 and days.isVisible()
    days.setFocus()
    days.selectAll()
    qtbot.keyClicks(days, "12")
    qtbot.keyClick(days, Qt.Key.Key_Return)
    with team.hub() as hub:
        assert hub.settings.sync_grace_days == 12
