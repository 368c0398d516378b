"""The steps of a call to a district department (呼叫 → 响应 → 到场 → 办结 → 确认), recorded
as the department phones them in: a confirmation and, if wanted, who said what."""

from __future__ import annotations

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.ui.case_detail.steps.form import StepForm


class CallStepForm(StepForm):
    actions = (Action.CALL_ACK, Action.CALL_ARRIVE, Action.CALL_DONE, Action.CALL_CONFIRM)

    def fields(self) -> None:
        self.form.addRow(self.confirmation())
        self.note = self.text_box(self.tr("Optional: who phoned it in, what they said"), 56)
        self.form.addRow(self.tr("Note"), self.note)

    def request(self) -> Request:
        return Request(self.action, note=self.note.toPlainText().strip())
