"""The timeline of the case detail: one card per event, oldest first, the steps of a sync
conflict marked "未生效（冲突）" or "并行修改"."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget
from sqlite_utils import Database

from app.core.case_path.timeline import TimelineEntry
from app.store.case_conflicts import Mark, conflict_marks
from app.store.cases import case_timeline as timeline_entries
from app.store.reference import ReferenceData
from app.ui.case_detail.conflict import RIVAL, mark_chip, resolved_chip
from app.ui.common.i18n import core_language


@dataclass
class Timeline:
    widget: QScrollArea
    entries: list[TimelineEntry] = field(default_factory=list)
    marked: list[tuple[TimelineEntry, Mark]] = field(default_factory=list)  # conflict steps


def _card(entry: TimelineEntry, mark: Mark | None) -> QFrame:
    """Time, who, action, then the detail in full."""
    card = QFrame()
    card.setObjectName("timelineEntry")
    head = QLabel(f"{escape(entry.time)}　<b>{escape(entry.action)}</b>　{escape(entry.actor)}")
    head.setObjectName("timelineHead")
    head_row = QHBoxLayout()
    head_row.setSpacing(8)
    head_row.addWidget(head)
    if mark is not None:  # a step of a sync conflict: say how it collided
        card.setObjectName("timelineRival" if mark.kind == RIVAL else "timelineConcurrent")
        head_row.addWidget(mark_chip(mark))
        if mark.resolved:
            head_row.addWidget(resolved_chip())
    head_row.addStretch(1)
    detail = QLabel(entry.detail)
    detail.setVisible(bool(entry.detail))
    detail.setWordWrap(True)
    detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    inner = QVBoxLayout(card)
    inner.setContentsMargins(10, 6, 10, 6)
    inner.setSpacing(2)
    inner.addLayout(head_row)
    inner.addWidget(detail)
    return card


def case_timeline(db: Database, case_id: str, ref: ReferenceData) -> Timeline:
    marks = conflict_marks(db, case_id)
    column = QVBoxLayout()
    column.setContentsMargins(8, 8, 8, 8)
    column.setSpacing(8)
    scroll = QScrollArea()
    timeline = Timeline(scroll)
    for entry in timeline_entries(db, case_id, ref, core_language()):
        mark = marks.get(entry.event_id)
        timeline.entries.append(entry)
        if mark is not None:
            timeline.marked.append((entry, mark))
        column.addWidget(_card(entry, mark))
    column.addStretch(1)
    content = QWidget()
    content.setObjectName("timelineContent")
    content.setLayout(column)
    scroll.setObjectName("timeline")
    scroll.setWidgetResizable(True)
    scroll.setWidget(content)
    return timeline
