"""``towndesk overdue``: the board on the command line. Cases waiting for triage are late on
the office's clock, each case appears once per unit, a supervised case says how often it was
supervised, and the cases due soon are listed apart."""

from __future__ import annotations

import json
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

from app.core.clock import parse_local
from app.store.setup import open_database
from tests.cli.signed import ok, run
from tests.clock import TestClock


def overdue(capsys: Any, path: Path, *extra: str) -> str:
    return ok(capsys, "overdue", "--db", str(path), "--as", "clerk", *extra)


def test_untriaged_cases_are_overdue_on_the_office(
    demo_path: Path, capsys, clock: TestClock
) -> None:
    db = open_database(demo_path)
    now = clock.now().strftime("%Y-%m-%d %H:%M:%S")
    waiting = {
        n
        for (n,) in db.execute(  # a case received late on the demo's last day is not late yet
            "SELECT number FROM cases WHERE status = 'pending_triage' AND step_due_at < ?", [now]
        )
    }
    db.close()
    assert waiting  # the tests' demo leaves its oldest cases untriaged
    rows = json.loads(overdue(capsys, demo_path, "--json"))
    triage = {r["number"] for r in rows if r["kind"] == "triage"}
    assert triage == waiting
    assert {r["unit"] for r in rows if r["kind"] == "triage"} == {"ZHB"}
    per_unit = Counter((r["number"], r["unit"]) for r in rows)
    assert max(per_unit.values()) == 1  # once per case and unit
    text = overdue(capsys, demo_path)
    assert "研判" in text and f"共 {len(rows)} 件超期" in text


def test_a_supervised_case_is_marked(demo_path: Path, capsys, clock: TestClock) -> None:
    number = json.loads(overdue(capsys, demo_path, "--json"))[0]["number"]
    note = ["--note", "请尽快研判"]
    ok(capsys, "case", "act", number, "supervise", *note, "--db", str(demo_path), "--as", "leader")
    [row] = [r for r in json.loads(overdue(capsys, demo_path, "--json")) if r["number"] == number]
    assert row["supervision_count"] == 1
    line = next(x for x in overdue(capsys, demo_path).splitlines() if x.startswith(number))
    assert "督办过 1 次" in line


def test_cases_due_soon_are_listed_apart(demo_path: Path, capsys, clock: TestClock) -> None:
    db = open_database(demo_path)
    row = db.execute(
        "SELECT number, step_due_at FROM cases WHERE step_due_at IS NOT NULL "
        "UNION ALL SELECT number, handle_due_at FROM cases WHERE handle_due_at IS NOT NULL "
        "ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    db.close()
    number, due = row
    clock.set(parse_local(due) - timedelta(minutes=30))
    text = overdue(capsys, demo_path)
    assert "即将到期：" in text
    soon = text.split("即将到期：", 1)[1]
    assert number in soon
    clock.set(parse_local(due) + timedelta(minutes=1))
    assert number in overdue(capsys, demo_path).split("即将到期：", 1)[0]


def test_a_category_gets_its_own_step_limits(demo_path: Path, capsys, clock: TestClock) -> None:
    base = ["step-limits", "0102", "--db", str(demo_path)]
    shown = ok(capsys, *base, "--as", "clerk")
    assert "核查 3 个工作日（默认）" in shown
    assert run([*base, "--as", "clerk", "--verify-days", "5"]) != 0  # a clerk may not
    assert "不能维护基础数据" in capsys.readouterr().err
    shown = ok(capsys, *base, "--as", "admin", "--verify-days", "5")
    assert "核查 5 个工作日，" in shown and "研判 1 个工作日（默认）" in shown
    db = open_database(demo_path)
    row = db.execute("SELECT verify_days FROM category_step_limits WHERE code = '0102'")
    assert row.fetchone() == (5,)
    db.close()
