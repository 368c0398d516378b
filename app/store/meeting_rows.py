"""Projections of joint-meeting events (联席会议): members, meetings, decisions."""

from __future__ import annotations
