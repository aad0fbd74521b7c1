"""The person's rights and the retention period, in the window, driven as a coordinator does:
the follow-up panel's export (RGPD art. 15) and erasure (art. 17) of one household, and the
"Conservation des données" dialog that purges the households without contact for
`retention_months`. What is stored is read back through the services; the files written are read
back as a person would open them (JSON, and the PDF's text)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from faker import Faker
from pypdf import PdfReader
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from allervers.domain.users import Role
from allervers.services.caseload import CaseloadService, add_months
from allervers.services.retention import RetentionService
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace, OpenWorkspace
from allervers.ui.caseload.page import CaseloadPage
from allervers.ui.export.retention_dialog import RetentionDialog
from allervers.ui.i18n import Translations
from allervers.ui.main_window import MainWindow
from tests.conftest import OTHER_PASSPHRASE
from tests.integration.test_caseload import interview
from tests.ui.conftest import answer_question, find, finish_tasks, visible_texts, wait_for_question
from tests.ui.sync_support import navigate, recent_visits, street
from tests.ui.test_caseload import LEFT, click, click_row, count_text, table_names

VOLUNTEER = "Basile Volontaire"
CASELOAD = "Suivi des dossiers"


@pytest.fixture(autouse=True)
def _nothing_left_behind(qtbot: QtBot) -> Iterator[None]:
    """Runs after the window's own teardown (close, deleteLater): the event loop turns once, so
    the windows, file dialogs and questions of this test are gone before the next test starts."""
    yield
    qtbot.wait(20)


@dataclass(frozen=True)
class Household:
    name: str
    visit_id: str


def _days_ago(days: int) -> str:
    return (dt.date.today() - dt.timedelta(days=days)).isoformat()


def _record(workspace: OpenWorkspace, tmp_path: Path, fake: Faker, visited_on: str) -> Household:
    name = f"{fake.first_name()} {fake.last_name()}"
    return Household(name, interview(workspace, tmp_path, name, visited_on))


@pytest.fixture
def recent(created: CreatedWorkspace, tmp_path: Path, fake: Faker) -> list[Household]:
    """Two households visited last month."""
    workspace = created.workspace
    return [_record(workspace, tmp_path, fake, _days_ago(days)) for days in (40, 30)]


def _answers(window: MainWindow, household: Household) -> dict[str, object]:
    workspace = window.workspace
    assert workspace is not None
    return VisitService(workspace).get(household.visit_id).answers


def _caseload(qtbot: QtBot, window: MainWindow) -> CaseloadPage:
    navigate(qtbot, window, CASELOAD)
    page = window.findChild(CaseloadPage)
    assert page is not None
    qtbot.waitUntil(lambda: page.isVisible() and count_text(page) != "")
    return page


def _open(qtbot: QtBot, page: CaseloadPage, household: Household) -> None:
    click_row(qtbot, page, household.name)
    qtbot.waitUntil(lambda: find(page, QLabel, "householdName").text() == household.name)
    qtbot.waitUntil(lambda: find(page, QPushButton, "exportPersonButton").isVisible())


def _choose_folder(qtbot: QtBot, root: QWidget, folder: Path) -> None:
    """In Qt's folder dialog: the folder typed in the name field, then Choisir."""
    qtbot.waitUntil(
        lambda: any(
            d.isVisible() and d.objectName() == "personExportFolder"
            for d in root.findChildren(QFileDialog)
        )
    )
    dialog = next(d for d in root.findChildren(QFileDialog) if d.isVisible())
    dialog.setDirectory(str(folder.parent))
    field = find(dialog, QLineEdit, "fileNameEdit")
    field.setText(folder.name)
    completer = field.completer()
    if completer is not None and completer.popup().isVisible():
        completer.popup().hide()
    accept = find(dialog, QDialogButtonBox, "buttonBox").button(
        QDialogButtonBox.StandardButton.Open
    )
    qtbot.waitUntil(accept.isEnabled)
    qtbot.mouseClick(accept, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


# Right of access (art. 15)


def test_the_coordinator_exports_a_persons_data_from_the_follow_up_panel(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    recent: list[Household],
    tmp_path: Path,
) -> None:
    household = recent[0]
    window = request.getfixturevalue("open_window")()
    page = _caseload(qtbot, window)
    _open(qtbot, page, household)
    target = tmp_path / "cle-usb"
    target.mkdir()

    click(qtbot, page, "exportPersonButton")
    _choose_folder(qtbot, window, target)
    done = find(page, QLabel, "detailDone")
    qtbot.waitUntil(
        lambda: done.text().startswith("Données de la personne écrites"), timeout=20_000
    )

    files = sorted(p.name for p in target.iterdir())
    assert len(files) == 2 and files[0].endswith(".json") and files[1].endswith(".pdf")
    assert done.text() == (
        f"Données de la personne écrites dans {target} : {files[0]} et {files[1]}."
    )
    data = json.loads((target / files[0]).read_text("utf-8"))
    assert data["household"]["contact_name"] == household.name
    assert [v["id"] for v in data["visits"]] == [household.visit_id]
    assert data["visits"][0]["answers"]["contact_name"] == household.name
    text = _pdf_text(target / files[1])
    assert "Vos données enregistrées par Aller-Vers" in text
    assert household.name in text
    assert recent[1].name not in text  # the other household's data stay out
    assert not find(page, QLabel, "detailError").isVisible()

    # Again into the same folder: the files there are kept, and the panel says so.
    click(qtbot, page, "exportPersonButton")
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    _choose_folder(qtbot, window, target)
    error = find(page, QLabel, "detailError")
    qtbot.waitUntil(lambda: error.text() != "", timeout=20_000)
    assert error.text() == f"{target / files[0]} existe déjà : rien n'a été écrasé."
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[Callable[[str, str], Path]]:
    """Real filesystems (tmpfs): a write-protected USB key, a nearly full one. Needs root, as CI
    and the project's machines have (see tests/integration/test_cli.py)."""
    mounts: list[Path] = []

    def mount(name: str, options: str) -> Path:
        folder = tmp_path / name
        folder.mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], check=True)
        mounts.append(folder)
        return folder

    yield mount
    for folder in mounts:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_an_export_to_a_folder_that_cannot_be_written_says_so_and_writes_nothing(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    recent: list[Household],
    mounted: Callable[[str, str], Path],
) -> None:
    household = recent[0]
    protected = mounted("cle-protegee", "ro,size=1m")
    window = request.getfixturevalue("open_window")()
    page = _caseload(qtbot, window)
    _open(qtbot, page, household)

    click(qtbot, page, "exportPersonButton")
    _choose_folder(qtbot, window, protected)
    error = find(page, QLabel, "detailError")
    qtbot.waitUntil(lambda: error.text() != "", timeout=20_000)
    assert error.text().startswith(f"Erreur d'accès au fichier {protected / 'foyer-'}")
    assert ".tmp" not in error.text()  # the file the person would have got, not a temporary
    assert list(protected.iterdir()) == []
    assert not find(page, QLabel, "detailDone").isVisible()
    # Nothing else changed: the household is still there, and the buttons work again.
    assert household.name in table_names(page)
    assert find(page, QPushButton, "exportPersonButton").isEnabled()

    # A key with room for the JSON (about 3 kB) but not for the PDF too: neither is left on it.
    full = mounted("cle-pleine", "size=64k")
    room = 4096  # one page of tmpfs
    (full / "remplissage").write_bytes(b"\0" * (shutil.disk_usage(full).free - room))
    error.clear()
    click(qtbot, page, "exportPersonButton")
    _choose_folder(qtbot, window, full)
    qtbot.waitUntil(lambda: error.text() != "", timeout=20_000)
    assert error.text().startswith("Disque plein : impossible d'écrire")
    assert sorted(p.name for p in full.iterdir()) == ["remplissage"]


