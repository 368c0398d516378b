"""The transfer letter (移送函 / 涉嫌犯罪案件移送书): letter number, addressee, the case, the
evidence list with every file's full SHA-256 and custody, a receipt slip; a PDF."""

from __future__ import annotations

import re
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
from app.reports.pdf import page_count, write_pdf
from app.reports.slips import SLIPS, write_slip
from app.reports.transfer_letter import (
    POLICE_RULE,
    Letter,
    transfer_letter,
    transfer_letter_html,
    write_transfer_letter,
)
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.cases import case_by_number, register_case
from app.store.evidence import evidence_list
from app.store.reference import user_by_name
from app.store.transfers import latest_transfer_out
from tests.clock import frozen
from tests.images import TINY_JPEG
from tests.store.police_helpers import materials
from tests.sync import conftest as two_devices
from tests.sync.conftest import jpeg

office, laptop = two_devices.office, two_devices.laptop  # the demo office and a laptop

JPEG = TINY_JPEG + b"evidence" * 200
LAND = Request(Action.TRANSFER, to="区自然资源局", reason="属非法占用耕地建设，由自然资源部门查处")
POLICE = Request(
    Action.POLICE_REQUEST,
    offence="销售假冒注册商标的商品罪",
    threshold="现场查获假冒白酒约300瓶，货值约9万元，超过5万元的追诉标准",
    facts="2026年11月18日在镇东市场12号查获假冒白酒约300瓶",
)


def registered(db, path: Path, photos: int = 0, description: str = "") -> str:  # type: ignore[no-untyped-def]
    files = []
    for n in range(photos):
        file = path.parent / "camera" / f"现场照片{n + 1}.jpg"
        file.parent.mkdir(exist_ok=True)
        file.write_bytes(JPEG + bytes([n]))
        files.append(file)
    request = IntakeRequest(
        "0101", "G01", description or "镇东市场一商户销售假冒白酒", "镇东市场12号"
    )
    clerk = user_by_name(db, "clerk")
    return register_case(db, BlobStore.beside(path), clerk, request, files, wall=frozen).number


def transferred(db, path: Path, request: Request = LAND, photos: int = 2, **kw) -> str:  # type: ignore[no-untyped-def]
    number = registered(db, path, photos, **kw)
    blobs, clerk = BlobStore.beside(path), user_by_name(db, "clerk")
    if request.action != Action.POLICE_REQUEST:
        act(db, blobs, clerk, number, request, wall=frozen)
        return number
    # asked for with the report and the list of items, approved by the leader (order 310)
    files, attached = materials(path.parent / "materials")
    police = replace(request, attachments=attached)
    act(db, blobs, clerk, number, police, files, wall=frozen)
    approve = Request(Action.POLICE_APPROVE)
    act(db, blobs, user_by_name(db, "leader"), number, approve, wall=frozen)
    return number


def test_the_letter_names_its_number_the_addressee_the_case_and_the_reason(
    demo_db, demo_path
) -> None:
    number = transferred(demo_db, demo_path)
    html, code = transfer_letter_html(demo_db, number)
    transfer = latest_transfer_out(demo_db, case_by_number(demo_db, number).id)
    assert transfer is not None and transfer.letter_no.startswith("青石综执移〔")
    assert code == verification_code(transfer.id, number)
    for text in (
        transfer.letter_no,
        "案 件 移 送 函",
        "区自然资源局：",  # the addressee opens the letter
        number,
        "市容环境 / 占道经营",
        "镇东市场12号",
        "镇东市场一商户销售假冒白酒",
        LAND.reason,
        "青石镇人民政府（盖章）",  # the authority, not its office (DOMAIN.md §8)
        # who made the transfer step; a clerk is not the responsible leader, who signs
        # by hand (core/documents.responsible_leader); the office's duty phone
        "承办人：王晓丽　　负责人：＿＿＿＿＿＿　　联系电话：0535-6321001",
        "回　执",
        "沿此线剪下",
        code,
    ):
        assert text in html, text
    letter = transfer_letter(demo_db, number)
    assert transfer.letter_no in letter.main and transfer.letter_no in letter.receipt
    assert code in letter.receipt and "区自然资源局" in letter.receipt  # who signs it
    assert "追诉标准" not in html and POLICE_RULE not in html
    # the government issues it, so the letter speaks as 本机关, never as the office (我办)
    assert "不属于本机关职责范围" in html and "寄回本机关" in html and "我办" not in html


def test_the_police_letter_gives_the_offence_and_the_threshold(demo_db, demo_path) -> None:
    number = transferred(demo_db, demo_path, POLICE)
    letter = transfer_letter(demo_db, number)
    assert letter.title == "涉嫌犯罪案件移送书"
    assert re.fullmatch(r"青石综执移公〔\d{4}〕\d+号", letter.letter_no)
    for text in ("蓬山区公安分局：", POLICE.offence, POLICE.threshold, POLICE_RULE, "不予立案"):
        assert text in letter.html, text


