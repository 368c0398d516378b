"""Write packaging/windows/towndesk.ico (16 to 256 px) from resources/icons/towndesk.svg.

The icon of the Windows installer, of towndesk.exe and of its Start-menu entry; made before
the build, never committed (a binary made from the SVG). Run with the project's Python:
    python packaging/windows/make_icon.py
Qt renders each size; the .ico holds them as PNG images, which Windows reads since Vista.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SVG = ROOT / "resources" / "icons" / "towndesk.svg"
ICO = ROOT / "packaging" / "windows" / "towndesk.ico"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_images(svg: Path) -> list[bytes]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - QPainter needs it
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {svg}")
    images = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        images.append(bytes(data.data()))
    return images


def ico(images: list[bytes]) -> bytes:
    """ICONDIR, one 16-byte entry per image (0 stands for 256 px), then the PNG data."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, data in zip(SIZES, images, strict=True):
        side = 0 if size == 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(images)


def main() -> int:
    ICO.write_bytes(ico(png_images(SVG)))
    print(f"{ICO}: {', '.join(str(size) for size in SIZES)} px")
    return 0


if __name__ == "__main__":
    sys.exit(main())
