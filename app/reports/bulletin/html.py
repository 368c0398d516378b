"""The bulletin as an A4 document (HTML for the PDF writer): 红头, sections, signature,
attachment and 版记."""

from __future__ import annotations

from html import escape

from app.core.indicators import BY_KEY
from app.reports.bulletin.gather import CALL_KEYS, DECISION_KEY, OVERDUE_ROWS, UNIT_KEYS, Bulletin
from app.reports.bulletin.rows import (
    BASE_NOTE,
    DECISION_HEADERS,
    HEADLINE_HEADERS,
    OVERDUE_HEADERS,
    OVERDUE_WIDTHS,
    call_headers,
    call_rows,
    category_rows,
    date_words,
    decision_rows,
    headline_rows,
    lists_text,
    overdue_rows,
    place_rows,
    ranking_headers,
    ranking_rows,
    summary_sentence,
    unit_headers,
    unit_rows,
    value_text,
    weights_text,
)

STYLE = """
<style>
 p.org { text-align: center; color: #c00000; font-size: 24pt; font-weight: bold;
         margin-top: 6px; margin-bottom: 6px; }
 p.no { text-align: center; font-size: 11pt; margin-top: 4px; margin-bottom: 2px; }
 td.rule { background-color: #c00000; font-size: 2pt; }
 h1 { text-align: center; font-size: 17pt; margin-top: 16px; margin-bottom: 12px; }
 p.to { font-size: 11.5pt; margin-top: 6px; margin-bottom: 4px; }
 p.body { font-size: 11pt; line-height: 150%; margin-top: 2px; margin-bottom: 4px;
          white-space: pre-wrap; }
 h2 { font-size: 12.5pt; font-weight: bold; margin-top: 14px; margin-bottom: 6px; }
 h3 { font-size: 11pt; font-weight: bold; margin-top: 8px; margin-bottom: 4px; }
 th { border: 1px solid #555; padding: 3px 4px; font-size: 9pt; background: #eef2f7;
      font-weight: bold; }
 td { border: 1px solid #555; padding: 3px 4px; font-size: 9pt; vertical-align: top; }
 td.n { text-align: right; }
 td.c { text-align: center; }
 td.bare { border: none; }
 p.note { font-size: 9pt; color: #333; margin-top: 4px; }
 p.sign { text-align: right; font-size: 11.5pt; margin-top: 18px; margin-bottom: 0; }
 p.date { text-align: right; font-size: 11.5pt; margin-top: 4px; }
 p.attachment { font-size: 12pt; font-weight: bold; }
 p.record { font-size: 10pt; margin-top: 2px; margin-bottom: 2px; }
</style>
"""
INDENT = "　　"
NEW_PAGE = ' style="page-break-before: always;"'


def _table(
    headers: list[str],
    rows: list[list[str]],
    numeric: set[int] | None = None,
    widths: dict[int, int] | None = None,
) -> str:
    """A bordered table, header repeated on each page; ``numeric`` columns right-aligned,
    ``widths`` columns held to that percentage of the page. Cells are escaped here."""
    numeric = numeric or set()
    widths = widths or {}
    head = "".join(
        f'<th width="{widths[i]}%">{escape(h)}</th>' if i in widths else f"<th>{escape(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{escape(v)}</td>' if i in numeric else f"<td>{escape(v)}</td>"
            for i, v in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f'<table width="100%" cellspacing="0" cellpadding="3">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>\n"
    )


def _p(text: str, cls: str = "body") -> str:
    return f'<p class="{cls}">{INDENT if cls == "body" else ""}{escape(text)}</p>\n'


def _heading(b: Bulletin) -> str:
    return (
        f'<p class="org">{escape(b.issuer)}</p>\n'
        f'<p class="no">{escape(b.number)}</p>\n'
        '<table width="100%" cellspacing="0" cellpadding="0">'
        '<tr><td class="rule">&nbsp;</td></tr></table>\n'
        f"<h1>{escape(b.title)}</h1>\n"
        '<p class="to">镇综合行政执法办公室各成员单位、各派驻机构，区直有关部门：</p>\n'
        + _p(
            f"现将{b.period.label}全镇综合行政执法工作情况通报如下。"
            f"本通报数据统计至{date_words(b.now)}，按受理、结案等时间归入当月。"
        )
    )


