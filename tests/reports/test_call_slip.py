"""The call slip (呼叫单): a PDF with the case, the department, the clocks and a code."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.errors import DomainError
from app.core.intake import IntakeRequest
from app.core.slips import verification_code
from app.reports.call_slip import CallSlip, call_slip, call_slip_html, write_call_slip
from app.reports.pdf import page_count, write_pdf
from app.store.base_data import set_township_profile
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.cases import register_case
from app.store.reference import township, user_by_name
from tests.cli.signed import run
from tests.clock import frozen


def pending_case(db) -> str:  # type: ignore[no-untyped-def]
    return db.execute("SELECT number FROM cases WHERE status = 'pending_triage'").fetchone()[0]


def called_case(db, path: Path, urgent: bool = True, helpers: tuple[str, ...] = ()) -> str:  # type: ignore[no-untyped-def]
    number = pending_case(db)
    request = Request(
        Action.CALL,
        to="YJJ",
        reason="燃气管道疑似泄漏",
        urgent=urgent,
        with_units=helpers,
        override_reason="疑似燃气泄漏，先请应急管理局到场",  # whatever the lists suggest
    )
    act(db, BlobStore.beside(path), user_by_name(db, "clerk"), number, request, wall=frozen)
    return number


def test_the_slip_names_the_case_the_department_and_the_code(demo_db, demo_path) -> None:
    number = called_case(demo_db, demo_path)
    html, code = call_slip_html(demo_db, number)
    call_id = demo_db.execute(
        "SELECT l.id FROM calls l JOIN cases c ON c.id = l.case_id WHERE c.number = ?", [number]
    ).fetchone()[0]
    assert code == verification_code(call_id, number)
    duty_phone = demo_db.execute("SELECT duty_phone FROM departments WHERE code = 'YJJ'")
    for text in (number, code, "应急管理局", duty_phone.fetchone()[0], "燃气管道疑似泄漏", "紧急"):
        assert text in html
    for slogan in ("事不完人不撤", "1+X+Y"):
        assert slogan not in html


def calls_so_far(db) -> int:  # type: ignore[no-untyped-def]
    """The demo's own calls, all made in 2026: the series continues after them."""
    return db.execute("SELECT count(*) FROM events WHERE type = 'case.call'").fetchone()[0]


def test_number_date_issuer_caller_and_call_back(demo_db, demo_path) -> None:
    before = calls_so_far(demo_db)
    number = called_case(demo_db, demo_path)  # by the clerk at 2026-11-18 20:06
    html, _ = call_slip_html(demo_db, number)
    for text in (
        f"青石综执呼〔2026〕{before + 1}号",
        "青石镇人民政府（盖章）<br/><br/>2026年11月18日",
        "承办机构：青石镇综合行政执法办公室",
        '<td class="k">呼叫人</td><td>王晓丽</td>',
        # the township sets no duty phone of its own in the demo: the office's
        '<td class="k">回电电话</td><td>0535-6321001</td>',
        "承办人：王晓丽",
        "负责人：＿＿＿＿＿＿",
        "蓬山区应急管理局：",
    ):
        assert text in html, text
    assert call_slip_html(demo_db, number)[0] == html  # a reprint keeps its number
    second = called_case(demo_db, demo_path, urgent=False)
    assert f"青石综执呼〔2026〕{before + 2}号" in call_slip_html(demo_db, second)[0]


def test_the_cooperating_units_named_with_the_call(
    demo_db, demo_path, tmp_path: Path, qapp
) -> None:
    number = called_case(demo_db, demo_path, helpers=("PCS", "ZHB"))
    html, _ = call_slip_html(demo_db, number)
    write_call_slip(demo_db, number, tmp_path / "呼叫单.pdf")
    assert page_count(tmp_path / "呼叫单.pdf") == 1  # the signature block kept with the text
    called = "蓬山区应急管理局（配合单位：青石派出所、青石镇综合行政执法办公室）"
    assert f'<td class="k">被呼叫部门</td><td>{called}</td>' in html
    alone = called_case(demo_db, demo_path)
    assert (
        '<td class="k">被呼叫部门</td><td>蓬山区应急管理局</td>'
        in call_slip_html(demo_db, alone)[0]
    )


