"""`allervers --self-test`, the parts without a window: what a volunteer's laptop or a freshly built
package must be able to do, done for real in a throw-away folder.

1. create an encrypted workspace, lock it and open it again (SQLCipher, Argon2id, Alembic);
2. record a known household and compute its rights with OpenFisca-France in the engine's worker
   process, as the window does, and compare the RSA with the amount worked out by hand;
3. write that household's sheet as a PDF (reportlab and its fonts).

Each step returns the French sentence printed for it, or raises `SelfTestFailed` with the French
sentence that says what went wrong. The window's part is `allervers.ui.self_test`.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from allervers.domain.rights import AssessmentStatus, RightAssessment, RightId
from allervers.services.workspace import OpenWorkspace, WorkspaceService
from allervers.storage.metadata_file import database_path

TERRITORY = "Autotest"
USER = "autotest"
ENGINE_TIMEOUT_SECONDS = 300.0
"""Loading OpenFisca-France takes 10 to 40 s on a 2-core laptop; five minutes means it is stuck."""

MONTH = date(2026, 10, 1)
KNOWN_HOUSEHOLD: dict[str, Any] = {
    "format": "allervers-visit/1",
    "questionnaire": {"id": "visite", "version": 1},
    "visited_on": "2026-10-14",
    "answers": {
        "door_outcome": "interview",
        "address_insee": "49092",
        "consent_recorded": "yes",
        "consent_contact": "no",
        "consent_partner": "caf",
        "persons": [
            {
                "relationship": "reference",
                "birth_date": "1984-03-12",
                "activity": "unemployed",
                "student": "no",
                "disability": "no",
                "nationality": "fr",
                "salary": 0,
                "unemployment": 0,
                "pension": 0,
                "alimony": 0,
                "other_income": 0,
            }
        ],
        "social_regime": "general",
        "housing_status": "private_tenant",
        "rent": 430,
        "charges": 30,
        "heating": "electricity",
        "tax_return_filed": "no",
        "rights_received": ["none"],
        "needs": ["digital"],
    },
}
"""A person living alone in Angers, 42, no income, renting privately: examples/households/
personne-seule-sans-revenu.json, whose rights tests/rights/test_households.py works out by hand."""

RSA_MONTANT_FORFAITAIRE = 651.69
"""One person, from 1 April 2026: décret n° 2026-220 du 30 mars 2026, art. 1 (art. L262-2 and
R262-1 CASF)."""
FORFAIT_LOGEMENT_ONE_PERSON = 0.12
"""Taken off the RSA of a person receiving an aide au logement: 12 % of the montant forfaitaire
for one person (art. R262-10 CASF)."""
EXPECTED_RSA = round(RSA_MONTANT_FORFAITAIRE * (1 - FORFAIT_LOGEMENT_ONE_PERSON), 2)  # 573.49


class SelfTestFailed(Exception):
    """A check failed; the message is the French sentence to print."""


def euros(amount: float) -> str:
    return f"{amount:,.2f} €".replace(",", " ").replace(".", ",")


@dataclass(frozen=True, slots=True)
class Assessed:
    visit_id: str
    assessments: list[RightAssessment]


class SelfTest:
    """The steps, in order, in `folder` (a temporary folder the caller removes)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.workspace_path = folder / "espace"
        self.service = WorkspaceService(folder / "etat")
        # Random, used once, never shown: the workspace is deleted with the folder.
        self._passphrase = "autotest " + secrets.token_urlsafe(24)
        self.workspace: OpenWorkspace | None = None
        self.assessed: Assessed | None = None

    def open_workspace(self) -> str:
        """Creates the workspace, locks it, opens it again and checks its encrypted pages."""
        from allervers.services.integrity import check

        created = self.service.create(self.workspace_path, TERRITORY, USER, self._passphrase)
        created.workspace.lock()
        database = database_path(self.workspace_path)
        with database.open("rb") as file:
            header = file.read(16)
        if header == b"SQLite format 3\x00":
            raise SelfTestFailed("Espace de travail : la base n'est pas chiffrée.")
        workspace = self.service.unlock(self.workspace_path, USER, self._passphrase)
        self.workspace = workspace
        report = check(workspace)
        if not report.ok or workspace.territory() != TERRITORY:
            raise SelfTestFailed("Espace de travail : la vérification de la base a échoué.")
        return (
            "Espace de travail chiffré (SQLCipher) créé, verrouillé puis rouvert ; "
            f"schéma {report.schema_revision}, journal d'audit intact."
        )

    def assess_known_household(self) -> str:
        """Records the known household and computes its rights in the engine's process."""
        from allervers.rights.worker import EngineClient
        from allervers.services.rights import RightsService
        from allervers.services.visit_input import parse_visit
        from allervers.services.visits import VisitService, visit_to_json

        workspace = self._open()
        parsed, problems = parse_visit(json.dumps(KNOWN_HOUSEHOLD))
        if parsed is None:
            raise SelfTestFailed(
                "Questionnaire : le foyer de référence est refusé "
                f"({', '.join(p.code for p in problems)})."
            )
        visits = VisitService(workspace)
        visits.store_finished([parsed])
        visit = visits.list_visits()[0]
        with EngineClient(warm_up_month=MONTH) as engine:
            if not engine.wait_ready(ENGINE_TIMEOUT_SECONDS):
                raise SelfTestFailed("Calcul des droits : le moteur ne s'est pas chargé à temps.")
            version = engine.engine_version
            assessments = engine.assess(visit_to_json(visit)).result(ENGINE_TIMEOUT_SECONDS)
        rsa = next((a for a in assessments if a.right is RightId.RSA), None)
        amount = rsa.amount if rsa is not None else None
        if (
            rsa is None
            or rsa.status is not AssessmentStatus.PROBABLE_NON_RECOURS
            or amount is None
            or abs(amount - EXPECTED_RSA) > 0.005
        ):
            found = euros(amount) if amount is not None else "aucun montant"
            raise SelfTestFailed(
                f"Calcul des droits : RSA attendu {euros(EXPECTED_RSA)} pour le foyer de "
                f"référence, obtenu {found}."
            )
        RightsService(workspace).store(visit.id, assessments)
        self.assessed = Assessed(visit.id, assessments)
        return (
            f"Droits calculés par OpenFisca-France {version} dans son processus : "
            f"RSA {euros(amount)} par mois pour le foyer de référence, comme attendu."
        )

    def write_sheet(self) -> str:
        """Writes the known household's sheet as a PDF."""
        from allervers.reports.household_sheet import SheetContent, write_household_sheet
        from allervers.services.rights import RightsService

        workspace = self._open()
        if self.assessed is None:
            raise SelfTestFailed("Feuille du foyer : aucun droit calculé avant elle.")
        path = self.folder / "feuille-du-foyer.pdf"
        content = SheetContent(
            assessments=self.assessed.assessments,
            places=RightsService(workspace).places(),
            volunteer_first_name=USER,
            visited_on=date.fromisoformat(KNOWN_HOUSEHOLD["visited_on"]),
        )
        write_household_sheet(path, content)
        data = path.read_bytes() if path.is_file() else b""
        if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
            raise SelfTestFailed("Feuille du foyer : le PDF écrit est incomplet.")
        return f"Feuille du foyer écrite en PDF ({len(data) // 1024} Kio)."

    def close(self) -> None:
        if self.workspace is not None:
            self.workspace.lock()
            self.workspace = None

    def _open(self) -> OpenWorkspace:
        if self.workspace is None:
            raise SelfTestFailed("Espace de travail : il n'a pas pu être ouvert.")
        return self.workspace
