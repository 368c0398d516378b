"""The parts every issued document shares (DOMAIN.md §8): the number above the title, the
issuing authority, the handler and responsible leader, the seal area with the issue date,
and the distribution lines (主送, 抄送)."""

from __future__ import annotations

from datetime import date
from html import escape

from app.core.documents import date_words

OFFICIAL_STYLE = """
<style>
 p.no { text-align: right; font-size: 11pt; margin-bottom: 0; }
 p.to { font-size: 12pt; font-weight: bold; margin-top: 10px; margin-bottom: 2px; }
 p.body { font-size: 11pt; line-height: 150%; margin-top: 0; white-space: pre-wrap; }
 p.seal { text-align: right; font-size: 11pt; margin-top: 22px; }
 td.plain { border: none; padding: 2px 0; font-size: 11pt; vertical-align: bottom; }
 td.seal { border: none; padding: 2px 0; font-size: 11pt; text-align: right;
           vertical-align: bottom; }
 p.copy { font-size: 10.5pt; margin-top: 14px; border-top: 1px solid #555; padding-top: 4px; }
</style>
"""
INDENT = "　　"  # two full-width spaces open a paragraph
BLANK = "＿＿＿＿＿＿"  # a line to sign or fill in by hand
BLANK_DAY = "＿＿＿＿年＿＿月＿＿日"


def number_line(number: str) -> str:
    return f'<p class="no">{escape(number)}</p>\n'


def seal_block(issuer: str, day: date | None) -> str:
    """The seal area at the bottom right: the authority, （盖章）, the issue date."""
    when = date_words(day) if day else BLANK_DAY
    return f'<p class="seal">{escape(issuer)}（盖章）<br/>{when}</p>\n'


def closing_block(
    office: str, handler: str, leader: str, issuer: str, day: date | None, phone: str = ""
) -> str:
    """The handling body and the people on the left, the seal area on the right, on the
    same lines: the foot of a one-page document."""
    e = escape
    left = [f"承办机构：{e(office)}", f"承办人：{e(handler) or BLANK}"]
    left.append(f"负责人：{e(leader) or BLANK}")
    if phone:
        left.append(f"联系电话：{e(phone)}")
    when = date_words(day) if day else BLANK_DAY
    return (
        '<table width="100%" cellspacing="0" style="margin-top: 16px;"><tr>'
        f'<td class="plain" width="55%">{"<br/>".join(left)}</td>'
        f'<td class="seal">{e(issuer)}（盖章）<br/><br/>{when}</td></tr></table>\n'
    )


def copy_line(label: str, units: list[str]) -> str:
    """主送 / 抄送 under the text; nothing when no unit is named."""
    if not units:
        return ""
    return f'<p class="copy">{label}：{escape("、".join(units))}。</p>\n'
