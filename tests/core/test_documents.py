"""What every issued document carries (core/documents.py): its number in its own series,
its dates in words, limits in hours and minutes, and a supervision's new deadline."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.core.calendar import WorkCalendar
from app.core.clock import epoch_ms
from app.core.documents import (
    CALL,
    SUPERVISION,
    Issue,
    check_reply_by,
    date_words,
    default_reply_by,
    document_number,
    members_when_held,
    minutes_distribution,
    minutes_issue_number,
    minutes_words,
    responsible_leader,
    township_short,
    year_of_hlc,
    year_start_hlc,
)
from app.core.errors import DomainError
from app.core.model import Role
from app.core.transfers import letter_number


def test_numbers_follow_the_transfer_letters_style() -> None:
    issue = Issue(2026, 3, date(2026, 11, 18))
    assert document_number("青石镇", SUPERVISION, issue) == "青石综执督〔2026〕3号"
    call = Issue(2026, 12, date(2026, 5, 1))
    assert document_number("青石镇", CALL, call) == "青石综执呼〔2026〕12号"
    assert document_number("东城街道", SUPERVISION, issue) == "东城综执督〔2026〕3号"
    # the short name is the one the transfer letters use
    assert letter_number("白石乡", 2026, 3, False) == "白石综执移〔2026〕3号"
    assert township_short("白石乡") == "白石" and township_short("东城街道办事处") == "东城"


def test_the_minutes_have_an_issue_number() -> None:
    assert minutes_issue_number(Issue(2026, 2, date(2026, 12, 3))) == "2026年第2期"


def test_dates_are_written_without_leading_zeros() -> None:
    assert date_words(date(2026, 7, 7)) == "2026年7月7日"
    assert date_words(date(2026, 11, 18)) == "2026年11月18日"


@pytest.mark.parametrize(
    ("minutes", "words"),
    [(240, "4 小时"), (120, "2 小时"), (90, "1 小时 30 分钟"), (30, "30 分钟"), (60, "1 小时")],
)
def test_limits_in_hours_and_minutes(minutes: int, words: str) -> None:
    assert minutes_words(minutes) == words


def test_the_year_of_a_clock_value_is_china_time() -> None:
    # 2026-12-31 23:30 China time is 15:30 UTC: still 2026 in the township
    late = epoch_ms(datetime(2026, 12, 31, 23, 30)) << 16
    assert year_of_hlc(late) == 2026
    assert year_of_hlc(year_start_hlc(2027)) == 2027
    assert year_of_hlc(year_start_hlc(2027) - 1) == 2026


def test_a_reply_by_date_is_checked() -> None:
    assert check_reply_by(" 2026-11-25 ", date(2026, 11, 18)) == "2026-11-25"
    assert check_reply_by("2026-11-18", date(2026, 11, 18)) == "2026-11-18"  # the same day
    with pytest.raises(DomainError) as past:
        check_reply_by("2026-11-17", date(2026, 11, 18))
    assert "已经过去" in str(past.value)
    with pytest.raises(DomainError) as invalid:
        check_reply_by("2026-02-30", date(2026, 11, 18))
    assert "回复期限“2026-02-30”不对" in str(invalid.value)
    with pytest.raises(DomainError):
        check_reply_by("2999-01-01", date(2026, 11, 18))  # outside the days a record names


def test_the_offered_deadline_is_five_working_days_on() -> None:
    calendar = WorkCalendar()
    # Wednesday 18 November 2026: Thu 19, Fri 20, Mon 23, Tue 24, Wed 25
    assert default_reply_by(calendar, date(2026, 11, 18)) == date(2026, 11, 25)
    # Friday 25 September 2026 (中秋节): Mon 28, Tue 29, Wed 30 September, then National
    # Day 1–7 October is off: Thu 8, Fri 9 October
    assert default_reply_by(calendar, date(2026, 9, 25)) == date(2026, 10, 9)


def test_the_minutes_go_to_who_attended_and_are_copied_to_who_did_not() -> None:
    attended = ["ZHB", "PCS", "YJJ"]
    members = ["PCS", "SCJG", "SFS"]
    concerned = ["ZFZD", "SCJG", "PCS"]  # units of the agenda's disputes and the decisions
    assert minutes_distribution(attended, members, concerned) == (
        ["ZHB", "PCS", "YJJ"],
        ["SCJG", "SFS", "ZFZD"],  # members first, then the units concerned, each once
    )
    assert minutes_distribution(["ZHB"], [], []) == (["ZHB"], [])


def test_the_responsible_leader_is_the_handler_only_when_they_were_a_leader() -> None:
    assert responsible_leader("刘建军", Role.LEADER) == "刘建军"
    assert responsible_leader("王晓丽", Role.CLERK) == ""  # a blank line, signed by hand
    assert responsible_leader("陈淑芬", Role.SUPERVISOR) == ""
    assert responsible_leader("某人", None) == ""  # the step's signer is not known here


def test_the_members_are_those_of_the_time_the_meeting_met() -> None:
    changes = [
        (datetime(2026, 11, 1, 10, 0), ["PCS", "SCJG"]),
        (datetime(2026, 11, 19, 9, 30), ["PCS", "SCJG", "SFS"]),  # as the meeting opens
        (datetime(2026, 11, 25, 16, 0), ["PCS", "SCJG", "SFS", "YJJ"]),  # YJJ joins later
    ]
    assert members_when_held(changes, datetime(2026, 11, 19, 9, 30)) == ["PCS", "SCJG", "SFS"]
    assert members_when_held(changes, datetime(2026, 11, 19, 9, 29)) == ["PCS", "SCJG"]
    assert members_when_held(changes, datetime(2026, 12, 3, 9, 30)) == [
        "PCS", "SCJG", "SFS", "YJJ",
    ]  # fmt: skip
    # members recorded only after the first meeting: the first list is all there is
    assert members_when_held(changes, datetime(2026, 10, 8, 9, 30)) == ["PCS", "SCJG"]
    assert members_when_held([], datetime(2026, 10, 8, 9, 30)) == []
