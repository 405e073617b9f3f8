"""The bench's phases measured in the worker's own process: `taps`, `transitions` and `growth` on
a kiosk window made here (with the renderer the kiosk chooses), `check` and `reload` of the
content. Their figures are timed inside the process, so what it imports is not part of them."""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtCore import QCoreApplication, QEvent, QSize, qVersion
from PySide6.QtGui import QGuiApplication

# Before the window is made, so that Python knows it as a QQuickWindow (see KioskWindow).
from PySide6.QtQuick import QQuickWindow  # noqa: F401

# isort: split
# qasync uses the Qt binding already imported (else the first it finds): PySide6 comes first.
import qasync

from kiosk.bench.qtkit import Frames, StallProbe, click, wait_item
from kiosk.bench.worker import GROWTH_SIZE, SIZE, emit
from kiosk.content import last_good
from kiosk.content.load import load_content
from kiosk.content.load_result import LoadResult
from kiosk.content.model import Content, Question
from kiosk.guest.sample_answers import sample_answers
from kiosk.media import verify_files
from kiosk.ops.checker import read_content, read_here
from kiosk.ops.reload import ContentWatcher
from kiosk.ops.resident import rss_mib
from kiosk.ui.app import KioskWindow, application
from kiosk.ui.items import find_visible
from kiosk.ui.renderer import in_use, probe_gl
from kiosk.ui.scheduler import StillClock


def _offscreen() -> bool:
    return os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen")


def _window(
    content_dir: str, size: tuple[int, int] = SIZE, full_screen: bool = True
) -> tuple[QGuiApplication, KioskWindow, Frames]:
    """A kiosk window in this process, with the renderer the kiosk chooses here: full screen
    as the kiosk shows it (offscreen, or `full_screen` False: a window of `size`)."""
    app = application()
    content = _load(Path(content_dir))
    # A clock that never fires: slides and idle resets happen only when the bench says so.
    kiosk = KioskWindow(content, StillClock(), QSize(*size))
    frames = Frames(kiosk.window)
    if full_screen and not _offscreen():
        kiosk.lock_down()  # as `spa-kiosk run` shows it
    else:
        kiosk.window.show()
    if frames.wait_frame(0.0, timeout=10) is None:
        raise RuntimeError("the kiosk window never showed a frame")
    frames.wait_quiet(0.3, timeout=8)
    return app, kiosk, frames


def _load(folder: Path) -> Content:
    result = read_here(folder)
    if result.content is None:
        raise SystemExit("the content has errors; run 'spa-kiosk check' first")
    return result.content


def taps(args: argparse.Namespace) -> None:
    """--count taps on options and Next; for each, the time until the next frame."""
    _app, kiosk, frames = _window(args.content)
    window, controller = kiosk.window, kiosk.controller
    times: list[float] = []
    missed = 0

    def measured_tap(name: str) -> None:
        nonlocal missed
        item = wait_item(window, name)
        frames.wait_quiet(0.12, timeout=6)
        start = time.perf_counter()
        click(window, item)
        shown = frames.wait_frame(start, timeout=2.0)
        if shown is None:
            missed += 1
            shown = time.perf_counter()
        times.append((shown - start) * 1000)

    journey_number = 0
    while len(times) < args.count:
        click(window, wait_item(window, "tapToBegin"))
        frames.wait_quiet(0.15, timeout=6)
        while controller.current_screen == "question" and len(times) < args.count:
            journey = controller.journey
            assert journey is not None
            for option_id in _picks(journey.question, journey_number):
                measured_tap(f"option_{option_id}")
            if not journey.can_go_next:
                measured_tap(f"option_{journey.question.options[0].id}")
            measured_tap("nextButton")
        frames.wait_quiet(0.15, timeout=6)
        controller.start_over()
        frames.wait_quiet(0.15, timeout=8)
        journey_number += 1
    emit(
        {
            "tap_ms": times,
            "taps_without_frame": missed,
            "journeys": journey_number,
            **_qt_meta(kiosk),
        }
    )


