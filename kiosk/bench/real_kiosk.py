"""The bench's phases on the real kiosk, started as `spa-kiosk run` starts it (full screen;
offscreen: `--windowed` at 1920x1080): `startup` (the first frame and picture, then peak memory
over slides and journeys) and `idle` (CPU and frames over the attract loop).

This module imports `kiosk.ui.run` and what the kiosk imports anyway, nothing more: its imports
are part of the start it times. Python's Qt Quick binding stays out, as it does in the kiosk, so
items are looked up in Qt's tree of objects (kiosk.ui.items.find_named).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import sys
import time
import traceback
from collections.abc import Callable, Coroutine, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler

from kiosk.bench.worker import ENV_T0, RENDERLOOP, SIZE, STARTED, emit
from kiosk.guest.sample_answers import sample_answers
from kiosk.ops.resident import peak_rss_mib, rss_mib
from kiosk.ui.items import find_named
from kiosk.ui.run import RunOptions, run_kiosk

if TYPE_CHECKING:
    from kiosk.ui.app import KioskWindow


def startup(args: argparse.Namespace) -> None:
    """First frame of `spa-kiosk run` (from the parent's clock just before it spawned us);
    with --scenario also 20 slides and --journeys guest journeys, then the peak memory."""
    spawned = float(os.environ.get(ENV_T0, STARTED))
    result: dict[str, Any] = {
        "python_up_ms": (STARTED - spawned) * 1000,
        # The kiosk's modules and Qt's, imported with this one (see the module's docstring).
        "modules_ms": (time.monotonic() - spawned) * 1000,
    }

    def on_window(kiosk: KioskWindow) -> None:
        result["window_ms"] = (time.monotonic() - spawned) * 1000

    def on_first_frame(kiosk: KioskWindow) -> None:
        result["first_frame_ms"] = (time.monotonic() - spawned) * 1000
        _note_first_picture(kiosk, spawned, result)
        _run_async(_after_start(kiosk, args, spawned, result))

    _run_kiosk(args.content, on_first_frame, on_window)


def _note_first_picture(kiosk: KioskWindow, spawned: float, result: dict[str, Any]) -> None:
    """`first_full_frame_ms`: the first frame that shows the first slide's picture as well (it
    is decoded off the UI thread), or the first frame when the slide has none."""

    def swapped() -> None:
        picture = find_named(kiosk.window, "slideImage")
        slide = kiosk.controller.screens.attract.property("slide")
        if picture is not None or not slide.get("image"):
            result.setdefault("first_full_frame_ms", (time.monotonic() - spawned) * 1000)
            kiosk.window.frameSwapped.disconnect(swapped)

    kiosk.window.frameSwapped.connect(swapped)
    swapped()


async def _after_start(
    kiosk: KioskWindow, args: argparse.Namespace, spawned: float, result: dict[str, Any]
) -> None:
    while "first_full_frame_ms" not in result and time.monotonic() - spawned < 10:
        await asyncio.sleep(0.005)
    result.setdefault("first_full_frame_ms", (time.monotonic() - spawned) * 1000)
    result["rss_after_start_mib"] = rss_mib()
    if args.scenario:
        await _scenario(kiosk, args.slides, args.journeys)
    result["peak_rss_mib"] = peak_rss_mib()
    result["rss_mib"] = rss_mib()
    _finish(result)


async def _scenario(kiosk: KioskWindow, slides: int, journeys: int) -> None:
    """Slides, then guest journeys, through the controller slots that the guest's taps call:
    tapping would need Python's Qt Quick binding, ~7 MiB that the kiosk itself never loads
    and that would count as the kiosk's (taps are timed by the `taps` phase)."""
    window = kiosk.window
    controller = kiosk.controller

    async def settle_slide() -> None:
        for _ in range(60):
            await asyncio.sleep(0.05)
            attract = find_named(window, "attractScreen")
            if attract is None or attract.property("incoming") is None:
                return

    async def tap(action: Callable[[], object], pause: float = 0.08) -> None:
        action()
        await asyncio.sleep(pause)

    for _ in range(slides):
        controller.advance_slide()
        await settle_slide()
    for number in range(journeys):
        answers = sample_answers(controller.content, consult=number % 3 == 2)
        await tap(controller.start)
        while controller.current_screen == "question":
            journey = controller.journey
            assert journey is not None
            for option_id in answers.get(journey.question.id, ()):
                await tap(functools.partial(controller.toggle, option_id))
            await tap(controller.next, 0.38)
        if controller.current_screen not in ("result", "consult"):
            raise RuntimeError(f"the journey ended on {controller.current_screen!r}")
        await tap(controller.done, 0.4)


