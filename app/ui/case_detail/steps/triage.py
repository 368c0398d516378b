"""Triage (研判分拨): have the township handle it, dispatch to a stationed department, call a
district department (each against the three lists' suggestion), and merging a duplicate.
Rejecting is a reason form (``handling``); transfers have their own module."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.core.case_path.decide import Request
from app.core.case_path.rules import ACTION_ROUTES
from app.core.case_path.steps import Action
from app.core.model import Case, Route, Tier, Urgency, office_unit
from app.store.routing import suggestion_for
from app.ui.case_detail.steps.form import StepForm
from app.ui.case_detail.steps.suggestion import SuggestionBanner
from app.ui.common.session import Session
from app.ui.common.unit_lists import CooperatingUnits


class RouteForm(StepForm):
    """A step that gives the case a lead unit. The lists' suggestion is shown above the
    fields and followed by default; routing elsewhere asks for the override reason, which
    core requires (``Suggestion.override_needs_reason``) and keeps for the override report."""

    def __init__(
        self, session: Session, case: Case, action: Action, parent: QWidget | None = None
    ) -> None:
        self.suggestion = suggestion_for(session.db, case)
        self.banner: SuggestionBanner | None = None
        self.override_reason: QPlainTextEdit | None = None
        super().__init__(session, case, action, parent)
        if self.suggestion is not None:
            self.banner = SuggestionBanner(self.suggestion, self.ref)
            self.layout_.insertWidget(0, self.banner)
        self.show_override()

    def is_wide(self) -> bool:
        return self.suggestion is not None

    def route_fields(self) -> None:
        """This step's own fields (lead, called department …)."""

    def chosen_lead(self) -> str | None:
        return None

    def fields(self) -> None:
        self.route_fields()
        if self.suggestion is None:
            return
        self.override_reason = self.text_box(
            self.tr(
                "e.g. Checked on site: unlicensed business, for the market supervision "
                "office to deal with"
            )
        )
        self.override_reason.setObjectName("overrideReason")
        self.override_label = QLabel(self.tr("Override reason"))
        self.override_label.setObjectName("fieldName")
        self.override_hint = QLabel()
        self.override_hint.setObjectName("warningText")
        self.override_hint.setWordWrap(True)
        self.form.addRow(self.override_hint)
        self.form.addRow(self.override_label, self.override_reason)

    def follow_suggestion(self, units: QComboBox) -> None:
        """Pre-fill the suggested unit when this step is the one the lists suggest."""
        if self.suggestion is None or ACTION_ROUTES[self.action] != self.suggestion.route:
            return
        index = units.findData(self.suggestion.lead)
        if index >= 0:
            units.setCurrentIndex(index)

    def overriding(self) -> bool:
        route = ACTION_ROUTES[self.action]
        return self.suggestion is not None and not self.suggestion.followed_by(
            route, self.chosen_lead()
        )

    def needs_override_reason(self) -> bool:
        route = ACTION_ROUTES[self.action]
        return self.suggestion is not None and self.suggestion.override_needs_reason(
            route, self.chosen_lead()
        )

    def show_override(self) -> None:
        if self.suggestion is None or self.override_reason is None:
            return  # no suggestion, or the fields are still being built
        needed = self.needs_override_reason()
        if self.banner is not None:
            self.banner.show_overriding(self.overriding())
        self.override_hint.setText(
            self.tr(
                "This is not what the lists suggest: give the override reason. It is "
                "kept with the case and used to correct the lists."
            )
            if needed
            else ""
        )
        for row in (self.override_hint, self.override_reason):
            self.form.setRowVisible(row, needed)
        self.refit(shrink=True)

    def override(self) -> str:
        if self.override_reason is None or not self.needs_override_reason():
            return ""
        return self.override_reason.toPlainText().strip()


class SelfHandleForm(RouteForm):
    actions = (Action.SELF_HANDLE,)

    def route_fields(self) -> None:
        self.form.addRow(self.confirmation())

    def chosen_lead(self) -> str | None:
        return office_unit(self.ref.departments)

    def request(self) -> Request:
        return Request(self.action, override_reason=self.override())


