"""The transfer letter (案件移送函; to the police 涉嫌犯罪案件移送书): the case and why it
goes, then the evidence list as its attachment (each file's full SHA-256, capture and
custody), then a receipt slip (回执) for the receiver to cut off, sign and send back."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from sqlite_utils import Database

from app.core.case_path.parties import party_view
from app.core.documents import responsible_leader
from app.core.errors import DomainError
from app.core.model import Case, Role, office_unit
from app.core.slips import verification_code
from app.core.transfers import Transfer
from app.reports.pdf import (
    SLIP_STYLE,
    Document,
    keeping_end,
    keeping_end_together,
    write_document,
)
from app.reports.police_letter import police_body
from app.store.blobs import BlobStore
from app.store.cases import case_by_number
from app.store.documents import signer_of
from app.store.evidence import CustodyEntry, EvidenceItem, evidence_list
from app.store.parties import parties_for_document
from app.store.police_transfers import approved_request
from app.store.reference import ReferenceData
from app.store.transfers import latest_transfer_out

POLICE_RULE = "《行政执法机关移送涉嫌犯罪案件的规定》"
LETTER_STYLE = """
<style>
 p.no { text-align: right; font-size: 11pt; margin-bottom: 0; }
 p.to { font-size: 12pt; font-weight: bold; margin-top: 10px; margin-bottom: 2px; }
 p.body { font-size: 11pt; line-height: 150%; margin-top: 0; white-space: pre-wrap; }
 p.sign { text-align: right; font-size: 11pt; margin-top: 22px; }
 p.blank { font-size: 11pt; margin-top: 14px; }
 p.attachment { font-size: 12pt; font-weight: bold; }
 p.attached { font-size: 11pt; margin-top: 12px; white-space: pre-wrap; }
 td.n { text-align: center; }
 td.h { font-family: 'WenQuanYi Micro Hei Mono', 'Consolas', 'DejaVu Sans Mono', monospace;
        font-size: 7.5pt; }
 td.c { font-size: 9pt; color: #333; }
 span.size { font-size: 9pt; color: #555; }
 p.cut { text-align: center; font-size: 9pt; color: #666; margin-top: 20px; }
 h3 { text-align: center; font-size: 16pt; margin-bottom: 4px; }
</style>
"""
INDENT = "　　"  # two full-width spaces open a paragraph (kept by white-space: pre-wrap)
NEW_PAGE = ' style="page-break-before: always;"'
CUT_LINE = "✂ " + "- " * 14 + "沿此线剪下，签章后寄回" + " -" * 14
BLANK = "＿＿＿＿＿＿"  # a line to sign or fill in by hand
KEPT_ROWS = 2  # the case table's last rows, printed with the seal
BLANK_DATE = "&nbsp;" * 14 + "年" + "&nbsp;" * 7 + "月" + "&nbsp;" * 7 + "日"


@dataclass(frozen=True)
class Letter:
    title: str  # 案件移送函 or 涉嫌犯罪案件移送书
    letter_no: str
    code: str  # verification code, on the letter and on the receipt
    text: str  # the letter up to its last lines
    text_end: str  # its last lines and the seal: kept together on a page ("": not split)
    attachment: str  # the evidence list, from a page of its own
    receipt: str  # the slip, without its page break

    @property
    def main(self) -> str:
        """The letter and its attachment, laid out plainly."""
        return self.text + self.text_end + self.attachment

    @property
    def html(self) -> str:
        return self.main + self.receipt


def transfer_letter_html(
    db: Database, number: str, blobs: BlobStore | None = None
) -> tuple[str, str]:
    """(HTML, verification code) of the letter of case ``number``'s latest transfer out."""
    letter = transfer_letter(db, number, blobs)
    return letter.html, letter.code


def write_transfer_letter(db: Database, number: str, out: Path, role: Role | None = None) -> str:
    """Write the PDF; returns the verification code printed on it. The receipt goes at
    the foot of the last page when it fits there, else at the top of a page of its own,
    so it is never cut in two by a page break."""
    document, code = transfer_letter_document(db, number, role)
    write_document(document, out)
    return code


def transfer_letter_document(
    db: Database, number: str, role: Role | None = None
) -> tuple[Document, str]:
    """The letter as it goes on paper (the receipt placed as ``write_transfer_letter`` says)
    and its verification code; ``role`` as for ``transfer_letter``."""
    letter = transfer_letter(db, number, role=role)
    title = f"{letter.title} {letter.letter_no}"
    text = letter.text  # the seal never alone on a page (the attachment starts a new one)
    if letter.text_end:
        text = keeping_end_together(letter.text, letter.text_end, title)
    main = text + letter.attachment
    html = keeping_end(main, letter.receipt, _on_new_page(letter.receipt), title)
    return Document(title, html), letter.code


def transfer_letter(
    db: Database, number: str, blobs: BlobStore | None = None, role: Role | None = None
) -> Letter:
    """``role``: the parties are shown as that role may see them (masked like the reporter);
    None for the document as issued, whole."""
    case = case_by_number(db, number)
    transfer = latest_transfer_out(db, case.id)
    if transfer is None:
        raise DomainError("no_transfer_letter", value=case.number)
    ref = ReferenceData(db)
    items = evidence_list(db, blobs or _blobs_beside(db), case.id)
    code = verification_code(transfer.id, case.number)
    office = ref.township.issuer  # the authority that transfers, not its office (§8)
    request = approved_request(db, case.id, transfer.letter_no) if transfer.police else None
    if request is not None:  # requested and approved as order 310 prescribes
        parties = parties_for_document(db, case.id)
        if role is not None:
            parties = [party_view(p, role) for p in parties]
        body = police_body(transfer, request, case, parties, ref, code, len(items))
        text = "".join((SLIP_STYLE, LETTER_STYLE, _heading(transfer), body))
        receipt = _receipt(transfer, case, office, len(items), code)
        attachment = _attachment(items)
        return Letter(_title(transfer), transfer.letter_no, code, text, "", attachment, receipt)
    cells = _case_cells(transfer, case, ref, code)
    text = "".join(
        (
            SLIP_STYLE,
            LETTER_STYLE,
            _heading(transfer),
            _opening(transfer, len(items)),
            _label_table(cells[:-KEPT_ROWS]),
        )
    )
    # the table's last rows (the reason, the code) go with the seal, so that a long
    # description never leaves the seal and the signature lines alone on a page
    text_end = _label_table(cells[-KEPT_ROWS:]) + _signature(
        transfer, office, len(items), _signers(db, transfer, ref)
    )
    receipt = _receipt(transfer, case, office, len(items), code)
    attachment = _attachment(items)
    return Letter(_title(transfer), transfer.letter_no, code, text, text_end, attachment, receipt)


def _blobs_beside(db: Database) -> BlobStore:
    """The evidence folder of this database file (to say whether each original is here)."""
    return BlobStore.beside(Path(db.execute("PRAGMA database_list").fetchone()[2]))


def _on_new_page(receipt: str) -> str:
    return receipt.replace('<p class="cut">', f'<p class="cut"{NEW_PAGE}>', 1)


def _title(transfer: Transfer) -> str:
    return "涉嫌犯罪案件移送书" if transfer.police else "案件移送函"


def _letter_no(transfer: Transfer) -> str:
    return escape(transfer.letter_no or "（未编号）")  # transfers made before numbering


def _heading(transfer: Transfer) -> str:
    return f'<p class="no">{_letter_no(transfer)}</p>\n<h1>{" ".join(_title(transfer))}</h1>\n'


def _opening(transfer: Transfer, files: int) -> str:
    # the township government issues the letter (DOMAIN.md §8), so it speaks as 本机关,
    # not as its office (我办)
    materials = "案件及有关证据材料" if files else "案件材料"
    if transfer.police:
        text = (
            f"本机关在依法办理下列案件中，发现其涉嫌{escape(transfer.offence)}，"
            f"依据{POLICE_RULE}，现将{materials}移送你单位，请依法审查，"
            "并将是否立案的决定书面告知本机关；决定不予立案的，请说明理由，并退回案卷材料。"
        )
    else:
        text = (
            "本机关受理的下列案件，经研判不属于本机关职责范围，"
            f"现将{materials}移送你单位依法处理，并请将处理结果告知本机关。"
        )
    return (
        f'<p class="to">{escape(transfer.counterpart)}：</p>\n'
        f'<p class="body">{INDENT}{text}收到后请填写本函所附回执，签章后寄回本机关。</p>\n'
    )


def _case_cells(
    transfer: Transfer, case: Case, ref: ReferenceData, code: str
) -> list[tuple[str, str]]:
    place = "，".join(p for p in (case.address, ref.grid_name(case.grid_code)) if p)
    cells = [
        ("案件编号", case.number),
        ("问题类别", ref.category_path(case.category_code)),
        ("发生地点", place or "—"),
        ("受理时间", case.received_at[:16]),
        ("问题描述", case.description),
        ("移送理由", transfer.reason or "—"),
    ]
    if transfer.police:
        cells += [
            ("涉嫌罪名", transfer.offence or "—"),
            ("达到追诉标准的事实", transfer.threshold or "—"),
        ]
    return [*cells, ("校验码", code)]


def _label_table(cells: list[tuple[str, str]]) -> str:
    """label_table with the label column held to a fixed width (short values otherwise
    let Qt widen it to half the page)."""
    rows = "".join(
        f'<tr><td class="k" width="16%">{escape(k)}</td><td>{escape(v)}</td></tr>' for k, v in cells
    )
    return f'<table width="100%" cellspacing="0">{rows}</table>\n'


def _signature(transfer: Transfer, office: str, files: int, signers: tuple[str, str, str]) -> str:
    attached = f"证据清单（共 {files} 个文件）" if files else "无（本案没有电子证据文件）"
    handler, leader, phone = (escape(name) or BLANK for name in signers)
    return (
        f'<p class="attached">{INDENT}附件：{attached}</p>\n'
        f'<p class="sign">{escape(office)}（盖章）<br/>{_date_words(transfer.sent_at)}</p>\n'
        f'<p class="blank">承办人：{handler}　　负责人：{leader}　　联系电话：{phone}</p>\n'
    )


def _signers(db: Database, transfer: Transfer, ref: ReferenceData) -> tuple[str, str, str]:
    """(承办人, 负责人, 联系电话) of an ordinary transfer: who made the transfer step, that
    person again as 负责人 only if they held the leader role then (the documents' one rule),
    and the number the receiver calls back on."""
    actor_id, held = signer_of(db, transfer.id)
    handler = ref.user_name(actor_id) if actor_id else ""
    office = ref.departments[office_unit(ref.departments)]
    return handler, responsible_leader(handler, held), ref.township.duty_phone or office.duty_phone


def _attachment(items: list[EvidenceItem]) -> str:
    """The evidence list, from the top of a new page, as attachments are in 公文."""
    if not items:
        return ""
    header = (
        '<tr><td class="k n" width="10%">序号</td><td class="k">文件名 · 大小</td>'
        '<td class="k">采集人 · 采集设备 · 采集时间</td></tr>'
    )
    rows = "".join(_evidence_rows(n, item) for n, item in enumerate(items, 1))
    return (
        f'<p class="attachment"{NEW_PAGE}>附件</p>\n'
        f"<h2>证据清单（共 {len(items)} 个文件）</h2>\n"
        f'<table width="100%" cellspacing="0">{header}{rows}</table>\n'
        '<p class="note">以上证据原始文件自采集时起按其 SHA-256 值保存，未作任何修改；'
        "接收单位可对收到的每个文件重新计算 SHA-256 值，与上表逐一核对，"
        "一致即证明文件完整、未被改动。</p>\n"
    )


def _evidence_rows(n: int, item: EvidenceItem) -> str:
    e = escape
    size = f"{item.size:,} 字节" if item.size is not None else "大小不详"
    if not item.stored:
        size += "（本机暂无原件）"
    captured = item.captured
    capture = (
        " · ".join(p for p in (captured.actor, captured.device, captured.at[:16]) if p)
        if captured
        else f"{item.added_at[:16]} 随案登记"
    )
    moves = [e(_move(c)) for c in item.custody if c.kind != "captured"]
    custody = "<br/>".join(moves) or "自采集后一直保存在采集设备上"
    return (
        f'<tr><td class="n" width="10%" rowspan="3">{n}</td>'
        f'<td>{e(item.file_name)}<br/><span class="size">{e(size)}</span></td>'
        f"<td>{e(capture)}</td></tr>"
        f'<tr><td class="h" colspan="2">SHA-256：{e(item.sha256)}</td></tr>'
        f'<tr><td class="c" colspan="2">保管记录：<br/>{custody}</td></tr>'
    )


def _move(entry: CustodyEntry) -> str:
    """A custody step after capture: the sync file that carried it, and who imported it."""
    text = f"{entry.at[:16]} 经同步包 {entry.file_id[:8] or '—'} 由 {entry.from_device or '—'}"
    text += f" 交至 {entry.device or '—'}"
    return text + (f"，导入人 {entry.actor}" if entry.actor else "")


def _receipt(transfer: Transfer, case: Case, office: str, files: int, code: str) -> str:
    e = escape
    letter = _letter_no(transfer)
    materials = f"及所附证据材料（共 {files} 个文件）" if files else ""
    rows = (
        f'<tr><td class="k">签收单位（盖章）</td><td colspan="3">{e(transfer.counterpart)}'
        "<br/><br/></td></tr>"
        '<tr><td class="k">签收人</td><td width="28%">&nbsp;</td>'
        '<td class="k">联系电话</td><td width="28%">&nbsp;</td></tr>'
        f'<tr><td class="k">签收日期</td><td colspan="3">{BLANK_DATE}</td></tr>'
    )
    return (
        f'<p class="cut">{CUT_LINE}</p>\n<h3>回　执</h3>\n'
        f'<p class="to">{e(office)}：</p>\n'
        f'<p class="body">{INDENT}你单位{letter}《{_title(transfer)}》'
        f"（案件编号 {e(case.number)}，校验码 {code}）{materials}已收到。</p>\n"
        f'<table width="100%" cellspacing="0">{rows}</table>\n'
    )


def _date_words(at: str) -> str:
    """``2026-11-18 10:02:00`` -> ``2026年11月18日``"""
    year, month, day = at[:10].split("-")
    return f"{year}年{int(month)}月{int(day)}日"