# Right to erasure (art. 17)


def test_erasing_a_persons_data_after_confirming_removes_the_name_and_cancelling_keeps_it(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    recent: list[Household],
) -> None:
    erased, kept = recent
    window = request.getfixturevalue("open_window")()
    street_before = street(erased.name)
    assert any(street_before in line for line in recent_visits(window))
    page = _caseload(qtbot, window)
    assert count_text(page) == "2 foyers rencontrés"
    _open(qtbot, page, erased)

    click(qtbot, page, "erasePersonButton")
    question = wait_for_question(qtbot, window, "confirmErasePerson")
    assert question.text() == f"Effacer les données personnelles de {erased.name}\u00a0?"
    details = question.informativeText()
    for goes in ("le nom, l'adresse, le téléphone, les réponses", "les notes"):
        assert goes in details
    assert "comptes anonymes des chiffres" in details
    assert question.defaultButton().text() == "&Annuler"
    answer_question(qtbot, question, "&Annuler")
    assert sorted(table_names(page)) == sorted([erased.name, kept.name])
    assert _answers(window, erased)["contact_name"] == erased.name
    assert find(page, QLabel, "householdName").text() == erased.name

    click(qtbot, page, "erasePersonButton")
    answer_question(qtbot, wait_for_question(qtbot, window, "confirmErasePerson"), "&Effacer")
    done = find(page, QLabel, "caseloadDone")
    qtbot.waitUntil(lambda: done.text() != "")
    assert done.text().startswith("Données personnelles du foyer effacées.")
    assert table_names(page) == [kept.name]
    assert count_text(page) == "1 foyer rencontré"
    answers = _answers(window, erased)
    for key in ("contact_name", "contact_phone", "address_street", "address_number", "persons"):
        assert key not in answers, key
    assert "address_insee" in answers  # the anonymous count's commune stays
    assert _answers(window, kept)["contact_name"] == kept.name
    qtbot.wait(50)  # the event loop deletes the answered questions, as it does in the app
    texts = visible_texts(window)  # shown or hidden: no widget holds the name any more
    assert not any(erased.name in t for t in texts)
    # The Visites page no longer lists the erased household's street either.
    navigate(qtbot, window, "Visites")
    assert not any(street_before in line for line in recent_visits(window))
    assert any(street(kept.name) in line for line in recent_visits(window))


