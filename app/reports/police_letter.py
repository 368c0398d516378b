"""The body of a 涉嫌犯罪案件移送书 for a transfer requested and approved as order 310
prescribes (core/police_transfer.py): the party, the facts, the offence and why it meets
the prosecution threshold, the legal basis, the list of materials with their kinds (art. 6),
the handler (承办人, who asked) and the responsible leader (负责人, who approved), and the
copy to the procuratorate (抄送, art. 14). The heading, the evidence list and the receipt
are the transfer letter's own (transfer_letter.py)."""

from __future__ import annotations

from html import escape

from app.core.case_path.parties import Party
from app.core.model import Case
from app.core.police_transfer import ATTACHMENT_KINDS
from app.core.transfers import Transfer
from app.store.police_transfers import PoliceRequest
from app.store.reference import ReferenceData

RULE = "《行政执法机关移送涉嫌犯罪案件的规定》"
# The legal basis printed on every such letter: the Administrative Penalty Law obliges the
# transfer of a suspected crime (2021, art. 27 para. 1); order 310 says how (art. 3, 5, 6).
BASIS = f"《中华人民共和国行政处罚法》第二十七条第一款，{RULE}第三条、第五条、第六条"
INDENT = "　　"


def police_body(
    transfer: Transfer,
    request: PoliceRequest,
    case: Case,
    parties: list[Party],
    ref: ReferenceData,
    code: str,
    evidence_files: int,
) -> tuple[str, str]:
    """The letter from its addressee to its copy line, as its text and its last lines (the
    list of materials, the seal and the signatures), which are kept together on a page."""
    issuer = ref.township.issuer
    party = "、".join(p.name or "（姓名保密）" for p in parties) or "当事人（未登记）"
    text = (
        f"{issuer}在依法查处{party}{ref.category_name(case.category_code)}一案中，"
        f"发现其涉嫌{request.offence}，依据{BASIS}之规定，现将该案移送你单位，"
        "请依法审查，并自收到之日起三日内作出立案或者不予立案的决定，书面告知我单位"
        f"（{RULE}第八条）；决定不予立案的，请说明理由，并退回案卷材料。"
    )
    return (
        f'<p class="to">{escape(transfer.counterpart)}：</p>\n'
        f'<p class="body">{INDENT}{escape(text)}</p>\n' + _cells(case, request, parties, ref, code),
        _materials(request, evidence_files)
        + _signature(transfer, request, issuer, ref.township.duty_phone),
    )


def _cells(
    case: Case, request: PoliceRequest, parties: list[Party], ref: ReferenceData, code: str
) -> str:
    place = "，".join(p for p in (case.address, ref.grid_name(case.grid_code)) if p)
    party = "<br/>".join(escape(p.summary()) for p in parties) or "未登记"
    rows = [
        ("案件编号", escape(case.number)),
        ("当事人", party),
        ("案由", escape(ref.category_name(case.category_code))),
        ("发生地点", escape(place or "—")),
        ("违法事实", escape(request.facts or case.description)),
        ("涉嫌罪名", escape(request.offence)),
        ("达到追诉标准的事实", escape(request.threshold)),
        ("移送依据", escape(BASIS)),
        ("校验码", escape(code)),
    ]
    cells = "".join(f'<tr><td class="k" width="18%">{k}</td><td>{v}</td></tr>' for k, v in rows)
    return f'<table width="100%" cellspacing="0">{cells}</table>\n'


def _materials(request: PoliceRequest, evidence_files: int) -> str:
    """Art. 6: what goes with the letter, numbered, each with its kind and file."""
    lines = ["涉嫌犯罪案件移送书（本文书）"]
    lines += [
        f"{ATTACHMENT_KINDS[kind].zh}：{name or sha256[:12]}"
        for sha256, kind, name in request.attachments
    ]
    if evidence_files:
        lines.append(f"证据清单（共 {evidence_files} 个文件，附后）")
    items = "<br/>".join(f"{n}. {escape(line)}" for n, line in enumerate(lines, 1))
    return f'<p class="attached">{INDENT}移送材料：<br/>{items}</p>\n'


def _signature(transfer: Transfer, request: PoliceRequest, issuer: str, phone: str) -> str:
    year, month, day = transfer.sent_at[:10].split("-")
    date = f"{year}年{int(month)}月{int(day)}日"
    handler, leader = escape(request.requested_by or "—"), escape(request.decided_by or "—")
    names = f"承办人：{handler}　　负责人：{leader}"
    if phone:  # the township's duty phone, for the police to call back
        names += f"　　联系电话：{escape(phone)}"
    return (
        f'<p class="sign">{escape(issuer)}（盖章）<br/>{date}</p>\n'
        f'<p class="blank">{names}</p>\n'
        f'<p class="blank">抄送：{escape(request.copy_to)}</p>\n'
    )
