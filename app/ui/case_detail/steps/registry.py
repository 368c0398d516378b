"""The one registry of step forms: every action of the case path has its form (but a retired
one, never offered), found here by the case detail and by the overdue watch alike."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.core.case_path.steps import Action
from app.core.model import Case
from app.ui.case_detail.steps import (
    calls,
    handling,
    police,
    police_followups,
    transfer,
    triage,
    verification,
)
from app.ui.case_detail.steps.form import StepForm
from app.ui.common.session import Session

FORM_CLASSES: tuple[type[StepForm], ...] = (
    triage.SelfHandleForm,
    triage.DispatchForm,
    triage.CallForm,
    triage.MergeForm,
    transfer.TransferForm,
    police.PoliceRequestForm,
    police.PoliceApproveForm,
    transfer.ReceiptForm,
    transfer.OutcomeForm,
    police_followups.ReviewAnswerForm,
    police_followups.SupervisionForm,
    police_followups.PassedOnForm,
    police_followups.HandoverForm,
    handling.ConfirmForm,
    handling.ReasonForm,
    handling.FeedbackForm,
    handling.ReturnForm,
    handling.ExtendForm,
    handling.ParkForm,
    handling.SuperviseForm,
    verification.VerifyForm,
    calls.CallStepForm,
)
FORMS: dict[Action, type[StepForm]] = {
    action: form for form in FORM_CLASSES for action in form.actions
}


def open_step(session: Session, case: Case, action: Action, parent: QWidget) -> StepForm:
    """The form of ``action`` on ``case``, opened (window-modal, deleted when closed)."""
    form = FORMS[action](session, case, action, parent)
    form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    form.open()
    return form