def _picks(question: Question, turn: int) -> list[str]:
    """Options a guest might pick here, different from one journey to the next."""
    plain = [o.id for o in question.options if not o.exclusive]
    if question.kind == "single" or not plain:
        return [question.options[turn % len(question.options)].id]
    size = min(2, question.most, len(plain))
    return [plain[(turn + k) % len(plain)] for k in range(size)]


def transitions(args: argparse.Namespace) -> None:
    """--count slide changes; the intervals between frames while the new slide fades in."""
    _app, kiosk, frames = _window(args.content)
    attract = find_visible(kiosk.window, "attractScreen")
    assert attract is not None
    shown: list[tuple[float, bool]] = []  # each frame, and whether it shows a fade under way

    def swapped() -> None:
        shown.append((time.perf_counter(), bool(attract.property("fading"))))

    kiosk.window.frameSwapped.connect(swapped)
    intervals: list[float] = []
    durations: list[float] = []
    for _ in range(args.count):
        first = len(shown)
        kiosk.controller.advance_slide()
        frames.wait_quiet(0.5, timeout=4)  # the fade
        here = shown[first:]
        # From each frame of the fade to the next frame: the last one ends the fade.
        intervals += [(b[0] - a[0]) * 1000 for a, b in itertools.pairwise(here) if a[1]]
        during = [stamp for stamp, fading in here if fading]
        if during:
            durations.append((during[-1] - during[0]) * 1000)
        # On the kiosk the next slide comes 8 s later; let the layers be dropped too.
        frames.wait_quiet(0.5, timeout=6)
    emit({"transition_intervals_ms": intervals, "fade_ms": durations, **_qt_meta(kiosk)})


