"""The joint-meeting page: meetings newest first and the decisions still open, scheduling with
the proposed agenda (an item unticked, one of the clerk's own added), minutes whose decision
settles a dispute and amends the boundary list, refusals that keep what was typed and write
nothing, marking a decision done, printing, and a reader who sees no actions.

The page works in a session of its own: its forms write on the session's worker thread, so a
test clicks OK and waits for the session to say what changed (or for the refusal to come
back) before it looks."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.clock import hlc_ms
from app.core.disputes import DECIDED, REFERRED
from app.core.lists import ListKind
from app.core.meetings import DISPUTE, OTHER, DecisionDraft
from app.store import meetings as m
from app.store.agenda import propose_agenda
from app.store.amendments import in_force
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.cases import case_by_number
from app.store.disputes import dispute_by_id
from app.store.lists import versions
from app.store.reference import user_by_name
from app.store.routing import boundary_entries
from app.store.work_calendar import work_calendar
from app.ui.common import printing
from app.ui.common.session import Session
from app.ui.meetings.page import MeetingsPage
from app.ui.meetings.parts import ItemRole, meeting_state
from tests.clock import TestClock
from tests.store.store_helpers import DEMO_NOW_MS, full_dump
from tests.ui.conftest import type_chinese

HOUR = 3_600_000
PLACE, CHAIR = "镇政府三楼会议室", "刘建军"


class Clock(TestClock):
    """The page's China time and the store's wall clock, one moment, moved by the test; every
    write a second later, as a clerk would."""

    def __init__(self, db: Any) -> None:
        last = db.execute("SELECT max(hlc) FROM events").fetchone()[0]
        super().__init__(max(DEMO_NOW_MS, hlc_ms(last)) + HOUR, tick_ms=1000)

    def later(self, hours: float) -> None:
        self.ms += int(hours * HOUR)

    def at(self, hours: float) -> str:
        """``YYYY-MM-DD HH:MM``, ``hours`` from now."""
        return f"{self.now() + timedelta(hours=hours):%Y-%m-%d %H:%M}"


@pytest.fixture
def clock(demo_db) -> Clock:
    return Clock(demo_db)


def _raise_in_test(error: BaseException, details: str) -> None:
    raise AssertionError(f"unexpected error dialog: {error!r}\n{details}")


def open_page(qtbot, db, path: Path, clock: Clock, username: str = "clerk") -> MeetingsPage:
    session = Session(path, db, user_by_name(db, username), clock)
    session.runner.error_handler = _raise_in_test
    page = MeetingsPage(session)
    page.resize(1226, 740)
    qtbot.addWidget(page, before_close_func=lambda _page: session.close())
    page.show()
    qtbot.waitExposed(page)
    return page


def click_written(qtbot, page: MeetingsPage, dialog) -> None:  # type: ignore[no-untyped-def]
    """OK, and wait until the write committed and the page was told."""
    with qtbot.waitSignal(page.session.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def click_refused(qtbot, dialog) -> str:  # type: ignore[no-untyped-def]
    """OK, and wait for the store's refusal to come back to the form: its words."""
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.writing is None and not dialog.error.isHidden())
    return dialog.error.text()


def disputed_case(db, path: Path, clock: Clock) -> tuple[str, str]:
    """(case number, dispute id): the market office returns a case as not its duty."""
    number = db.execute(
        "SELECT number FROM cases WHERE status = 'pending_triage' ORDER BY number LIMIT 1"
    ).fetchone()[0]
    blobs = BlobStore.beside(path)
    act(
        db,
        blobs,
        user_by_name(db, "clerk"),
        number,
        Request(Action.DISPATCH, to="SCJG", override_reason="按现场情况改派"),
        wall=clock.wall,
    )
    act(
        db,
        blobs,
        user_by_name(db, "officer"),
        number,
        Request(
            Action.RETURN,
            reason="出租屋消防检查不属于市场监管职责",
            not_our_duty=True,
            cited=("QS-XZJC-002",),
        ),
        wall=clock.wall,
    )
    case_id = case_by_number(db, number).id
    found = db.execute("SELECT id FROM disputes WHERE case_id = ?", [case_id]).fetchone()
    return number, found[0]


