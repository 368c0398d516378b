"""One joint meeting as the page shows it: time, place, chair and units; once held, the
minutes, the decisions with their state and the duty disputes they settled; the agenda with
each case or dispute a link that opens its case. Without a meeting: what the data proposes."""

from __future__ import annotations

from datetime import date, datetime
from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget
from sqlite_utils import Database

from app.core.meetings import DISPUTE, OTHER, AgendaItem, Meeting, MeetingDecision
from app.store.cases import case_by_id, case_by_number
from app.store.disputes import dispute_by_id
from app.store.meetings import Settlement, settlements
from app.store.reference import ReferenceData
from app.ui.common.i18n import agenda_kind_word
from app.ui.meetings.parts import (
    GREY,
    OVERDUE_COLOUR,
    STATE_COLOURS,
    days_late,
    meeting_name,
    meeting_state,
    state_word,
    unit_names,
    weekday_time,
)

LINKS = "a { color: #1d4e89; text-decoration: none; }"
NUMBER_CELL = "valign='top' width='26' style='padding:4px 6px 4px 0' nowrap"


class MeetingDetail(QTextBrowser):
    case_activated = Signal(object)  # Case: a case or dispute on the agenda was clicked

    def __init__(
        self,
        db: Database,
        ref: ReferenceData,
        may_coordinate: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.ref, self.may_coordinate = db, ref, may_coordinate
        self.setObjectName("meetingDetail")
        self.setOpenLinks(False)
        self.document().setDefaultStyleSheet(LINKS)
        self.document().setDocumentMargin(12)
        self.anchorClicked.connect(self._open_link)

    def show_meeting(self, meeting: Meeting, now: datetime) -> None:
        self.setHtml(self.meeting_html(meeting, now))

    def show_proposal(self, items: list[AgendaItem]) -> None:
        """No meeting yet: what the first one would take up today."""
        title = escape(self.tr("What a meeting would take up today"))
        head = (
            f"<p style='font-size:13pt; font-weight:bold; margin:0'>{title}</p>"
            f"<p style='color:{GREY}; margin:4px 0 0 0'>"
            + escape(
                self.tr(
                    "Proposed from the data ({count} items). A new meeting starts from this "
                    "list; “Print agenda…” saves it as a draft to circulate."
                ).format(count=len(items))
            )
            + "</p>"
        )
        self.setHtml(head + self._section(self.tr("Proposed agenda")) + self._agenda(items))

    def meeting_html(self, m: Meeting, now: datetime) -> str:
        state = meeting_state(m, now)
        head = (
            f"<p style='font-size:14pt; font-weight:bold; margin:0'>{escape(meeting_name(m))}"
            f"　<span style='color:{STATE_COLOURS[state]}; font-size:11pt'>"
            f"{escape(state_word(state))}</span></p>"
        )
        facts = [
            (self.tr("Time"), weekday_time(m.held_on)),
            (self.tr("Place"), m.place),
            (self.tr("Chair"), m.chair),
            (self.tr("Attending units"), unit_names(self.ref, m.attendees) or "—"),
        ]
        rows = "".join(
            f"<tr><td style='color:{GREY}; padding:2px 12px 2px 0' nowrap>{escape(label)}</td>"
            f"<td style='padding:2px 0'>{escape(value)}</td></tr>"
            for label, value in facts
        )
        parts = [head, f"<table style='margin-top:8px'>{rows}</table>"]
        if m.held:  # what was decided matters most once the meeting is over
            parts.append(self._minutes(m, now.date()))
        parts.append(self._section(self.tr("Agenda ({count} items)").format(count=len(m.agenda))))
        parts.append(self._agenda(m.agenda))
        return "".join(parts)

    def _section(self, title: str) -> str:
        return (
            "<p style='margin:16px 0 4px 0; font-size:11pt; font-weight:bold; color:#334e68'>"
            f"{escape(title)}</p>"
        )

    def _agenda(self, agenda: list[AgendaItem]) -> str:
        if not agenda:
            return (
                f"<p style='color:{GREY}'>"
                + escape(
                    self.tr("No item on the agenda. Choose “Edit agenda…” to add one.")
                    if self.may_coordinate
                    else self.tr("No item on the agenda.")
                )
                + "</p>"
            )
        rows = []
        for n, item in enumerate(agenda, 1):
            title = escape(item.title)
            if item.kind != OTHER and item.ref:
                title = f"<a href='{item.kind}:{escape(item.ref)}'>{title}</a>"
            detail = f"<br><span style='color:{GREY}'>{escape(item.detail)}</span>"
            rows.append(
                f"<tr><td {NUMBER_CELL}>{n}.</td>"
                f"<td valign='top' style='padding:4px 10px 4px 0; color:#b54708' nowrap>"
                f"{escape(agenda_kind_word(item.kind))}</td>"
                f"<td valign='top' style='padding:4px 0'>{title}"
                f"{detail if item.detail else ''}</td></tr>"
            )
        return f"<table width='100%' cellspacing='0'>{''.join(rows)}</table>"

    def _minutes(self, m: Meeting, today: date) -> str:
        summary = "<br>".join(escape(line) for line in m.summary.splitlines())
        parts = [
            self._section(self.tr("Minutes")),
            f"<p style='margin:0'>{summary}</p>",
            f"<p style='color:{GREY}; margin:4px 0 0 0'>"
            + escape(self.tr("Recorded {time}").format(time=(m.minutes_at or "")[:16]))
            + "</p>",
            self._section(self.tr("Decisions ({count})").format(count=len(m.decisions))),
        ]
        if m.decisions:
            parts.append(self._decisions(m.decisions, today))
        else:
            no_decision = escape(self.tr("The meeting made no decision to carry out."))
            parts.append(f"<p style='color:{GREY}'>{no_decision}</p>")
        settled = settlements(self.db, m)
        if settled:
            parts.append(self._section(self.tr("Duty disputes settled")))
            parts.extend(f"<p style='margin:0 0 6px 0'>{self._settled(s)}</p>" for s in settled)
        return "".join(parts)

    def _decisions(self, decisions: list[MeetingDecision], today: date) -> str:
        rows = []
        for d in decisions:
            owner = self.tr("Owner unit: {owner} · deadline {deadline}").format(
                owner=self.ref.department_name(d.owner), deadline=d.deadline
            )
            rows.append(
                f"<tr><td {NUMBER_CELL}>{d.position}.</td>"
                f"<td valign='top' style='padding:4px 0'>{escape(d.text)}<br>"
                f"<span style='color:{GREY}'>{escape(owner)}</span> · "
                f"{self._done(d, today)}</td></tr>"
            )
        return f"<table width='100%' cellspacing='0'>{''.join(rows)}</table>"

    def _done(self, d: MeetingDecision, today: date) -> str:
        if d.done_at:
            text = self.tr("done {day}: {note}").format(day=d.done_at[:10], note=d.done_note)
            return f"<span style='color:#027a48'>{escape(text)}</span>"
        if d.overdue(today):
            text = self.tr("not done, {days} days late").format(days=days_late(d, today))
            return f"<b style='color:{OVERDUE_COLOUR}'>{escape(text)}</b>"
        waiting = escape(self.tr("not done yet"))
        return f"<span style='color:#b54708'>{waiting}</span>"

    def _settled(self, s: Settlement) -> str:
        facts = {
            "position": s.position,
            "case": s.case_number,
            "category": s.category,
            "unit": s.disputed_by,
            "lead": s.lead,
            "units": "、".join(s.cooperating),
        }
        if s.cooperating:
            words = self.tr(
                "Decision {position}: case {case} ({category}), returned by {unit} as not "
                "its duty. Ruled: {lead} leads, {units} cooperate."
            ).format(**facts)
        else:
            words = self.tr(
                "Decision {position}: case {case} ({category}), returned by {unit} as not "
                "its duty. Ruled: {lead} leads."
            ).format(**facts)
        if s.amended_item and s.list_version is None:  # since schema 12
            words += " " + self.tr(
                "A local amendment of the boundary list entry {name} ({item}) was recorded, "
                "for the establishment office."
            ).format(name=s.amended_name, item=s.amended_item)
        elif s.amended_item:
            words += " " + self.tr(
                "The boundary list entry {name} ({item}) was amended: version {version}."
            ).format(name=s.amended_name, item=s.amended_item, version=s.list_version or "—")
        else:
            words += " " + self.tr("The boundary list was not changed.")
        return escape(words)

    def _open_link(self, url: QUrl) -> None:
        kind, _, ref = url.toString().partition(":")
        if kind == DISPUTE:
            self.case_activated.emit(case_by_id(self.db, dispute_by_id(self.db, ref).case_id))
        elif kind and ref:
            self.case_activated.emit(case_by_number(self.db, ref))
