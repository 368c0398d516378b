"""Every visible string has a finished Chinese translation; the window speaks Chinese."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from app.core.disputes import STATUS_NAMES
from app.core.meetings import KIND_NAMES
from app.core.model import Route, chinese
from app.paths import resource
from app.ui.app import load_translator
from app.ui.common.i18n import (
    AGENDA_KIND_WORDS,
    DISPUTE_STATUS_WORDS,
    ENUM_WORDS,
    agenda_kind_word,
    dispute_status_word,
    word,
)
from tests.ui.conftest import fresh_case

ROOT = Path(__file__).resolve().parents[2]


def messages(ts: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) -> (translation, type attribute)."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            found[(name, message.findtext("source"))] = (
                translation.text or "",
                translation.get("type"),
            )
    return found


def test_every_source_string_has_a_finished_translation(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    committed = messages(resource("i18n", "towndesk_zh_CN.ts"))
    wanted = messages(fresh)
    assert len(wanted) > 100
    missing = [key for key in wanted if key not in committed]
    unfinished = [
        key
        for key, (text, kind) in committed.items()
        if key in wanted and (kind in ("unfinished", "vanished", "obsolete") or not text.strip())
    ]
    assert missing == [], "run lupdate and translate these"
    assert unfinished == []


def test_placeholders_survive_translation():
    for (_context, source), (text, _kind) in messages(
        resource("i18n", "towndesk_zh_CN.ts")
    ).items():
        for name in ("{count}", "{number}", "{path}", "{unit}", "{seconds}", "{role}"):
            assert (name in source) == (name in text), (source, text)


def test_enum_words_in_chinese_are_the_domain_words(qapp):
    for value in ENUM_WORDS:
        assert word(value) == chinese(value)


def test_dispute_and_agenda_words_in_chinese_are_the_stores_words(qapp):
    assert DISPUTE_STATUS_WORDS.keys() == STATUS_NAMES.keys()
    for status, name in STATUS_NAMES.items():
        assert dispute_status_word(status) == name
    assert AGENDA_KIND_WORDS.keys() == KIND_NAMES.keys()
    for kind, name in KIND_NAMES.items():
        assert agenda_kind_word(kind) == name


def test_the_window_speaks_chinese_by_default_and_english_on_request(window, chinese_app):
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels == [
        "工作台",
        "案件",
        "呼叫响应",
        "督查督办",
        "三张清单",
        "职责争议",
        "联席会议",
        "统计",
        "同步",
        "设置",
        "基础数据",
    ]
    assert load_translator(chinese_app, "en")
    from app.ui.main_window import MainWindow

    fresh_case(window.db, window.db_path, Route.SELF)  # the newest case, waiting for triage
    english = MainWindow(window.db_path, window.db, window.user, window.clock)
    english.remember_geometry = False
    try:
        assert english.nav.item(0).text() == "Workbench"
        assert english.cases.model.index(0, 2).data() == "Pending triage"
    finally:
        english.runner.shutdown()
        english.deleteLater()


def test_qts_own_dialogs_and_menus_speak_chinese(qtbot):
    """Qt's catalogue (qtbase_zh_CN, shipped with PySide6) is loaded with ours: standard
    buttons, a text field's context menu and the file dialog are in Chinese too."""
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QLineEdit

    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Discard
    )
    qtbot.addWidget(buttons)
    assert [b.text() for b in buttons.buttons()] == ["确定", "取消", "丢弃"]
    field = QLineEdit()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    words = [a.text().split("(")[0] for a in menu.actions() if a.text()]
    assert words[:4] == ["撤消", "重做", "剪切", "复制"]
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    # Qt 6.7's catalogue (the ARM build's) gives some labels no shortcut key: compare the words
    labels = {re.sub(r"\(&\w\)", "", label.text()) for label in dialog.findChildren(QLabel)}
    assert labels == {"查找范围：", "文件名称：", "文件类型："}
