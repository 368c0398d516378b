"""The three lists' suggestion at triage, as the clerk sees it: which step and which units
the lists name, and why (DOMAIN.md §5). Pure presentation: the suggestion comes from
``app/store/routing.py``, the domain decides whether an override needs a reason."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.core.case_path.rules import ROUTE_ACTIONS
from app.core.case_path.steps import Action
from app.core.routing import Suggestion
from app.store.reference import ReferenceData
from app.ui.common.i18n import action_word, in_language

STYLE = """
#suggestionBanner { background: #ecf7ee; border: 1px solid #9fd3a9; border-radius: 6px; }
#suggestionBanner[overriding="true"] { background: #fff8e6; border: 1px solid #f5c46b; }
#suggestionTitle { color: #155724; font-weight: bold; font-size: 11pt; }
#suggestionBanner[overriding="true"] #suggestionTitle { color: #8a5a00; }
#suggestionReason { color: #1f2933; }
#suggestionBasis { color: #627d98; }
"""


def suggested_action(suggestion: Suggestion) -> Action:
    return ROUTE_ACTIONS[suggestion.route]


def units_text(suggestion: Suggestion, ref: ReferenceData) -> str:
    """执法中队牵头，综合执法办、市场监管所配合"""
    lead = ref.department_name(suggestion.lead)
    helpers = "、".join(ref.department_name(c) for c in suggestion.cooperating)
    if helpers:
        return QCoreApplication.translate("Suggestion", "{lead} leads, {helpers} cooperate").format(
            lead=lead, helpers=helpers
        )
    return QCoreApplication.translate("Suggestion", "{lead} leads").format(lead=lead)


def suggestion_line(suggestion: Suggestion, ref: ReferenceData) -> str:
    """清单建议：派遣 · 执法中队牵头，市场监管所配合"""
    return QCoreApplication.translate("Suggestion", "The lists suggest: {action} · {units}").format(
        action=action_word(suggested_action(suggestion)), units=units_text(suggestion, ref)
    )


def basis_text(suggestion: Suggestion) -> str:
    basis = {
        "ruling": QCoreApplication.translate(
            "Suggestion", "By a duty dispute ruling: an override needs a reason"
        ),
        "amendment": QCoreApplication.translate(
            "Suggestion",
            "By the township's local amendment of the duty boundary list: an override needs "
            "a reason",
        ),
        "boundary": QCoreApplication.translate(
            "Suggestion", "By the duty boundary list: an override needs a reason"
        ),
        "division": QCoreApplication.translate(
            "Suggestion",
            "By the division rule (visibility and specialism in the power & "
            "responsibility list): an override needs a reason",
        ),
        "category": QCoreApplication.translate(
            "Suggestion",
            "Not in the lists: the category's default route, which may be changed without a reason",
        ),
    }
    return basis.get(suggestion.basis, "")


class SuggestionBanner(QFrame):
    """Green when the dialog follows the lists, amber (with a word) when it does not."""

    def __init__(self, suggestion: Suggestion, ref: ReferenceData, parent: QWidget | None = None):
        super().__init__(parent)
        self.suggestion = suggestion
        self.setObjectName("suggestionBanner")
        self.setStyleSheet(STYLE)
        self.title = QLabel(suggestion_line(suggestion, ref))
        self.title.setObjectName("suggestionTitle")
        self.title.setWordWrap(True)
        self.reason = QLabel(in_language(suggestion.reason))
        self.reason.setObjectName("suggestionReason")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.basis = QLabel(basis_text(suggestion))
        self.basis.setObjectName("suggestionBasis")
        self.basis.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.reason)
        layout.addWidget(self.basis)

    def show_overriding(self, overriding: bool) -> None:
        if self.property("overriding") == overriding:
            return
        self.setProperty("overriding", overriding)
        self.style().unpolish(self)
        self.style().polish(self)
        for child in (self.title, self.reason, self.basis):
            child.style().unpolish(child)
            child.style().polish(child)
