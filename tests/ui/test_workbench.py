"""The workbench: what waits on the signed-in user, soonest deadline first."""

from __future__ import annotations

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.model import CaseStatus, Route
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.queues import my_tasks
from app.store.reference import user_by_name
from tests.clock import frozen
from tests.ui.conftest import fresh_case, open_window


def test_a_dispatched_case_waits_on_the_officer_of_its_unit(qtbot, demo_path, demo_db):
    number = fresh_case(demo_db, demo_path, Route.DISPATCH_X, "SCJG")
    act(
        demo_db,
        BlobStore.beside(demo_path),
        user_by_name(demo_db, "clerk"),
        number,
        Request(Action.DISPATCH, to="SCJG"),
        wall=frozen,
    )
    window = open_window(qtbot, demo_path, demo_db, "officer")
    tasks = window.workbench.tasks
    numbers = [tasks.topLevelItem(i).text(0) for i in range(tasks.topLevelItemCount())]
    waiting = [t.number for t in my_tasks(demo_db, user_by_name(demo_db, "officer"))]
    assert number in waiting
    assert numbers == waiting  # all of them, the most pressing first
    assert window.workbench.tasks_title.text().startswith("待我办理")
    opened: list[object] = []
    window.workbench.case_activated.connect(opened.append)
    tasks.itemActivated.emit(tasks.topLevelItem(0), 0)
    assert opened and opened[0].number == tasks.topLevelItem(0).text(0)


def test_a_leader_with_no_requests_is_told_so(qtbot, demo_path, demo_db):
    demo_db.execute("UPDATE cases SET extension_requested = NULL, park_requested_until = NULL")
    window = open_window(qtbot, demo_path, demo_db, "leader")
    assert window.workbench.tasks_title.text() == "待我办理（0 件）"
    assert window.workbench.nothing.text() == "眼下没有待我办理的案件"
    assert not window.workbench.tasks.isVisible()


def test_the_clerk_sees_every_task_counted_by_kind_and_the_way_to_the_full_list(
    qtbot, demo_path, demo_db
):
    from app.store.case_list import count_cases
    from app.store.queues import task_counts

    window = open_window(qtbot, demo_path, demo_db, "clerk")
    bench = window.workbench
    clerk = user_by_name(demo_db, "clerk")
    counts = task_counts(demo_db, clerk)
    total = sum(counts.values())
    assert total > 20  # the demo's clerk has a long list
    assert bench.tasks.topLevelItemCount() == min(total, 200)
    assert bench.tasks_title.text() == f"待我办理（{total:,} 件）"
    assert f"待研判 {counts[CaseStatus.PENDING_TRIAGE]:,}" in bench.task_kinds.text()
    bench.tasks.scrollToBottom()  # the last one can be reached
    last = bench.tasks.topLevelItem(bench.tasks.topLevelItemCount() - 1)
    assert not bench.tasks.visualItemRect(last).isEmpty()
    asked: list[object] = []
    bench.filter_requested.connect(asked.append)
    bench.all_tasks.click()
    assert window.current_page() == "cases"
    assert asked[0].waiting_on == clerk and count_cases(demo_db, asked[0]) == total


def test_on_a_large_database_the_figures_come_from_the_worker(
    qtbot, demo_path, demo_db, monkeypatch
):
    """Counting a backlog of millions must not hold the window: above LARGE_DATABASE the
    workbench is shown at once and its figures arrive from the worker, the same figures."""
    import threading

    import app.ui.workbench.page as workbench_page
    from app.store.case_list import CaseFilter, count_cases
    from app.store.queues import task_counts

    clerk = user_by_name(demo_db, "clerk")
    total = sum(task_counts(demo_db, clerk).values())
    pending = count_cases(demo_db, CaseFilter(status=CaseStatus.PENDING_TRIAGE.value))
    threads: list[str] = []
    monkeypatch.setattr(workbench_page, "LARGE_DATABASE", 0)
    read, show = workbench_page._read, workbench_page.WorkbenchPage._show

    def reading(*args):  # type: ignore[no-untyped-def]
        threads.append("worker" if threading.current_thread() is not main else "window")
        return read(*args)

    def showing(page, *args):  # type: ignore[no-untyped-def]
        threads.append("window" if threading.current_thread() is main else "worker")
        show(page, *args)

    main = threading.main_thread()
    monkeypatch.setattr(workbench_page, "_read", reading)
    monkeypatch.setattr(workbench_page.WorkbenchPage, "_show", showing)
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    bench = window.workbench
    qtbot.waitUntil(lambda: bench.tasks_title.text() == f"待我办理（{total:,} 件）", timeout=10_000)
    assert bench.pending.value.text() == f"{pending:,}"
    assert bench.recent.topLevelItemCount() == 10
    assert threads[:2] == ["worker", "window"]  # read on the worker, shown on the window's
