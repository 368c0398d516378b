"""A large file's events' hashes worked out again by a forked child (the fold's, before it
folds, or one of its own) while the import checks the rest of the file
(app/sync/beside.py): a wrong hash anywhere is refused as it always was, and told before
any other refusal, as if every hash had been checked first; a child that fails costs
nothing but its time; what the import stores is what it stores without the child."""
# ruff: noqa: F811 - the fixtures of test_bad_files.py, imported, are the tests' arguments

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from app.core.events import Event, canonical_json
from app.store.projections import fold_beside, fold_work
from app.store.projections.fold_beside import FoldBeside
from app.sync import beside
from tests.sync import forge
from tests.sync.conftest import OFFICE_PASSWORD, Node, every_import_beside
from tests.sync.test_bad_files import (  # noqa: F401 - fixtures
    copy_node,
    genuine_parts,
    laptop,
    office,
    recipients,
    refused,
    template,
    upload,
)


@pytest.fixture(autouse=True, params=["by the fold's child", "by a child of its own"])
def every_import_checks_hashes_beside(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """Done first by the child folding the cases, or where no fold is started (a file of
    too few case events) by a child of its own."""
    every_import_beside(monkeypatch)
    if request.param == "by a child of its own":
        monkeypatch.setattr(fold_work, "FOLD_BESIDE_AT_LEAST", 10**9)


@pytest.fixture
def in_the_child(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many events each child checking hashes was given (of its own, or the fold's
    that took the work)."""
    counted: list[int] = []
    real_child, real_start = beside.Child, FoldBeside.start

    def counting(work: Any) -> Any:
        counted.append(len(work.args[0]))
        return real_child(work)

    def taken_first(self: FoldBeside, db: Database, events: Any, first: Any = None) -> bool:
        taken = real_start(self, db, events, first)
        if taken and first is not None:
            counted.append(len(first.args[0]))
        return taken

    monkeypatch.setattr(beside, "Child", counting)
    monkeypatch.setattr(FoldBeside, "start", taken_first)
    return counted


def _altered(event: Event) -> Event:
    """Its payload changed, its hash left as it was signed."""
    return replace(event, payload=event.payload | {"description": "已被篡改的描述"})


def _file(tmp_path: Path, office: Node, laptop: Node, upload: Path, events: list[Event]) -> Path:
    parts = genuine_parts(upload, office)
    parts.set_events(events)
    forge.resign(parts, laptop.keys)  # even the sender's own signature does not help
    return forge.build(tmp_path / "x.tdsync", parts, recipients(office))


@pytest.mark.parametrize("at", [0, -1])
def test_a_wrong_hash_anywhere_is_refused(
    office: Node, laptop: Node, upload: Path, tmp_path: Path, in_the_child: list[int], at: int
) -> None:
    events = genuine_parts(upload, office).event_list()
    events[at] = _altered(events[at])
    error = refused(office, _file(tmp_path, office, laptop, upload, events), "sync_damaged")
    assert f"event {events[at].id} hash" in str(error)
    assert in_the_child == [len(events)]


def test_a_wrong_hash_is_told_before_what_the_rest_of_the_check_finds(
    office: Node, laptop: Node, upload: Path, tmp_path: Path, in_the_child: list[int]
) -> None:
    """The second event's link to the first broken (its own hash right: a refusal of the
    chains, found after the hashes), and the last event's hash wrong (found by the
    child): the hash is told, as it was when every hash was checked first."""
    events = genuine_parts(upload, office).event_list()
    assert events[1].device_id == events[0].device_id and len(events) >= 3
    events[1] = replace(events[1], prev_hash="0" * 64).sealed()
    error = refused(office, _file(tmp_path, office, laptop, upload, events), "sync_damaged")
    assert "hash" not in str(error)  # the chain is what is wrong
    events[-1] = _altered(events[-1])
    error = refused(office, _file(tmp_path, office, laptop, upload, events), "sync_damaged")
    assert f"event {events[-1].id} hash" in str(error)


@pytest.mark.parametrize("child", ["fails", "is refused a process"])
def test_a_child_that_fails_costs_nothing_but_its_time(
    office: Node,
    laptop: Node,
    upload: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    child: str,
) -> None:
    """Its events are checked here: a wrong hash among them still refused, a genuine
    file imported."""
    parent = os.getpid()
    real = beside._hashes_as_signed

    def broken(events: list[Event]) -> Any:
        if os.getpid() != parent:
            os._exit(1)
        return real(events)

    def no_process(*_work: object) -> None:
        raise OSError(11, "Resource temporarily unavailable")

    if child == "fails":  # the fold's child with it, where it was the fold's
        monkeypatch.setattr(beside, "_hashes_as_signed", broken)
    else:
        monkeypatch.setattr(beside, "Child", no_process)
        monkeypatch.setattr(fold_beside, "Reporting", no_process)
    events = genuine_parts(upload, office).event_list()
    events[-1] = _altered(events[-1])
    error = refused(office, _file(tmp_path, office, laptop, upload, events), "sync_damaged")
    assert f"event {events[-1].id} hash" in str(error)
    assert office.import_file(upload).preview["new_events"] == len(events)


def test_what_is_stored_is_what_the_import_stores_without_the_child(
    office: Node,
    upload: Path,
    tmp_path: Path,
    in_the_child: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The payload text of each event the child checked, kept from its work, is the one
    worked out here: the event rows of the two offices are alike."""
    other = copy_node(office, tmp_path / "other", OFFICE_PASSWORD)
    rows = (  # the file's (each office writes its own receipt of the evidence files)
        "SELECT id, device_id, device_seq, payload, hash FROM events "
        "WHERE device_id != (SELECT id FROM device) ORDER BY id"
    )
    taken: list[str] = []
    real_known = beside.payload_text_known

    def known(event: Event, payload: str) -> None:
        taken.append(event.id)
        real_known(event, payload)

    monkeypatch.setattr(beside, "payload_text_known", known)
    try:
        office.import_file(upload)
        assert in_the_child, "a child checked them"
        assert len(taken) == in_the_child[0], "and its work was taken"
        monkeypatch.setattr(beside, "HASHED_BESIDE_AT_LEAST", 10**9)
        other.import_file(upload)
        assert other.db.execute(rows).fetchall() == office.db.execute(rows).fetchall()
        for (payload,) in office.db.execute("SELECT payload FROM events"):
            assert payload == canonical_json(json.loads(payload))
    finally:
        other.db.close()
