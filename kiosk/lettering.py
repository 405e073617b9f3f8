"""Can the screens draw the staff's texts: letters no installed font has (drawn as boxes), and
words too long for a line (broken inside the word on screen). Qt's own font machinery, as the
screens use it; run by the content check (kiosk/ops/checker.py), never by the running screens.

Kept apart from kiosk.content so that the content model stays free of Qt.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTextBoundaryFinder
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QRawFont,
    QTextLayout,
)

from kiosk.content.assets import looks_like_font_file
from kiosk.content.model import Content, Text
from kiosk.ops.places import default_content_dir

# How wide a word may be, in ems of the font at the size it is drawn, before it no longer fits
# its line on a 1920x1080 screen even shrunk to 75 %: a slide's title beside its picture
# (768 px at 66 px), and its body beside it (768 px at 30 px). Other screens have more room.
TITLE_EMS = 11.0
BODY_EMS = 24.0
_WORD = re.compile(r"[^\s\-\u00ad\u2010\u2013\u2014/]+")
_MAX_SHOWN = 8  # missing letters named in one warning


@dataclass(frozen=True)
class Finding:
    """One warning about a text: its file, where in the file, and what staff should read."""

    file: str
    where: tuple[str | int, ...]
    message: str


def texts(content: Content) -> Iterator[tuple[str, tuple[str | int, ...], Text, bool]]:
    """Every guest-facing text: its file, key path, the text, and whether it is a title."""
    kiosk = content.kiosk
    yield "kiosk.yaml", ("spa_name",), kiosk.spa_name, True
    yield "kiosk.yaml", ("disclaimer",), kiosk.disclaimer, False
    for i, slide in enumerate(content.slides):
        yield "slides.yaml", ("slides", i, "title"), slide.title, True
        if slide.body:
            yield "slides.yaml", ("slides", i, "body"), slide.body, False
    for qi, question in enumerate(content.questions):
        yield "questionnaire.yaml", ("questions", qi, "prompt"), question.prompt, True
        if question.help:
            yield "questionnaire.yaml", ("questions", qi, "help"), question.help, False
        for oi, option in enumerate(question.options):
            where = ("questions", qi, "options", oi, "label")
            yield "questionnaire.yaml", where, option.label, True
    for i, package in enumerate(content.packages):
        yield "packages.yaml", ("packages", i, "name"), package.name, True
        if package.summary:
            yield "packages.yaml", ("packages", i, "summary"), package.summary, False
    yield "packages.yaml", ("consult", "title"), content.consult.title, True
    yield "packages.yaml", ("consult", "body"), content.consult.body, False


def findings(content: Content) -> list[Finding]:
    """What the screens cannot draw well in `content`'s texts, in the theme's font. Needs
    Qt's font machinery: only in the main thread of a process (the check's helper, `check`)."""
    if not _can_use_fonts():
        return []
    font = _Font(content)
    on_screen = frozenset(content.kiosk.languages)
    found: list[Finding] = []
    for file, where, text, title in texts(content):
        for code, value in _by_language(text, on_screen):
            place = (*where, code) if code else where
            missing = font.boxes(value)
            if missing:
                more = " ..." if len(missing) > _MAX_SHOWN else ""
                shown = " ".join(missing[:_MAX_SHOWN]) + more
                codes = ", ".join(f"U+{ord(c):04X}" for c in missing[:_MAX_SHOWN])
                found.append(Finding(file, place, (
                    f"the font '{font.family}' and the fonts installed on this computer have no "
                    f"letters for {shown} ({codes}): they show as empty boxes; use a font "
                    "that has them (theme: font: in kiosk.yaml) or leave them out"
                )))
            limit = TITLE_EMS if title else BODY_EMS
            for word in _unbreakable(value):
                if len(word) > 8 and font.ems(word) > limit:
                    start = word[:20] + ("..." if len(word) > 20 else "")
                    found.append(Finding(file, place, (
                        f"the word '{start}' ({len(word)} letters) is too long to fit on one "
                        "line on screen, so it is broken in the middle; add spaces or hyphens"
                    )))
    return found


def _by_language(text: Text, shown: frozenset[str]) -> Iterator[tuple[str, str]]:
    """The text in each language the kiosk shows (a translation in a language not listed in
    kiosk.yaml is never on screen, nor is a built-in text's)."""
    if text.is_plain:
        yield "", text.get("")
    else:
        for code in sorted(text.languages & shown):
            yield code, text.get(code)


def _unbreakable(value: str) -> Iterator[str]:
    """The runs of `value` that a line cannot be broken inside, as the screens wrap text:
    between spaces and hyphens, and within those where Unicode's line breaking rules allow a
    break (Qt's, the screens' own). Chinese and Japanese are written without spaces and may be
    broken between most letters: no run of them is one long word."""
    for word in _WORD.findall(value):
        if len(word) <= 8:
            continue
        finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, word)
        start = 0
        while (end := finder.toNextBoundary()) != -1:
            if end > start:
                yield word[start:end]
            start = end


def _can_use_fonts() -> bool:
    """Qt's fonts need a QGuiApplication, and only its thread may use them: one is made when
    there is none (drawing nowhere, unless QT_QPA_PLATFORM says otherwise); a kiosk that checks
    in a worker thread skips this check."""
    app = QGuiApplication.instance()
    if app is None:
        if threading.current_thread() is not threading.main_thread():
            return False
        given = os.environ.get("QT_QPA_PLATFORM", "").strip()
        _made.append(QGuiApplication(["spa-kiosk", *(() if given else ("-platform", "offscreen"))]))
        return True
    return threading.current_thread() is threading.main_thread()


_made: list[Any] = []


class _Font:
    """The theme's font as the screens get it: a file in the assets, a family installed on the
    computer, or the kiosk's own (Inter)."""

    def __init__(self, content: Content) -> None:
        theme_font = content.kiosk.theme.font
        path: Path | None = None
        if theme_font and looks_like_font_file(theme_font):
            path = content.asset(theme_font)
        elif not theme_font:
            fonts = default_content_dir().parent / "assets" / "fonts"
            path = next(iter(sorted(fonts.glob("Inter-Regular.*"))), None)
        self.family = theme_font or "Inter"
        if path is not None:
            font_id = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            self.family = families[0] if families else self.family
        self.font = QFont(self.family)
        self.font.setPixelSize(100)
        self.raw = QRawFont.fromFont(self.font)
        self._drawn: dict[str, bool] = {}

    def boxes(self, text: str) -> list[str]:
        """The letters of `text` that no font draws (each once, in order)."""
        missing: list[str] = []
        for letter in dict.fromkeys(text):
            if letter.isspace() or not letter.isprintable() or _joiner(letter):
                continue
            if letter not in self._drawn:
                self._drawn[letter] = self.raw.supportsCharacter(ord(letter)) or _fallback(
                    letter, self.font
                )
            if not self._drawn[letter]:
                missing.append(letter)
        return missing

    def ems(self, word: str) -> float:
        return float(QFontMetricsF(self.font).horizontalAdvance(word)) / 100


def _joiner(letter: str) -> bool:
    """Zero-width joiners and variation selectors: parts of an emoji, never drawn alone."""
    code = ord(letter)
    return code in (0x200C, 0x200D) or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def _fallback(letter: str, font: Any) -> bool:
    """Whether Qt draws `letter` from another installed font (it does where the theme's font
    has none): laid out as the screens lay it out, glyph 0 is the empty box."""
    layout = QTextLayout(letter, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    runs = layout.glyphRuns()
    return bool(runs) and all(0 not in run.glyphIndexes() for run in runs)
