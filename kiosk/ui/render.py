"""`spa-kiosk render`: every screen to PNG without a display, plus one contact sheet.

Staff use it to review a content change from a laptop; the tests and the README use it too.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QEventLoop, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtQml import QQmlEngine, QQmlExpression

# Before the window is made, so that Python knows it as a QQuickWindow (see KioskWindow).
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.content.model import Content, Theme
from kiosk.guest.sample_answers import sample_answers
from kiosk.ops.places import choose_content
from kiosk.ui.app import KioskWindow, application, parse_size
from kiosk.ui.controller import KioskController
from kiosk.ui.scheduler import StillClock


def render_command(args: argparse.Namespace, content: Content) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    language = args.lang or content.default_language
    if language not in content.languages:
        print(
            f"error: --lang {language}: the content's languages are {', '.join(content.languages)}",
            file=sys.stderr,
        )
        return 1
    size = parse_size(args.size)
    assert size is not None
    if args.text is not None:
        content = with_text_size(content, args.text)
    try:
        files = render_screens(content, Path(args.out), (size.width(), size.height()), language)
    except NotReady as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    print(f"{choose_content(args.content).describe()}\nwrote {len(files)} pictures to {args.out}")
    return 0


READY_SECONDS = 30.0


def with_text_size(content: Content, size: Literal["normal", "large"]) -> Content:
    """The same content with kiosk.yaml's theme.text_size set to `size`."""
    theme = replace(content.kiosk.theme, text_size=size)
    return replace(content, kiosk=replace(content.kiosk, theme=theme))


class NotReady(Exception):
    """A screen that did not come ready in time; the message names it and what it waited for."""


def render_screens(
    content: Content,
    out: Path,
    size: tuple[int, int],
    language: str,
    ready_seconds: float = READY_SECONDS,
) -> list[Path]:
    """Render every screen of `content`; returns the files written (contact sheet last).

    Each picture is taken once its screen is ready: every picture on it loaded (or failed),
    no fade under way, two frames alike. A screen not ready within `ready_seconds` raises
    `NotReady` rather than saving what happened to be on screen."""
    application()
    out.mkdir(parents=True, exist_ok=True)
    # Each screen still, as it is before a guest's choice moves it on.
    timing = replace(content.kiosk.timing, advance_on_choice=False)
    content = replace(content, kiosk=replace(content.kiosk, timing=timing))
    kiosk = KioskWindow(content, StillClock(), QSize(*size))
    kiosk.window.show()
    controller = kiosk.controller
    shots: list[tuple[str, Path]] = []

    def shoot(name: str, label: str, picture: str | None = None) -> None:
        try:
            frame = settle(kiosk.window, ready_seconds)
        except NotReady as problem:
            kiosk.close()
            shown = f"'{label}'" + (f" (picture {picture})" if picture else "")
            raise NotReady(f"render: the screen {shown} {problem}; no picture saved") from None
        path = out / f"{name}.png"
        frame.save(str(path))
        shots.append((label, path))

    def in_language() -> None:
        controller.setLanguage(language)

    for index, slide in enumerate(content.slides):
        controller.show_slide(index)
        in_language()
        shoot(f"slide_{slide.id}", f"slide {slide.id}", slide.image)

    answers = sample_answers(content)
    controller.start()
    in_language()
    journey = controller.journey
    assert journey is not None
    while True:
        question = journey.question
        for option_id in answers.get(question.id, ()):
            controller.toggle(option_id)
        shoot(f"question_{question.id}", f"question {question.id}")
        if journey.is_last:
            break
        controller.next()
    controller.next()
    suggestion = controller.session.suggestion
    package = suggestion.package if suggestion is not None else None
    shoot("suggestion", "suggestion", package.image if package is not None else None)
    controller.show_warning_now()
    shoot("idle_warning", "idle warning")
    controller.start_over()

    consult = sample_answers(content, consult=True)
    _walk(controller, consult, in_language)
    if controller.current_screen == "consult":
        shoot("consult", "consult")
    controller.start_over()

    sheet = out / "contact_sheet.png"
    contact_sheet(shots, sheet, size)
    kiosk.close()
    return [path for _, path in shots] + [sheet]


def _walk(
    controller: KioskController, answers: dict[str, tuple[str, ...]], before: Callable[[], None]
) -> None:
    controller.start()
    before()
    journey = controller.journey
    assert journey is not None
    while controller.current_screen == "question":
        for option_id in answers.get(journey.question.id, ()):
            controller.toggle(option_id)
        controller.next()


def settle(window: QQuickWindow, timeout: float = READY_SECONDS) -> QImage:
    """The window's picture once it is ready: no picture loading, no slide waiting to fade in,
    and two frames in a row alike (no fade or other animation under way). Raises `NotReady`
    after `timeout` seconds, saying what it still waited for."""

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    deadline = time.monotonic() + timeout
    previous = None
    while True:
        waiting = waiting_for(window)
        if not waiting:
            frame = window.grabWindow()
            if previous is not None and frame == previous:
                return frame
            previous = frame
        else:
            previous = None
        if time.monotonic() > deadline:
            why = ", ".join(waiting) if waiting else "it kept changing (an animation)"
            raise NotReady(f"was not ready after {timeout:g} s: {why}")
        wait(100)


def waiting_for(window: QQuickWindow) -> list[str]:
    """What the screens still wait for, in words: pictures loading, a slide about to fade in."""
    waiting: list[str] = []
    items: list[QQuickItem] = [window.contentItem()]
    while items:  # the visual tree: QML's items are not all QObject children of their parent
        item = items.pop()
        items.extend(item.childItems())
        kind = item.metaObject().className()
        # Every picture, seen or not: a slide's next picture loads out of sight.
        if kind.startswith("QQuickImage") and _loading(item):
            name = Path(item.property("source").toLocalFile()).name or "a picture"
            waiting.append(f"picture {name} still loading")
        elif (
            item.objectName() == "attractScreen"
            and item.isVisible()
            and item.property("incoming") is not None
        ):
            waiting.append("the next slide has not faded in")
    return waiting


def _loading(image: QQuickItem) -> bool:
    """Whether a QML Image is still loading (its `status` is an enum PySide cannot read)."""
    context = QQmlEngine.contextForObject(image)
    if context is None:
        return False
    return bool(QQmlExpression(context, image, "status === Image.Loading").evaluate()[0])


def contact_sheet(shots: list[tuple[str, Path]], target: Path, size: tuple[int, int]) -> None:
    """All pictures as labelled thumbnails on one page."""
    columns = 4
    thumb_w = 480
    thumb_h = round(thumb_w * size[1] / size[0])
    label_h = 36
    pad = 16
    rows = max(1, -(-len(shots) // columns))
    sheet = QImage(
        columns * (thumb_w + pad) + pad,
        rows * (thumb_h + label_h + pad) + pad,
        QImage.Format.Format_RGB32,
    )
    sheet.fill(QColor("#100B0A"))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setFont(QFont("DejaVu Sans", 13))
    painter.setPen(QColor(Theme().muted))
    for i, (label, path) in enumerate(shots):
        x = pad + (i % columns) * (thumb_w + pad)
        y = pad + (i // columns) * (thumb_h + label_h + pad)
        image = QImage(str(path)).scaled(
            thumb_w,
            thumb_h,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        painter.drawImage(x, y, image)
        painter.drawText(
            QRect(x, y + thumb_h, thumb_w, label_h), Qt.AlignmentFlag.AlignVCenter, label
        )
    painter.end()
    sheet.save(str(target))
