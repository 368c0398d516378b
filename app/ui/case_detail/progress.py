"""The handling panel of a case: route, units, pending requests, the call and the clocks."""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget
from sqlite_utils import Database

from app.core.case_path.steps import CaseState
from app.core.deadlines import DeadlineState
from app.core.model import Case
from app.store.clocks import calls, case_clocks
from app.store.reference import ReferenceData
from app.store.work_calendar import work_calendar
from app.ui.common.clocks import call_clock_text, case_clock_text, clock_name, colour_name
from app.ui.common.i18n import call_status_word, route_word, word


class CaseProgressPanel(QFrame):
    def __init__(
        self,
        db: Database,
        ref: ReferenceData,
        case: Case,
        state: CaseState,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressPanel")
        self.db, self.ref, self.case, self.state, self.now = db, ref, case, state, now
        self.clock_labels: dict[str, QLabel] = {}
        self._build()

    def _build(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 10, 12, 10)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        state = self.state
        name = self.ref.department_name
        rows: list[tuple[str, QLabel]] = [
            (self.tr("Status"), QLabel(word(self.case.status))),
            (self.tr("Route"), QLabel(route_word(state.route.value if state.route else None))),
            (self.tr("Lead unit"), QLabel(name(state.lead_unit) if state.lead_unit else "—")),
            (
                self.tr("Cooperating"),
                QLabel("、".join(name(c) for c in state.cooperating_units) or "—"),
            ),
        ]
        if state.call_id:
            rows.append((self.tr("Call"), QLabel(call_status_word(state.call_status))))
        if state.extension_requested:
            rows.append(
                (
                    self.tr("Extension"),
                    QLabel(
                        self.tr("{days} working days asked, awaiting approval").format(
                            days=state.extension_requested
                        )
                    ),
                )
            )
        if state.park_requested_until:
            rows.append(
                (
                    self.tr("Parking"),
                    QLabel(
                        self.tr("until {date} asked, awaiting approval").format(
                            date=state.park_requested_until
                        )
                    ),
                )
            )
        if state.parked_until:
            rows.append((self.tr("Parked until"), QLabel(state.parked_until)))
        if state.supervision_count:
            supervised = QLabel(
                self.tr("{count} supervision notices").format(count=state.supervision_count)
            )
            supervised.setObjectName("warningText")
            rows.append((self.tr("Supervision"), supervised))
        now = self.now
        calendar = work_calendar(self.db)
        self.clock_labels: dict[str, QLabel] = {}
        for clock in case_clocks(self.db, self.case.id, now):
            text = case_clock_text(clock.due, clock.state, now, calendar)
            label = self._clock_label(
                clock.kind, text, colour_name(clock.state), clock.due, clock.state
            )
            rows.append((clock_name(clock.kind), label))
        if state.call_open:
            rows.extend(self._call_clocks(now))
        for i, (caption, value) in enumerate(rows):
            key = QLabel(caption)
            key.setObjectName("fieldName")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(key, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, i, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)

    def _call_clocks(self, now: datetime) -> list[tuple[str, QLabel]]:
        """The open call's own clocks (response, arrival): on the wall clock when urgent,
        in office time when not."""
        call = next(
            (c for c in calls(self.db, now, True, self.case.id) if c.id == self.state.call_id),
            None,
        )
        if call is None:
            return []
        rows = [(self.tr("Duty phone"), QLabel(call.duty_phone or "—"))]
        for clock, finished in zip(
            call.clocks, (call.acknowledged_at, call.on_scene_at), strict=True
        ):
            office = None if call.urgent else work_calendar(self.db)
            text = call_clock_text(clock, call.called_at, finished, now, office)
            shown = DeadlineState.OVERDUE if clock.overdue else clock.state  # late stays red
            colour = colour_name(shown)
            rows.append(
                (
                    clock_name(clock.kind),
                    self._clock_label(clock.kind, text, colour, clock.due, shown),
                )
            )
        return rows

    def _clock_label(
        self, kind: str, text: str, colour: str, due: str | None, state: DeadlineState
    ) -> QLabel:
        label = QLabel(
            f"<span style='color:{colour}; font-weight:bold'>{escape(text)}</span>"
            f"　<span style='color:#627d98'>"
            + escape(self.tr("due {time}").format(time=due[:16] if due else "—"))
            + "</span>"
        )
        label.setObjectName("clockText")
        label.setProperty("clockState", state.value)
        self.clock_labels[kind] = label
        return label
