"""The 涉嫌犯罪案件移送书 of a transfer requested and approved as order 310 prescribes: the
issuing authority, number and date of approval, the party (masked by the printer's role),
facts, offence, basis, the materials with their kinds, 承办人 and 负责人 from the records,
抄送 the procuratorate; an old one-step transfer keeps its old letter."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.parties import PartyRequest
from app.core.case_path.steps import Action
from app.core.model import Role
from app.reports.pdf import page_count, write_pdf
from app.reports.police_letter import BASIS
from app.reports.transfer_letter import Letter, transfer_letter, write_transfer_letter
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.parties import add_party
from app.store.reference import user_by_name
from tests.clock import frozen
from tests.reports.test_transfer_letter import POLICE, flat, page_text, registered, transferred
from tests.store.police_helpers import materials

PERSON = PartyRequest("person", "李建民", "370684198003152318", "13905351234", "青石村东街18号")


def approved(db, path: Path) -> str:  # type: ignore[no-untyped-def]
    """Registered with one photo and a party, asked by the clerk with a report, a list of
    items and an appraisal, approved by the leader with the default procuratorate."""
    number = registered(db, path, photos=1)
    blobs, clerk = BlobStore.beside(path), user_by_name(db, "clerk")
    add_party(db, clerk, number, PERSON, wall=frozen)
    files, attached = materials(path.parent / "m", "report", "items", "appraisal")
    request = Request(
        Action.POLICE_REQUEST,
        offence=POLICE.offence,
        threshold=POLICE.threshold,
        facts=POLICE.facts,
        attachments=attached,
    )
    act(db, blobs, clerk, number, request, files, wall=frozen)
    leader = user_by_name(db, "leader")
    act(db, blobs, leader, number, Request(Action.POLICE_APPROVE), wall=frozen)
    return number


def test_the_letter_holds_what_a_legal_reviewer_looks_for(demo_db, demo_path) -> None:
    number = approved(demo_db, demo_path)
    letter = transfer_letter(demo_db, number, role=Role.CLERK)
    assert letter.title == "涉嫌犯罪案件移送书"
    assert letter.letter_no == "青石综执移公〔2026〕1号"
    html = letter.main
    for text in (
        "青石综执移公〔2026〕1号",
        "蓬山区公安分局：",
        "青石镇人民政府在依法查处李建民占道经营一案中",
        "李建民（身份证 370684198003152318，13905351234，青石村东街18号）",
        POLICE.facts,
        POLICE.offence,
        POLICE.threshold,
        BASIS,
        "1. 涉嫌犯罪案件移送书（本文书）",
        "2. 涉嫌犯罪案件调查报告：report-0.pdf",
        "3. 涉案物品清单：items-1.pdf",
        "4. 检验报告或者鉴定结论：appraisal-2.pdf",
        "5. 证据清单（共 4 个文件，附后）",
        "青石镇人民政府（盖章）<br/>2026年11月18日",
        "承办人：王晓丽　　负责人：刘建军",
        "抄送：蓬山区人民检察院",
    ):
        assert text in html, text
    assert "＿＿" not in html  # no blank for a name TownDesk knows


def test_the_party_is_masked_for_a_role_that_may_not_see_it(demo_db, demo_path) -> None:
    number = approved(demo_db, demo_path)
    html = transfer_letter(demo_db, number, role=Role.DEPARTMENT_OFFICER).main
    assert "李某（身份证 3706**********2318，139****1234）" in html
    assert "李建民" not in html and "青石村东街18号）" not in html
    whole = transfer_letter(demo_db, number).main  # the document as issued
    assert "李建民（身份证 370684198003152318" in whole
    # the leader who approved it signs it, and sees whom it names
    assert transfer_letter(demo_db, number, role=Role.LEADER).main == whole


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_long_facts_keep_the_seal_with_the_list_of_materials(
    demo_db, demo_path, tmp_path: Path, qapp
) -> None:
    """Long facts push the letter's seal past its first page; the list of materials goes
    there with it, so the seal and the signatures never stand alone on a page."""
    out = tmp_path / "移送书.pdf"

    def pages_of(html: str) -> int:
        return page_count(write_pdf(html, out, "移送书"))

    def long_letter(lines: int) -> tuple[str, Letter]:
        facts = "；".join(f"第 {n} 次查获假冒白酒若干瓶，货值约三千元" for n in range(lines))
        number = transferred(demo_db, demo_path, replace(POLICE, facts=facts), photos=1)
        return number, transfer_letter(demo_db, number)

    # the shortest letter whose seal runs past its table when written plainly
    number = next(
        number
        for number, letter in (long_letter(n) for n in range(10, 90, 4))
        if pages_of(letter.text + letter.text_end) > pages_of(letter.text)
    )
    write_transfer_letter(demo_db, number, out)
    pages = [flat(page_text(out, n)) for n in range(1, page_count(out) + 1)]
    [sealed] = [n for n, text in enumerate(pages) if "承办人：" in text]
    for text in ("移送材料", "涉嫌犯罪案件调查报告", "（盖章）", "抄送："):
        assert text in pages[sealed], text
    assert "校验码" in pages[sealed - 1]  # the table stayed where it was
