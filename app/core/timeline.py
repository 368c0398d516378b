"""A case's timeline in words: who did what, when."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.core.clock import hlc_ms, local_text
from app.core.events import Event, EventType
from app.core.model import CaseSource, Urgency, chinese


@dataclass(frozen=True)
class TimelineEntry:
    time: str
    actor: str
    action: str  # 受理登记
    detail: str  # 来源：巡查发现；类别：占道经营 ...
    event_type: str


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
    return TimelineEntry(time, actor, event.type, "", event.type)