def schedule(db, clock: Clock, hours: float, agenda=None) -> m.Meeting:  # type: ignore[no-untyped-def]
    units = ["ZHB", "PCS", "SCJG", "ZFZD", "YJJ"]
    clerk = user_by_name(db, "clerk")
    return m.schedule_meeting(
        db, clerk, clock.at(hours), PLACE, CHAIR, units, agenda, wall=clock.wall
    )


def agenda_rows(dialog) -> list:  # type: ignore[no-untyped-def]
    return dialog.agenda.rows()


# ----------------------------------------------------------------------- reading


def test_meetings_newest_first_and_open_decisions_by_deadline(qtbot, demo_db, demo_path, clock):
    first = schedule(demo_db, clock, -30, agenda=[])
    today = clock.now().date()
    late = (today - timedelta(days=1)).isoformat()  # after the meeting day, before today
    later = (today + timedelta(days=20)).isoformat()
    m.record_minutes(
        demo_db,
        user_by_name(demo_db, "clerk"),
        first.id,
        "会议研究了长期超期案件。",
        [
            DecisionDraft("王家疃村露天焚烧开展联合巡察", "ZHB", later),
            DecisionDraft("锦绣社区劳资纠纷由司法所牵头调解", "SFS", late),
        ],
        wall=clock.wall,
    )
    second = schedule(demo_db, clock, 24)
    page = open_page(qtbot, demo_db, demo_path, clock)
    assert page.meeting_list.ids() == [second.id, first.id]
    assert page.selected().id == second.id  # the newest is shown first
    open_ids = [d.id for d in m.open_decisions(demo_db)]
    assert page.decision_list.ids() == open_ids and len(open_ids) == 2
    overdue, on_time = (page.decision_list.topLevelItem(i) for i in range(2))
    assert overdue.text(1) == "锦绣社区劳资纠纷由司法所牵头调解"  # the earliest deadline first
    assert overdue.text(2) == "司法所"
    assert overdue.foreground(3).color().name() == "#b42318"  # red: past its deadline
    assert on_time.foreground(3).color().name() != "#b42318"
    text = page.detail.toPlainText()
    assert PLACE in text and CHAIR in text
    assert all(item.title in text for item in second.agenda) and second.agenda
    page.select(first.id)
    text = page.detail.toPlainText()
    assert "会议研究了长期超期案件。" in text and "王家疃村露天焚烧开展联合巡察" in text
    assert not page.minutes_button.isEnabled() and page.print_minutes_button.isEnabled()


def test_without_a_meeting_the_page_says_what_to_do_and_shows_the_proposal(
    qtbot, demo_db, demo_path, clock
):
    page = open_page(qtbot, demo_db, demo_path, clock)
    assert page.meeting_list.isHidden() and not page.lists.meetings_empty.isHidden()
    assert page.lists.meetings_empty.text()
    proposed = propose_agenda(demo_db, clock.now().date())
    assert proposed and all(item.title in page.detail.toPlainText() for item in proposed)
    assert not page.agenda_button.isEnabled() and not page.minutes_button.isEnabled()


# ----------------------------------------------------------------------- scheduling


