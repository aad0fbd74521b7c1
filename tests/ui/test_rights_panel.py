"""The results panel, driven as a volunteer does: finish an interview, read the flagged rights,
say why each is not received and what the person decides, print the household sheet, come back
to a visit later. The engine is the real one, in its own process, loaded once for this module."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from allervers.domain.followup import Decision, NonDemandeDetail, NonRecoursReason, Place
from allervers.domain.rights import AssessmentStatus, Organisation, RightId
from allervers.domain.visits import VisitStatus
from allervers.rights.worker import EngineClient
from allervers.services.rights import RightsService
from allervers.services.visits import VisitService
from allervers.services.workspace import WorkspaceService
from allervers.ui.main_window import MainWindow
from allervers.ui.rights.panel import RightsPanel
from tests.conftest import COORDINATOR, PASSPHRASE
from tests.ui.conftest import find, type_text, visible_texts
from tests.ui.rights_support import (
    LEFT,
    LentEngine,
    interview_left_to_finish,
    label_text,
    panel_of,
    plain,
    resume_and_finish,
    visits_page,
    wait_for_results,
)

pytestmark = pytest.mark.slow

FLAGGED = {RightId.RSA, RightId.AIDE_LOGEMENT, RightId.CHEQUE_ENERGIE, RightId.CSS}
CAF = Place(
    Organisation.CAF,
    "CAF de Maine-et-Loire",
    "32 rue Louis Gain, 49100 Angers",
    "32 30",
    "lun.-ven. 8 h 30-16 h 30",
)


@pytest.fixture(scope="module")
def engine_client() -> Iterator[EngineClient]:
    client = EngineClient()
    client.start()  # loads while the first test unlocks its workspace
    yield client
    client.close()


@pytest.fixture
def open_with_engine(
    open_window: Callable[..., MainWindow],
    engine_client: EngineClient,
    service: WorkspaceService,
    workspace_path: Path,
) -> Callable[..., tuple[MainWindow, str]]:
    """The known household's interview left to finish, then the window as the volunteer opens
    it, with the module's engine."""

    def open_(drop: tuple[str, ...] = (), finish: bool = False) -> tuple[MainWindow, str]:
        workspace = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
        visit_id = interview_left_to_finish(workspace, drop)
        if finish:
            VisitService(workspace).finish(visit_id)
        RightsService(workspace).set_place(CAF)
        workspace.lock()
        return open_window(engine=lambda: LentEngine(engine_client)), visit_id

    return open_


def choose(qtbot: QtBot, box: QComboBox, text: str) -> None:
    """With the keyboard, as on a laptop held on one arm: focus the list, arrow down to the
    choice (each step is saved as it is shown, like any answer)."""
    box.setFocus()
    for _ in range(box.count()):
        if box.currentText() == text:
            return
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentText() == text, f"{text!r} not among {box.objectName()}'s choices"


