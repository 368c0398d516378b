"""Messages for joint meetings (联席会议) and their decisions (code: zh_CN, en)."""

from __future__ import annotations

MEETING_MESSAGES: dict[str, tuple[str, str]] = {}