def test_scheduling_through_the_dialog_with_an_unticked_agenda_item(
    qtbot, demo_db, demo_path, clock
):
    number, dispute_id = disputed_case(demo_db, demo_path, clock)
    page = open_page(qtbot, demo_db, demo_path, clock)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    rows = agenda_rows(dialog)
    proposed = [row.data(0, ItemRole) for row in rows]
    assert proposed == propose_agenda(demo_db, clock.now().date())
    assert any(p.kind == DISPUTE and p.ref == dispute_id for p in proposed)
    assert all(row.checkState(0) == Qt.CheckState.Checked for row in rows)
    dropped = next(p for p in proposed if p.kind != DISPUTE)  # a case the meeting leaves
    rows[proposed.index(dropped)].setCheckState(0, Qt.CheckState.Unchecked)
    # the clerk's own item: Enter adds it and does not schedule the meeting
    dialog.agenda.other.setFocus()
    type_chinese(dialog.agenda.other, "通报上次会议决议的落实情况")
    before = full_dump(demo_db)
    qtbot.keyClick(dialog.agenda.other, Qt.Key.Key_Return)
    assert dialog.writing is None  # no write was even started
    assert dialog.isVisible() and full_dump(demo_db) == before
    own = agenda_rows(dialog)[-1].data(0, ItemRole)
    assert (own.kind, own.title) == (OTHER, "通报上次会议决议的落实情况")
    assert dialog.agenda.other.text() == ""
    dialog.place.setFocus()
    type_chinese(dialog.place, PLACE)
    dialog.chair.setFocus()
    type_chinese(dialog.chair, CHAIR)
    dialog.attendees.set_checked(["ZHB", "SCJG", "PCS"])
    with qtbot.waitSignal(page.session.changed), qtbot.waitSignal(page.message) as said:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    [meeting] = m.meetings(demo_db)
    assert meeting.agenda == [p for p in proposed if p != dropped] + [own]
    assert (meeting.place, meeting.chair) == (PLACE, CHAIR)
    assert meeting.attendees == ["ZHB", "PCS", "SCJG"]  # in the order of the check list
    wanted = work_calendar(demo_db).next_working_day(clock.now().date())
    assert meeting.held_on == f"{wanted} 09:30"
    assert dispute_by_id(demo_db, dispute_id).status == REFERRED
    assert dispute_by_id(demo_db, dispute_id).meeting_id == meeting.id
    assert page.selected().id == meeting.id and meeting.held_on in said.args[0]
    assert page.dialog is None or not page.dialog.isVisible()
    # the agenda's dispute is a link that opens its case
    assert f'href="{DISPUTE}:{dispute_id}"' in page.detail.toHtml()
    with qtbot.waitSignal(page.case_activated) as opened:
        page.detail.anchorClicked.emit(QUrl(f"{DISPUTE}:{dispute_id}"))
    assert opened.args[0].number == number


def test_a_refused_or_cancelled_new_meeting_writes_nothing(qtbot, demo_db, demo_path, clock):
    page = open_page(qtbot, demo_db, demo_path, clock)
    dialog = page.start_new()
    qtbot.waitUntil(dialog.isVisible)
    before = full_dump(demo_db)
    dialog.chair.setFocus()
    type_chinese(dialog.chair, CHAIR)
    assert click_refused(qtbot, dialog) == "请填写会议地点。"  # no place
    assert not dialog.error.isHidden() and dialog.ok_button.isEnabled()
    assert dialog.isVisible() and dialog.chair.text() == CHAIR
    assert full_dump(demo_db) == before
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert full_dump(demo_db) == before and m.meetings(demo_db) == []


def test_the_member_units_dialog_saves_the_ticked_units(qtbot, demo_db, demo_path, clock):
    page = open_page(qtbot, demo_db, demo_path, clock)
    dialog = page.start_members()
    qtbot.waitUntil(dialog.isVisible)
    before = full_dump(demo_db)
    dialog.units.set_checked([])
    assert click_refused(qtbot, dialog) == "请至少选择一个联席会议成员单位。"
    assert full_dump(demo_db) == before
    dialog.units.set_checked(["PCS", "ZHB", "YJJ"])
    click_written(qtbot, page, dialog)
    assert m.members(demo_db) == ["ZHB", "PCS", "YJJ"]
    assert "应急局" in page.members_label.text()
    # a new meeting invites the members
    new = page.start_new()
    assert new.attendees.checked_codes() == ["ZHB", "PCS", "YJJ"]
    new.reject()