def spin(widget: QWidget) -> None:
    """One notch of a mouse wheel, downwards, over the middle of `widget`."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(0, -120),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_finishing_an_interview_shows_the_flagged_rights_and_stores_what_the_person_says(
    qtbot: QtBot, open_with_engine: Callable[..., tuple[MainWindow, str]]
) -> None:
    window, visit_id = open_with_engine()
    page = visits_page(window)
    resume_and_finish(qtbot, page)

    panel = panel_of(page)
    assert panel.isVisible() and page.wizard is None
    assert find(panel, QWidget, "rightsBusy").isVisible()  # the engine computes elsewhere
    assert panel.busy.label.text() == "Calcul en cours…"
    assert VisitService(window.workspace).get(visit_id).status is VisitStatus.FINISHED
    wait_for_results(qtbot, panel)

    assert label_text(panel, "rightsSummary") == (
        "4 droits probablement non perçus : à voir avec le foyer."
    )
    for right in RightId:
        expected = "Droit probable non perçu" if right in FLAGGED else "Probablement pas de droit"
        assert label_text(panel, f"rightStatus_{right.value}") == expected, right
    # Largest amounts first; each amount said to be an estimate.
    assert list(panel.cards)[:4] == ["rsa", "aide_logement", "cheque_energie", "css"]
    assert label_text(panel, "rightAmount_rsa") == "environ 573 € par mois (estimation)"
    assert label_text(panel, "rightAmount_aide_logement") == "environ 290 € par mois (estimation)"
    assert label_text(panel, "rightAmount_cheque_energie") == "environ 194 € par an (estimation)"
    assert label_text(panel, "rightAmount_css") == "Gratuite, sans cotisation (estimation)"
    assert "Foyer de 1 personne(s)." in label_text(panel, "rightReasons_rsa")
    assert "Pas de déclaration de revenus" in label_text(panel, "rightReasons_cheque_energie")
    assert "Ressources sur 12 mois : " in label_text(panel, "rightReasons_aide_logement")
    assert "{" not in " ".join(visible_texts(panel))  # every figure filled in
    # October 2026: the CSS ceiling of April 2026 and the 2026 chèque énergie are not known yet.
    stale = label_text(panel, "rightsOutOfDate")
    assert stale.startswith("Barème peut-être pas à jour pour : ")
    assert "Complémentaire santé solidaire" in stale and "Chèque énergie" in stale
    assert "RSA" not in stale
    assert not panel.missing.isVisible()  # nothing missing
    rsa_where = label_text(panel, "rightWhere_rsa")
    assert "CAF (caisse d'allocations familiales)" in rsa_where
    assert "CAF de Maine-et-Loire – 32 rue Louis Gain, 49100 Angers – 32 30" in rsa_where
    assert "Centre des finances publiques" in label_text(panel, "rightWhere_cheque_energie")
    assert "Bail ou contrat de location" in label_text(panel, "rightDocuments_aide_logement")
    assert "Le moteur" not in " ".join(visible_texts(panel))  # nothing about loading any more
    # Only flagged rights ask why and what next.
    assert panel.findChild(QComboBox, "reason_aah") is None

    # RSA: did not know it; wants help. The sub-reason is only asked for a non-demande.
    reason = find(panel, QComboBox, "reason_rsa")
    assert QApplication.focusWidget() is reason  # where the volunteer goes on
    detail = find(panel, QComboBox, "detail_rsa")
    choose(qtbot, reason, "Ne connaissait pas ce droit")
    assert detail.isHidden()
    choose(qtbot, find(panel, QComboBox, "decision_rsa"), "Souhaite être accompagné·e")
    assert find(panel, QLabel, "followUpSaved_rsa").text() == "Enregistré."
    # Aide au logement: knew it, did not ask (too complicated); will do it alone.
    choose(
        qtbot, find(panel, QComboBox, "reason_aide_logement"), "Le connaît mais ne l'a pas demandé"
    )
    detail = find(panel, QComboBox, "detail_aide_logement")
    assert not detail.isHidden()
    choose(qtbot, detail, "Démarches trop compliquées")
    choose(qtbot, find(panel, QComboBox, "decision_aide_logement"), "Fera la démarche seul·e")

    # Scrolling the list with the wheel over a box, even the focused one, changes nothing
    # (seen on screen: it used to turn "seul·e" into "Pas intéressé·e", and save it).
    decision = find(panel, QComboBox, "decision_aide_logement")
    assert decision.hasFocus()
    spin(decision)
    assert decision.currentText() == "Fera la démarche seul·e"

    stored = {s.assessment.right: s for s in RightsService(window.workspace).current(visit_id)}
    assert {
        r for r, s in stored.items() if s.assessment.status is AssessmentStatus.PROBABLE_NON_RECOURS
    } == FLAGGED
    assert stored[RightId.RSA].assessment.amount == pytest.approx(573.49, abs=0.01)
    assert (stored[RightId.RSA].reason, stored[RightId.RSA].reason_detail) == (
        NonRecoursReason.NON_CONNAISSANCE,
        None,
    )
    assert stored[RightId.RSA].decision is Decision.WANTS_HELP
    housing = stored[RightId.AIDE_LOGEMENT]
    assert (housing.reason, housing.reason_detail, housing.decision) == (
        NonRecoursReason.NON_DEMANDE,
        NonDemandeDetail.COMPLEXITY,
        Decision.ALONE,
    )

    # Back to the doors; later, the visit opened again shows what was stored, without a new
    # computation, with the person's answers.
    qtbot.mouseClick(find(panel, QPushButton, "rightsBack"), LEFT)
    assert page.rights_panel is None
    assert find(page, QLabel, "visitsDone").text() == "Entretien terminé et enregistré."
    recent = find(page, QListWidget, "recentVisitsList")
    recent.setCurrentRow(0)
    qtbot.mouseClick(find(page, QPushButton, "openVisit"), LEFT)
    assert page.wizard is not None
    qtbot.mouseClick(find(page.wizard, QPushButton, "assessRights"), LEFT)
    again = panel_of(page)
    assert not again.busy.isVisible()
    assert find(again, QComboBox, "reason_rsa").currentText() == "Ne connaissait pas ce droit"
    assert find(again, QComboBox, "detail_aide_logement").currentText() == (
        "Démarches trop compliquées"
    )
    assert label_text(again, "rightsComputed").startswith("Estimations calculées le ")


def test_cannot_tell_names_the_missing_answer_and_leads_to_it(
    qtbot: QtBot, open_with_engine: Callable[..., tuple[MainWindow, str]]
) -> None:
    window, visit_id = open_with_engine(drop=("persons[1].other_income",))
    page = visits_page(window)
    resume_and_finish(qtbot, page)
    panel = panel_of(page)
    wait_for_results(qtbot, panel)
    assert label_text(panel, "rightStatus_rsa") == "Impossible à dire"
    assert label_text(panel, "rightsSummary") == (
        "Rien à conclure pour l'instant : des réponses manquent."
    )
    question = "Les personnes du foyer — personne 1 sur 1 — Autres revenus"
    assert label_text(panel, "rightMissing_rsa") == f"Il manque : {question}"
    link = find(panel, QPushButton, "missing_persons[1].other_income")  # once for all rights
    assert link.text() == question
    assert QApplication.focusWidget() is link

    qtbot.mouseClick(link, LEFT)  # to the question, in the finished visit
    wizard = page.wizard
    assert wizard is not None
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit) and field.objectName().startswith("input_other_income")
    type_text(qtbot, field, "0")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.mouseClick(find(wizard, QPushButton, "closeInterview"), LEFT)

    assert VisitService(window.workspace).get(visit_id).answers["persons"][0]["other_income"] == 0
    # Back on the results, computed anew since an answer changed.
    panel = panel_of(page)
    assert panel.busy.isVisible()
    wait_for_results(qtbot, panel)
    assert label_text(panel, "rightStatus_rsa") == "Droit probable non perçu"


def _save_sheet(qtbot: QtBot, panel: RightsPanel, path: Path) -> None:
    qtbot.mouseClick(find(panel, QPushButton, "sheetButton"), LEFT)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in panel.findChildren(QFileDialog)))
    dialog = next(d for d in panel.findChildren(QFileDialog) if d.isVisible())
    assert dialog.objectName() == "sheetFileDialog"
    name = find(dialog, QLineEdit, "fileNameEdit")
    name.clear()
    type_text(qtbot, name, path.name)  # the dialog opens in the home folder
    completer = name.completer()
    if completer is not None and completer.popup().isVisible():
        qtbot.keyClick(completer.popup(), Qt.Key.Key_Escape)
    buttons = find(dialog, QDialogButtonBox, "buttonBox")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)


def test_the_household_sheet_holds_the_flagged_rights_and_never_replaces_a_file_silently(
    qtbot: QtBot,
    open_with_engine: Callable[..., tuple[MainWindow, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    documents = tmp_path / "documents"
    documents.mkdir()
    monkeypatch.setenv("HOME", str(documents))  # where the file dialog opens
    # A visit finished earlier, never assessed: "Évaluer les droits" from its summary.
    window, _visit_id = open_with_engine(finish=True)
    page = visits_page(window)
    recent = find(page, QListWidget, "recentVisitsList")
    recent.setCurrentRow(0)
    qtbot.mouseClick(find(page, QPushButton, "openVisit"), LEFT)
    assert page.wizard is not None
    button = find(page.wizard, QPushButton, "assessRights")
    assert button.text() == "Évaluer les &droits"
    qtbot.mouseClick(button, LEFT)
    panel = panel_of(page)
    assert not find(panel, QPushButton, "sheetButton").isEnabled()  # nothing to print yet
    wait_for_results(qtbot, panel)

    target = documents / "feuille foyer"
    _save_sheet(qtbot, panel, target)
    done = find(panel, QLabel, "rightsDone")
    qtbot.waitUntil(
        lambda: done.text().startswith("Feuille pour le foyer enregistrée"), timeout=20_000
    )
    saved = documents / "feuille foyer.pdf"  # the suffix is added
    assert done.text() == f"Feuille pour le foyer enregistrée : {saved}"
    # The CAF was typed (places set); the directory has no office for the others (issue 13).
    assert find(panel, QLabel, "pistesOffices").text() == (
        "L'annuaire n'a pas l'adresse ou le téléphone de l'accueil : Impôts, CPAM. La feuille "
        "dit où les trouver ; complétez-les dans la page Annuaire."
    )
    text = plain("\n".join(p.extract_text() for p in PdfReader(saved).pages))
    for line in (
        "Vos droits à vérifier",
        "RSA (revenu de solidarité active)",
        "environ 573 € par mois (estimation)",
        "Aide au logement (APL, ALF ou ALS)",
        "Chèque énergie",
        "Complémentaire santé solidaire",
        "CAF de Maine-et-Loire",
        "Remis par Hortense, bénévole.",
        # No office known for the CPAM: the sheet says where the household finds it.
        "Pour trouver l'accueil : accueil de votre CPAM sur ameli.fr ou au 36 46.",
    ):
        assert line in text, line
    assert "Quillivic" not in text  # the volunteer's first name only
    assert "AAH" not in text  # rights not flagged are not on the sheet
    # No temporary file left (Qt keeps its file dialog's settings in a folder there).
    assert [p.name for p in documents.iterdir() if p.is_file()] == ["feuille foyer.pdf"]

    before = saved.read_bytes()
    done.clear()
    _save_sheet(qtbot, panel, saved)
    qtbot.waitUntil(lambda: panel.findChild(QMessageBox, "replaceSheet") is not None)
    question = find(panel, QMessageBox, "replaceSheet")
    assert "feuille foyer.pdf existe déjà" in question.text()
    cancel = next(b for b in question.findChildren(QAbstractButton) if b.text() == "&Annuler")
    qtbot.mouseClick(cancel, LEFT)
    qtbot.wait(100)
    assert saved.read_bytes() == before
    assert not done.text()
