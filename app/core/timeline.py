"""A case's timeline in words: who did what, when."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.core.events import Event, EventType
from app.core.model import CaseSource, Urgency, chinese
from app.core.transfers import outcome_words
from app.core.workflow import ACTION_NAMES
from app.core.workflow_events import event_action


@dataclass(frozen=True)
class TimelineEntry:
    time: str
    actor: str
    action: str  # 受理登记, 派遣, 签收 ...
    detail: str  # 来源：巡查发现；类别：占道经营 ...
    event_type: str
    event_id: str = ""
    conflict: str = ""  # "rival" (not applied) or "concurrent", until a clerk resolves it


def describe(
    event: Event,
    user_name: Callable[[str | None], str],
    category_name: Callable[[str], str],
    unit_name: Callable[[str], str],
) -> TimelineEntry:
    p = event.payload
    time = event.local_time
    actor = user_name(event.actor_id)
    if event.type == EventType.CASE_REGISTERED:
        parts = [
            f"来源：{chinese(CaseSource(p['source']))}",
            f"类别：{category_name(p['category_code'])}",
            f"首接单位：{unit_name(p['first_receiver_unit'])}",
        ]
        sender = p.get("transfer_from")
        if sender:
            letter = f"（{sender['letter_no']}）" if sender.get("letter_no") else ""
            parts.append(f"移送单位：{sender['unit']}{letter}")
        if p["urgency"] == Urgency.URGENT:
            parts.append("紧急")
        if p.get("photos"):
            parts.append(f"照片 {len(p['photos'])} 张")
        return TimelineEntry(time, actor, "受理登记", "；".join(parts), event.type)
    if event.type == EventType.CASE_CONFLICT_RESOLVED:
        detail = f"核对了 {len(p['events'])} 处并行修改；{p['note']}"
        return TimelineEntry(time, actor, "处理同步冲突", detail, event.type)
    action = event_action(event.type)
    if action is None:  # written by a newer TownDesk: shown, not explained
        return TimelineEntry(time, actor, event.type, "", event.type)
    detail = _step_detail(event.type, p, unit_name)
    return TimelineEntry(time, actor, ACTION_NAMES[action][0], detail, event.type)


def _step_detail(event_type: str, p: dict[str, Any], unit_name: Callable[[str], str]) -> str:
    kind = event_type.removeprefix("case.")
    parts: list[str] = []
    if kind in ("self_handle", "dispatch"):
        parts.append(f"{unit_name(p['lead_unit'])}牵头")
        if p["cooperating_units"]:
            parts.append("、".join(unit_name(u) for u in p["cooperating_units"]) + "配合")
    elif kind == "call":
        urgent = "（紧急）" if p["urgent"] else ""
        parts.append(f"{unit_name(p['lead_unit'])}{urgent}，值班电话 {p['duty_phone']}")
    elif kind in ("transfer", "transfer_police"):
        parts.append(f"移送{p['to']}")
        if p.get("letter_no"):
            parts.append(p["letter_no"])
        if p.get("offence"):
            parts.append(f"涉嫌{p['offence']}")
        if p.get("threshold"):
            parts.append(f"达到追诉标准的事实：{p['threshold']}")
    elif kind == "transfer_receipt":
        parts.append(f"签收：{p['received_by']}")
    elif kind == "transfer_outcome":
        parts.append(outcome_words(p["outcome"], bool(p.get("police"))).zh)
    elif kind == "merge":
        parts.append(f"并入 {p['into']}")
    elif kind in ("extend", "approve_extension"):
        parts.append(f"{p['days']} 个工作日")
    elif kind in ("park", "approve_park"):
        parts.append(f"至 {p['until']}")
    elif kind == "verify":
        parts.append("通过" if p["passed"] else "未通过，返回处置")
    elif kind == "sign":
        parts.append(unit_name(p.get("by_unit", "")))
    if p.get("not_our_duty"):
        parts.append("提出职责争议：不属本单位职责")
    for key in ("reason", "note"):
        if p.get(key):
            parts.append(p[key])
    if p.get("cited"):
        parts.append("引用清单：" + "、".join(p["cited"]))
    if p.get("overridden"):
        parts.append(
            f"未按清单建议（{p['suggested']['reason']}），改派理由：{p['override_reason']}"
        )
    if p.get("photos"):
        parts.append(f"照片 {len(p['photos'])} 张")
    return "；".join(parts)
