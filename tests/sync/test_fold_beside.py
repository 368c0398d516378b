"""A large import's cases folded by a forked child beside the writes
(app/store/projections/fold_beside.py): the tables it leaves are those of the fold done in
the import's own process; the child's work is taken only while it still holds — not after
a reference event of the same file or another connection's commit changed what the fold
reads — and a child that fails costs nothing but its time."""

from __future__ import annotations

import errno
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.projection import project_case
from app.core.case_path.steps import Action
from app.core.events import Event, EventType
from app.store.calendar_days import set_day
from app.store.case_actions import act, actions_for
from app.store.cases import case_by_number
from app.store.database import write_transaction
from app.store.eventlog import insert_event
from app.store.forked import LATER_NICENESS
from app.store.projections import fold_beside, fold_work
from app.store.projections.cases import context_for, events_of_cases, forget_context
from app.store.projections.fold_beside import FoldBeside
from app.store.rebuild import rebuild
from app.store.replication import apply_remote
from app.store.setup import open_database
from app.sync.unlocking import unlock_database
from tests.store.store_helpers import projection_dump
from tests.sync.conftest import (
    LAPTOP_PASSWORD,
    Node,
    Told,
    enrol_laptop,
    every_import_beside,
    jpeg,
    watch_fold_beside,
)


