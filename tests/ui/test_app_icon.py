"""The window carries TownDesk's icon, the one the installed menu entry shows."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def test_window_icon_is_the_shield_of_the_menu_entry(chinese_app: QApplication) -> None:
    assert chinese_app.desktopFileName() == "towndesk"  # packaging/debian/towndesk.desktop
    icon = chinese_app.windowIcon()
    assert not icon.isNull()
    image = icon.pixmap(64, 64).toImage()
    assert image.width() == 64
    assert image.pixelColor(0, 0).alpha() == 0  # outside the shield
    blue = image.pixelColor(16, 32)  # between the white rim and the star: #1d4e89
    assert (blue.red(), blue.green(), blue.blue(), blue.alpha()) == (29, 78, 137, 255)
