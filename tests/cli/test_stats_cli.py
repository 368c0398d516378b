"""``towndesk stats`` and ``towndesk assessment`` on the demo: the JSON is the store's
figures, the cases listed are the ones behind a figure, weights are an administrator's
record, and bad input is refused in plain words with nothing changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.indicators import INDICATORS, Group
from app.core.periods import month_of
from app.store.assessment import assessment_weights
from app.store.setup import open_database
from app.store.statistics import cases_behind, figures
from tests.cli.signed import fails, ok
from tests.clock import TEST_TODAY, TestClock

MONTH = TEST_TODAY.strftime("%Y-%m")  # the demo's own month: its cases, whatever today is


@pytest.mark.parametrize("by", [g.value for g in Group])
def test_the_json_is_the_stores_figures(demo_path: Path, capsys, clock: TestClock, by: str) -> None:
    out = ok(capsys, "stats", "--db", str(demo_path), "--month", MONTH, "--by", by, "--json")
    groups = json.loads(out)
    db = open_database(demo_path)
    expected = figures(db, month_of(TEST_TODAY), Group(by), clock.now())
    db.close()
    assert [g["group"] for g in groups] == [row.group or None for row in expected]
    assert groups[-1]["name"] == "全镇"
    for shown, row in zip(groups, expected, strict=True):
        for indicator in INDICATORS:
            figure = row.figures.get(indicator.key)
            value = shown[indicator.key]
            if figure is None:
                assert value in (0, None)
            elif indicator.is_rate and figure.value is not None:
                assert value == round(figure.value, 4)
            else:
                assert value == figure.value
    total = groups[-1]
    assert total["received"] > 0 and 0 <= total["on_time_closure_rate"] <= 1
    for key in ("closed", "closed_on_time", "rework_rate", "extension_rate"):
        assert key in total
    assert "response_on_time_rate" in total and "arrival_p90_minutes" in total


def test_the_cases_behind_a_figure(demo_path: Path, capsys, clock: TestClock) -> None:
    db = open_database(demo_path)
    period = month_of(TEST_TODAY)
    [unit] = [
        r.group
        for r in figures(db, period, Group.UNIT, clock.now(), keys=("on_time_closure_rate",))
        if r.group == "ZFZD"
    ]
    ids = cases_behind(db, "on_time_closure_rate", period, Group.UNIT, unit, clock.now(), "counted")
    numbers = [db.execute("SELECT number FROM cases WHERE id = ?", [i]).fetchone()[0] for i in ids]
    db.close()
    out = ok(
        capsys, "stats", "--db", str(demo_path), "--month", MONTH, "--cases",
        "on_time_closure_rate", "--group", unit, "--counted", "--json",
    )  # fmt: skip
    assert json.loads(out) == numbers and numbers


def test_the_table_reads_as_a_clerk_expects(demo_path: Path, capsys) -> None:
    out = ok(capsys, "stats", "--db", str(demo_path), "--month", MONTH)
    assert "按期结案率" in out and "全镇" in out and "%" in out


def test_weights_are_set_by_the_administrator(demo_path: Path, capsys) -> None:
    ok(capsys, "assessment", "--db", str(demo_path), "--as", "admin", "--set",
       "on_time_closure_rate=60", "rework_rate=40")  # fmt: skip
    db = open_database(demo_path)
    assert assessment_weights(db) == {"on_time_closure_rate": 60, "rework_rate": 40}
    event = db.execute(
        "SELECT actor_id, payload FROM events WHERE type = 'assessment.weights_set'"
    ).fetchone()
    admin = db.execute("SELECT id FROM users WHERE username = 'admin'").fetchone()[0]
    db.close()
    assert event[0] == admin
    ranking = json.loads(
        ok(capsys, "assessment", "--db", str(demo_path), "--month", MONTH, "--json")
    )
    assert ranking["weights"] == {"on_time_closure_rate": 60, "rework_rate": 40}
    scores = [r["score"] for r in ranking["ranking"] if r["score"] is not None]
    assert scores == sorted(scores, reverse=True) and scores


@pytest.mark.parametrize(
    "argv, words",
    [
        (["stats", "--month", "2026-13"], "月份"),
        (["stats", "--from", "2026-11-30", "--to", "2026-11-01"], "早于"),
        (["stats", "--from", "2026-02-30"], "日期"),
        (["stats", "--cases", "closure"], "指标"),
        (["assessment", "--set", "on_time_closure_rate=x"], "整数"),
        (["assessment", "--set", "on_time_closure_rate=101"], "0 到 100"),
        (["assessment", "--set", "received=10"], "比率"),
        (["assessment", "--set", "rework_rate=0"], "大于 0"),
        (["assessment", "--as", "clerk", "--set", "rework_rate=10"], "不能"),
    ],
)
def test_bad_input_is_refused_plainly(demo_path: Path, capsys, argv: list[str], words: str) -> None:
    err = fails(capsys, demo_path, argv[0], "--db", str(demo_path), *argv[1:])
    assert words in err
