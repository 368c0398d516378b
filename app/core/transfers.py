"""Case transfers (案件移送) and transfers to the police (行刑衔接, DOMAIN.md §6): the letter's
number and what the receiver's answer may be."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.core.documents import township_short
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
    return f"{township_short(township)}综执移{'公' if police else ''}〔{year}〕{sequence}号"


OUT, IN = "out", "in"
RECEIPT, OUTCOME = "receipt", "outcome"  # what a transfer out may still be waiting for
WAITING_WORDS = {
    (False, RECEIPT): Words("待回执", "waiting for the receipt"),
    (False, OUTCOME): Words("待处理结果", "waiting for the outcome"),
    (True, RECEIPT): Words("待回执", "waiting for the receipt"),
    (True, OUTCOME): Words("待立案决定", "waiting for the decision to open a case"),
}


@dataclass(frozen=True)
class Transfer:
    """One transfer of a case: out, with our letter, or in, with the sender's."""

    id: str  # the event that sent or registered it
    case_id: str
    case_number: str
    direction: str  # OUT or IN
    police: bool  # 行刑衔接
    letter_no: str
    counterpart: str  # the authority it went to or came from
    reason: str
    offence: str
    threshold: str
    sent_at: str
    receipt_at: str | None
    receipt_by: str
    outcome: str | None
    outcome_at: str | None
    outcome_note: str
    # schema 13, police transfers: passed on by the police (order 310 art. 7), the items
    # handed over once a case was opened (art. 12)
    passed_to: str = ""
    passed_at: str | None = None
    handed_over_on: str | None = None
    handover_list: str = ""
    handover_officer: str = ""
    handover_owed: bool = False  # a 立案 since schema 13: the handover is on a clock

    @property
    def waiting_for(self) -> str | None:
        """RECEIPT, then OUTCOME, while the receiver still owes the office an answer."""
        if self.direction != OUT or self.outcome is not None:
            return None
        return RECEIPT if self.receipt_at is None else OUTCOME

    def days_waiting(self, today: date) -> int | None:
        """Calendar days since the last step the office saw (sent, or receipt signed)."""
        waiting = self.waiting_for
        if waiting is None:
            return None
        since = self.receipt_at if waiting == OUTCOME and self.receipt_at else self.sent_at
        return (today - date.fromisoformat(since[:10])).days

    def waiting_words(self) -> Words | None:
        waiting = self.waiting_for
        return WAITING_WORDS[(self.police, waiting)] if waiting else None

    def outcome_words(self) -> Words | None:
        return outcome_words(self.outcome, self.police) if self.outcome else None


def transfer_row(
    event_id: str, direction: str, counterpart: str, letter: str, at: str
) -> dict[str, Any]:
    """A ``transfers`` row as the case fold starts it."""
    return {
        "id": event_id,
        "direction": direction,
        "police": 0,
        "letter_no": letter,
        "counterpart": counterpart,
        "reason": "",
        "offence": "",
        "threshold": "",
        "sent_at": at,
        "receipt_at": None,
        "receipt_by": "",
        "outcome": None,
        "outcome_at": None,
        "outcome_note": "",
        # schema 13, police transfers only: passed on by the police (order 310 art. 7), the
        # items handed over once a case was opened (art. 12)
        "passed_to": "",
        "passed_at": None,
        "handed_over_on": None,
        "handover_list": "",
        "handover_officer": "",
        "handover_owed": 0,  # 1: a clock runs until the items are handed over
    }
