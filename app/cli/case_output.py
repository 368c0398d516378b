"""The shapes of a case on the command line: its JSON (with the path, deadlines, open calls
and transfers), the plain-Chinese ``case show`` page, and the rows of calls and transfers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from app.core.case_path.parties import KIND_WORDS, Party
from app.core.case_path.queues import escalated
from app.core.case_path.rules import FINISHED
from app.core.case_path.timeline import TimelineEntry
from app.core.model import Case, CaseStatus, Role, chinese, reporter_view
from app.core.transfers import IN, Transfer
from app.store.clocks import CallView, StepClock
from app.store.police_transfers import PoliceRequest
from app.store.reference import ReferenceData


def case_json(case: Case, ref: ReferenceData, viewer: Role) -> dict[str, Any]:
    reporter = reporter_view(case.reporter, viewer)
    return {
        "number": case.number,
        "id": case.id,
        "status": case.status.value,
        "status_name": chinese(case.status),
        "source": case.source.value,
        "category": case.category_code,
        "category_name": ref.category_path(case.category_code),
        "grid": case.grid_code,
        "grid_name": ref.grid_name(case.grid_code),
        "address": case.address,
        "description": case.description,
        "urgency": case.urgency.value,
        "first_receiver_unit": case.first_receiver_unit,
        "first_receiver_unit_name": ref.department_name(case.first_receiver_unit),
        "first_receiver": ref.user_name(case.first_receiver_user_id),
        "reporter_name": reporter.name,
        "reporter_phone": reporter.phone,
        "latitude": case.latitude,
        "longitude": case.longitude,
        "received_at": case.received_at,
        "updated_at": case.updated_at,
        "photos": list(case.photos),
    }


def party_json(party: Party) -> dict[str, Any]:
    """A party as the viewer may see it (store ``case_parties`` masks by role)."""
    return {
        "id": party.id,
        "kind": party.kind.value,
        "kind_name": KIND_WORDS[party.kind].zh,
        "name": party.name or ("保密" if party.withheld else ""),
        "id_number": party.id_number,
        "phone": party.phone,
        "address": party.address,
        "credit_code": party.credit_code,
        "legal_rep": party.legal_rep,
        "withheld": party.withheld,
    }


def timeline_json(entries: list[TimelineEntry]) -> list[dict[str, str]]:
    return [
        {
            "time": e.time,
            "actor": e.actor,
            "action": e.action,
            "detail": e.detail,
            "type": e.event_type,
            "conflict": e.conflict,
        }
        for e in entries
    ]


def case_path_json(db: Database, case_id: str, now: datetime) -> dict[str, Any]:
    """Status, units, open calls with their clocks, and deadlines: added to ``case show``."""
    from app.store.case_view import case_path_row
    from app.store.clocks import calls as all_calls
    from app.store.clocks import case_clocks
    from app.store.police_transfers import lapsed_review, requests_of
    from app.store.transfers import transfers_of

    row = case_path_row(db, case_id)
    status = CaseStatus(row.status)
    return {
        "number": row.number,
        "status": row.status,
        "status_name": chinese(status),
        "route": row.route,
        "lead_unit": row.lead_unit,
        "cooperating_units": row.cooperating_units,
        "extension_days": row.extension_days,
        "parked_until": row.parked_until,
        "supervision_count": row.supervision_count,
        "escalated_to_joint_meeting": escalated(row.supervision_count, status in FINISHED),
        "rework_count": row.rework_count,
        "deadlines": [clock_json(c) for c in case_clocks(db, case_id, now)],
        "open_calls": [call_json(c) for c in all_calls(db, now, open_only=True, case_id=case_id)],
        "transfers": [transfer_json(t, now.date()) for t in transfers_of(db, case_id)],
        "police_requests": [
            police_request_json(r)
            # order 310 art. 9: a review window that passed unused, as the window says it
            | {"review_window_passed": lapsed_review(db, case_id, r.letter_no, now)}
            for r in requests_of(db, case_id)
        ],
    }


def police_request_json(request: PoliceRequest) -> dict[str, Any]:
    """A request to transfer to the police (行刑衔接), its materials and the decision."""
    return {
        "requested_at": request.requested_at,
        "requested_by": request.requested_by,
        "by_unit": request.by_unit,
        "offence": request.offence,
        "threshold": request.threshold,
        "facts": request.facts,
        "materials": [
            {"sha256": sha256, "kind": kind, "file_name": name}
            for sha256, kind, name in request.attachments
        ],
        "decision": request.decision,
        "decided_at": request.decided_at,
        "decided_by": request.decided_by,
        "decision_reason": request.decision_reason,
        "letter_no": request.letter_no,
        "copy_to": request.copy_to,
        "review_at": request.review_at,
        "review_reason": request.review_reason,
        "review_answer": request.review_answer,
        "review_answered_at": request.review_answered_at,
        "review_answer_note": request.review_answer_note,
        "supervision_on": request.supervision_on,
        "supervision_to": request.supervision_to,
        "supervision_reason": request.supervision_reason,
    }


def clock_json(clock: StepClock) -> dict[str, Any]:
    return {
        "kind": clock.kind,
        "due": clock.due,
        "state": clock.state.value,
        "overdue": clock.overdue,
    }


def call_json(call: CallView) -> dict[str, Any]:
    data = asdict(call)
    data["clocks"] = [clock_json(c) for c in call.clocks]
    return data


def transfer_json(t: Transfer, today: date) -> dict[str, Any]:
    outcome, waiting = t.outcome_words(), t.waiting_words()
    return asdict(t) | {
        "outcome_name": outcome.zh if outcome else None,
        "waiting_for": t.waiting_for,
        "waiting_name": waiting.zh if waiting else None,
        "days_waiting": t.days_waiting(today),
    }


def transfer_cells(t: Transfer, today: date) -> list[str]:
    """One row of ``case transfers``."""
    words = t.waiting_words()
    outcome = t.outcome_words()
    return [
        t.letter_no or "—",
        t.case_number,
        "移入" if t.direction == IN else ("移送公安" if t.police else "移出"),
        t.counterpart,
        t.sent_at[:16],
        f"{t.receipt_at[:10]} {t.receipt_by}" if t.receipt_at else "—",
        f"{outcome.zh}（{t.outcome_at[:10] if t.outcome_at else ''}）" if outcome else "—",
        f"{words.zh} {t.days_waiting(today)} 天" if words else "",
    ]


def print_case(
    case: Case,
    ref: ReferenceData,
    viewer: Role,
    timeline: list[TimelineEntry],
    parties: Sequence[Party] = (),
) -> None:
    data = case_json(case, ref, viewer)
    lines = [
        ("案件编号", case.number),
        ("状态", data["status_name"]),
        ("受理时间", case.received_at),
        ("来源", chinese(case.source)),
        ("问题类别", data["category_name"]),
        ("网格", data["grid_name"]),
        ("地址", case.address or "—"),
        ("紧急程度", chinese(case.urgency)),
        ("首接单位", f"{data['first_receiver_unit_name']}（{data['first_receiver']}）"),
        ("问题描述", case.description),
    ]
    if case.reporter.given:  # as the viewer may see it (a withheld one reads 保密)
        lines.append(("反映人", f"{data['reporter_name']} {data['reporter_phone']}".strip()))
    for party in parties:  # as the viewer may see them, numbered for ``case party remove``
        kind = KIND_WORDS[party.kind].zh
        lines.append((f"当事人（{kind}）", f"{party.summary()}  [编号 {party.id}]"))
    if case.latitude is not None:
        lines.append(("坐标", f"{case.latitude}, {case.longitude}"))
    if case.photos:
        lines.append(("照片", f"{len(case.photos)} 张"))
    for label, value in lines:
        print(f"{label}：{value}")
    if any(entry.conflict for entry in timeline):
        print("同步冲突：两台设备离线时对本案作了不同处理，请核对后处理（towndesk case resolve）。")
    print("\n办理过程：")
    marks = {"rival": "【未生效（冲突）】", "concurrent": "【并行修改】"}
    for entry in timeline:
        mark = marks.get(entry.conflict, "")
        print(f"  {entry.time}  {entry.actor}  {mark}{entry.action}  {entry.detail}")