@pytest.fixture
def taken(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    return watch_fold_beside(monkeypatch)


def test_the_cases_folded_beside_are_those_a_rebuild_folds(
    office: Node,
    laptop: Node,
    tmp_path: Path,
    taken: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    every_import_beside(monkeypatch)
    for n in range(30):
        office.report(
            f"第{n}号 占道经营，堆放杂物", jpeg(tmp_path, f"{n}.jpg") if n % 5 == 0 else None
        )
    moved = _steps_on_held_cases(office, 10)  # cases the laptop holds, folded again
    laptop.import_file(office.export_to(laptop, tmp_path / "down.tdsync").path)
    assert len(taken) == 1 and taken[0] is not None, "the import took the child's fold"
    assert len(taken[0]) == 40
    for number in moved:
        status = "SELECT status FROM cases WHERE number = ?"
        assert (
            laptop.db.execute(status, [number]).fetchone()
            == office.db.execute(status, [number]).fetchone()
        )
    _equals_a_rebuild(laptop)


def _equals_a_rebuild(node: Node) -> None:
    imported = projection_dump(node.db)
    rebuild(node.db, node.user("admin"))
    assert projection_dump(node.db) == imported


@pytest.mark.parametrize("child", ["adds up", "fails"])
def test_the_new_cases_daily_sums_added_up_beside_are_a_rebuilds(
    office: Node, laptop: Node, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, child: str
) -> None:
    """The sums of the new cases the child folded are left out of the writes and added
    up by the child once it has folded them; if it fails they are added up here."""
    every_import_beside(monkeypatch)
    real, parent = fold_beside._sums_of_new, os.getpid()
    here: list[int] = []  # new cases added up by the importing process itself

    def sums_of_new(folded: Any, cases: list[str]) -> Any:
        if os.getpid() == parent:
            here.append(len(cases))
        elif child == "fails":
            os._exit(1)
        return real(folded, cases)

    real_projections = FoldBeside.projections

    def once_the_child_ended(self: FoldBeside, db: Any, written: Any) -> Any:
        """(Else the import may come to the cases before the child, and fold some.)"""
        folding = real_projections(self, db, written)
        pid = folding._child._pid if folding is not None and folding._child else None
        if pid is not None:
            os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)  # ended, not yet reaped
        return folding

    monkeypatch.setattr(fold_beside, "_sums_of_new", sums_of_new)
    monkeypatch.setattr(FoldBeside, "projections", once_the_child_ended)
    for n in range(12):
        office.report(f"第{n}号 夜间施工噪音扰民")
    _steps_on_held_cases(office, 5)  # held cases: their sums are worked out as before
    laptop.import_file(office.export_to(laptop, tmp_path / "down.tdsync").path)
    assert sum(here) == (0 if child == "adds up" else 12)
    _equals_a_rebuild(laptop)


def _steps_on_held_cases(office: Node, count: int) -> list[str]:
    """The office dispatches ``count`` of the demo's registered cases (every laptop holds
    them since it joined)."""
    clerk = office.user("clerk")
    moved: list[str] = []
    for (number,) in office.db.execute("SELECT number FROM cases ORDER BY seq").fetchall():
        if Action.DISPATCH in actions_for(office.db, clerk, case_by_number(office.db, number)):
            request = Request(Action.DISPATCH, to="ZFZD", override_reason="试点：交执法中队")
            act(office.db, office.blobs, clerk, number, request, wall=office.wall)
            moved.append(number)
        if len(moved) == count:
            return moved
    raise AssertionError("too few registered cases in the demo")


def test_a_file_that_changes_what_the_fold_reads_is_folded_here(
    office: Node,
    laptop: Node,
    tmp_path: Path,
    taken: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A day made a working day, in the same file as the steps its clocks count: the
    context the child began with is not the one the cases are folded with."""
    every_import_beside(monkeypatch)
    _steps_on_held_cases(office, 10)
    set_day(office.db, office.user("admin"), "2026-11-28", True, "调休上班", wall=office.wall)
    laptop.import_file(office.export_to(laptop, tmp_path / "down.tdsync").path)
    assert taken == [None]
    _equals_a_rebuild(laptop)


def test_small_imports_and_one_core_fold_here(
    office: Node, laptop: Node, tmp_path: Path, taken: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    office.report("第一件")
    laptop.import_file(office.export_to(laptop, tmp_path / "one.tdsync").path)
    assert taken == []  # one event: below the threshold
    monkeypatch.setattr(fold_work, "FOLD_BESIDE_AT_LEAST", 1)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0})
    office.report("第二件")
    laptop.import_file(office.export_to(laptop, tmp_path / "two.tdsync").path)
    assert taken == []


def _held_events(node: Node, count: int = 60) -> list[Event]:
    ids = [row[0] for row in node.db.execute("SELECT id FROM cases ORDER BY seq LIMIT ?", [count])]
    return [e for events in events_of_cases(node.db, ids).values() for e in events]


def _folded_here(node: Node, events: list[Event]) -> dict[str, Any]:
    context = context_for(node.db)
    cases: dict[str, list[Event]] = {}
    for event in events:
        cases.setdefault(event.entity_id, []).append(event)
    return {case_id: project_case(held, context) for case_id, held in cases.items()}


@pytest.fixture
def as_new(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fold beside started, and the laptop's cases taken for new ones: their events
    the file brings, none held here (the laptop's own events, read back)."""
    every_import_beside(monkeypatch)
    monkeypatch.setattr(fold_work, "existing_cases", lambda _db, _ids: set())


@pytest.fixture
def started(laptop: Node, as_new: None) -> Iterator[FoldBeside]:
    with FoldBeside() as beside:
        beside.start(laptop.db, _held_events(laptop))
        yield beside


def test_projections_equal_the_fold_here(laptop: Node, started: FoldBeside) -> None:
    held = _held_events(laptop)
    assert started.projections(laptop.db, held) == _folded_here(laptop, held)
    assert started.projections(laptop.db, held) is None  # taken once


def test_a_changed_context_sends_the_fold_back_here(laptop: Node, started: FoldBeside) -> None:
    forget_context(laptop.db)  # what a reference event's handler does
    assert started.projections(laptop.db, _held_events(laptop)) is None


def test_another_connections_commit_sends_the_fold_back_here(
    laptop: Node, started: FoldBeside
) -> None:
    other = open_database(unlock_database(laptop.path, LAPTOP_PASSWORD))
    with other.conn:
        other.conn.execute("UPDATE device SET last_hlc = last_hlc + 1")
    other.close()
    assert started.projections(laptop.db, _held_events(laptop)) is None


def test_events_of_the_file_not_written_send_the_fold_back_here(laptop: Node, as_new: None) -> None:
    """A quarantined or held-back event was folded by the child, yet is not written: its
    fold is not the case's (unless the event is held here already)."""
    events = _held_events(laptop)
    with FoldBeside() as beside:
        beside.start(laptop.db, events)
        assert beside.projections(laptop.db, events[1:]) is None
    stray = replace(events[0], id="0190aaaa-0000-7000-8000-000000000001")
    with FoldBeside() as beside:  # an event written that the child never saw
        beside.start(laptop.db, events)
        assert beside.projections(laptop.db, [*events, stray]) is None


def test_events_of_the_file_held_here_and_not_written_keep_the_fold(
    laptop: Node, as_new: None
) -> None:
    """An event the file brings that is held here already is not written, yet the child's
    fold holds: told by the events' identity (the very events it was given, an import's)
    and by their ids and hashes (the same events read again) alike."""
    events = _held_events(laptop)
    for written in (events[1:], _held_events(laptop)[1:]):
        with FoldBeside() as beside:
            beside.start(laptop.db, events)
            folding = beside._folding
            assert folding is not None
            folding._held = {(events[0].id, events[0].hash)}  # (as if found held here)
            assert beside.projections(laptop.db, written) is not None


def _read_once_the_child_ended(laptop: Node) -> tuple[int, int]:
    """Every case read once the child has ended (not yet reaped: its pid is not given to
    another) is the fold here's, and the sums of every new case are added up once. How
    many cases this process folded itself, of how many."""
    events = _held_events(laptop)
    expected = _folded_here(laptop, events)
    with FoldBeside() as beside:
        beside.start(laptop.db, events)
        folding = beside.projections(laptop.db, events)
        assert folding is not None
        pid = folding._child._pid
        assert pid is not None
        os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
        assert dict(folding.items()) == expected
        assert folding.sums() == fold_beside._sums_of_new(expected, list(expected))
        return folding.folded_here, len(expected)


def test_the_cases_are_taken_from_the_child_as_they_are_read(laptop: Node, as_new: None) -> None:
    """A child that folded every case before the import asks: each is taken from what it
    sent, none folded here, and the new cases' daily sums are the child's."""
    assert _read_once_the_child_ended(laptop)[0] == 0


def test_work_given_first_is_done_at_this_priority_then_the_fold_at_a_lower_one(
    laptop: Node, as_new: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child does the work given first (an import's hashes) at this process's
    priority, and its result is read before any case; it folds every case after, at
    ``LATER_NICENESS`` more."""
    parent, niceness = os.getpid(), os.nice(0)
    stuck, gate_out, gate_in = Told(), *os.pipe()

    def held_up_in_the_child(events: Any, context: Any) -> Any:
        if os.getpid() != parent:
            stuck.tell()
            os.read(gate_out, 1)  # until this process has looked at its priority
        return project_case(events, context)

    monkeypatch.setattr(fold_beside, "PICKLED_EVERY", 1)
    monkeypatch.setattr(fold_beside, "project_case", held_up_in_the_child)
    events = _held_events(laptop)
    expected = _folded_here(laptop, events)
    with stuck, FoldBeside() as beside:
        assert beside.start(laptop.db, events, first=lambda: (os.getpid(), os.nice(0)))
        child, first_niceness = beside.first_result(5.0)  # type: ignore[misc]
        assert child != parent and first_niceness == niceness
        stuck.wait()
        lower = min(niceness + LATER_NICENESS, 19)  # (19: the lowest there is)
        assert os.getpriority(os.PRIO_PROCESS, child) == lower
        os.write(gate_in, b"!" * len(expected))
        assert beside.first_result(5.0) == (child, niceness)  # read once, kept
        folding = beside.projections(laptop.db, events)
        assert folding is not None
        assert dict(folding.items()) == expected
    os.close(gate_out)
    os.close(gate_in)


def test_work_given_first_that_fails_leaves_the_fold_here(laptop: Node, as_new: None) -> None:
    """The child ends in the work given first: no result, and every case folded here."""

    def fails() -> None:
        os._exit(1)  # (in the child: it runs nothing else)

    events = _held_events(laptop)
    with FoldBeside() as beside:
        assert beside.start(laptop.db, events, first=fails)
        assert beside.first_result(5.0) is None
        folding = beside.projections(laptop.db, events)
        assert folding is not None
        assert dict(folding.items()) == _folded_here(laptop, events)
        assert folding.folded_here == len(folding)


@pytest.mark.parametrize("sent", [0, 4])
def test_what_a_failed_child_did_not_send_is_folded_here(
    laptop: Node, as_new: None, monkeypatch: pytest.MonkeyPatch, sent: int
) -> None:
    """The child fails after five cases, having sent none of them, or the first four
    (two parts of two): what it sent is taken, the rest folded here, the sums of all the
    new cases added up here."""
    monkeypatch.setattr(fold_beside, "PICKLED_EVERY", 2 if sent else 1000)
    parent = os.getpid()
    folded_there = [0]

    def broken_in_the_child(events: Any, context: Any) -> Any:
        if os.getpid() != parent:
            folded_there[0] += 1
            if folded_there[0] > 5:
                raise MemoryError
        return project_case(events, context)

    monkeypatch.setattr(fold_beside, "project_case", broken_in_the_child)
    folded_here, cases = _read_once_the_child_ended(laptop)
    assert folded_here == cases - sent


def _child_stuck_after(monkeypatch: pytest.MonkeyPatch, cases: int, stuck: Told) -> threading.Lock:
    """The child, once it has folded ``cases`` cases, says so through ``stuck`` and is
    blocked for good on the lock returned, to be held here across the fork (as another
    thread may hold one — strptime's cache, a module being imported — when it forks)."""
    parent = os.getpid()
    held_at_the_fork = threading.Lock()
    folded_there = [0]

    def stuck_in_the_child(events: Any, context: Any) -> Any:
        if os.getpid() != parent:
            if folded_there[0] == cases:
                stuck.tell()
                held_at_the_fork.acquire()
            folded_there[0] += 1
        return project_case(events, context)

    monkeypatch.setattr(fold_beside, "project_case", stuck_in_the_child)
    return held_at_the_fork


@pytest.mark.parametrize("head_start", [0, 3])
def test_every_case_is_folded_wherever_the_two_ends_meet(
    laptop: Node, as_new: None, monkeypatch: pytest.MonkeyPatch, head_start: int
) -> None:
    """The child folds from the front, this process from the back: the child, held up
    after ``head_start`` cases (each sent at once), meets this process there. Every case is
    folded, the one where they met twice alike, and the daily sums of each new case are
    added up once: by the child up to where it stopped, here from there."""
    monkeypatch.setattr(fold_beside, "PICKLED_EVERY", 1)
    parent, folded_there = os.getpid(), [0]
    stuck, gate_out, gate_in = Told(), *os.pipe()
    summed_here: list[int] = []
    real_sums = fold_beside._sums_of_new

    def held_up_in_the_child(events: Any, context: Any) -> Any:
        if os.getpid() != parent:
            if folded_there[0] == head_start:
                stuck.tell()
                os.read(gate_out, 1)  # until this process lets it go on
            folded_there[0] += 1
        return project_case(events, context)

    def sums_of_new(folded: Any, cases: list[str]) -> Any:
        if os.getpid() == parent:
            summed_here.append(len(cases))
        return real_sums(folded, cases)

    monkeypatch.setattr(fold_beside, "project_case", held_up_in_the_child)
    monkeypatch.setattr(fold_beside, "_sums_of_new", sums_of_new)
    events = _held_events(laptop)
    expected = _folded_here(laptop, events)
    with stuck, FoldBeside() as beside:
        beside.start(laptop.db, events)
        folding = beside.projections(laptop.db, events)
        assert folding is not None
        stuck.wait()
        assert dict(folding.items()) == expected
        assert folding.folded_here == len(expected) - head_start
        os.write(gate_in, b"!")  # the child folds the case where they met again, then sums
        assert folding.sums() == real_sums(expected, list(expected))
    os.close(gate_out)
    os.close(gate_in)
    assert summed_here == [len(expected) - head_start - 1]


def test_a_child_stuck_in_its_fold_never_holds_the_import_up(
    laptop: Node, as_new: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A child blocked for good (here on a lock the parent held at the fork, as another
    thread may hold one — strptime's cache, a module being imported — when the import
    forks) after folding two cases it has not sent: the import waits for them only so
    long, then folds them itself."""
    monkeypatch.setattr(fold_beside, "CHILD_SILENT_AT_MOST", 0.5)
    stuck = Told()
    held_at_the_fork = _child_stuck_after(monkeypatch, 2, stuck)  # the parent needs those
    events = _held_events(laptop)
    expected = _folded_here(laptop, events)
    with held_at_the_fork, stuck, FoldBeside() as beside:
        beside.start(laptop.db, events)
        folding = beside.projections(laptop.db, events)
        assert folding is not None
        stuck.wait()
        pid = folding._child._pid
        started = time.monotonic()
        assert dict(folding.items()) == expected
        assert folding.sums() == fold_beside._sums_of_new(expected, list(expected))
        assert time.monotonic() - started < 5
        assert folding.folded_here == len(expected)
        assert pid is not None and not Path(f"/proc/{pid}").exists()  # killed and reaped


def test_a_child_that_folded_nothing_is_not_waited_for(
    laptop: Node, as_new: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child never got through a case: this process folded every case from the back,
    and takes its own fold at once."""
    monkeypatch.setattr(fold_beside, "CHILD_SILENT_AT_MOST", 3600)
    stuck = Told()
    held_at_the_fork = _child_stuck_after(monkeypatch, 0, stuck)
    events = _held_events(laptop)
    with held_at_the_fork, stuck, FoldBeside() as beside:
        beside.start(laptop.db, events)
        assert beside._folding is not None
        stuck.wait()
        started = time.monotonic()
        assert beside.projections(laptop.db, events) == _folded_here(laptop, events)
        assert time.monotonic() - started < 5


def test_a_fork_refused_folds_here_and_leaks_nothing(
    office: Node, laptop: Node, tmp_path: Path, taken: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No process to be had (too many, or no memory to copy the tables into): the import
    goes on and folds its cases itself."""
    every_import_beside(monkeypatch)

    def refused() -> int:
        raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refused)
    _steps_on_held_cases(office, 10)
    down = office.export_to(laptop, tmp_path / "down.tdsync").path
    fds = _open_fds()
    laptop.import_file(down)
    assert _open_fds() == fds
    assert taken == []  # nothing started
    _equals_a_rebuild(laptop)


def test_an_import_folded_beside_leaves_no_descriptor_open(
    office: Node, laptop: Node, tmp_path: Path, taken: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    every_import_beside(monkeypatch)
    _steps_on_held_cases(office, 10)
    down = office.export_to(laptop, tmp_path / "down.tdsync").path
    fds = _open_fds()
    laptop.import_file(down)
    assert len(taken) == 1 and taken[0] is not None
    assert _open_fds() == fds


def _open_fds() -> set[str]:
    return set(os.listdir("/proc/self/fd"))


def test_a_device_enrolled_in_the_same_file_is_in_the_context_folded_with(
    office: Node, laptop: Node, tmp_path: Path, taken: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fold beside reads the context before the file's events are written (keeping it
    until something forgets it): an enrolment in the same file must forget it, or its
    cases are folded as if the device were unknown (a backdated registration from another
    device could then take a case of the new one over)."""
    every_import_beside(monkeypatch)
    second = enrol_laptop(office, tmp_path / "second", "第二台网格终端")
    try:
        _steps_on_held_cases(office, 10)
        laptop.import_file(office.export_to(laptop, tmp_path / "down.tdsync").path)
        assert taken == [None]  # the context changed: folded here
        assert second.id in context_for(laptop.db).device_codes
    finally:
        second.db.close()


def test_an_older_change_of_a_user_arriving_late_is_in_the_context_folded_with(
    laptop: Node,
) -> None:
    """A user's older change, arriving after a newer one, is not applied to the user's
    row, yet the steps taken meanwhile are judged by the role it gave (the users' history,
    read into the context): a context kept from before it must be read again."""
    db = laptop.db
    user = laptop.user("admin")
    device = "01a20000-0000-7000-8000-00000000beef"

    def user_set(seq: int, hlc: int, role: str) -> Event:
        payload = {
            "name": user.name,
            "role": role,
            "department_code": user.department_code,
            "phone": "",
            "active": True,
        }
        return Event(
            id=f"01a20000-0000-7000-8000-{seq:012d}",
            device_id=device,
            device_seq=seq,
            hlc=hlc,
            actor_id=user.id,
            entity="user",
            entity_id=user.id,
            type=EventType.USER_SET,
            payload=payload,
            prev_hash="",
        )

    newest = db.execute("SELECT max(hlc) FROM events").fetchone()[0]
    with write_transaction(db):
        apply_remote(db, [user_set(2, newest + 1000, user.role.value)])
    context_for(db)  # kept, as a fold beside started on the next file keeps it
    with write_transaction(db):
        apply_remote(db, [user_set(1, newest + 500, "clerk")])
    history = context_for(db).actor_changes[user.id]
    assert [key[0] for key, _actor in history][-2:] == [newest + 500, newest + 1000]


def test_an_event_quarantined_under_a_held_events_id_is_never_folded(
    laptop: Node, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An event of the file at a position (or under an id) held here, with other content:
    quarantined, not written — the case is the held event's. The child, given both under
    one id, must not have its fold taken."""
    every_import_beside(monkeypatch)
    held = _held_events(laptop, 1)
    registration = next(e for e in held if e.type == EventType.CASE_REGISTERED)
    edited = {**registration.payload, "description": "改过的登记：不是本机所存的那一条"}
    tampered = replace(registration, payload=edited, hash="f" * 64)  # quarantined
    new = replace(
        registration, id="0190aaaa-0000-7000-8000-000000000002", device_seq=10**6
    )  # written: a second registration, kept as a rival
    with FoldBeside() as beside:
        beside.start(laptop.db, [tampered, new])
        assert beside._folding is not None
        found = beside.projections(laptop.db, [new])
    assert found is None or found == _folded_here(laptop, [*held, new])


def test_a_commit_while_the_start_reads_sends_the_fold_back_here(
    laptop: Node, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another connection commits a step of a held case just after the start read that
    case's events: the context, read after, is already the new one — the events are not."""
    every_import_beside(monkeypatch)
    held = _held_events(laptop, 1)
    registration = next(e for e in held if e.type == EventType.CASE_REGISTERED)
    arriving = replace(registration, id="0190aaaa-0000-7000-8000-000000000003", device_seq=10**6)
    meanwhile = replace(
        registration, id="0190aaaa-0000-7000-8000-000000000004", device_seq=10**6 + 1
    )
    read = fold_work.events_of_cases

    def then_a_commit(db: Any, case_ids: Any) -> Any:
        found = read(db, case_ids)
        other = open_database(unlock_database(laptop.path, LAPTOP_PASSWORD))
        with other.conn:
            insert_event(other, meanwhile)
        other.close()
        return found

    monkeypatch.setattr(fold_work, "events_of_cases", then_a_commit)
    with FoldBeside() as beside:
        beside.start(laptop.db, [arriving])
        assert beside._folding is not None
        found = beside.projections(laptop.db, [arriving])
    assert found is None or found == _folded_here(laptop, [*held, meanwhile, arriving])
