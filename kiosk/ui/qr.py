"""QR codes for the booking link, drawn locally (segno makes the matrix, Qt paints it)."""

from __future__ import annotations

from urllib.parse import unquote

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtQuick import QQuickImageProvider


def qr_image(text: str, side: int) -> QImage:
    """A black-on-white QR code of `text`, `side` pixels square, with a quiet zone."""
    import segno  # only once a guest reaches a suggestion: not on the kiosk's start-up path

    code = segno.make(text, error="m", micro=False)
    rows = [list(row) for row in code.matrix]
    modules = len(rows) + 8  # 4 modules of quiet zone on each side
    cell = max(1, side // modules)
    size = cell * modules
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    black = QColor("black")
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(QRect((x + 4) * cell, (y + 4) * cell, cell, cell), black)
    painter.end()
    if size != side:
        from PySide6.QtCore import Qt  # here: making Python's `Qt` costs a start ~25 ms

        image = image.scaled(
            side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
        )
    return image


class QrImageProvider(QQuickImageProvider):
    """`image://kiosk/qr/<url-encoded text>` in QML."""

    def __init__(self) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)

    def requestImage(self, id: str, size: QSize, requested: QSize) -> QImage:
        kind, _, payload = id.partition("/")
        side = max(requested.width(), requested.height(), 256) if requested.isValid() else 512
        image = qr_image(unquote(payload), side) if kind == "qr" and payload else QImage()
        if size is not None and not image.isNull():
            size.setWidth(image.width())
            size.setHeight(image.height())
        return image
