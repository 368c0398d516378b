"""Render resources/icons/towndesk.svg to the hicolor PNG sizes of the Debian package.

Run with the project's Python (PySide6 from the venv):
    python packaging/render_icons.py SVG OUT_DIR
writes OUT_DIR/<n>x<n>/apps/towndesk.png for each size. Generated at package time, never
committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256)


def rendered(svg: Path, sizes: tuple[int, ...] = SIZES) -> dict[int, bytes]:
    """The SVG drawn by Qt at each size, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - QPainter needs it
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {svg}")
    images = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        images[size] = bytes(data.data())
    return images


def main(svg: Path, out: Path) -> int:
    for size, png in rendered(svg).items():
        target = out / f"{size}x{size}" / "apps" / "towndesk.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
