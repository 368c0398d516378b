"""Case transfers (案件移送) and transfers to the police (行刑衔接, DOMAIN.md §6): the letter's
number and what the receiver's answer may be."""

from __future__ import annotations

import re

from app.core.errors import Words

POLICE = "公安机关"
ACCEPTED, DECLINED, RETURNED = "accepted", "declined", "returned"
TRANSFER_OUTCOMES = (ACCEPTED, DECLINED, RETURNED)
# The same three answers have the police's own words: 立案, 不予立案, 退回补充.
OUTCOME_WORDS = {
    (False, ACCEPTED): Words("已受理", "accepted"),
    (False, DECLINED): Words("不予受理", "declined"),
    (False, RETURNED): Words("退回", "sent back"),
    (True, ACCEPTED): Words("立案", "opened a criminal case"),
    (True, DECLINED): Words("不予立案", "declined to open a case"),
    (True, RETURNED): Words("退回", "sent back"),
}


def outcome_words(outcome: str, police: bool) -> Words:
    return OUTCOME_WORDS[(police, outcome)]


def letter_number(township: str, year: int, sequence: int, police: bool) -> str:
    """青石综执移〔2026〕3号, or 青石综执移公〔2026〕1号 for the police: one series each."""
    short = re.sub(r"(街道办事处|街道|镇|乡)$", "", township) or township
    return f"{short}综执移{'公' if police else ''}〔{year}〕{sequence}号"
