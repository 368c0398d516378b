"""The Debian package's own files: the Depends list, the menu entry, the icon at its sizes.

The package itself is built by `make package` and installed by `make package-test` (root and
the Debian mirror): not here.
"""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
DEBIAN = ROOT / "packaging" / "debian"


def _depends() -> list[str]:
    lines = (DEBIAN / "depends").read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


def test_depends_names_the_libraries_qt_needs_and_a_chinese_font() -> None:
    depends = _depends()
    for package in (
        "libgl1",
        "libegl1",
        "libfontconfig1",
        "libxkbcommon0",
        "libxkbcommon-x11-0",
        "libdbus-1-3",
        "libglib2.0-0",
        "libxcb-cursor0",
        "libxcb-icccm4",
        "libxcb-keysyms1",
        "libcups2",  # the print dialog's printers
        "libice6",  # Qt 6.7's xcb plugin, the arm64 build
        "libsm6",
        "fonts-wqy-microhei | fonts-noto-cjk",
    ):
        assert package in depends
    assert len(depends) == len(set(depends))


def test_menu_entry_in_english_and_chinese() -> None:
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # keys are case-sensitive: Name[zh_CN]
    desktop.read(DEBIAN / "towndesk.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Name"] == "TownDesk"
    assert entry["Name[zh_CN]"] == "乡镇综合执法联动工作台"
    assert entry["Exec"] == "towndesk"
    assert entry["Icon"] == "towndesk"
    assert entry["Terminal"] == "false"
    assert entry["Categories"] == "Office;"
    assert entry["Comment"] and entry["Comment[zh_CN]"]


def test_icon_renders_at_every_hicolor_size(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "render_icons.py"),
            str(ROOT / "resources" / "icons" / "towndesk.svg"),
            str(tmp_path),
        ],
        check=True,
        timeout=120,
    )
    for size in (16, 24, 32, 48, 64, 128, 256):
        image = Image.open(tmp_path / f"{size}x{size}" / "apps" / "towndesk.png").convert("RGBA")
        assert image.size == (size, size)
        assert image.getpixel((0, 0))[3] == 0  # a transparent corner: the shield's outside
        # the shield's blue (#1d4e89 = 29, 78, 137) between its white rim and the star
        r, g, b, a = image.getpixel((size // 4, size // 2))
        assert a == 255 and abs(r - 29) <= 2 and abs(g - 78) <= 2 and abs(b - 137) <= 2