def idle(args: argparse.Namespace) -> None:
    """CPU time of the running kiosk over --seconds of attract loop, after a short warm-up;
    and every frame Qt's render loop logs in that time, to count those drawn between two
    slide cross-fades (while nothing on the screen changes, there should be none)."""
    result: dict[str, Any] = {}
    rendered: list[float] = []  # each frame the render loop logged

    def on_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if context.category == RENDERLOOP:
            if "rendered" in message:
                rendered.append(time.monotonic())
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(on_message)

    async def measure(kiosk: KioskWindow) -> None:
        attract = find_named(kiosk.window, "attractScreen")
        swapped: list[tuple[float, bool]] = []  # each frame, and whether a slide was coming in

        def on_frame() -> None:
            changing = attract is not None and attract.property("incoming") is not None
            swapped.append((time.monotonic(), changing))

        kiosk.window.frameSwapped.connect(on_frame)
        await asyncio.sleep(3.0)  # the first slide's fade is over
        cpu, wall, counted = time.process_time(), time.monotonic(), len(swapped)
        began = wall
        rss_before = rss_mib()
        await asyncio.sleep(args.seconds)
        cpu, wall = time.process_time() - cpu, time.monotonic() - wall
        ended = began + wall
        fades = [stamp for stamp, changing in swapped[counted:] if changing]
        logged = [stamp for stamp in rendered if began <= stamp <= ended]
        between = frames_between_fades(logged, fades)
        result.update(
            idle_cpu_percent=100 * cpu / wall,
            idle_seconds=wall,
            idle_frames_per_second=(len(swapped) - counted) / wall,
            idle_rss_growth_mib=rss_mib() - rss_before,
            frames_logged=len(logged),
            frames_between_fades=len(between),
            fade_frames=len(fades),
            slide_changes=_count_runs(fades),
            between_fades_at_s=[round(stamp - began, 3) for stamp in between[:20]],
        )
        _finish(result)

    _run_kiosk(args.content, lambda kiosk: _run_async(measure(kiosk)))


FADE_MARGIN = (0.1, 0.3)
"""Seconds before the first and after the last frame of a slide change that still belong to
it: the frame that ends the fade (the old slide hidden) comes just after its last step."""


def frames_between_fades(frames: Sequence[float], fading: Sequence[float]) -> list[float]:
    """The `frames` (times) that are not part of a slide change. A slide change spans its
    frames drawn while the new slide was coming in (`fading`, times; a gap of more than a
    second begins the next change), widened by FADE_MARGIN."""
    before, after = FADE_MARGIN
    spans: list[tuple[float, float]] = []
    for stamp in sorted(fading):
        if spans and stamp - spans[-1][1] <= 1.0:
            spans[-1] = (spans[-1][0], stamp)
        else:
            spans.append((stamp, stamp))
    return [
        stamp
        for stamp in frames
        if not any(first - before <= stamp <= last + after for first, last in spans)
    ]


def _count_runs(stamps: Sequence[float], gap: float = 1.0) -> int:
    """How many bursts `stamps` make (a new one after `gap` seconds without any)."""
    return sum(1 for i, stamp in enumerate(stamps) if i == 0 or stamp - stamps[i - 1] > gap)


def _run_kiosk(
    content: str,
    on_first_frame: Callable[[KioskWindow], None],
    on_window: Callable[[KioskWindow], None] | None = None,
) -> None:
    """`spa-kiosk run` (full screen; offscreen: `--windowed` at 1920x1080), calling back once
    its window is made (with its QML) and once its first frame is shown."""

    def watch(kiosk: KioskWindow) -> None:
        if on_window is not None:
            on_window(kiosk)
        first = [True]

        def swapped() -> None:
            if first[0]:
                first[0] = False
                on_first_frame(kiosk)

        kiosk.window.frameSwapped.connect(swapped)

    # Full screen, as on a kiosk PC; offscreen has no screen to fill (its own is 800x600).
    offscreen = os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen")
    size = f"{SIZE[0]}x{SIZE[1]}" if offscreen else None
    run_kiosk(RunOptions(content, windowed=offscreen, size=size), on_window=watch)
    raise RuntimeError("the kiosk stopped before the measurement was over")


def _run_async(coroutine: Coroutine[Any, Any, None]) -> None:
    """Run `coroutine` on the kiosk's asyncio loop as soon as that runs: the kiosk makes its
    loop only after the first frame, which is when the bench's callbacks begin."""

    def start() -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            QTimer.singleShot(5, start)
            return
        task = loop.create_task(coroutine)
        task.add_done_callback(done)

    def done(task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            traceback.print_exception(task.exception(), file=sys.stderr)
            os._exit(1)

    QTimer.singleShot(0, start)


def _finish(result: dict[str, Any]) -> None:
    """Report and leave at once: the measurement is over, and tidying up the kiosk is not
    part of it (its data, log and lock folders are the bench's temporary ones)."""
    emit(result)
    sys.stderr.flush()
    os._exit(0)


PHASES: dict[str, Callable[[argparse.Namespace], None]] = {"startup": startup, "idle": idle}
