"""How the command line shows things: plain Chinese tables, or JSON for scripts."""

from __future__ import annotations

import json
import sys
import unicodedata
from typing import Any

from app.core.case_path.timeline import TimelineEntry
from app.core.model import Case, Role, chinese, reporter_view
from app.store.reference import ReferenceData


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def width(text: str) -> int:
    """Display width: Chinese characters take two columns in a terminal."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def shortened(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, for a table column."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    for line in [headers, *rows]:
        cells = [cell + " " * (w - width(cell)) for cell, w in zip(line, widths, strict=True)]
        print("  ".join(cells).rstrip())


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


def print_case(case: Case, ref: ReferenceData, viewer: Role, timeline: list[TimelineEntry]) -> None:
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
    if case.reporter.name:
        lines.append(("反映人", f"{case.reporter.name} {data['reporter_phone']}".strip()))
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
