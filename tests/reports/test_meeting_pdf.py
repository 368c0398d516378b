"""Printed joint-meeting papers: the agenda (number, time, place, chair, attendees by name,
numbered items) and the minutes (summary, decisions with owner and deadline, the disputes
they settled and the boundary-list items they changed)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from html import escape
from pathlib import Path
from typing import Any

import pytest

from app.core.errors import DomainError
from app.reports.meeting_pdf import (
    agenda_html,
    held_on_words,
    minutes,
    minutes_html,
    write_agenda,
    write_minutes,
)
from app.reports.pdf import page_count, write_pdf
from app.store import meetings as m
from app.store.amendments import amendments
from app.store.disputes import dispute_by_id
from tests.clock import frozen
from tests.store.test_meetings import Office


@pytest.fixture
def office(demo_db: Any, demo_path: Path) -> Office:
    return Office(demo_db, demo_path)


def held_meeting(office: Office) -> tuple[m.Meeting, str, str]:
    """A meeting whose first decision settles a dispute and amends the boundary list."""
    number, dispute_id = office.disputed_case()
    meeting = office.schedule(attendees=["ZHB", "PCS", "SCJG", "YJJ"])
    office.later(24 + 2)
    held = office.minutes(
        meeting,
        [
            m.DecisionDraft(
                "出租屋消防隐患检查由派出所牵头",
                "PCS",
                "2026-12-31",
                dispute_id,
                "PCS",
                ("YJJ",),
                True,
            ),
            m.DecisionDraft("执法中队集中处置超期案件", "ZFZD", "2026-12-15"),
        ],
        summary="会议研究了职责争议。\n<b>各单位</b>按期落实。",
    )
    return held, number, dispute_id


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_agenda_names_the_meeting_its_units_and_numbered_items(office: Office) -> None:
    _, dispute_id = office.disputed_case()
    meeting = office.schedule(attendees=["ZHB", "PCS", "YJJ"])
    html = agenda_html(office.db, meeting)
    for text in (
        f"第 {meeting.number} 次会议",
        held_on_words(meeting.held_on),
        meeting.place,
        meeting.chair,
        "青石镇综合行政执法办公室、青石派出所、蓬山区应急管理局",
    ):
        assert text in html, text
    assert dispute_id in [item.ref for item in meeting.agenda if item.kind == "dispute"]
    for n, item in enumerate(meeting.agenda, 1):
        assert f'<td class="n">{n}</td>' in html
        assert escape(item.title) in html
    assert f"共 {len(meeting.agenda)} 项" in html


def test_the_day_is_written_the_chinese_way() -> None:
    assert held_on_words("2026-12-03 09:30") == "2026年12月3日（星期四）09:30"


def test_a_proposed_agenda_prints_as_a_draft_with_the_member_units(office: Office) -> None:
    m.set_members(office.db, office.user("clerk"), ["PCS", "SCJG"], wall=frozen)
    items = m.propose_agenda(office.db, office.today())
    html = agenda_html(office.db, None, items)
    assert "建议稿" in html and "青石派出所、青石市场监管所" in html
    assert all(item.title in html for item in items)


def test_the_minutes_list_decisions_settled_disputes_and_list_changes(office: Office) -> None:
    held, number, dispute_id = held_meeting(office)
    html = minutes_html(office.db, held)
    dispute = dispute_by_id(office.db, dispute_id)
    [amended] = amendments(office.db)
    name = amended.item_name
    for text in (
        "联席会议纪要",
        "出租屋消防隐患检查由派出所牵头",
        "执法中队集中处置超期案件",
        "青石综合执法中队",
        "2026年12月31日",
        "2026年12月15日",
        number,
        "青石市场监管所认为不属本单位职责",
        "裁定由青石派出所牵头，蓬山区应急管理局配合",
        f"据此对职责边界清单“{name}”（{dispute.amended_item}）作本镇修订，报区编办审定。",
        "&lt;b&gt;各单位&lt;/b&gt;",  # typed text is printed, never taken for markup
    ):
        assert text in html, text


def test_there_are_no_minutes_before_they_are_recorded(office: Office) -> None:
    meeting = office.schedule(agenda=[])
    with pytest.raises(DomainError) as refused:
        minutes_html(office.db, meeting)
    assert refused.value.code == "minutes_missing" and "还没有录入纪要" in str(refused.value)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_pdfs_carry_the_text(office: Office, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    held, number, _ = held_meeting(office)
    minutes = write_minutes(office.db, held, tmp_path / "纪要.pdf")
    agenda = write_agenda(office.db, held, tmp_path / "议程.pdf")
    read = {
        path: flat(
            subprocess.run(["pdftotext", str(path), "-"], capture_output=True).stdout.decode()
        )
        for path in (minutes, agenda)
    }
    for decision in held.decisions:
        assert flat(decision.text) in read[minutes]
        assert flat(decision.owner_name) in read[minutes]
    assert number in read[minutes] and "职责边界清单" in read[minutes]
    assert flat(held.agenda[0].title) in read[agenda]


def test_the_pdfs_are_written(office: Office, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    held, _, _ = held_meeting(office)
    for path in (
        write_minutes(office.db, held, tmp_path / "纪要.pdf"),
        write_agenda(office.db, held, tmp_path / "议程.pdf"),
        write_agenda(office.db, None, tmp_path / "建议.pdf", held.agenda),
    ):
        data = path.read_bytes()
        assert data.startswith(b"%PDF") and len(data) > 5000


def test_the_minutes_have_an_issue_number_a_distribution_and_a_seal(office: Office) -> None:
    # the members: 派出所 and 市场监管所 attend, 司法所 does not
    m.set_members(office.db, office.user("clerk"), ["PCS", "SCJG", "SFS"], wall=office.clock)
    held, _, _ = held_meeting(office)  # attended by ZHB, PCS, SCJG and YJJ
    html = minutes_html(office.db, held)
    attending = "青石镇综合行政执法办公室、青石派出所、青石市场监管所、蓬山区应急管理局"
    for text in (
        '<p class="no">2026年第1期</p>',  # the first minutes recorded this year
        "青石镇人民政府",
        f"主送：{attending}",
        f"<td>{attending}</td>",
        # 司法所, a member, is absent; so is 综合执法中队, which owns the second decision
        '<td class="k">缺席单位</td><td>青石司法所、青石综合执法中队</td>',
        "抄送：青石司法所、青石综合执法中队。",
        "主持人（签字）",
        # held on Thursday 19 November 2026 at 09:30, the minutes recorded that evening
        "青石镇人民政府（盖章）<br/>2026年11月19日",
    ):
        assert text in html, text
    second = office.schedule(attendees=["ZHB", "PCS"])
    office.later(24 + 2)
    second = office.minutes(second, [], summary="通报情况。")
    assert '<p class="no">2026年第2期</p>' in minutes_html(office.db, second)
    assert minutes_html(office.db, held) == html  # a reprint keeps its number


def test_a_unit_joining_after_the_meeting_is_not_absent_from_it(office: Office) -> None:
    clerk = office.user("clerk")
    m.set_members(office.db, clerk, ["PCS", "SCJG"], wall=office.clock)
    held, _, _ = held_meeting(office)  # attended by ZHB, PCS, SCJG and YJJ
    office.later(24)
    m.set_members(office.db, clerk, ["PCS", "SCJG", "SFS"], wall=office.clock)  # 司法所 joins
    assert m.members(office.db) == ["PCS", "SCJG", "SFS"]
    html = minutes_html(office.db, held)
    # absent: only 综合执法中队, which owns the second decision; 司法所 was no member then
    assert '<td class="k">缺席单位</td><td>青石综合执法中队</td>' in html
    assert "抄送：青石综合执法中队。" in html
    assert "司法所" not in html
    # a meeting held after it joined lists it absent (first: members before units concerned)
    later = office.schedule(attendees=["ZHB", "PCS", "SCJG"])
    office.later(24 + 2)
    later = office.minutes(later, [], summary="通报情况。")
    assert '<td class="k">缺席单位</td><td>青石司法所、' in minutes_html(office.db, later)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_long_minutes_never_leave_the_signatures_alone(
    office: Office, tmp_path: Path, qapp
) -> None:  # type: ignore[no-untyped-def]
    held, _, _ = held_meeting(office)
    out = tmp_path / "纪要.pdf"

    def pages_of(html: str) -> int:
        return page_count(write_pdf(html, out, "纪要"))

    def longer(lines: int) -> m.Meeting:
        return replace(
            held, summary="\n".join(f"第 {n} 项：会议通报了有关情况。" for n in range(lines))
        )

    # the shortest minutes whose closing lines spill onto a page of their own when written
    # the plain way
    spilled = next(
        meeting
        for meeting in (longer(n) for n in range(10, 80))
        if pages_of(minutes(office.db, meeting).main)
        < pages_of(minutes(office.db, meeting).main + minutes(office.db, meeting).closing)
    )
    write_minutes(office.db, spilled, out)
    last = flat(page_text(out, page_count(out)))
    assert "盖章" in last and "议定事项由责任单位在期限内落实" in last and "主持人（签字）" in last
    # the minutes' own last paragraph (the one settled dispute) goes along, with its heading
    assert "三、职责争议裁定及清单修改" in last and "裁定由青石派出所牵头" in last


def page_text(pdf: Path, page: int) -> str:
    run = ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(run, capture_output=True, check=True).stdout.decode()