def _section_overall(b: Bulletin) -> str:
    return (
        "<h2>一、总体情况</h2>\n"
        + _p(summary_sentence(b))
        + _table(HEADLINE_HEADERS, headline_rows(b), {1, 2})
        + _p(BASE_NOTE, "note")
    )


def _section_units(b: Bulletin) -> str:
    if not b.units:
        return "<h2>二、各单位办理情况</h2>\n" + _p("本月各单位没有办理记录。")
    return (
        "<h2>二、各单位办理情况</h2>\n"
        + _table(unit_headers(), unit_rows(b), set(range(1, len(UNIT_KEYS) + 1)), {0: 24})
        + _p("注：受理量按案件当前（或最后）牵头单位计；“未分拨”为尚未研判分拨的案件。", "note")
    )


def _section_ranking(b: Bulletin) -> str:
    body = (
        _table(
            ranking_headers(b),
            ranking_rows(b),
            set(range(2, 3 + len(b.weights))),
            {0: 6, 1: 22, 2: 12},  # a unit's name on one or two lines, not three
        )
        if b.ranked
        else _p("本月无可考核的单位。")
    )
    return (
        "<h2>三、考核排名</h2>\n"
        + _p(weights_text(b.weights), "note")
        + body
        + f'<p class="body">{INDENT}<b>红榜：</b>{escape(lists_text(b.green, b.unit_names))}</p>\n'
        + f'<p class="body">{INDENT}<b>黑榜：</b>{escape(lists_text(b.red, b.unit_names))}</p>\n'
        + _p("红榜为得分 90 分以上的前三名，黑榜为得分低于 75 分的后三名。", "note")
    )


def _section_problems(b: Bulletin) -> str:
    parts = ["<h2>四、高发问题</h2>\n", "<h3>（一）高发问题类别</h3>\n"]
    if b.categories:
        parts.append(
            _table(["序号", "问题类别", "受理量", "占比"], category_rows(b), {2, 3}, {0: 8})
        )
    else:
        parts.append(_p("本月无受理案件。"))
    by_address = bool(b.places) and b.places[0].by_address
    parts.append("<h3>（二）高发地点</h3>\n")
    if b.places:
        if not by_address:
            parts.append(_p("本月没有同一地址受理 2 件以上的案件，按网格列出受理较多的网格。"))
        parts.append(_table(["序号", "地点", "所在网格", "受理量"], place_rows(b), {3}, {0: 8}))
    else:
        parts.append(_p("本月无受理案件。"))
    parts.append("<h3>（三）无案件上报的网格</h3>\n")
    if b.silent:
        names = "、".join(g.name for g in b.silent)
        parts.append(
            _p(
                f"本月有 {len(b.silent)} 个网格没有受理案件：{names}。"
                "请相关网格加强日常巡查，做到发现问题及时上报。"
            )
        )
    else:
        parts.append(_p("本月各网格均有案件上报。"))
    return "".join(parts)


def _section_overdue(b: Bulletin) -> str:
    head = "<h2>五、超期未办结案件</h2>\n"
    if not b.overdue:
        return head + _p(f"截至{date_words(b.now)}，没有超期未办结的案件。")
    signing = sum(1 for c in b.overdue if c.step == "sign")
    shown = b.overdue[:OVERDUE_ROWS]
    more = (
        f"下表列出超期时间最长的 {len(shown)} 件，其余见督查督办台账。"
        if len(b.overdue) > len(shown)
        else "详见下表。"
    )
    return (
        head
        + _p(
            f"截至{date_words(b.now)}，全镇超期未办结案件共 {len(b.overdue)} 件，其中签收超期 "
            f"{signing} 件、处置超期 {len(b.overdue) - signing} 件。{more}"
            "请各牵头单位抓紧办理，已督办的案件限期办结。"
        )
        + _table(OVERDUE_HEADERS, overdue_rows(shown), {7, 8}, OVERDUE_WIDTHS)
        + _p("超期工作日按办公时间计，法定节假日、周末不计。", "note")
    )


