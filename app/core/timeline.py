"""A case's timeline in words: who did what, when."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.core.clock import hlc_ms, local_text
from app.core.events import Event, EventType
from app.core.model import CaseSource, Urgency, chinese
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
    time = local_text(hlc_ms(event.hlc))
    actor = user_name(event.actor_id)
    if event.type == EventType.CASE_REGISTERED:
        parts = [
            f"来源：{chinese(CaseSource(p['source']))}",
            f"类别：{category_name(p['category_code'])}",
            f"首接单位：{unit_name(p['first_receiver_unit'])}",
        ]
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
        if p.get("offence"):
            parts.append(f"涉嫌{p['offence']}")
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
    for key in ("reason", "note"):
        if p.get(key):
            parts.append(p[key])
    if p.get("photos"):
        parts.append(f"照片 {len(p['photos'])} 张")
    return "；".join(parts)
