"""The assessment's weights (考核权重), set by the administrator: how much each rate counts
in a unit's score on the statistics page and in the monthly bulletin."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QSpinBox, QWidget
from sqlite_utils import Database

from app.core.assessment import SCORED_RATES
from app.core.indicators import BY_KEY
from app.store.assessment import set_assessment_weights
from app.ui.common.dialog_parts import StoreDialog, question_label
from app.ui.common.runner import Operation
from app.ui.common.session import Session

SCORED = [BY_KEY[key] for key in SCORED_RATES]


class WeightsDialog(StoreDialog):
    saved = Signal(object)  # the weights now in force

    def __init__(
        self, session: Session, weights: dict[str, int], parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.setObjectName("weightsDialog")
        self.setWindowTitle(self.tr("Assessment weights"))
        question = question_label(
            self.tr(
                "How much each rate counts in a unit's score (0 leaves it out). A unit is "
                "scored on the rates it has at least five cases for; a rate where lower is "
                "better counts as 100 minus the rate. The bulletin prints the weights used."
            )
        )
        self.spins: dict[str, QSpinBox] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for indicator in SCORED:
            spin = QSpinBox()
            spin.setRange(0, 100)
            spin.setValue(weights.get(indicator.key, 0))
            spin.setToolTip(indicator.definition)
            self.spins[indicator.key] = spin
            form.addRow(indicator.name, spin)
        self.arrange(question, form, self.tr("Save"), self.submit, True, 460)
        next(iter(self.spins.values())).setFocus()

    def weights(self) -> dict[str, int]:
        return {key: spin.value() for key, spin in self.spins.items()}

    def submit(self) -> Operation | None:
        user, weights, wall = self.session.user, self.weights(), self.session.clock.wall

        def work(db: Database) -> dict[str, int]:
            return set_assessment_weights(db, user, weights, wall=wall)

        return self.written(work, self.saved)
