"""The cases list: search, filters and sorting in SQL windows, checked against a plain scan."""

from __future__ import annotations

import pytest

from app.store.case_list import CaseFilter, CaseSort, case_window, count_cases
from app.store.case_plan import SORTABLE
from tests.store.store_helpers import all_cases

EVERYTHING = 1_000_000


def numbers(db, case_filter: CaseFilter, sort: CaseSort | None = None) -> list[str]:
    found = case_window(db, case_filter, sort or CaseSort(), 0, EVERYTHING)
    assert len(found) == count_cases(db, case_filter)
    return [case.number for case in found]


def holds(row: dict, query: str) -> bool:
    return any(query in row[k] for k in ("description", "address", "category_name"))


@pytest.mark.parametrize(
    "query",
    ["占", "占道", "占道经营", "噪音", "垃圾", "人行道", "消防通道", "社区", "无照经营", "扰"],
)
def test_search_finds_exactly_the_cases_holding_the_words(demo_db, query: str) -> None:
    expected = sorted(r["number"] for r in all_cases(demo_db) if holds(r, query))
    assert expected, f"the demo should hold {query}"
    assert sorted(numbers(demo_db, CaseFilter(text=query))) == expected
    assert sorted(numbers(demo_db, CaseFilter(text=f"  {query} "))) == expected


def test_longer_words_narrow_the_search(demo_db) -> None:
    one, two, four = (set(numbers(demo_db, CaseFilter(text=q))) for q in ("占", "占道", "占道经营"))
    assert four <= two <= one
    assert len(four) < len(one)


@pytest.mark.parametrize("query", ["违章搭建飞机场", "，。", "!!", "龘"])
def test_search_that_matches_nothing(demo_db, query: str) -> None:
    assert count_cases(demo_db, CaseFilter(text=query)) == 0
    assert case_window(demo_db, CaseFilter(text=query), CaseSort(), 0, 50) == []


def test_search_by_case_number(demo_db) -> None:
    rows = all_cases(demo_db)
    target = rows[len(rows) // 2]["number"]
    assert numbers(demo_db, CaseFilter(text=target)) == [target]
    assert numbers(demo_db, CaseFilter(text=target.lower())) == [target]
    day = target[: len("QS-20260101")]
    expected = sorted(r["number"] for r in rows if r["number"].startswith(day))
    assert sorted(numbers(demo_db, CaseFilter(text=day))) == expected


def filtered(rows: list[dict], **want) -> list[str]:
    out = []
    for r in rows:
        if "status" in want and r["status"] != want["status"]:
            continue
        if "group" in want and r["category_group"] != want["group"]:
            continue
        if "category" in want and r["category_code"] != want["category"]:
            continue
        if "grid" in want and r["grid_code"] != want["grid"]:
            continue
        if "source" in want and r["source"] != want["source"]:
            continue
        if "urgency" in want and r["urgency"] != want["urgency"]:
            continue
        if "day_from" in want and r["received_at"][:10] < want["day_from"]:
            continue
        if "day_to" in want and r["received_at"][:10] > want["day_to"]:
            continue
        if "text" in want and not holds(r, want["text"]):
            continue
        out.append(r["number"])
    return sorted(out)


def leaves(db, group: str) -> tuple[str, ...]:
    return tuple(
        r[0] for r in db.execute("SELECT code FROM categories WHERE parent_code = ?", [group])
    )


def test_filters_each_and_together(demo_db) -> None:
    rows = all_cases(demo_db)
    days = sorted({r["received_at"][:10] for r in rows})
    day_from, day_to = days[10], days[40]
    checks = [
        (CaseFilter(status="pending_triage"), {"status": "pending_triage"}),
        (CaseFilter(category_codes=leaves(demo_db, "01")), {"group": "01"}),
        (CaseFilter(category_codes=("0101",)), {"category": "0101"}),
        (CaseFilter(grid_code="G03"), {"grid": "G03"}),
        (CaseFilter(source="hotline"), {"source": "hotline"}),
        (CaseFilter(urgency="urgent"), {"urgency": "urgent"}),
        (
            CaseFilter(received_from=day_from, received_to=day_to),
            {"day_from": day_from, "day_to": day_to},
        ),
        (
            CaseFilter(received_from=day_from, received_to=day_from),
            {"day_from": day_from, "day_to": day_from},
        ),
        (
            CaseFilter(category_codes=leaves(demo_db, "01"), source="patrol", text="占道"),
            {"group": "01", "source": "patrol", "text": "占道"},
        ),
        (
            CaseFilter(grid_code="G03", received_to=day_to, text="村"),
            {"grid": "G03", "day_to": day_to, "text": "村"},
        ),
    ]
    for case_filter, want in checks:
        expected = filtered(rows, **want)
        assert expected, f"{want} should match some demo cases"
        assert sorted(numbers(demo_db, case_filter)) == expected, want


def test_date_range_is_inclusive_at_both_ends(demo_db) -> None:
    rows = all_cases(demo_db)
    day = max(r["received_at"] for r in rows)[:10]
    on_day = sorted(r["number"] for r in rows if r["received_at"].startswith(day))
    assert sorted(numbers(demo_db, CaseFilter(received_from=day, received_to=day))) == on_day
    assert sorted(numbers(demo_db, CaseFilter(received_from=day))) == on_day


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", SORTABLE)
@pytest.mark.parametrize("text", ["", "道"])
def test_sorted_windows_concatenate_to_the_sorted_list(
    demo_db, column: str, descending: bool, text: str
) -> None:
    rows = {r["number"]: r for r in all_cases(demo_db)}
    case_filter = CaseFilter(text=text)
    sort = CaseSort(column, descending)
    full = case_window(demo_db, case_filter, sort, 0, EVERYTHING)
    total = count_cases(demo_db, case_filter)
    assert len(full) == total
    assert {c.number for c in full} == {n for n, r in rows.items() if not text or holds(r, text)}
    keys = [nulls_first(rows[c.number][column]) for c in full]
    assert keys == sorted(keys, reverse=descending)
    windows = []
    for offset in range(0, total + 37, 37):
        windows += case_window(demo_db, case_filter, sort, offset, 37)
    assert [c.number for c in windows] == [c.number for c in full]


def nulls_first(value):  # SQLite's order: NULL before any text (a case not yet triaged)
    return (value is not None, value or "")


def test_default_sort_is_newest_first(demo_db) -> None:
    first = case_window(demo_db, CaseFilter(), CaseSort(), 0, 1)[0]
    assert first.received_at == max(r["received_at"] for r in all_cases(demo_db))


def test_unknown_sort_column_is_refused() -> None:
    with pytest.raises(ValueError):
        CaseSort("description; DROP TABLE cases")


def test_window_past_the_end_is_empty(demo_db) -> None:
    assert case_window(demo_db, CaseFilter(), CaseSort(), 10_000, 50) == []