def _section_calls(b: Bulletin) -> str:
    head = "<h2>六、区直部门呼叫响应</h2>\n"
    if not b.calls:
        return head + _p("本月没有呼叫区直部门的案件。")
    total = [f"全镇：呼叫 {value_text('calls', b.total.get('calls'))} 次"]
    for k in ("response_on_time_rate", "arrival_on_time_rate", "confirmation_rate"):
        total.append(f"{BY_KEY[k].name} {value_text(k, b.total.get(k))}")
    return (
        head
        + _p("，".join(total) + "。")
        + _table(call_headers(), call_rows(b), set(range(1, len(CALL_KEYS) + 1)), {0: 22})
    )


def _section_decisions(b: Bulletin) -> str:
    head = "<h2>七、联席会议决议落实</h2>\n"
    if not b.decisions:
        return head + _p("本月没有到期或超期未落实的联席会议决议。")
    rate = b.total.get(DECISION_KEY)
    open_ = sum(1 for d in b.decisions if d.done_at is None)
    return (
        head
        + _p(
            f"本月到期及此前到期未落实的决议共 {len(b.decisions)} 项，尚未落实 {open_} 项；"
            f"本月到期决议按期落实率 {value_text(DECISION_KEY, rate)}。"
        )
        + _table(DECISION_HEADERS, decision_rows(b))
    )


def _closing(b: Bulletin) -> str:
    """附件说明, the authority with its seal, the issue date: printed together."""
    return (
        f'<p class="body">{INDENT}附件：指标说明</p>\n'
        f'<p class="sign">{escape(b.issuer)}（盖章）</p>\n'
        f'<p class="date">{date_words(b.now)}</p>\n'
    )


def _attachment(b: Bulletin) -> str:
    rows = [[i.name, i.unit, i.definition] for i in b.used]
    return f'<p class="attachment"{NEW_PAGE}>附件</p>\n<h1>指标说明</h1>\n' + _table(
        ["指标", "单位", "定义（分子、分母与计算口径）"], rows
    )


def _record(b: Bulletin) -> str:
    """版记: copied to, and who printed it when."""
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" style="margin-top: 24px;">'
        '<tr><td class="rule">&nbsp;</td></tr></table>\n'
        '<p class="record">抄送：区综合行政执法主管部门。</p>\n'
        '<table width="100%" cellspacing="0" cellpadding="0">'
        f'<tr><td class="bare">{escape(b.office)}</td>'
        f'<td class="bare" align="right">{date_words(b.now)}印发</td></tr></table>\n'
        '<table width="100%" cellspacing="0" cellpadding="0">'
        '<tr><td class="rule">&nbsp;</td></tr></table>\n'
    )


def bulletin_sections(b: Bulletin) -> list[str]:
    return [
        _section_overall(b),
        _section_units(b),
        _section_ranking(b),
        _section_problems(b),
        _section_overdue(b),
        _section_calls(b),
        _section_decisions(b),
    ]


def bulletin_html(b: Bulletin, keep_last_section: bool = False) -> str:
    """The whole document. ``keep_last_section``: start the last section on a new page, so
    the signature never stands alone at the top of one."""
    return main_html(b, keep_last_section) + _attachment(b) + _record(b)


def main_html(b: Bulletin, keep_last_section: bool, last: bool = True, closing: bool = True) -> str:
    """The letter up to its signature; without the last section or the closing block when
    asked (to find where they fall)."""
    sections = bulletin_sections(b)
    if keep_last_section:
        sections[-1] = sections[-1].replace("<h2>", f"<h2{NEW_PAGE}>", 1)
    if not last:
        sections.pop()
    return "".join([STYLE, _heading(b), *sections, _closing(b) if closing else ""])