def test_limits_in_hours_and_minutes(demo_db, demo_path) -> None:
    # YJJ promises 20 minutes to respond and 60 to arrive on an urgent call
    urgent_html, _ = call_slip_html(demo_db, called_case(demo_db, demo_path, urgent=True))
    assert "20 分钟内响应，1 小时内到场，2 个工作日内办结" in urgent_html
    ordinary_html, _ = call_slip_html(demo_db, called_case(demo_db, demo_path, urgent=False))
    assert "40 分钟内响应，2 小时内到场（一般呼叫按办公时间计），2 个工作日内办结" in ordinary_html
    assert "120 分钟" not in ordinary_html


def test_the_pdf_is_written(demo_db, demo_path, tmp_path: Path, qapp) -> None:
    out = tmp_path / "呼叫单.pdf"
    code = write_call_slip(demo_db, called_case(demo_db, demo_path), out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000
    assert len(code) == 9 and code[4] == "-"


def test_a_case_without_a_call_has_no_slip(demo_db) -> None:
    with pytest.raises(DomainError) as refused:
        call_slip_html(demo_db, pending_case(demo_db))
    assert "没有呼叫记录" in str(refused.value)


def test_the_command_prints_the_code(demo_db, demo_path, tmp_path: Path, capsys, qapp) -> None:
    number = called_case(demo_db, demo_path)
    out = tmp_path / "slip.pdf"
    assert run(["call-slip", number, "-o", str(out), "--db", str(demo_path)]) == 0
    assert "校验码" in capsys.readouterr().out
    assert out.read_bytes().startswith(b"%PDF")


def test_the_townships_own_duty_phone_comes_first(demo_db, demo_path) -> None:
    town = township(demo_db)
    profile = replace(town, authority="青石镇人民政府", duty_phone="0535-6320000")
    set_township_profile(demo_db, user_by_name(demo_db, "admin"), profile, wall=frozen)
    html, _ = call_slip_html(demo_db, called_case(demo_db, demo_path))
    assert '<td class="k">回电电话</td><td>0535-6320000</td>' in html
    assert "响应时请致电 0535-6320000" in html


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_a_long_slip_keeps_its_signature_lines_with_its_last_text(
    demo_db, demo_path, tmp_path: Path, qapp
) -> None:
    """A long description and many cooperating units push the slip onto a second page; the
    receipt, its note and the signature lines go there together, never the signature lines
    alone."""
    clerk, blobs = user_by_name(demo_db, "clerk"), BlobStore.beside(demo_path)
    helpers = ("PCS", "ZHB", "SCJG", "ZFZD", "STHJ", "ZRZY", "ZJJ", "SFS")
    out = tmp_path / "呼叫单.pdf"

    def long_slip(lines: int) -> tuple[str, CallSlip]:
        text = "；".join(
            f"第 {n} 处：燃气管道沿线发现异味，居民反映夜间有嘶嘶声" for n in range(lines)
        )
        request = IntakeRequest("0102", "G01", text, "青石村北街 12 号")
        case = register_case(demo_db, blobs, clerk, request, wall=frozen)
        call = Request(
            Action.CALL,
            to="YJJ",
            reason="燃气管道疑似泄漏",
            with_units=helpers,
            override_reason="疑似燃气泄漏，先请应急管理局到场",
        )
        act(demo_db, blobs, clerk, case.number, call, wall=frozen)
        return case.number, call_slip(demo_db, case.number)

    def pages_of(html: str) -> int:
        return page_count(write_pdf(html, out, "呼叫单"))

    # the shortest slip whose end (receipt, note, signatures) runs past the case's table
    # when written the plain way
    number, slip = next(
        (number, slip)
        for number, slip in (long_slip(n) for n in range(2, 60, 2))
        if pages_of(slip.main + slip.end) > pages_of(slip.main)
    )
    write_pdf(slip.main + slip.end, out, "呼叫单")
    plain = page_count(out)
    write_call_slip(demo_db, number, out)
    assert page_count(out) == plain
    last = flat(page_text(out, page_count(out)))
    for text in ("响应回执", "处置情况", "响应时请致电", "承办人：王晓丽", "负责人：", "（盖章）"):
        assert text in last, text
    assert "燃气管道疑似泄漏" not in last  # the case's table stays before it


def flat(text: str) -> str:
    return "".join(text.split())


def page_text(pdf: Path, page: int) -> str:
    run = ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(run, capture_output=True, check=True).stdout.decode()
