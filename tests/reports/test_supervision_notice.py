"""The supervision notice (督办单): numbered in its own series, dated, issued by the township
people's government with the office as the handling body, stating how late the case was
when supervised, the reasons and the new deadline, and the escalation to the joint meeting."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.clock import epoch_ms
from app.core.errors import DomainError
from app.core.model import Department, Tier
from app.reports.pdf import page_count, write_pdf
from app.reports.supervision_notice import (
    Notice,
    supervision_notice,
    supervision_notice_html,
    write_supervision_notice,
)
from app.store.base_data import save_department
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.reference import departments, user_by_name
from tests.cli.signed import run
from tests.clock import frozen
from tests.store.store_helpers import case_for

TUESDAY = epoch_ms(datetime(2026, 11, 24, 10, 0))  # three working days after the sign-for due


def handled_case(db, path: Path) -> str:  # type: ignore[no-untyped-def]
    """Dispatched on Wednesday 18 November 2026 at 20:06: due to be signed for by Thursday
    19 November 17:30 (one working day)."""
    number = case_for(db, "SCJG")  # dispatched as the lists suggest
    blobs, clerk = BlobStore.beside(path), user_by_name(db, "clerk")
    act(db, blobs, clerk, number, Request(Action.DISPATCH, to="SCJG"), wall=frozen)
    return number


def supervise(  # type: ignore[no-untyped-def]
    db, path: Path, number: str, who: str, note: str, reply_by: str = "", at: int | None = None
) -> None:
    act(
        db,
        BlobStore.beside(path),
        user_by_name(db, who),
        number,
        Request(Action.SUPERVISE, note=note, reply_by=reply_by),
        wall=(lambda: at) if at else frozen,
    )


def supervisions_so_far(db: Any) -> int:
    """The demo's own supervisions, all made in 2026: the series continues after them."""
    return db.execute("SELECT count(*) FROM events WHERE type = 'case.supervise'").fetchone()[0]


def test_the_notice_names_the_unit_the_note_and_who(demo_db, demo_path) -> None:
    number = handled_case(demo_db, demo_path)
    supervise(demo_db, demo_path, number, "supervisor", "请三日内办结")
    html, code = supervision_notice_html(demo_db, number)
    for text in (number, code, "市场监管所", "请三日内办结", "第 1 次"):
        assert text in html
    assert "联席会议" not in html


def test_number_date_issuer_lateness_and_new_deadline(demo_db, demo_path) -> None:
    number = handled_case(demo_db, demo_path)
    before = supervisions_so_far(demo_db)
    supervise(demo_db, demo_path, number, "supervisor", "超期未签收", "2026-12-01", TUESDAY)
    html, _ = supervision_notice_html(demo_db, number)
    for text in (
        f"青石综执督〔2026〕{before + 1}号",
        "青石镇人民政府（盖章）<br/><br/>2026年11月24日",
        "承办机构：青石镇综合行政执法办公室",
        "承办人：陈淑芬",
        "负责人：＿＿＿＿＿＿",  # a supervisor is not the responsible leader
        '<td class="k">原办理期限</td><td>2026-11-19 17:30</td>',  # not as the deadline
        "督办时已超期 3 个工作日",  # Fri 20, Mon 23, Tue 24 November
        "请于 2026年12月1日 前办结并书面回复",
        "青石市场监管所：",
    ):
        assert text in html, text
    assert '<td class="k">办理期限</td>' not in html
    assert "请于收到之日起按期办结" not in html


def test_lateness_is_as_it_was_when_supervised(demo_db, demo_path) -> None:
    number = handled_case(demo_db, demo_path)
    supervise(demo_db, demo_path, number, "leader", "超期未签收", "2026-12-01", TUESDAY)
    first, _ = supervision_notice_html(demo_db, number)
    # the unit signs for it a week later: a new handling deadline now runs
    later = epoch_ms(datetime(2026, 12, 1, 9, 0))
    act(demo_db, BlobStore.beside(demo_path), user_by_name(demo_db, "officer"), number,
        Request(Action.SIGN), wall=lambda: later)  # fmt: skip
    reprinted, _ = supervision_notice_html(demo_db, number)
    assert reprinted == first  # the same number, date and lateness on every reprint
    assert "负责人：刘建军" in first and "督办时已超期 3 个工作日" in first