def test_editing_the_agenda_offers_what_was_proposed_since(qtbot, demo_db, demo_path, clock):
    meeting = schedule(demo_db, clock, 48)
    _number, dispute_id = disputed_case(demo_db, demo_path, clock)  # after the scheduling
    page = open_page(qtbot, demo_db, demo_path, clock)
    page.select(meeting.id)
    qtbot.mouseClick(page.agenda_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    rows = agenda_rows(dialog)
    assert [r.data(0, ItemRole) for r in rows[: len(meeting.agenda)]] == meeting.agenda
    fresh = next(r for r in rows if r.data(0, ItemRole).ref == dispute_id)
    assert fresh.checkState(0) == Qt.CheckState.Unchecked  # offered, not imposed
    fresh.setCheckState(0, Qt.CheckState.Checked)
    rows[0].setCheckState(0, Qt.CheckState.Unchecked)
    click_written(qtbot, page, dialog)
    saved = m.meeting_by_id(demo_db, meeting.id)
    assert saved.agenda == [*meeting.agenda[1:], fresh.data(0, ItemRole)]
    assert dispute_by_id(demo_db, dispute_id).meeting_id == meeting.id


# ----------------------------------------------------------------------- minutes


def fill_minutes(qtbot, page: MeetingsPage, summary: str):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.minutes_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.summary.setFocus()
    type_chinese(dialog.summary, summary)
    return dialog


def test_recording_minutes_settles_a_dispute_and_amends_the_boundary_list_locally(
    qtbot, demo_db, demo_path, clock
):
    number, dispute_id = disputed_case(demo_db, demo_path, clock)
    meeting = schedule(demo_db, clock, 2)
    page = open_page(qtbot, demo_db, demo_path, clock)
    assert meeting_state(page.selected(), clock.now()) == "upcoming"
    assert not page.minutes_button.isEnabled()  # not before the meeting
    clock.later(3)
    page.hide()
    page.show()  # back on the page after the meeting: it reads the time again
    assert page.minutes_button.isEnabled()
    category = dispute_by_id(demo_db, dispute_id).category_code
    before_version = versions(demo_db, ListKind.BOUNDARY)[0].version
    dialog = fill_minutes(qtbot, page, "会议研究了出租屋消防检查的职责争议。")
    row = dialog.add_decision()
    assert row.dispute.findData(dispute_id) > 0  # the dispute on this meeting's agenda
    row.text.setFocus()
    type_chinese(row.text, "出租屋消防检查由派出所牵头，应急局配合")
    row.owner.setCurrentIndex(row.owner.findData("PCS"))
    row.dispute.setCurrentIndex(row.dispute.findData(dispute_id))
    assert row.lead.currentData() == "PCS"  # who carries it out leads, to start from
    assert not row.cooperating.isHidden()
    row.cooperating.set_checked(["YJJ"])
    row.amend.setChecked(True)
    second = dialog.add_decision()
    second.text.setFocus()
    type_chinese(second.text, "各单位报送超期案件说明")
    second.owner.setCurrentIndex(second.owner.findData("ZHB"))
    with qtbot.waitSignal(page.session.changed), qtbot.waitSignal(page.message):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    held = m.meeting_by_id(demo_db, meeting.id)
    assert held.held and held.summary == "会议研究了出租屋消防检查的职责争议。"
    assert [(d.text, d.owner, d.dispute_id) for d in held.decisions] == [
        ("出租屋消防检查由派出所牵头，应急局配合", "PCS", dispute_id),
        ("各单位报送超期案件说明", "ZHB", None),
    ]
    dispute = dispute_by_id(demo_db, dispute_id)
    assert (dispute.status, dispute.lead, dispute.cooperating) == (DECIDED, "PCS", ["YJJ"])
    # a local amendment beside the official item, which stays as issued
    assert versions(demo_db, ListKind.BOUNDARY)[0].version == before_version
    entry = boundary_entries(demo_db, category)[0]
    assert entry.code == dispute.amended_item
    amended = in_force(demo_db, category)
    assert amended is not None and (amended.lead, amended.by_meeting) == ("PCS", True)
    # the page: the meeting is held, its decisions are open, the settlement is shown
    assert page.selected().id == meeting.id and not page.minutes_button.isEnabled()
    assert page.decision_list.ids() == [d.id for d in m.open_decisions(demo_db)]
    text = page.detail.toPlainText()
    assert number in text and f"（{dispute.amended_item}）作本镇修订，报区编办审定" in text
    assert "出租屋消防检查由派出所牵头，应急局配合" in text


def test_a_refused_minutes_dialog_shows_the_message_keeps_the_text_and_writes_nothing(
    qtbot, demo_db, demo_path, clock
):
    meeting = schedule(demo_db, clock, 1)
    clock.later(2)
    page = open_page(qtbot, demo_db, demo_path, clock)
    qtbot.mouseClick(page.minutes_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    row = dialog.add_decision()
    row.text.setFocus()
    type_chinese(row.text, "建立长效监管台账")
    before = full_dump(demo_db)
    assert click_refused(qtbot, dialog) == "请填写会议纪要的主要内容。"
    assert full_dump(demo_db) == before and dialog.isVisible()
    dialog.summary.setFocus()
    type_chinese(dialog.summary, "会议研究了长期超期案件。")
    row.deadline.setDate(row.deadline.minimumDate())
    assert click_refused(qtbot, dialog) == "第 1 项决议请写明责任单位。"  # no owner unit chosen
    assert full_dump(demo_db) == before and dialog.isVisible()
    assert row.text.toPlainText() == "建立长效监管台账"
    assert dialog.summary.toPlainText() == "会议研究了长期超期案件。"
    assert not m.meeting_by_id(demo_db, meeting.id).held
    # the decision removed, the minutes go in without one
    qtbot.mouseClick(row.remove, Qt.MouseButton.LeftButton)
    assert dialog.rows == []
    click_written(qtbot, page, dialog)
    held = m.meeting_by_id(demo_db, meeting.id)
    assert held.held and held.decisions == []


def test_enter_does_not_record_the_minutes(qtbot, demo_db, demo_path, clock):
    schedule(demo_db, clock, 1)
    clock.later(2)
    page = open_page(qtbot, demo_db, demo_path, clock)
    dialog = fill_minutes(qtbot, page, "会议研究了长期超期案件。")
    before = full_dump(demo_db)
    dialog.attendees.setFocus()
    qtbot.keyClick(dialog.attendees, Qt.Key.Key_Return)
    assert dialog.writing is None  # no write was even started
    assert dialog.isVisible() and full_dump(demo_db) == before  # minutes are once: a click


# ----------------------------------------------------------------------- decisions


def test_marking_a_decision_done_needs_a_note(qtbot, demo_db, demo_path, clock):
    meeting = schedule(demo_db, clock, -2, agenda=[])
    deadline = date.fromisoformat(meeting.held_on[:10]).isoformat()
    m.record_minutes(
        demo_db,
        user_by_name(demo_db, "clerk"),
        meeting.id,
        "会议研究了长期超期案件。",
        [DecisionDraft("各单位报送超期案件说明", "ZHB", deadline)],
        wall=clock.wall,
    )
    page = open_page(qtbot, demo_db, demo_path, clock)
    assert not page.done_button.isEnabled()  # nothing chosen yet
    page.decision_list.setCurrentItem(page.decision_list.topLevelItem(0))
    assert page.done_button.isEnabled()
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    before = full_dump(demo_db)
    assert click_refused(qtbot, dialog) == "请写明决议的落实情况。"
    assert full_dump(demo_db) == before
    dialog.note.setFocus()
    type_chinese(dialog.note, "已汇总上报")
    click_written(qtbot, page, dialog)
    [decision] = m.meeting_by_id(demo_db, meeting.id).decisions
    assert decision.done_at and decision.done_note == "已汇总上报"
    assert page.decision_list.topLevelItemCount() == 0 and not page.lists.decisions_empty.isHidden()
    page.select(meeting.id)
    assert "已汇总上报" in page.detail.toPlainText()


# ----------------------------------------------------------------------- printing, readers


def test_agenda_and_minutes_print_to_the_chosen_pdf(
    qtbot, demo_db, demo_path, clock, tmp_path, monkeypatch
):
    meeting = schedule(demo_db, clock, -1)
    m.record_minutes(
        demo_db, user_by_name(demo_db, "clerk"), meeting.id, "会议研究了案件。", [], wall=clock.wall
    )
    page = open_page(qtbot, demo_db, demo_path, clock)
    opened: list[object] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert page.save_agenda() is None and opened == []  # cancelled: nothing written
    # no printer here: printing offers the PDF, which is accepted
    monkeypatch.setattr(printing, "installed_printers", lambda: [])
    monkeypatch.setattr(printing, "offer_pdf_instead", lambda _parent: True)
    for button, name in ((page.print_agenda_button, "a"), (page.print_minutes_button, "m")):
        out = tmp_path / f"{name}.pdf"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, o=out: (str(o), ""))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert out.read_bytes().startswith(b"%PDF")
    assert len(opened) == 2
    out = tmp_path / "saved.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(out), ""))
    page.save_minutes()
    assert out.read_bytes().startswith(b"%PDF") and len(opened) == 3


@pytest.mark.parametrize("username", ["supervisor", "officer", "grid"])
def test_a_user_who_does_not_coordinate_reads_but_sees_no_actions(
    qtbot, demo_db, demo_path, clock, username
):
    meeting = schedule(demo_db, clock, -1, agenda=[])
    m.record_minutes(
        demo_db,
        user_by_name(demo_db, "clerk"),
        meeting.id,
        "会议研究了案件。",
        [DecisionDraft("各单位报送超期案件说明", "ZHB", meeting.held_on[:10])],
        wall=clock.wall,
    )
    schedule(demo_db, clock, -0.5, agenda=[])  # minutes due: still nothing to do for them
    page = open_page(qtbot, demo_db, demo_path, clock, username)
    actions = (
        page.new_button,
        page.members_button,
        page.agenda_button,
        page.minutes_button,
        page.done_button,
    )
    assert all(button.isHidden() for button in actions)
    assert page.start_new() is None and page.start_members() is None
    assert page.start_minutes() is None and page.start_agenda() is None
    page.decision_list.setCurrentItem(page.decision_list.topLevelItem(0))
    assert page.start_done() is None
    assert page.decision_list.topLevelItemCount() == 1  # they read the decisions
    assert not page.print_agenda_button.isHidden()  # and may print what they read


def next_in_tab_order(widget):  # type: ignore[no-untyped-def]
    """Where Tab goes from ``widget``: the next focusable widget in its window's chain."""
    found = widget.nextInFocusChain()
    while found is not widget:
        takes_tab = bool(found.focusPolicy() & Qt.FocusPolicy.TabFocus)
        shown = found.isVisibleTo(widget.window()) and found.focusProxy() is None
        if takes_tab and shown and not widget.isAncestorOf(found):
            return found
        found = found.nextInFocusChain()
    return None


def test_tab_walks_each_decision_in_turn_then_the_record_button(qtbot, demo_db, demo_path, clock):
    schedule(demo_db, clock, 1)
    clock.later(2)
    page = open_page(qtbot, demo_db, demo_path, clock)
    dialog = fill_minutes(qtbot, page, "会议研究了长期超期案件。")
    first, second = dialog.add_decision(), dialog.add_decision()
    qtbot.waitUntil(lambda: first.text.isVisible() and second.text.isVisible())
    assert next_in_tab_order(dialog.add_button) is first.text
    assert next_in_tab_order(first.text) is first.owner
    assert next_in_tab_order(first.owner) is first.deadline
    assert next_in_tab_order(first.remove) is second.text
    assert next_in_tab_order(second.remove) is dialog.ok_button


def test_on_a_field_laptop_the_office_roles_read_only(
    qtbot, demo_db, demo_path, clock, monkeypatch
):
    """The office would refuse meeting events from a laptop: the page offers none there."""
    for where in ("app.ui.meetings.page.own_kind", "app.store.devices.own_kind"):
        monkeypatch.setattr(where, lambda _db: "department")
    page = open_page(qtbot, demo_db, demo_path, clock, "clerk")
    assert page.new_button.isHidden() and page.members_button.isHidden()
    assert page.start_new() is None
    assert not page.panel.actions_hint.isHidden() and page.panel.actions_hint.text()