class DispatchForm(RouteForm):
    actions = (Action.DISPATCH,)

    def route_fields(self) -> None:
        self.lead = QComboBox()
        for name, code in self.units(Tier.X):
            self.lead.addItem(name, code)
        self.helpers = CooperatingUnits(self.units(Tier.X, Tier.ONE, Tier.Y), 170)
        self.helpers.setObjectName("cooperatingUnits")
        self.lead.currentIndexChanged.connect(self._lead_changed)
        self.follow_suggestion(self.lead)
        if self.suggestion is not None and self.suggestion.route == Route.DISPATCH_X:
            self.helpers.set_checked(self.suggestion.cooperating)
        self.helpers.follow_lead(self.lead.currentData())
        self.form.addRow(self.tr("Lead unit"), self.lead)
        self.form.addRow(self.tr("Cooperating units"), self.helpers)
        self.form.addRow("", self.helpers.chosen_line)

    def _lead_changed(self) -> None:
        self.helpers.follow_lead(self.lead.currentData())
        self.show_override()

    def chosen_lead(self) -> str | None:
        return self.lead.currentData()

    def request(self) -> Request:
        return Request(
            self.action,
            to=self.lead.currentData(),
            with_units=tuple(self.helpers.checked_codes()),
            override_reason=self.override(),
        )


class CallForm(RouteForm):
    actions = (Action.CALL,)

    def route_fields(self) -> None:
        self.called = QComboBox()
        for name, code in self.units(Tier.Y):
            self.called.addItem(name, code)
        self.duty_phone = QLabel()
        self.duty_phone.setObjectName("dutyPhone")
        self.duty_phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the units that work with the called department on site, as for a dispatch
        self.helpers = CooperatingUnits(self.units(Tier.X, Tier.ONE, Tier.Y), 130)
        self.helpers.setObjectName("cooperatingUnits")
        self.called.currentIndexChanged.connect(self._called_changed)
        self.follow_suggestion(self.called)
        if self.suggestion is not None and self.suggestion.route == Route.CALL_Y:
            self.helpers.set_checked(self.suggestion.cooperating)
        self.helpers.follow_lead(self.called.currentData())
        self._show_phone()
        self.urgent = QCheckBox(self.tr("Urgent"))
        self.urgent.setChecked(self.case.urgency == Urgency.URGENT)
        self.reason = self.text_box(self.tr("What the department is called for"))
        self.form.addRow(self.tr("Department"), self.called)
        self.form.addRow(self.tr("Duty phone"), self.duty_phone)
        self.form.addRow(self.tr("Cooperating units"), self.helpers)
        self.form.addRow("", self.helpers.chosen_line)
        self.form.addRow("", self.urgent)
        self.form.addRow(self.tr("Reason"), self.reason)

    def _called_changed(self) -> None:
        self.helpers.follow_lead(self.called.currentData())
        self._show_phone()
        self.show_override()

    def _show_phone(self) -> None:
        department = self.ref.departments.get(self.called.currentData())
        phone = department.duty_phone if department else ""
        self.duty_phone.setText(phone or self.tr("no duty phone on file"))

    def chosen_lead(self) -> str | None:
        return self.called.currentData()

    def request(self) -> Request:
        return Request(
            self.action,
            to=self.called.currentData(),
            with_units=tuple(self.helpers.checked_codes()),
            urgent=self.urgent.isChecked(),
            reason=self.reason.toPlainText().strip(),
            override_reason=self.override(),
        )


class MergeForm(StepForm):
    actions = (Action.MERGE,)

    def fields(self) -> None:
        self.into = QLineEdit()
        self.into.setPlaceholderText(self.tr("Number of the case it duplicates"))
        self.form.addRow(self.tr("Merge into case"), self.into)

    def request(self) -> Request:
        return Request(self.action, into=self.into.text().strip())
