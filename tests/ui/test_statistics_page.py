"""The statistics page: the figures shown are the store's, a click lists exactly the cases
behind a figure, the table exports to Excel, and the window starts without pyqtgraph."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from app.core.assessment import DEFAULT_WEIGHTS
from app.core.indicators import INDICATORS, Group
from app.core.periods import Span, month_of
from app.store.assessment import assessment_weights
from app.store.cases import case_by_id
from app.store.statistics import TOTAL, cases_behind, figures
from app.ui.statistics.dialogs import CasesBehindDialog, DefinitionsDialog, load_behind
from app.ui.statistics.table_model import GroupRole, KeyRole, shown_value
from app.ui.statistics.weights import WeightsDialog
from tests.clock import TEST_TODAY
from tests.ui.conftest import open_window

STATISTICS_DIALOGS = (CasesBehindDialog, DefinitionsDialog, WeightsDialog)
COLUMN = {indicator.key: n + 1 for n, indicator in enumerate(INDICATORS)}


def statistics(qtbot, demo_path, demo_db, username="leader"):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, demo_path, demo_db, username)
    page = window.statistics
    with qtbot.waitSignal(page.figures_shown, timeout=20_000):
        window.show_page("statistics")
    qtbot.waitUntil(lambda: page.status.text() != "正在统计…", timeout=20_000)
    return window, page


def cell(page, code: str, key: str):  # type: ignore[no-untyped-def]
    proxy = page.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, COLUMN[key])
        if index.data(GroupRole) == code:
            return index
    raise AssertionError(f"no row {code!r}")


def test_the_month_shown_is_the_stores_figures(qtbot, demo_path, demo_db, clock):
    _window, page = statistics(qtbot, demo_path, demo_db)
    assert page.period() == month_of(TEST_TODAY)  # this month by default, by the clock
    with qtbot.waitSignal(page.figures_shown, timeout=20_000):
        page.set_period(Span.MONTH, TEST_TODAY.replace(day=3))
    expected = figures(demo_db, month_of(TEST_TODAY), Group.UNIT, clock.now())
    assert page.proxy.rowCount() == len(expected)
    last = page.proxy.index(page.proxy.rowCount() - 1, 0)
    assert last.data(GroupRole) == TOTAL and last.data() == "全镇"
    for row in expected:
        for key in ("received", "closure_rate", "on_time_closure_rate", "handling_days"):
            indicator = next(i for i in INDICATORS if i.key == key)
            shown = cell(page, row.group, key)
            assert shown.data() == shown_value(indicator, row.figures.get(key))
    rate = expected[-1].figures["closure_rate"]
    assert cell(page, TOTAL, "closure_rate").data() == f"{rate.value * 100:.1f}%"
    assert (
        cell(page, TOTAL, "closure_rate")
        .data(Qt.ItemDataRole.ToolTipRole)
        .endswith(f"{rate.hit:,} / {rate.counted:,}")
    )
    tip = page.proxy.headerData(COLUMN["closure_rate"], Qt.Orientation.Horizontal,
                                Qt.ItemDataRole.ToolTipRole)  # fmt: skip
    assert "本期受理的应办案件中" in tip
    # sorted by a column, the township stays last
    page.table.sortByColumn(COLUMN["received"], Qt.SortOrder.DescendingOrder)
    assert page.proxy.index(page.proxy.rowCount() - 1, 0).data(GroupRole) == TOTAL
    page.table.sortByColumn(COLUMN["received"], Qt.SortOrder.AscendingOrder)
    assert page.proxy.index(page.proxy.rowCount() - 1, 0).data(GroupRole) == TOTAL


def test_a_click_lists_exactly_the_cases_behind_the_figure(qtbot, demo_path, demo_db, clock):
    _window, page = statistics(qtbot, demo_path, demo_db)
    period = month_of(TEST_TODAY)
    rows = figures(demo_db, period, Group.UNIT, clock.now(), keys=("closure_rate",))
    unit = next(r for r in rows if r.group not in (TOTAL, "-") and r.figures["closure_rate"].hit)
    index = cell(page, unit.group, "closure_rate")
    assert index.data(KeyRole) == "closure_rate"
    with qtbot.waitSignal(page.behind_shown, timeout=20_000) as shown:
        page.table.clicked.emit(index)
    dialog = shown.args[0]
    wanted = cases_behind(demo_db, "closure_rate", period, Group.UNIT, unit.group, clock.now())
    assert len(wanted) == unit.figures["closure_rate"].hit
    assert dialog.numbers() == [case_by_id(demo_db, i).number for i in wanted]
    opened: list[object] = []
    page.case_activated.connect(opened.append)
    dialog.open_button.click()
    assert opened and opened[0].number == dialog.numbers()[0]


def test_a_bar_lists_the_cases_behind_it(qtbot, demo_path, demo_db, clock):
    _window, page = statistics(qtbot, demo_path, demo_db)
    qtbot.waitUntil(lambda: bool(page.charts.trend.series[0]), timeout=30_000)
    months = page.charts.trend.series[0]
    assert len(months) == 12 and months[-1].period == month_of(TEST_TODAY)
    total = figures(demo_db, month_of(TEST_TODAY), Group.UNIT, clock.now(), ("received",))[-1]
    assert months[-1].value == total.figures["received"].value
    with qtbot.waitSignal(page.behind_shown, timeout=20_000) as shown:
        page.charts.trend.clicked(months[-1])
    wanted = cases_behind(demo_db, "received", month_of(TEST_TODAY), Group.UNIT, None, clock.now())
    assert shown.args[0].numbers() == [case_by_id(demo_db, i).number for i in wanted]


def test_the_table_exports_to_excel(qtbot, demo_path, demo_db, tmp_path):
    _window, page = statistics(qtbot, demo_path, demo_db)
    target = tmp_path / "统计.xlsx"
    with qtbot.waitSignal(page.message, timeout=20_000):
        page.export_to(target)
    from openpyxl import load_workbook

    sheet = load_workbook(target).worksheets[0]
    grid = [[c.value for c in row] for row in sheet.iter_rows()]
    assert grid[1][0] == "单位" and grid[1][1] == "受理量（件）"
    assert grid[-1][0] == "全镇"
    assert grid[-1][1:] == pytest.approx(
        [
            page.rows[-1].figures[i.key].value
            if i.key in page.rows[-1].figures
            else (0 if i.kind == "count" else None)
            for i in INDICATORS
        ]
    )


def test_the_definitions_dialog(qtbot, demo_path, demo_db):
    _window, page = statistics(qtbot, demo_path, demo_db)
    dialog = page.show_definitions()
    text = dialog.text.toPlainText()
    assert all(indicator.definition in text for indicator in INDICATORS)


def test_the_bulletin_button_prints_last_month(qtbot, demo_path, demo_db, tmp_path, monkeypatch):
    _window, page = statistics(qtbot, demo_path, demo_db)
    page.set_period(Span.YEAR, TEST_TODAY)  # not a month: the bulletin is last month's
    out, asked, opened = tmp_path / "通报.pdf", [], []

    def save_as(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(out), ""

    monkeypatch.setattr("app.ui.statistics.page.QFileDialog.getSaveFileName", save_as)
    monkeypatch.setattr(
        "app.ui.statistics.page.QDesktopServices.openUrl", lambda url: opened.append(url) or True
    )
    page.bulletin_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=60_000)
    last_month = month_of(TEST_TODAY).previous()
    assert asked[0].endswith(f"月度通报-{last_month.label}.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    assert opened[0].toLocalFile() == str(out)


def test_the_window_starts_without_pyqtgraph() -> None:
    code = (
        "import sys; import app.ui.main_window; "
        "assert 'pyqtgraph' not in sys.modules, 'pyqtgraph imported at start'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_statistics_dialogs_fit_the_office_pc(qtbot, demo_path, demo_db, clock):
    from tests.ui.screen_fit import Fits

    window, _page = statistics(qtbot, demo_path, demo_db)
    fits = Fits()
    ids = cases_behind(demo_db, "received", month_of(TEST_TODAY), Group.UNIT, None, clock.now())
    behind = load_behind(demo_db, "2026年11月 · 全镇 · 受理量" * 3, ids)
    fits.check("cases behind a figure", CasesBehindDialog(behind, window.ref, window))
    fits.check("definitions", DefinitionsDialog(window))
    fits.check("assessment weights", WeightsDialog(window.session, DEFAULT_WEIGHTS, window))
    fits.assert_all_fit()
    assert fits.classes == set(STATISTICS_DIALOGS)


def test_the_administrator_sets_the_weights(qtbot, demo_path, demo_db):
    _window, page = statistics(qtbot, demo_path, demo_db, "admin")
    assert page.weights_button.isVisibleTo(page)
    dialog = page.show_weights()
    assert dialog.weights()["on_time_closure_rate"] == DEFAULT_WEIGHTS["on_time_closure_rate"]
    for spin in dialog.spins.values():
        spin.setValue(0)
    dialog.spins["rework_rate"].setValue(30)
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.ok_button.click()
    assert assessment_weights(demo_db) == {"rework_rate": 30}


def test_all_weights_zero_is_refused_in_the_dialog(qtbot, demo_path, demo_db):
    _window, page = statistics(qtbot, demo_path, demo_db, "admin")
    dialog = page.show_weights()
    for spin in dialog.spins.values():
        spin.setValue(0)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20_000)
    assert "至少" in dialog.error.text()
    assert assessment_weights(demo_db) == DEFAULT_WEIGHTS


def test_only_the_administrator_sees_the_weights(qtbot, demo_path, demo_db):
    _window, page = statistics(qtbot, demo_path, demo_db, "leader")
    assert not page.weights_button.isVisibleTo(page)
