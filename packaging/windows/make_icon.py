"""Write packaging/windows/towndesk.ico (16 to 256 px) from resources/icons/towndesk.svg.

The icon of the Windows installer, of towndesk.exe and of its Start-menu entry; made before
the build, never committed (a binary made from the SVG). Run with the project's Python:
    python packaging/windows/make_icon.py
Qt draws the SVG (packaging/render_icons.py); Pillow, already a dependency, writes the .ico.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
from render_icons import SIZES, rendered  # noqa: E402 - beside this script, not a package

SVG = ROOT / "resources" / "icons" / "towndesk.svg"
ICO = ROOT / "packaging" / "windows" / "towndesk.ico"


def main() -> int:
    largest = Image.open(io.BytesIO(rendered(SVG, (256,))[256]))
    largest.save(ICO, format="ICO", sizes=[(size, size) for size in SIZES])
    print(f"{ICO}: {', '.join(str(size) for size in SIZES)} px")
    return 0


if __name__ == "__main__":
    sys.exit(main())
