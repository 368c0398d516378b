"""The workbench: what waits on the signed-in user, soonest deadline first."""

from __future__ import annotations

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.model import Route
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
    assert numbers == waiting[:8]  # the eight most pressing, in order
    assert window.workbench.tasks_title.text().startswith("待我办理")
    opened: list[object] = []
    window.workbench.case_activated.connect(opened.append)
    tasks.itemActivated.emit(tasks.topLevelItem(0), 0)
    assert opened and opened[0].number == tasks.topLevelItem(0).text(0)


def test_a_leader_with_no_requests_is_told_so(qtbot, demo_path, demo_db):
    demo_db.execute("UPDATE cases SET extension_requested = NULL, park_requested_until = NULL")
    window = open_window(qtbot, demo_path, demo_db, "leader")
    assert window.workbench.tasks_title.text() == "眼下没有待我办理的案件"
    assert not window.workbench.tasks.isVisible()