# The retention period


def _retention_dialog(qtbot: QtBot, window: MainWindow) -> RetentionDialog:
    menu = window.menuBar().actions()[0].menu()
    assert window.retention_action in menu.actions()
    assert window.retention_action.isVisible() and window.retention_action.isEnabled()
    window.retention_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(RetentionDialog) is not None)
    dialog = window.findChild(RetentionDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_households_past_the_retention_period_are_counted_and_erased_on_confirmation(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    created: CreatedWorkspace,
    recent: list[Household],
    tmp_path: Path,
    fake: Faker,
) -> None:
    workspace = created.workspace
    workspace.set_settings(replace(workspace.settings, retention_months=12))
    old = [
        _record(workspace, tmp_path, fake, "2024-03-04"),
        _record(workspace, tmp_path, fake, add_months(dt.date.today(), -13).isoformat()),
    ]
    window = request.getfixturevalue("open_window")()
    menu = window.menuBar().actions()[0]
    assert menu.text() == "&Espace de travail"
    assert window.retention_action.text() == "Conservation des &données…"
    page = _caseload(qtbot, window)
    assert count_text(page) == "4 foyers rencontrés"
    _open(qtbot, page, old[0])  # open in the panel while it is purged

    dialog = _retention_dialog(qtbot, window)
    status = find(dialog, QLabel, "retentionStatus")
    qtbot.waitUntil(lambda: status.text() != "", timeout=10_000)
    assert status.text() == "2 foyers sans contact depuis plus de 12 mois."
    assert (
        "gardées 12 mois après le dernier contact" in find(dialog, QLabel, "retentionIntro").text()
    )
    button = find(dialog, QPushButton, "retentionPurge")
    assert button.isVisible() and button.text() == "&Effacer ces 2 foyers…"

    qtbot.mouseClick(button, LEFT)
    question = wait_for_question(qtbot, dialog, "confirmPurge")
    assert question.text() == (
        "Effacer les données personnelles des 2 foyers sans contact depuis plus de 12 mois\u00a0?"
    )
    assert question.defaultButton().text() == "&Annuler"
    answer_question(qtbot, question, "&Annuler")
    assert _answers(window, old[0])["contact_name"] == old[0].name
    assert status.text() == "2 foyers sans contact depuis plus de 12 mois."

    qtbot.mouseClick(button, LEFT)
    answer_question(qtbot, wait_for_question(qtbot, dialog, "confirmPurge"), "&Effacer")
    outcome = find(dialog, QLabel, "retentionDone")
    qtbot.waitUntil(lambda: outcome.text() != "", timeout=20_000)
    assert outcome.text() == "2 foyers effacés ; leurs comptes anonymes restent dans les chiffres."
    qtbot.waitUntil(lambda: status.text().startswith("Aucun foyer"), timeout=10_000)
    assert status.text() == (
        "Aucun foyer sans contact depuis plus de 12 mois : il n'y a rien à effacer."
    )
    assert not button.isVisible()
    for household in old:
        assert "contact_name" not in _answers(window, household)
    for household in recent:
        assert _answers(window, household)["contact_name"] == household.name

    # The caseload behind the dialog no longer shows them, nor the panel that showed one.
    assert sorted(table_names(page)) == sorted(h.name for h in recent)
    assert count_text(page) == "2 foyers rencontrés"
    assert not page.detail.isVisible()
    close = find(dialog, QDialogButtonBox, "").button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not any(h.name in t for h in old for t in visible_texts(window))


def test_the_count_follows_the_day_and_says_when_there_is_nothing_to_erase(
    qtbot: QtBot, created: CreatedWorkspace, recent: list[Household]
) -> None:
    workspace = created.workspace
    dialogs: list[RetentionDialog] = []

    def shown(today: dt.date) -> RetentionDialog:
        dialog = RetentionDialog(RetentionService(workspace, today=today), 24)
        dialogs.append(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: find(dialog, QLabel, "retentionStatus").text() != "")
        return dialog

    now = shown(dt.date.today())
    assert find(now, QLabel, "retentionStatus").text() == (
        "Aucun foyer sans contact depuis plus de 24 mois : il n'y a rien à effacer."
    )
    assert not find(now, QPushButton, "retentionPurge").isVisible()

    # Twenty-four months after the first visit, only that household is past the period.
    first = dt.date.fromisoformat(_days_ago(40))
    one = shown(add_months(first, 24) + dt.timedelta(days=1))
    assert find(one, QLabel, "retentionStatus").text() == (
        "1 foyer sans contact depuis plus de 24 mois."
    )
    assert find(one, QPushButton, "retentionPurge").text() == "&Effacer ce foyer…"

    later = shown(dt.date.today() + dt.timedelta(days=3 * 365))
    assert find(later, QLabel, "retentionStatus").text() == (
        "2 foyers sans contact depuis plus de 24 mois."
    )
    qtbot.mouseClick(find(later, QPushButton, "retentionPurge"), LEFT)
    answer_question(qtbot, wait_for_question(qtbot, later, "confirmPurge"), "&Effacer")
    outcome = find(later, QLabel, "retentionDone")
    qtbot.waitUntil(lambda: outcome.text() != "", timeout=20_000)
    assert outcome.text() == "2 foyers effacés ; leurs comptes anonymes restent dans les chiffres."
    visits = VisitService(workspace)
    assert all("contact_name" not in visits.get(h.visit_id).answers for h in recent)
    finish_tasks()
    for dialog in dialogs:
        dialog.close()
        dialog.deleteLater()
    qtbot.wait(10)


# Roles and language


def test_a_volunteers_window_has_none_of_these_actions(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    created: CreatedWorkspace,
    recent: list[Household],
) -> None:
    workspace = created.workspace
    volunteer = workspace.add_user(VOLUNTEER, Role.VOLUNTEER, OTHER_PASSPHRASE)
    household = VisitService(workspace).get(recent[0].visit_id).household_id
    CaseloadService(workspace).assign(household, volunteer.id)

    window = request.getfixturevalue("open_window")(user=VOLUNTEER, passphrase=OTHER_PASSPHRASE)
    assert not window.retention_action.isVisible()
    assert window.open_retention() is None
    page = _caseload(qtbot, window)
    assert table_names(page) == [recent[0].name]
    click_row(qtbot, page, recent[0].name)
    status = lambda: page.findChild(QLabel, "status-rsa")  # noqa: E731
    qtbot.waitUntil(lambda: status() is not None and status().isVisible())
    assert page.findChild(QPushButton, "exportPersonButton") is None
    assert page.findChild(QPushButton, "erasePersonButton") is None
    texts = visible_texts(window)
    for action in ("Exporter les données", "Effacer les données", "Conservation des données"):
        assert not any(action in t for t in texts), action
    navigation = find(window, QListWidget, "navigation")
    assert all("Conservation" not in navigation.item(i).text() for i in range(navigation.count()))


def test_the_retention_screens_speak_english_when_asked(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    recent: list[Household],
    french: Translations,
) -> None:
    assert french.install("en")
    window = request.getfixturevalue("open_window")()
    dialog = _retention_dialog(qtbot, window)
    status = find(dialog, QLabel, "retentionStatus")
    qtbot.waitUntil(lambda: status.text() != "", timeout=10_000)
    assert dialog.windowTitle() == "Data retention"
    assert (
        status.text() == "No household without contact for more than 24 months: nothing to erase."
    )
    dialog.reject()
    navigate(qtbot, window, "Case follow-up")
    page = window.findChild(CaseloadPage)
    assert page is not None
    qtbot.waitUntil(lambda: page.isVisible() and count_text(page) != "")
    _open(qtbot, page, recent[0])
    assert find(page, QPushButton, "exportPersonButton").text() == "E&xport the person's data…"
    assert find(page, QPushButton, "erasePersonButton").text() == "E&rase the personal data…"
