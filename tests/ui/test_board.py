"""The board (督查督办) in the window: cases waiting for triage late on the office's clock,
each case once per unit, the 督办过 n 次 mark, and the cases due soon in a group of their own."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.clock import CHINA, parse_local
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.reference import user_by_name
from app.ui.board.page import KIND, NUMBER, SUPERVISED, UNIT
from tests.clock import TestClock
from tests.ui.conftest import open_window


def shown(board) -> dict[str, list[tuple[str, str, str]]]:  # type: ignore[no-untyped-def]
    """Group title -> (number, clock, supervised mark) of each row, as on screen."""
    groups = {}
    for i in range(board.tree.topLevelItemCount()):
        group = board.tree.topLevelItem(i)
        rows = [group.child(j) for j in range(group.childCount())]
        groups[group.text(UNIT)] = [
            (r.text(NUMBER), r.text(KIND), r.text(SUPERVISED)) for r in rows
        ]
    return groups


def test_the_board_shows_triage_once_per_unit_and_the_supervision_mark(
    qtbot, demo_path, demo_db, clock: TestClock
) -> None:
    now = clock.now().strftime("%Y-%m-%d %H:%M:%S")
    waiting = [  # past their triage limit (a case received late on the last day is not yet)
        n
        for (n,) in demo_db.execute(
            "SELECT number FROM cases WHERE status = 'pending_triage' AND step_due_at < ? "
            "ORDER BY rowid",
            [now],
        )
    ]
    leader = user_by_name(demo_db, "leader")
    request = Request(Action.SUPERVISE, note="请今日研判")
    act(demo_db, BlobStore.beside(demo_path), leader, waiting[0], request, wall=clock.read)
    window = open_window(qtbot, demo_path, demo_db, "clerk", clock)
    window.show_page("board")
    board = window.board
    board.refresh()
    groups = shown(board)
    [office] = [title for title in groups if title.startswith("综合执法办（")]
    rows = {number: (kind, mark) for number, kind, mark in groups[office]}
    assert set(waiting) <= set(rows)
    assert rows[waiting[0]] == ("研判时限", "督办过 1 次")
    assert rows[waiting[1]] == ("研判时限", "")
    for title, entries in groups.items():  # a case is one line of each unit
        assert max(Counter(n for n, _, _ in entries).values()) == 1, title


def test_cases_due_soon_are_a_group_of_their_own(
    qtbot, demo_path, demo_db, clock: TestClock
) -> None:
    number, due = demo_db.execute(
        "SELECT number, step_due_at FROM cases WHERE step_due_at IS NOT NULL "
        "UNION ALL SELECT number, handle_due_at FROM cases WHERE handle_due_at IS NOT NULL "
        "ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    clock.set(parse_local(due) - timedelta(minutes=30))
    window = open_window(qtbot, demo_path, demo_db, "clerk", clock)
    window.show_page("board")
    board = window.board
    board.refresh()
    last = board.tree.topLevelItem(board.tree.topLevelItemCount() - 1)
    assert last.text(UNIT).startswith("即将到期（")
    assert number in [last.child(j).text(NUMBER) for j in range(last.childCount())]
    assert "即将到期" in board.count_label.text()


def test_an_ordinary_call_counts_down_in_office_time(qtbot, demo_path, demo_db) -> None:
    """Called on Friday at 17:00, an ordinary call to 应急管理局 (40 minutes to respond) has
    30 office minutes on Friday and 10 on Monday: on Saturday the calls page says 10 minutes
    are left, not that it is 16 hours late; an urgent one called with it is late."""
    from app.store.reference import ReferenceData
    from app.ui.calls.page import RESPONSE, CallTableModel
    from tests.store.store_helpers import case_for

    blobs, clerk = BlobStore.beside(demo_path), user_by_name(demo_db, "clerk")
    friday = int(datetime(2026, 12, 4, 17, tzinfo=CHINA).timestamp() * 1000)
    ordinary = case_for(demo_db, "YJJ")
    request = Request(Action.CALL, to="YJJ", reason="广告牌松动")
    act(demo_db, blobs, clerk, ordinary, request, wall=lambda: friday)
    urgent = case_for(demo_db, "YJJ", {ordinary})
    request = Request(Action.CALL, to="YJJ", reason="燃气泄漏", urgent=True)
    act(demo_db, blobs, clerk, urgent, request, wall=lambda: friday + 1000)
    clock = TestClock()
    clock.set(datetime(2026, 12, 5, 10))
    model = CallTableModel(demo_db, ReferenceData(demo_db), clock)
    model.refresh()
    texts = {c.case_number: model.index(i, RESPONSE).data() for i, c in enumerate(model.rows)}
    assert texts[ordinary] == "还剩 10 分钟"
    assert texts[urgent].startswith("已超时")


def test_a_board_at_its_limit_says_there_may_be_more(
    qtbot, demo_path, demo_db, clock: TestClock, monkeypatch
) -> None:
    """Listed up to its limit, the board does not pass the rows it lists for every late
    case: it says "over" that many, and that it shows the longest overdue."""
    import app.ui.board.page as board_page

    window = open_window(qtbot, demo_path, demo_db, "clerk", clock)
    window.show_page("board")
    board = window.board
    board.refresh()
    late = len(board.rows)
    assert late > 3
    assert board.count_label.text().startswith(f"超期 {late} 件")
    assert "以上" not in board.count_label.text()
    monkeypatch.setattr(board_page, "LIMIT", 3)
    board.refresh()
    assert 3 <= len(board.rows) < late  # the longest 3, and each unit's own longest
    assert board.count_label.text().startswith(
        f"超期 {len(board.rows)} 件以上（仅显示超期最久的 3 件及各单位超期最久的 20 件）"
    )
