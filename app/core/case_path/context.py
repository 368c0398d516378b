"""What a case's fold needs beyond its events: the township's users, limits and calendar,
each as it stood when a step was taken."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from app.core.calendar import WorkCalendar
from app.core.case_path.steps import Actor
from app.core.model import ResponseCommitment
from app.core.step_limits import StepLimits

EventKey = tuple[int, str, int]  # (hlc, device, seq): the merged order of the log
CategoryLimits = tuple[int | None, int | None, int | None]  # sign days, days, hours
T = TypeVar("T")


@dataclass(frozen=True)
class Context:
    """Read once per batch. The plain mappings hold the values as they stand now; the
    ``*_changes`` hold the history of what was ever changed, each value with its place in
    the merged order, so a step is judged by the role, the limits and the commitment in
    force when it was taken and a later change never rewrites history."""

    actors: Mapping[str, Actor]  # user id -> the user's role and unit
    sign_days: Mapping[str, int | None]  # category code -> sign-for limit
    limit_days: Mapping[str, int | None]  # category code -> handling limit
    call_handle_days: Mapping[str, int | None]  # department code -> its own commitment
    calendar: WorkCalendar
    device_codes: Mapping[str, str] = field(default_factory=dict)  # device id -> its code
    limit_hours: Mapping[str, int | None] = field(default_factory=dict)  # urgent hazards
    # Y department code -> its response commitment (the call facts judge calls by it)
    call_commitments: Mapping[str, ResponseCommitment] = field(default_factory=dict)
    actor_changes: Mapping[str, Sequence[tuple[EventKey, Actor]]] = field(default_factory=dict)
    limit_changes: Mapping[str, Sequence[tuple[EventKey, CategoryLimits]]] = field(
        default_factory=dict
    )
    commitment_changes: Mapping[str, Sequence[tuple[EventKey, ResponseCommitment | None]]] = field(
        default_factory=dict
    )
    # category code -> its own triage, verification and closing limits; read as they stand
    # now: they time only the step running now (cases.step_due_at), never a recorded fact
    step_limits: Mapping[str, StepLimits] = field(default_factory=dict)

    def actor_at(self, user_id: str | None, key: EventKey) -> Actor | None:
        changes = self.actor_changes.get(user_id or "")
        if changes:
            return _in_force(changes, key)
        return self.actors.get(user_id or "")

    def as_of(self, key: EventKey) -> Context:
        """The limits and commitments in force at ``key`` (only codes ever changed differ
        from now, so a township that never edits them pays nothing)."""
        if not self.limit_changes and not self.commitment_changes:
            return self
        sign, days, hours = dict(self.sign_days), dict(self.limit_days), dict(self.limit_hours)
        for code, changes in self.limit_changes.items():
            sign[code], days[code], hours[code] = _in_force(changes, key)
        commitments = dict(self.call_commitments)
        handle_days = dict(self.call_handle_days)
        for code, history in self.commitment_changes.items():
            commitment = _in_force(history, key)
            if commitment is None:
                commitments.pop(code, None)
            else:
                commitments[code] = commitment
            handle_days[code] = commitment.handle_days if commitment else None
        return replace(
            self,
            sign_days=sign,
            limit_days=days,
            limit_hours=hours,
            call_commitments=commitments,
            call_handle_days=handle_days,
        )


def _in_force(changes: Sequence[tuple[EventKey, T]], key: EventKey) -> T:
    """The last value set at or before ``key``; before the first, the first."""
    earlier = [value for at, value in changes if at <= key]
    return earlier[-1] if earlier else changes[0][1]
