"""The monthly bulletin (月度通报): its figures are those store/statistics.figures() gives,
printed as they are; the month before is compared; the ranking uses the weights in force;
the gathered lists (overdue cases, decisions due, places, silent grids) are the store's; an
empty month says so; the PDF and the workbook carry the same words."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.errors import DomainError
from app.core.indicators import Group
from app.core.periods import parse_month
from app.reports.bulletin.gather import HEADLINE, UNIT_KEYS, bulletin_number, gather
from app.reports.bulletin.html import bulletin_html
from app.reports.bulletin.rows import change_text
from app.reports.bulletin.write import write_bulletin
from app.store import bulletin_data as data
from app.store.statistics import Figure, figures

NOW = datetime(2026, 11, 18, 20, 0)  # the demo's present, an hour on
MONTH = parse_month("2026-11")


def printed(key: str, figure: Figure | None) -> str:
    """How the test expects a figure to read: worked out here, not by the bulletin."""
    if figure is None:  # nothing of that kind for the group
        return "0" if key in ("received", "closed", "calls") else "—"
    if figure.value is None:
        return "—"
    if key.endswith("_rate"):
        return f"{figure.value * 100:.1f}%"
    if key in ("received", "closed", "calls"):
        return str(int(figure.value))
    return f"{figure.value:.1f}"


def test_the_number_follows_the_township_series() -> None:
    assert bulletin_number("青石镇", 2026, 11) == "青石综执通〔2026〕11号"
    assert bulletin_number("东城街道", 2027, 1) == "东城综执通〔2027〕1号"


def test_the_change_against_the_month_before_reads_with_arrows() -> None:
    assert change_text("closure_rate", Figure(0.9, 9, 10), Figure(0.8, 8, 10)) == "↑10.0个百分点"
    assert change_text("received", Figure(10, 10, 10), Figure(28, 28, 28)) == "↓18件"
    assert change_text("handling_days", Figure(2.5, 4, 4), Figure(2.0, 3, 3)) == "↑0.5 工作日"
    assert change_text("rework_rate", Figure(0.1, 1, 10), Figure(0.1, 1, 10)) == "持平"
    assert change_text("rework_rate", Figure(0.1, 1, 10), Figure(None, 0, 0)) == "无可比数据"


def test_the_figures_printed_are_those_figures_gives(demo_db: Any) -> None:
    b = gather(demo_db, MONTH, NOW)
    html = bulletin_html(b)
    rows = figures(demo_db, MONTH, Group.UNIT, NOW)
    total = rows[-1].figures
    assert b.total == total
    for key in HEADLINE:
        assert printed(key, total[key]) in html, key
    for row in rows[:-1]:
        if row.group == "-":
            continue
        cells = "".join(f'<td class="n">{printed(k, row.figures.get(k))}</td>' for k in UNIT_KEYS)
        assert cells in html, row.name
    before = figures(demo_db, MONTH.previous(), Group.UNIT, NOW)[-1].figures
    for key in ("received", "closure_rate"):
        assert change_text(key, total[key], before[key]) in html
        assert printed(key, before[key]) in html
    assert "关于2026年11月综合行政执法工作情况的通报" in html
    assert "青石综执通〔2026〕11号" in html
    assert "青石镇人民政府（盖章）" in html and "2026年11月18日" in html


def test_the_ranking_uses_the_weights_the_administrator_set(demo_db: Any) -> None:
    assert data.weights_in_force(demo_db)["on_time_closure_rate"] == 40  # none set: defaults
    demo_db.execute("INSERT INTO assessment_weights VALUES ('on_time_closure_rate', 70)")
    demo_db.execute("INSERT INTO assessment_weights VALUES ('rework_rate', 30)")
    demo_db.conn.commit()
    b = gather(demo_db, MONTH, NOW)
    assert b.weights == {"on_time_closure_rate": 70, "rework_rate": 30}
    html = bulletin_html(b)
    assert "按期结案率70、返工率30（合计 100）" in html
    scored = [s for s in b.ranked if s.score is not None]
    assert [s.score for s in scored] == sorted((s.score for s in scored), reverse=True)
    assert ("红榜：</b>本月无" in html) == (not b.green)


def test_the_overdue_cases_are_the_open_ones_past_due_oldest_first(demo_db: Any) -> None:
    found = data.overdue_open_cases(demo_db, NOW)
    assert found, "the demo has overdue cases"
    assert [c.due for c in found] == sorted(c.due for c in found)
    assert all(c.due < NOW.strftime("%Y-%m-%d %H:%M:%S") and c.working_days >= 0 for c in found)
    html = bulletin_html(gather(demo_db, MONTH, NOW))
    assert f"超期未办结案件共 {len(found)} 件" in html
    assert found[0].number in html
    if len(found) > 15:
        assert found[15].number not in html


def test_decisions_due_this_month_or_still_open_are_listed(demo_db: Any) -> None:
    demo_db.execute(
        "INSERT INTO meetings (id, number, held_on, created_at) "
        "VALUES ('m9', 9, '2026-09-01 09:00', '2026-09-01 09:00:00')"
    )
    decisions = [
        ("d1", 1, "九月到期仍未落实", "PCS", "2026-09-30", None),
        ("d2", 2, "十一月到期已落实", "ZFZD", "2026-11-10", "2026-11-09 10:00:00"),
        ("d3", 3, "九月到期已落实", "PCS", "2026-09-30", "2026-09-20 10:00:00"),
        ("d4", 4, "十二月到期", "PCS", "2026-12-20", None),
    ]
    for row in decisions:
        demo_db.execute(
            "INSERT INTO meeting_decisions (id, meeting_id, position, text, owner, deadline, "
            "done_at) VALUES (?, 'm9', ?, ?, ?, ?, ?)",
            list(row),
        )
    demo_db.conn.commit()
    due = data.decisions_due(demo_db, MONTH, NOW)
    assert [d.text for d in due] == ["九月到期仍未落实", "十一月到期已落实"]
    html = bulletin_html(gather(demo_db, MONTH, NOW))
    assert "未落实，已超期 49 天" in html
    assert "已落实（2026年11月9日）" in html


def test_places_and_silent_grids(demo_db: Any) -> None:
    places = data.top_places(demo_db, MONTH, 5)
    assert places and [p.cases for p in places] == sorted((p.cases for p in places), reverse=True)
    silent = data.silent_grids(demo_db, MONTH)
    received = {g for (g,) in demo_db.execute(
        "SELECT DISTINCT grid_code FROM cases WHERE received_at >= ? AND received_at < ?",
        [MONTH.start, MONTH.end],
    )}  # fmt: skip
    assert {g.code for g in silent}.isdisjoint(received)


def test_an_empty_month_says_so(demo_db: Any, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    b = gather(demo_db, parse_month("2020-01"), NOW)
    assert b.empty
    html = bulletin_html(b)
    assert "2020年1月，全镇没有受理、办结的案件，也没有呼叫区直部门的记录。" in html
    assert "红榜：</b>本月无" in html and "黑榜：</b>本月无" in html
    assert "本月没有呼叫区直部门的案件。" in html
    out = write_bulletin(demo_db, parse_month("2020-01"), tmp_path / "空.pdf", NOW)
    assert out.read_bytes().startswith(b"%PDF")


def test_the_pdf_carries_the_figures(demo_db: Any, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    out = write_bulletin(demo_db, MONTH, tmp_path / "通报.pdf", NOW)
    assert out.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".bulletin-*"))  # the scratch file is gone
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"\s+", "", text)
    total = figures(demo_db, MONTH, Group.UNIT, NOW)[-1].figures
    assert "关于2026年11月综合行政执法工作情况的通报" in flat
    assert "青石综执通〔2026〕11号" in flat
    assert f"全镇共受理案件{printed('received', total['received'])}件" in flat
    assert printed("on_time_closure_rate", total["on_time_closure_rate"]) in flat
    assert "指标说明" in flat and "抄送" in flat and "印发" in flat
    # the signature shares its page with the text before it
    pages = text.split("\f")
    signed = next(p for p in pages if "（盖章）" in p)
    assert "七、联席会议决议落实" in signed


def test_the_workbook_has_the_sheets_and_values(demo_db: Any, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = write_bulletin(demo_db, MONTH, tmp_path / "通报.xlsx", NOW)
    book = load_workbook(out)
    assert book.sheetnames == [
        "总体情况", "各单位办理情况", "考核排名", "高发问题", "超期未办结案件",
        "区直部门呼叫响应", "联席会议决议落实", "指标说明",
    ]  # fmt: skip
    total = figures(demo_db, MONTH, Group.UNIT, NOW)[-1].figures
    overall = {row[0]: row[1:] for row in book["总体情况"].iter_rows(min_row=3, values_only=True)}
    assert overall["受理量"][0] == f"{printed('received', total['received'])}件"
    assert overall["结案率"][0] == printed("closure_rate", total["closure_rate"])
    units = list(book["各单位办理情况"].iter_rows(min_row=2, values_only=True))
    assert units[-1][0] == "全镇合计"
    assert units[-1][1] == printed("received", total["received"])
    overdue = list(book["超期未办结案件"].iter_rows(min_row=3, values_only=True))
    assert len(overdue) == len(data.overdue_open_cases(demo_db, NOW))  # all, not just 15


def test_other_files_and_missing_folders_are_refused(demo_db: Any, tmp_path: Path) -> None:
    with pytest.raises(DomainError) as kind:
        write_bulletin(demo_db, MONTH, tmp_path / "通报.docx", NOW)
    assert kind.value.code == "bulletin_format"
    with pytest.raises(DomainError) as missing:
        write_bulletin(demo_db, MONTH, tmp_path / "无此文件夹" / "通报.pdf", NOW)
    assert missing.value.code == "bulletin_unwritable" and "不存在" in str(missing.value)
