"""A police transfer in a case's projection (行刑衔接, order 310; core/police_transfer.py):
the request's record, the leader's decision, which sends the case with its letter, the
review after a refusal, and the clocks of sending and of the police's decision."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from app.core.case_path.context import Context
from app.core.case_path.steps import Action
from app.core.clock import parse_local
from app.core.events import Event
from app.core.police_transfer import police_decision_due, sending_due
from app.core.step_limits import StepKind
from app.core.transfers import transfer_row

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


def police_step(
    requests: list[dict[str, Any]],
    transfers: list[dict[str, Any]],
    action: Action,
    event: Event,
    at: str,
) -> None:
    """A police transfer asked for, decided (the approval is the transfer: the letter goes
    with it) and, after the police's refusal, put up for review."""
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


def police_clock(
    requests: Sequence[Mapping[str, Any]], transfer: Mapping[str, Any], ctx: Context
) -> tuple[StepKind, datetime] | None:
    """Sending within 24 hours of approval (art. 5), proved by the police's receipt; then the
    police's decision within 3 days of receipt (art. 8). Approval and sending are two steps
    here: the approval numbers the letter, the receipt shows it arrived."""
    approved = any(r["letter_no"] == transfer["letter_no"] for r in requests)
    if not transfer["police"] or not approved or transfer["outcome"] is not None:
        return None  # one-step transfers of schema 5-11 keep no clock, as before
    if transfer["receipt_at"] is None:
        return StepKind.POLICE_SENDING, sending_due(parse_local(transfer["sent_at"]))
    received = parse_local(transfer["receipt_at"])
    return StepKind.POLICE_OUTCOME, police_decision_due(ctx.calendar, received)
