"""In the referral dialog: the places the directory proposes for the referral (the office of its
organisation, then pistes for the right and the household's needs), the first chosen; the one
kept is frozen on the referral."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from allervers.domain.errors import AllerVersError
from allervers.domain.referrals import Referral
from allervers.services.caseload import CaseloadService
from allervers.ui.directory.texts import details, marks

translate = QCoreApplication.translate


def service_choice(caseload: CaseloadService, referral: Referral) -> QComboBox:
    box = QComboBox()
    box.setObjectName("stepService")
    box.addItem(translate("DirectoryChoice", "Aucun lieu de l'annuaire"), None)
    try:
        choices = caseload.directory_choices(referral)
    except AllerVersError:
        choices = []  # the referral can be recorded without the directory
    for service in choices:
        text = f"{service.name} — {details(service)}"
        notes = marks(service, caseload.today)
        box.addItem(text + (f" ({'; '.join(notes)})" if notes else ""), service)
    if choices:
        box.setCurrentIndex(1)
    box.setToolTip(
        translate("DirectoryChoice", "Des pistes : à vérifier auprès du lieu avant d'y envoyer.")
    )
    box.setMinimumContentsLength(30)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return box
