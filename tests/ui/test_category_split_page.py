"""Splitting a category in the base-data window (ui/base_data/split.py): the 拆分 button on
a leaf, the dialog's refusal in its error line with nothing written, and the split itself."""

from __future__ import annotations

from app.store.reference import categories
from tests.store.store_helpers import full_dump
from tests.ui.test_base_data_page import choose, page, refusal, save  # noqa: F401 (fixture)


def test_a_leaf_is_split_in_the_window(qtbot, page, demo_db) -> None:  # noqa: F811
    tab = page.categories
    choose(page, tab, "04")
    assert not tab.split_button.isEnabled()  # a group is not split
    choose(page, tab, "0402")
    assert tab.split_button.isEnabled() and tab.split_button.text() == "拆分…"
    dialog = tab.split()
    assert dialog.windowTitle() == "拆分问题类别"
    code, name = dialog.rows[0]
    code.setText("040201")
    name.setText("建筑施工噪声")
    before = full_dump(demo_db)
    assert refusal(qtbot, dialog) == "问题类别“0402”至少要拆分为两个更细的类别。"
    assert full_dump(demo_db) == before
    dialog.rows[1][0].setText("040202")
    dialog.rows[1][1].setText("社会生活噪声")
    save(qtbot, dialog)
    by_code = {c.code: c for c in categories(demo_db)}
    assert (by_code["040201"].name, by_code["040202"].name) == ("建筑施工噪声", "社会生活噪声")
    assert not by_code["0402"].active
    assert tab.current().code == "040201"
