"""Calls to a district department on the command line: ``case act … call --with`` keeps the
cooperating units, and ``calls --json`` says a response given late is overdue, by the same
rule in core (``deadlines.overdue``) the window's （超时） follows."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from app.core.clock import parse_local
from app.store.setup import open_database
from tests.cli.signed import ok
from tests.clock import TestClock
from tests.store.store_helpers import case_for


def as_json(capsys: Any, *argv: str) -> Any:
    return json.loads(ok(capsys, *argv, "--json"))


def act(capsys: Any, path: Path, number: str, *extra: str) -> str:
    return ok(capsys, "case", "act", "--db", str(path), "--as", "clerk", number, *extra)


def called(capsys: Any, path: Path, *extra: str) -> str:
    """A case the lists send to 应急管理局 (YJJ), called there as an urgent call."""
    db = open_database(path)
    number = case_for(db, "YJJ")
    db.close()
    reason = ["--reason", "危化品仓库冒烟"]
    act(capsys, path, number, "call", "--to", "YJJ", *reason, "--urgent", *extra)
    return number


def the_call(capsys: Any, path: Path, number: str) -> dict[str, Any]:
    rows = as_json(capsys, "calls", "--db", str(path), "--as", "clerk")
    [row] = [r for r in rows if r["case_number"] == number]
    return row


def test_a_call_keeps_its_cooperating_units(demo_path: Path, capsys) -> None:
    number = called(capsys, demo_path, "--with", "pcs", "ZHB", "YJJ")
    shown = as_json(capsys, "case", "show", "--db", str(demo_path), "--as", "clerk", number)
    assert (shown["lead_unit"], shown["cooperating_units"]) == ("YJJ", ["PCS", "ZHB"])
    assert "派出所、综合执法办配合" in shown["timeline"][-1]["detail"]


def test_a_response_given_late_stays_overdue(demo_path: Path, capsys, clock: TestClock) -> None:
    number = called(capsys, demo_path)
    due = the_call(capsys, demo_path, number)["clocks"][0]["due"]
    clock.set(parse_local(due) + timedelta(minutes=5))
    act(capsys, demo_path, number, "call-ack")
    response, arrival = the_call(capsys, demo_path, number)["clocks"]
    assert (response["kind"], response["state"], response["overdue"]) == ("call_ack", "done", True)
    assert arrival["overdue"] is False  # arrival's own clock is still running


def test_a_response_given_in_time_is_not_overdue(demo_path: Path, capsys, clock: TestClock) -> None:
    number = called(capsys, demo_path)
    due = the_call(capsys, demo_path, number)["clocks"][0]["due"]
    clock.set(parse_local(due) - timedelta(minutes=1))
    act(capsys, demo_path, number, "call-ack")
    response = the_call(capsys, demo_path, number)["clocks"][0]
    assert (response["state"], response["overdue"]) == ("done", False)
