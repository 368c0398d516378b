"""The workbench's numbers for each role are the store's: the office sees today's intake,
the triage queue and the overdue; a department officer its unit's on-time closure this
month and its overdue."""

from __future__ import annotations

from app.store.workbench_figures import office_figures, unit_figures
from tests.ui.conftest import open_window


def test_the_office_sees_intake_triage_and_overdue(qtbot, demo_path, demo_db, clock):
    window = open_window(qtbot, demo_path, demo_db, "clerk", clock)
    bench = window.workbench
    expected = office_figures(demo_db, clock.now())
    assert expected.overdue > 0  # the demo has overdue cases
    assert bench.today.value.text() == f"{expected.received_today:,}"
    assert bench.pending.value.text() == f"{expected.pending_triage:,}"
    assert bench.overdue.value.text() == f"{expected.overdue:,}"
    assert not bench.on_time.isVisible()
    bench.overdue.clicked.emit()
    assert window.current_page() == "board"


def test_an_officer_sees_its_units_figures(qtbot, demo_path, demo_db, clock):
    window = open_window(qtbot, demo_path, demo_db, "officer", clock)
    bench = window.workbench
    mine = unit_figures(demo_db, window.user.department_code, clock.now())
    rate = mine.on_time_closure_rate
    assert bench.on_time.value.text() == ("—" if rate is None else f"{rate * 100:.1f}%")
    assert bench.overdue.value.text() == f"{mine.overdue:,}"
    assert bench.on_time.isVisible() and not bench.pending.isVisible()
    assert "本单位" in bench.overdue.findChildren(type(bench.today.value))[1].text()
