"""What follows a transfer to the police (行刑衔接, order 310; schema 13), as steps of the
case path: the police's answer to a review; the procuratorate asked to supervise, at once
after a refusal instead of a review, or after the refusal is upheld on review (art. 9); the
case passed on by the police to the competent authority (art. 7); the items handed over once
the police opened a case (art. 12). Who, when and what each records; ``rules``, ``decide``
and ``fold`` ask here. The office records them: the police and the procuratorate do not run
TownDesk."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from app.core.case_path.steps import OFF_THE_DESK, Action, CaseState, action_words
from app.core.errors import DomainError
from app.core.model import CaseStatus, Role
from app.core.police_transfer import OPENED, REVIEW_ANSWERS, UPHELD

A = Action
FOLLOW_UPS = (A.POLICE_REVIEW_ANSWER, A.POLICE_SUPERVISION, A.POLICE_PASSED_ON, A.POLICE_HANDOVER)
_OFFICE = frozenset({Role.CLERK, Role.ADMINISTRATOR})
FOLLOW_UP_ROLES = {
    # the review and the supervision are the authority's: the office writes, or the leader
    A.POLICE_REVIEW_ANSWER: _OFFICE | {Role.LEADER},
    A.POLICE_SUPERVISION: _OFFICE | {Role.LEADER},
    A.POLICE_PASSED_ON: _OFFICE,
    A.POLICE_HANDOVER: _OFFICE,
}
# The answer to a review and the request to the procuratorate concern the letter, whatever
# became of the case meanwhile (routed anew, closed after an administrative penalty).
FOLLOW_UP_STATES = {
    A.POLICE_REVIEW_ANSWER: frozenset(CaseStatus),
    A.POLICE_SUPERVISION: frozenset(CaseStatus),
    A.POLICE_PASSED_ON: frozenset({CaseStatus.TRANSFERRED}),
    A.POLICE_HANDOVER: frozenset({CaseStatus.TRANSFERRED}),
}


def _refuse(code: str, action: Action) -> DomainError:
    return DomainError(code, action=action_words(action))


def check_follow_up(state: CaseState, action: Action) -> None:
    """The step's own preconditions: the review it answers, the upheld refusal, a police
    transfer received but not yet decided, a case the police opened."""
    if action == A.POLICE_REVIEW_ANSWER and state.police_review_letter is None:
        raise _refuse("review_not_asked", action)
    if action == A.POLICE_SUPERVISION and supervised_letter(state) is None:
        raise _refuse("supervision_needs_upheld", action)
    if action in (A.POLICE_PASSED_ON, A.POLICE_HANDOVER) and not state.transfer_police:
        raise _refuse("police_transfer_only", action)
    if action == A.POLICE_PASSED_ON:
        if not state.transfer_received:
            raise _refuse("receipt_first", action)
        if state.transfer_settled:
            raise _refuse("police_already_decided", action)
        if state.transfer_passed_on:
            raise _refuse("already_recorded", action)
    if action == A.POLICE_HANDOVER:
        if not state.transfer_settled:
            raise _refuse("handover_needs_case_opened", action)
        if state.items_handed_over:
            raise _refuse("already_recorded", action)


def supervised_letter(state: CaseState) -> str | None:
    """The refused letter 立案监督 may be asked about: one whose refusal was upheld on review,
    or, art. 9's other way, one just refused whose review was not asked."""
    return state.police_upheld_letter or state.police_refused_letter


def _need(value: str, code: str, action: Action) -> str:
    if not value.strip():
        raise _refuse(code, action)
    return value.strip()


def follow_up_payload(
    state: CaseState, action: Action, fields: Mapping[str, str]
) -> dict[str, Any]:
    """What the step records. ``fields``: the request's to, outcome, reason, note,
    received_by, and ``on`` / ``at`` already checked by the store against the answer they
    follow (core ``check_step_day``, ``check_passed_at``)."""
    note = fields.get("note", "").strip()
    if action == A.POLICE_REVIEW_ANSWER:
        if fields.get("outcome") not in REVIEW_ANSWERS:
            raise _refuse("review_answer_invalid", action)
        return {"letter_no": state.police_review_letter, "answer": fields["outcome"], "note": note}
    if action == A.POLICE_SUPERVISION:
        return {
            "letter_no": supervised_letter(state),
            "to": _need(fields.get("to", ""), "copy_to_missing", action),
            "reason": _need(fields.get("reason", ""), "reason_missing", action),
            "on": fields["on"],
        }
    if action == A.POLICE_PASSED_ON:
        return {
            "letter_no": state.transfer_letter,
            "to": _need(fields.get("to", ""), "passed_to_missing", action),
            "passed_at": fields["at"],
            "note": note,
        }
    return {
        "letter_no": state.transfer_letter,
        "on": fields["on"],
        "list": _need(note, "handover_list_missing", action),
        "received_by": _need(fields.get("received_by", ""), "handover_officer_missing", action),
    }


def evolve_follow_up(state: CaseState, action: Action, p: Mapping[str, Any]) -> CaseState:
    if action == A.POLICE_REVIEW_ANSWER:
        if p["answer"] == UPHELD:
            return replace(state, police_review_letter=None, police_upheld_letter=p["letter_no"])
        assert p["answer"] == OPENED  # the police open a case: the transfer stands, settled
        return replace(
            state,
            status=CaseStatus.TRANSFERRED,
            police_review_letter=None,
            police_upheld_letter=None,
            police_refused_letter=None,
            transfer_letter=p["letter_no"],
            transfer_police=True,
            transfer_approved=True,
            transfer_received=True,
            transfer_settled=True,
            transfer_passed_on=False,
            items_handed_over=False,
            **OFF_THE_DESK,
        )
    if action == A.POLICE_SUPERVISION:  # one way or the other: no review after it
        return replace(state, police_upheld_letter=None, police_refused_letter=None)
    if action == A.POLICE_PASSED_ON:
        return replace(state, transfer_passed_on=True)
    return replace(state, items_handed_over=True)


# A new transfer starts afresh: nothing of an earlier letter's review or handover is open.
FRESH_TRANSFER = {
    "police_review_letter": None,
    "police_upheld_letter": None,
    "transfer_passed_on": False,
    "items_handed_over": False,
}