def growth(args: argparse.Namespace) -> None:
    """Resident memory after warm-up, and after --count slide changes and --journeys journeys."""
    # Half the screen's size: the frames drawn between the changes cost a quarter, so 10,000
    # slides take a minute, not five; what leaks, leaks at any size.
    _app, kiosk, frames = _window(args.content, GROWTH_SIZE, full_screen=False)
    controller = kiosk.controller
    answers = [sample_answers(controller.content), sample_answers(controller.content, True)]

    def turn() -> None:
        """What the running event loop does between two steps, deleting what QML let go."""
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def slides(count: int) -> None:
        for _ in range(count):
            controller.advance_slide()
            turn()

    def journeys(count: int) -> None:
        for number in range(count):
            picks = answers[number % 2]
            controller.start()
            turn()
            while controller.current_screen == "question":
                journey = controller.journey
                assert journey is not None
                for option_id in picks.get(journey.question.id, ()):
                    controller.toggle(option_id)
                    turn()
                controller.next()
                turn()
            controller.done()
            turn()

    def settled_rss() -> float:
        frames.wait_quiet(0.3, timeout=8)
        gc.collect()
        turn()
        return rss_mib()

    slides(max(10, args.count // 20))
    journeys(max(2, args.journeys // 20))
    before = settled_rss()
    started = time.perf_counter()
    slides(args.count)
    after_slides = settled_rss()
    journeys(args.journeys)
    after = settled_rss()
    emit(
        {
            "rss_before_mib": before,
            "rss_after_slides_mib": after_slides,
            "rss_after_mib": after,
            "rss_growth_mib": after - before,
            "growth_seconds": time.perf_counter() - started,
            "window": f"{GROWTH_SIZE[0]}x{GROWTH_SIZE[1]}",
        }
    )


def _qt_meta(kiosk: KioskWindow) -> dict[str, Any]:
    """Where the figures were measured: Qt's platform plugin, the scene graph backend and
    graphics API in use, why the kiosk chose them, OpenGL's own description, the screen."""
    window = kiosk.window
    screen = window.screen()
    geometry = screen.geometry() if screen is not None else None
    api = window.rendererInterface().graphicsApi().name
    choice = in_use()
    gl = choice.gl if choice is not None else None
    if gl is None and QGuiApplication.platformName() != "offscreen":
        gl = probe_gl()  # after the measurement: OpenGL here, used or not
    return {
        "qt": qVersion(),
        "pyside": PySide6.__version__,
        "platform": QGuiApplication.platformName(),
        "renderer": api,
        "scene_graph_backend": window.sceneGraphBackend() or "default",
        "renderer_reason": choice.reason if choice is not None else None,
        "gl_vendor": getattr(gl, "vendor", None),
        "gl_renderer": getattr(gl, "renderer", None),
        "gl_version": getattr(gl, "version", None),
        "gl_in_use": api.startswith("OpenGL"),
        "window": f"{window.width()}x{window.height()}",
        "screen": f"{geometry.width()}x{geometry.height()}" if geometry is not None else "",
        "refresh_hz": round(screen.refreshRate(), 2) if screen is not None else None,
    }


# ---- content: check, and live reload of the large set --------------------------------------


def check(args: argparse.Namespace) -> None:
    """--count loads and checks of the content, as `spa-kiosk check` does them."""
    folder = Path(args.content)
    times = []
    result = None
    for _ in range(args.count):
        start = time.perf_counter()
        result = load_content(folder, verify_files)
        times.append((time.perf_counter() - start) * 1000)
    assert result is not None
    emit(
        {
            "check_ms": times,
            "errors": len(result.errors),
            "warnings": len(result.warnings),
            "counts": result.counts,
        }
    )


def reload(args: argparse.Namespace) -> None:
    """The kiosk shows the large set; the content watcher reloads it --count times, as live
    reload does (checked in a helper process, taken in off the UI thread), and each new set is
    swapped in. A 5 ms timer on the UI thread measures the longest stall of each part."""
    app, kiosk, _frames = _window(args.content)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    folder = Path(args.content)
    arrived: list[asyncio.Future[LoadResult | None]] = []

    keep_in = Path(tempfile.mkdtemp(prefix="spa-kiosk-bench-"))
    kept = keep_in / "snapshot.pickle"

    def on_result(result: LoadResult | None, folder_error: str | None) -> None:
        if result is not None and result.content is not None:
            kiosk.controller.set_content(result.content)  # as run_kiosk does, and it keeps
            if watcher.loaded is not None:  # the set for the next start beside the screen
                loop.run_in_executor(None, last_good.save, kept, result, watcher.loaded)
        if arrived and not arrived[-1].done():
            arrived[-1].set_result(result)

    watcher = ContentWatcher(folder, read_content, on_result)  # as run_kiosk does
    watcher.mark_loaded()
    probe = StallProbe()
    parts: dict[str, list[float]] = {"reload": [], "swap": [], "slide_change": [], "quiet": []}

    async def measure() -> None:
        watching = asyncio.ensure_future(watcher.run())
        probe.start()
        await asyncio.sleep(1.0)
        for _ in range(args.count):
            probe.reset()
            await asyncio.sleep(0.5)
            parts["quiet"].append(probe.worst_ms())
            # A plain slide change, for comparison: the cross-fade is drawn on this thread.
            probe.reset()
            kiosk.controller.advance_slide()
            await asyncio.sleep(1.2)
            parts["slide_change"].append(probe.worst_ms())
            await asyncio.sleep(0.3)
            arrived.append(loop.create_future())
            probe.reset()
            started = time.perf_counter()
            watcher.reload_now()
            result = await arrived[-1]
            parts["reload"].append(probe.worst_ms())
            parts.setdefault("reload_seconds", []).append(time.perf_counter() - started)
            assert result is not None and result.content is not None, "the large set has errors"
            probe.reset()
            kiosk.controller.advance_slide()  # the next slide change puts the new set on screen
            await asyncio.sleep(1.2)
            parts["swap"].append(probe.worst_ms())
        probe.stop()
        watching.cancel()

    with loop:
        loop.run_until_complete(measure())
    emit(
        {
            f"{name}_stall_ms": values
            for name, values in parts.items()
            if not name.endswith("_seconds")
        }
        | {"reload_seconds": parts["reload_seconds"]}
    )
    kiosk.close()
    shutil.rmtree(keep_in, ignore_errors=True)


PHASES: dict[str, Callable[[argparse.Namespace], None]] = {
    "taps": taps,
    "transitions": transitions,
    "growth": growth,
    "check": check,
    "reload": reload,
}