def test_every_evidence_file_is_listed_with_its_full_hash_and_custody(
    office, laptop, tmp_path: Path
) -> None:
    """A photo taken on a laptop and carried to the office by a sync file: its full SHA-256,
    who captured it on which device and when, and the sync file that carried it."""
    case = laptop.report("河道边有人倾倒建筑垃圾", jpeg(tmp_path / "camera", "河道现场.jpg"))
    office.import_file(laptop.export_to(office, tmp_path / "up.tdsync").path)
    act(office.db, office.blobs, office.user("clerk"), case.number, LAND, [], wall=frozen)
    html, _ = transfer_letter_html(office.db, case.number, office.blobs)
    items = evidence_list(office.db, office.blobs, case_by_number(office.db, case.number).id)
    assert [item.file_name for item in items] == ["河道现场.jpg"]
    [item] = items
    captured = item.captured
    assert captured is not None and "青石村网格终端" in captured.device
    received = [c for c in item.custody if c.kind == "received"]
    assert received, "the office received the photo through a sync file"
    assert f"SHA-256：{item.sha256}" in html  # the whole hash, on one line
    for text in (item.file_name, captured.actor, captured.device, captured.at[:16]):
        assert text in html, text
    for step in received:
        assert step.from_device in html and step.device in html and step.file_id[:8] in html
    assert "证据清单（共 1 个文件）" in html
    assert "未作任何修改" in html and "重新计算 SHA-256" in html


def test_each_of_several_files_has_its_row(demo_db, demo_path) -> None:
    number = transferred(demo_db, demo_path, photos=3)
    html, _ = transfer_letter_html(demo_db, number)
    items = evidence_list(demo_db, BlobStore.beside(demo_path), case_by_number(demo_db, number).id)
    assert len(items) == 3
    for item in items:
        assert item.file_name in html and item.sha256 in html
    assert len(re.findall(r"SHA-256：[0-9a-f]{64}<", html)) == 3
    assert f"{items[0].size:,} 字节" in html


def test_a_case_without_evidence_says_so(demo_db, demo_path) -> None:
    html, _ = transfer_letter_html(demo_db, transferred(demo_db, demo_path, photos=0))
    assert "附件：无" in html and "证据清单（共" not in html


def test_names_are_escaped(demo_db, demo_path) -> None:
    odd = Request(Action.TRANSFER, to="区<市场>监管局", reason="食品 & 药品")
    html, _ = transfer_letter_html(demo_db, transferred(demo_db, demo_path, odd))
    assert "区&lt;市场&gt;监管局" in html and "食品 &amp; 药品" in html
    assert "<市场>" not in html


def test_the_pdf_is_written(demo_db, demo_path, tmp_path: Path, qapp) -> None:
    number = transferred(demo_db, demo_path, POLICE)
    out = tmp_path / "移送书.pdf"
    code = write_transfer_letter(demo_db, number, out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000
    assert code == transfer_letter(demo_db, number).code


def test_a_short_letter_keeps_its_receipt_on_the_same_page(
    demo_db, demo_path, tmp_path: Path, qapp
) -> None:
    """No evidence attachment and a short case: one page, the receipt at its foot."""
    number = transferred(demo_db, demo_path, photos=0)
    out = tmp_path / "移送函.pdf"
    write_transfer_letter(demo_db, number, out)
    assert re.search(rb"/Count (\d+)", out.read_bytes()).group(1) == b"1"  # type: ignore[union-attr]


def test_the_window_and_the_command_line_reach_it_as_a_slip(
    demo_db, demo_path, tmp_path: Path, qapp
) -> None:
    assert SLIPS["transfer_letter"][0] == "移送函"
    number = transferred(demo_db, demo_path, photos=1)
    out = tmp_path / "slip.pdf"
    assert (
        write_slip(demo_db, "transfer_letter", number, out) == transfer_letter(demo_db, number).code
    )
    assert out.stat().st_size > 5000


def test_no_letter_for_a_case_never_transferred(demo_db, demo_path, tmp_path: Path) -> None:
    number = registered(demo_db, demo_path, photos=1)
    with pytest.raises(DomainError) as refused:
        transfer_letter_html(demo_db, number)
    assert refused.value.code == "no_transfer_letter"
    assert number in str(refused.value) and "移送函" in str(refused.value)
    out = tmp_path / "none.pdf"
    with pytest.raises(DomainError):
        write_transfer_letter(demo_db, number, out)
    assert not out.exists()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_a_long_letter_keeps_its_seal_with_its_last_rows(
    demo_db, demo_path, tmp_path: Path, qapp
) -> None:
    """A long description pushes the letter's seal past its first page; the case table's
    last rows (the reason and the code) go there with it, never the seal alone."""
    out = tmp_path / "移送函.pdf"

    def pages_of(html: str) -> int:
        return page_count(write_pdf(html, out, "移送函"))

    def long_letter(lines: int) -> tuple[str, Letter]:
        text = "；".join(
            f"第 {n} 处：农田中新建砖混房屋，占用耕地约二十平方米" for n in range(lines)
        )
        number = transferred(demo_db, demo_path, photos=1, description=text)
        return number, transfer_letter(demo_db, number)

    # the shortest letter whose seal runs past the case's table when written plainly
    number = next(
        number
        for number, letter in (long_letter(n) for n in range(10, 80, 3))
        if pages_of(letter.text + letter.text_end) > pages_of(letter.text)
    )
    write_transfer_letter(demo_db, number, out)
    pages = [flat(page_text(out, n)) for n in range(1, page_count(out) + 1)]
    [sealed] = [n for n, text in enumerate(pages) if "承办人：" in text]
    for text in ("移送理由", "属非法占用耕地建设", "校验码", "附件：证据清单", "（盖章）"):
        assert text in pages[sealed], text
    assert pages[sealed + 1].startswith("附件")  # the evidence list from the next page


def flat(text: str) -> str:
    return "".join(text.split())


def page_text(pdf: Path, page: int) -> str:
    run = ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(run, capture_output=True, check=True).stdout.decode()