def test_without_a_new_deadline_a_line_to_fill_in(demo_db, demo_path) -> None:
    number = handled_case(demo_db, demo_path)
    supervise(demo_db, demo_path, number, "supervisor", "请三日内办结")  # before it was asked
    html, _ = supervision_notice_html(demo_db, number)
    assert "请于 ＿＿＿＿年＿＿月＿＿日 前办结并书面回复" in html
    assert "督办时尚未超期" in html  # supervised the evening it was dispatched


def test_copied_to_the_stationed_units_parent_department(demo_db, demo_path) -> None:
    admin = user_by_name(demo_db, "admin")
    parent = Department("SJJ", "蓬山区市场监督管理局", "区市场监管局", Tier.Y)
    save_department(demo_db, admin, parent, new=True, wall=frozen)
    scjg = next(d for d in departments(demo_db) if d.code == "SCJG")
    save_department(demo_db, admin, scjg.__class__(**{**scjg.__dict__, "parent_code": "SJJ"}),
                    new=False, wall=frozen)  # fmt: skip
    number = handled_case(demo_db, demo_path)
    supervise(demo_db, demo_path, number, "supervisor", "请三日内办结")
    html, _ = supervision_notice_html(demo_db, number)
    assert "抄送：蓬山区市场监督管理局。" in html


def test_the_second_supervision_puts_the_case_on_the_meeting_list(demo_db, demo_path) -> None:
    number = handled_case(demo_db, demo_path)
    before = supervisions_so_far(demo_db)
    supervise(demo_db, demo_path, number, "supervisor", "请三日内办结")
    supervise(demo_db, demo_path, number, "leader", "再次督办")
    html, _ = supervision_notice_html(demo_db, number)
    assert "第 2 次" in html and "再次督办" in html and "列入下次联席会议议题" in html
    assert f"青石综执督〔2026〕{before + 2}号" in html  # the notice of the latest supervision


def test_no_notice_without_a_supervision(demo_db, demo_path) -> None:
    with pytest.raises(DomainError) as refused:
        supervision_notice_html(demo_db, handled_case(demo_db, demo_path))
    assert "还没有督办记录" in str(refused.value)


def test_the_command_writes_the_pdf(demo_db, demo_path, tmp_path: Path, capsys, qapp) -> None:
    number = handled_case(demo_db, demo_path)
    supervise(demo_db, demo_path, number, "supervisor", "请三日内办结")
    out = tmp_path / "督办单.pdf"
    assert run(["notice", number, "-o", str(out), "--db", str(demo_path)]) == 0
    assert "校验码" in capsys.readouterr().out
    assert out.read_bytes().startswith(b"%PDF")


def test_a_case_waiting_for_triage_is_the_offices_to_answer(demo_db, demo_path) -> None:
    number = case_for(demo_db, "SCJG")  # not yet triaged: no lead unit
    supervise(demo_db, demo_path, number, "leader", "请尽快研判分拨", "2026-11-20")
    html, _ = supervision_notice_html(demo_db, number)
    assert "青石镇综合行政执法办公室：" in html and "你单位负责研判的下列案件" in html
    assert '<td class="k">牵头单位</td><td>—</td>' in html


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_a_long_notice_keeps_its_signature_lines_with_its_last_text(
    demo_db, demo_path, tmp_path: Path, qapp
) -> None:
    """A long supervision note pushes the notice onto a second page; the reply form and
    the signature lines go there together, never the signature lines alone."""
    number = handled_case(demo_db, demo_path)
    out = tmp_path / "督办单.pdf"

    def pages_of(html: str) -> int:
        return page_count(write_pdf(html, out, "督办单"))

    def long_notice(lines: int) -> Notice:
        note = "；".join(f"第 {n} 项：群众反复投诉，请加快办理并说明原因" for n in range(lines))
        supervise(demo_db, demo_path, number, "supervisor", note, "2026-11-30")
        return supervision_notice(demo_db, number)

    # the shortest note whose end (reply form, signatures) runs past the case's table when
    # written the plain way
    notice = next(
        notice
        for notice in (long_notice(n) for n in range(4, 120, 4))
        if pages_of(notice.main + notice.end) > pages_of(notice.main)
    )
    write_pdf(notice.main + notice.end, out, "督办单")
    plain = page_count(out)
    write_supervision_notice(demo_db, number, out)
    assert page_count(out) == plain
    last = "".join(page_text(out, page_count(out)).split())
    for text in ("办理情况（由牵头单位填写）", "办理结果", "承办机构：", "负责人：", "（盖章）"):
        assert text in last, text
    assert "督办意见" not in last  # the case's table stays before it


def page_text(pdf: Path, page: int) -> str:
    run = ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(run, capture_output=True, check=True).stdout.decode()
