"""Photo thumbnails and a simple full-size viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.ui.common.screen import fit_to_screen

THUMBNAIL_SIZE = 96
Picture = Path | bytes | bytearray  # a file to pick, or a stored photo's bytes (in memory)


def read_image(picture: Picture, size: int | None = None) -> QImage:
    """The picture decoded, turned as its EXIF says (phone photos carry their rotation);
    ``size``: only as many pixels as a square of that side needs (phones take 12 MP).
    Stored evidence comes as bytes, decoded from memory: it may be encrypted on disk."""
    buffer = None
    if not isinstance(picture, Path):
        buffer = QBuffer()
        buffer.setData(QByteArray(picture))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
    else:
        reader = QImageReader(str(picture))
    reader.setAutoTransform(True)
    original = reader.size()
    if size is not None and original.isValid():
        reader.setScaledSize(original.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if buffer is not None:
        buffer.close()
    return image


def thumbnail(picture: Picture, size: int = THUMBNAIL_SIZE) -> QPixmap:
    image = read_image(picture, size)
    if image.isNull():
        return QPixmap()
    return QPixmap.fromImage(image)


class ImageViewer(QDialog):
    """The photo at full size (scaled down to the screen), Esc closes."""

    def __init__(self, picture: Picture, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        image = read_image(picture)
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if image.isNull():
            label.setText(self.tr("This photo cannot be shown: {file}").format(file=title))
        else:
            pixmap = QPixmap.fromImage(image)
            limit = QSize(1200, 800)
            if pixmap.width() > limit.width() or pixmap.height() > limit.height():
                pixmap = pixmap.scaled(
                    limit,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            label.setPixmap(pixmap)
        scroll = QScrollArea()
        scroll.setWidget(label)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.image_label = label
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        fit_to_screen(self, 900, 680)
