"""The `spa-kiosk stats --chart` picture: journeys per day as a calm bar chart PNG in the kiosk's
colours. The one module of `kiosk.ops` that uses Qt (QImage and QPainter, no window), imported
only when a chart is asked for.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from kiosk.content.model import Theme

_HOUSE = Theme()  # the house colours, declared once in the content model
BACKGROUND = _HOUSE.background
IVORY = _HOUSE.text
EMBER = _HOUSE.accent
SIZE = (1600, 900)
_FAMILY: list[str | None] = []  # loaded once per process
_APP: list[object] = []  # the application made here, if there was none
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def nice_step(top: int, ticks: int = 5) -> int:
    """A round step (1, 2, 5, 10, 20, 50, ...) giving about `ticks` gridlines up to `top`."""
    raw = max(top, 1) / ticks
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return int(factor * magnitude)
    return int(10 * magnitude)


def write_chart(
    days: Sequence[tuple[date, int]], path: Path, title: str = "Journeys per day"
) -> None:
    """Draw one bar per day (days in order, zeros included) and save a PNG; OSError if it
    cannot be saved."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPen

    if QGuiApplication.instance() is None:  # fonts need one; it stays for the process
        _APP.append(QGuiApplication([]))
    family = _font_family()
    width, height = SIZE
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(BACKGROUND))
    ivory, ember = QColor(IVORY), QColor(EMBER)
    soft = QColor(IVORY)
    soft.setAlphaF(0.72)
    faint = QColor(IVORY)
    faint.setAlphaF(0.12)

    def font(pixels: int, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
        result = QFont(family) if family else QFont()
        result.setPixelSize(pixels)
        result.setWeight(weight)
        return result

    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        total = sum(n for _, n in days)
        painter.setPen(ivory)
        painter.setFont(font(44, QFont.Weight.DemiBold))
        painter.drawText(QRectF(80, 40, width - 160, 60), Qt.AlignmentFlag.AlignLeft, title)
        painter.setPen(soft)
        painter.setFont(font(24))
        if days:
            span = f"{_label(days[0][0])} {days[0][0].year} to {_label(days[-1][0])} " \
                f"{days[-1][0].year}  ·  {total} journeys"
        else:
            span = "nothing counted yet"
        painter.drawText(QRectF(80, 104, width - 160, 36), Qt.AlignmentFlag.AlignLeft, span)

        left, right, top, bottom = 150.0, width - 70.0, 190.0, height - 130.0
        peak = max((n for _, n in days), default=0)
        step = nice_step(peak)
        ceiling = max(step * math.ceil(max(peak, 1) / step), step)
        scale = (bottom - top) / ceiling

        painter.setFont(font(22))
        for value in range(0, ceiling + 1, step):
            y = bottom - value * scale
            painter.setPen(QPen(faint, 1.5))
            painter.drawLine(QPointF(left, y), QPointF(right, y))
            painter.setPen(soft)
            painter.drawText(
                QRectF(left - 100, y - 16, 84, 32),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value),
            )

        if days:
            slot = (right - left) / len(days)
            bar = max(min(slot * 0.62, 90.0), 1.0)
            every = max(1, math.ceil(len(days) / 12))  # at most about 12 day labels
            show_values = len(days) <= 31
            for index, (day, count) in enumerate(days):
                x = left + slot * index + (slot - bar) / 2
                h = count * scale
                if count:
                    shape = QPainterPath()
                    radius = min(8.0, bar / 2, h)
                    shape.addRoundedRect(QRectF(x, bottom - h, bar, h + radius), radius, radius)
                    painter.save()
                    painter.setClipRect(QRectF(x - 1, top - 40, bar + 2, bottom - top + 40))
                    painter.fillPath(shape, ember)
                    painter.restore()
                if show_values and count:
                    painter.setPen(ivory)
                    painter.setFont(font(20, QFont.Weight.Medium))
                    painter.drawText(
                        QRectF(x - 30, bottom - h - 34, bar + 60, 30),
                        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, str(count),
                    )
                if index % every == 0:
                    painter.setPen(soft)
                    painter.setFont(font(20))
                    painter.drawText(
                        QRectF(x + bar / 2 - 60, bottom + 14, 120, 30),
                        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, _label(day),
                    )
        else:
            painter.setPen(soft)
            painter.setFont(font(28))
            painter.drawText(
                QRectF(left, top, right - left, bottom - top), Qt.AlignmentFlag.AlignCenter,
                "No journeys counted",
            )

        painter.setPen(QPen(soft, 2))
        painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
        painter.setPen(soft)
        painter.setFont(font(24))
        painter.drawText(
            QRectF(left, height - 70, right - left, 36), Qt.AlignmentFlag.AlignHCenter, "day"
        )
        painter.save()
        painter.translate(48, (top + bottom) / 2)
        painter.rotate(-90)
        painter.drawText(QRectF(-150, -18, 300, 36), Qt.AlignmentFlag.AlignCenter, "journeys")
        painter.restore()
    finally:
        painter.end()
    if not image.save(str(path), "PNG"):  # type: ignore[call-overload]  # stub wants bytes
        raise OSError(f"cannot write the chart to {path}")


def _label(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def _font_family() -> str | None:
    """The kiosk's own font (Inter, shipped with the default content), if it can be loaded."""
    if _FAMILY:
        return _FAMILY[0]
    from PySide6.QtGui import QFontDatabase

    from kiosk.ops.places import default_content_dir

    fonts = default_content_dir().parent / "assets" / "fonts"
    family = None
    for name in ("Inter-Regular.otf", "Inter-Medium.otf", "Inter-SemiBold.otf"):
        if not (fonts / name).is_file():
            continue
        font_id = QFontDatabase.addApplicationFont(str(fonts / name))
        if font_id >= 0 and family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    _FAMILY.append(family)
    return family
