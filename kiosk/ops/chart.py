"""The `spa-kiosk stats --chart` picture: how journeys ended, per day or per week, as stacked bars
in a PNG. Light by default (white paper, dark ink, no large dark fills: it prints well), or in
the kiosk's own dark colours. Month names are written in the language asked for (the kiosk's
first language), by Qt's locale data.

The one module of `kiosk.ops` that uses Qt (QImage and QPainter, no window). Qt is imported inside
`write_chart`, the only function that needs it: only `stats --chart` pays for loading it, and the
other staff tools (and `spa-kiosk stats` without `--chart`) start without Qt.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.model import Theme
from kiosk.ops.places import default_content_dir

if TYPE_CHECKING:
    from PySide6.QtGui import QFontDatabase

_HOUSE = Theme()  # the house colours, declared once in the content model
SIZE = (1600, 900)
_FAMILY: list[str | None] = []  # loaded once per process
_APP: list[object] = []  # the application made here, if there was none

SERIES = ("package suggested", '"talk to us"', "walked away", "not ended (kiosk stopped)")
"""What each part of a bar counts, bottom to top."""


@dataclass(frozen=True)
class Palette:
    background: str
    ink: str  # titles and values
    soft_alpha: float  # axis labels: the ink, lighter
    grid_alpha: float
    parts: tuple[str, str, str, str]  # one colour per SERIES


DARK = Palette(
    background=_HOUSE.background, ink=_HOUSE.text, soft_alpha=0.72, grid_alpha=0.12,
    parts=(_HOUSE.accent, "#7FB7BE", "#8C7B70", "#4A3C36"),
)
LIGHT = Palette(
    background="#FFFFFF", ink="#1A1210", soft_alpha=0.70, grid_alpha=0.14,
    parts=(_HOUSE.accent, "#2F7F8A", "#B7ABA3", "#E6E0DB"),
)


@dataclass(frozen=True)
class Bar:
    """One day or week: its first day and how many journeys ended each way (SERIES order)."""

    start: date
    parts: tuple[int, int, int, int]

    @property
    def total(self) -> int:
        return sum(self.parts)


# How a day is written, by language: Qt's month names in a pattern that reads naturally there.
_DAY_PATTERNS = {"de": "d. MMM", "ja": "MMMd日", "zh": "MMMd日", "ko": "MMM d일"}
_DATE_PATTERNS = {
    "de": "d. MMM yyyy", "ja": "yyyy年MMMd日", "zh": "yyyy年MMMd日", "ko": "yyyy년 MMM d일",
}


_FSI, _PDI = "\u2068", "\u2069"  # Unicode's first-strong isolate, and its end


def nice_step(top: int, ticks: int = 5) -> int:
    """A round step (1, 2, 5, 10, 20, 50, ...) giving about `ticks` gridlines up to `top`."""
    raw = max(top, 1) / ticks
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return int(factor * magnitude)
    return int(10 * magnitude)


def write_chart(
    bars: Sequence[Bar],
    path: Path,
    *,
    per: str = "day",
    title: str | None = None,
    light: bool = True,
    language: str = "en",
) -> None:
    """Draw one stacked bar per day or week (`per`; bars in order, empty ones included) and save
    a PNG; OSError if it cannot be saved. `language`: a code (de, ja, pt-BR) for month names."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt here, not at the top: see the module docstring.
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import (
        QColor,
        QFont,
        QFontDatabase,
        QGuiApplication,
        QImage,
        QPainter,
        QPainterPath,
        QPen,
        QTextOption,
    )

    if QGuiApplication.instance() is None:  # fonts need one; it stays for the process
        _APP.append(QGuiApplication([]))
    family = _font_family(QFontDatabase)

    def written(day: date, year: bool = False) -> str:
        text = day_text(day, language, year=year)
        return f"{_FSI}{text}{_PDI}"  # its own direction, whatever the words around it

    palette = LIGHT if light else DARK
    width, height = SIZE
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(palette.background))
    ink = QColor(palette.ink)
    soft = QColor(palette.ink)
    soft.setAlphaF(palette.soft_alpha)
    faint = QColor(palette.ink)
    faint.setAlphaF(palette.grid_alpha)
    colours = [QColor(colour) for colour in palette.parts]

    def font(pixels: int, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
        result = QFont(family) if family else QFont()
        result.setPixelSize(pixels)
        result.setWeight(weight)
        return result

    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        total = sum(bar.total for bar in bars)
        painter.setPen(ink)
        painter.setFont(font(44, QFont.Weight.DemiBold))
        heading = title or ("Journeys per week" if per == "week" else "Journeys per day")
        painter.drawText(QRectF(80, 40, width - 160, 60), Qt.AlignmentFlag.AlignLeft, heading)
        painter.setPen(soft)
        painter.setFont(font(24))
        if bars:
            first, last = written(bars[0].start, year=True), written(bars[-1].start, year=True)
            span = first if len(bars) == 1 else f"{first} to {last}"
            if per == "week":
                span = f"{'week' if len(bars) == 1 else 'weeks'} beginning {span}"
            span += f"  ·  {total} journeys"
        else:
            span = "nothing counted yet"
        # Left to right as a whole (the words are English), each date in its own direction:
        # an Arabic date stays one right-to-left run inside the line.
        line = QTextOption(Qt.AlignmentFlag.AlignLeft)
        line.setTextDirection(Qt.LayoutDirection.LeftToRight)
        painter.drawText(QRectF(80, 104, width - 160, 36), span, line)

        # The legend, one line under the subtitle: a swatch and a name for each part.
        painter.setFont(font(22))
        metrics = painter.fontMetrics()
        x = 80.0
        for colour, name in zip(colours, SERIES, strict=True):
            painter.fillRect(QRectF(x, 160, 22, 22), colour)
            painter.setPen(QPen(faint, 1.0))
            painter.drawRect(QRectF(x, 160, 22, 22))
            painter.setPen(ink)
            painter.drawText(
                QRectF(x + 32, 152, 400, 36),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name,
            )
            x += 32 + metrics.horizontalAdvance(name) + 44

        left, right, top, bottom = 150.0, width - 70.0, 240.0, height - 130.0
        peak = max((bar.total for bar in bars), default=0)
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

        if bars:
            slot = (right - left) / len(bars)
            thick = max(min(slot * 0.62, 90.0), 1.0)
            painter.setFont(font(20))
            label_width = max(
                painter.fontMetrics().horizontalAdvance(written(bar.start))
                for bar in bars
            ) + 16
            every = max(1, math.ceil(label_width / slot))  # day labels never touch
            show_values = len(bars) <= 31 and slot >= 30
            for index, bar in enumerate(bars):
                x = left + slot * index + (slot - thick) / 2
                h = bar.total * scale
                if bar.total:
                    shape = QPainterPath()
                    radius = min(8.0, thick / 2, h)
                    shape.addRoundedRect(QRectF(x, bottom - h, thick, h + radius), radius, radius)
                    painter.save()
                    painter.setClipRect(QRectF(x - 1, top - 40, thick + 2, bottom - top + 40))
                    painter.setClipPath(shape, Qt.ClipOperation.IntersectClip)
                    y = bottom
                    for colour, count in zip(colours, bar.parts, strict=True):
                        part = count * scale
                        painter.fillRect(QRectF(x, y - part, thick, part), colour)
                        y -= part
                    painter.restore()
                if show_values and bar.total:
                    painter.setPen(ink)
                    painter.setFont(font(20, QFont.Weight.Medium))
                    painter.drawText(
                        QRectF(x - 30, bottom - h - 34, thick + 60, 30),
                        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                        str(bar.total),
                    )
                if index % every == 0:
                    painter.setPen(soft)
                    painter.setFont(font(20))
                    painter.drawText(
                        QRectF(x + thick / 2 - label_width / 2, bottom + 14, label_width, 30),
                        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                        written(bar.start),
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
            QRectF(left, height - 70, right - left, 36), Qt.AlignmentFlag.AlignHCenter,
            "week beginning" if per == "week" else "day",
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


def day_text(day: date, language: str, *, year: bool = False) -> str:
    """`day` as the chart writes it, with the month's name in `language` (a code: de, ja,
    pt-BR; one Qt does not know gives English): 23 Nov, 23. Nov., 11月23日."""
    # Qt here, not at the top: see the module docstring.
    from PySide6.QtCore import QDate, QLocale

    base = language.replace("_", "-").split("-")[0].lower()
    patterns = _DATE_PATTERNS if year else _DAY_PATTERNS
    pattern = patterns.get(base, "d MMM yyyy" if year else "d MMM")
    locale = QLocale(language.replace("-", "_"))
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


def _font_family(database: type[QFontDatabase]) -> str | None:
    """The kiosk's own font (Inter, shipped with the default content), if it can be loaded;
    `database` is Qt's QFontDatabase. Letters Inter lacks (Japanese, Arabic) come from the
    system's fonts, as Qt finds them."""
    if _FAMILY:
        return _FAMILY[0]
    fonts = default_content_dir().parent / "assets" / "fonts"
    family = None
    for name in ("Inter-Regular.otf", "Inter-Medium.otf", "Inter-SemiBold.otf"):
        if not (fonts / name).is_file():
            continue
        font_id = database.addApplicationFont(str(fonts / name))
        if font_id >= 0 and family is None:
            families = database.applicationFontFamilies(font_id)
            family = families[0] if families else None
    _FAMILY.append(family)
    return family
