"""A police transfer in a case's projection (行刑衔接, order 310; core/police_transfer.py):
the request's record, the leader's decision, which sends the case with its letter, the
review after a refusal, and the clocks of sending and of the police's decision."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from app.core.case_path.context import Context
from app.core.case_path.police_followups import FOLLOW_UPS
from app.core.case_path.steps import Action
from app.core.clock import parse_local
from app.core.events import Event
from app.core.police_transfer import OPENED, handover_due, police_decision_due, sending_due
from app.core.step_limits import StepKind
from app.core.transfers import ACCEPTED, transfer_row

# The leader's decision, which art. 5 gives the principal leader once one is named
# (``police_transfer.Deciders``): asked when a decision is made or offered, never by the fold.
DECIDING = frozenset({Action.POLICE_APPROVE, Action.POLICE_DENY})

# While a request waits for the leader the case stands still: nothing may move it on or
# away (report back, return, park, route, close …) before the leader decides whether it
# leaves for the police. What only records or watches may go on: supervision, an extension
# (the handling clock keeps running), a called department's phoned-in answers.
WHILE_POLICE_REQUESTED = frozenset(
    {
        Action.POLICE_APPROVE,
        Action.POLICE_DENY,
        Action.SUPERVISE,
        Action.EXTEND,
        Action.APPROVE_EXTENSION,
        Action.DENY_EXTENSION,
        Action.CALL_ACK,
        Action.CALL_ARRIVE,
        Action.CALL_DONE,
    }
)


# the steps ``police_step`` records: the request, the decision, the review, the follow-ups
_POLICE_STEPS = frozenset({Action.POLICE_REQUEST, *DECIDING, Action.POLICE_REVIEW, *FOLLOW_UPS})


def police_step(
    requests: list[dict[str, Any]],
    transfers: list[dict[str, Any]],
    action: Action,
    event: Event,
    at: str,
) -> None:
    """A police transfer asked for, decided (the approval is the transfer: the letter goes
    with it) and, after the police's refusal, put up for review."""
    if action not in _POLICE_STEPS:
        return  # every other step of every case folded passes here: nothing to do
    p = event.payload
    if action == Action.POLICE_REQUEST:
        requests.append(
            {
                "id": event.id,
                "requested_at": at,
                "requested_by": event.actor_id,
                "by_unit": p["by_unit"],
                "from_status": p["from_status"],
                "offence": p["offence"],
                "threshold": p["threshold"],
                "facts": p.get("facts", ""),
                "attachments": json.dumps(p["attachments"], ensure_ascii=False, sort_keys=True),
                "decision": None,
                "decided_at": None,
                "decided_by": None,
                "decision_reason": "",
                "letter_no": "",
                "copy_to": "",
                "review_at": None,
                "review_by": None,
                "review_reason": "",
                **_FOLLOW_UP_COLUMNS,
            }
        )
        return
    pending = [r for r in requests if r["decision"] is None]
    if action in (Action.POLICE_APPROVE, Action.POLICE_DENY) and pending:
        decided = {"decided_at": at, "decided_by": event.actor_id}
        if action == Action.POLICE_DENY:
            pending[-1] |= decided | {"decision": "denied", "decision_reason": p["reason"]}
            return
        request = pending[-1]
        request |= decided | {"decision": "approved"}
        request |= {"letter_no": p["letter_no"], "copy_to": p["copy_to"]}
        row = transfer_row(event.id, "out", p["to"], p["letter_no"], at)
        row |= {"police": 1, "reason": request["facts"], "offence": request["offence"]}
        transfers.append(row | {"threshold": request["threshold"]})
    if action == Action.POLICE_REVIEW:
        for request in requests:
            if request["letter_no"] == p["letter_no"] and request["review_at"] is None:
                request |= {"review_at": at, "review_by": event.actor_id}
                request["review_reason"] = p["reason"]
    _follow_up(requests, transfers, action, p, at)


_FOLLOW_UP_COLUMNS: dict[str, Any] = {
    "review_answer": None,
    "review_answered_at": None,
    "review_answer_note": "",
    "supervision_at": None,
    "supervision_on": None,
    "supervision_to": "",
    "supervision_reason": "",
}


def _follow_up(
    requests: list[dict[str, Any]],
    transfers: list[dict[str, Any]],
    action: Action,
    p: Mapping[str, Any],
    at: str,
) -> None:
    """Schema 13 (police_followups.py): the answer and the supervision on the request whose
    letter they concern; the passing on and the handover on that letter's transfer."""
    letter = p.get("letter_no")
    request = next((r for r in reversed(requests) if r["letter_no"] == letter), None)
    sent = next((t for t in reversed(transfers) if t["letter_no"] == letter and t["police"]), None)
    if action == Action.POLICE_REVIEW_ANSWER and request is not None:
        request |= {"review_answer": p["answer"], "review_answered_at": at}
        request["review_answer_note"] = p["note"]
        if sent is not None and p["answer"] == OPENED:
            sent["handover_owed"] = 1
    if action == Action.POLICE_SUPERVISION and request is not None:
        request |= {"supervision_at": at, "supervision_on": p["on"], "supervision_to": p["to"]}
        request["supervision_reason"] = p["reason"]
    if action == Action.POLICE_PASSED_ON and sent is not None:
        sent |= {"passed_to": p["to"], "passed_at": p["passed_at"]}
    if action == Action.POLICE_HANDOVER and sent is not None:
        sent |= {"handed_over_on": p["on"], "handover_list": p["list"]}
        sent["handover_officer"] = p["received_by"]


def police_clock(
    requests: Sequence[Mapping[str, Any]], transfer: Mapping[str, Any], ctx: Context
) -> tuple[StepKind, datetime] | None:
    """Sending within 24 hours of approval (art. 5), proved by the police's receipt; then the
    police's decision within 3 days of receipt (art. 8), or of the day they passed it on to
    the competent authority (art. 7: that authority decides); once a case is opened, at once
    or on review, the items handed over within 3 days (art. 12). Approval and sending are two
    steps here: the approval numbers the letter, the receipt shows it arrived."""
    asked = [r for r in requests if r["letter_no"] == transfer["letter_no"]]
    if not transfer["police"] or not asked:
        return None  # one-step transfers of schema 5-11 keep no clock, as before
    if transfer["outcome"] is None:
        if transfer["receipt_at"] is None:
            return StepKind.POLICE_SENDING, sending_due(parse_local(transfer["sent_at"]))
        received = parse_local(transfer.get("passed_at") or transfer["receipt_at"])
        return StepKind.POLICE_OUTCOME, police_decision_due(ctx.calendar, received)
    opened = transfer["outcome_at"] if transfer["outcome"] == ACCEPTED else None
    if asked[-1].get("review_answer") == OPENED:
        opened = asked[-1]["review_answered_at"]
    if opened is None or not transfer.get("handover_owed") or transfer.get("handed_over_on"):
        return None  # an outcome of schema 11-12 owes no handover clock (decide.py)
    return StepKind.POLICE_HANDOVER, handover_due(ctx.calendar, parse_local(opened))
