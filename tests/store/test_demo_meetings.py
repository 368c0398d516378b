"""The demo's coordination records: member units, a held meeting whose minutes settle the
oldest noise dispute, the next meeting with the proposed agenda; all rebuilt identically."""

from __future__ import annotations

from pathlib import Path

from app.core.disputes import DECIDED
from app.store.demo.township import build_demo
from app.store.disputes import disputes
from app.store.meetings import meetings, members
from app.store.rebuild import rebuild
from app.store.reference import user_by_name
from app.store.setup import open_database
from tests.store.store_helpers import DEMO_NOW_MS, projection_dump


def test_the_demo_holds_one_meeting_and_plans_the_next(tmp_path: Path) -> None:
    path = tmp_path / "towndesk.sqlite3"
    build_demo(path, cases=1500, seed=4, now_ms=DEMO_NOW_MS)
    db = open_database(path)
    assert len(members(db)) == 14  # every department of the demo township
    upcoming, held = meetings(db)
    assert (held.number, upcoming.number) == (1, 2)
    assert held.held and not upcoming.held
    assert held.held_on < upcoming.held_on
    assert held.agenda and upcoming.agenda
    settled = [d for d in disputes(db) if d.status == DECIDED]
    assert settled and all(d.meeting_id == held.id for d in settled)
    assert {d.lead for d in settled} <= {"ZFZD", "SCJG"}
    assert {d.dispute_id for d in held.decisions if d.dispute_id} == {d.id for d in settled}
    assert all(d.unit in ("PCS", "SCJG") for d in disputes(db))  # only the named units dispute
    before = projection_dump(db)
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before
