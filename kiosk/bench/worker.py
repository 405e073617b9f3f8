"""One bench measurement in a fresh process: `spa-kiosk bench-worker PHASE [options]`.

Prints progress to stderr and, last, one line `BENCH-RESULT {json}` on stdout. The phases that
time start-up or idle CPU start the real kiosk (`spa-kiosk run --windowed`), so they measure
exactly what a kiosk PC runs; the others drive a `KioskWindow` in this process.
"""

from __future__ import annotations

import time

_STARTED = time.monotonic()  # before anything heavy is imported

import argparse  # noqa: E402
import itertools  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

if TYPE_CHECKING:
    from kiosk.content.model import Content
    from kiosk.ui.app import KioskWindow

BENCH_WORKER = "bench-worker"
"""The hidden command of `spa-kiosk` that runs `main` (kiosk.cli)."""
RESULT_PREFIX = "BENCH-RESULT "
SIZE = (1920, 1080)
GROWTH_SIZE = (960, 540)
ENV_T0 = "SPA_KIOSK_BENCH_T0"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="spa-kiosk bench-worker")
    parser.add_argument("phase", choices=sorted(PHASES))
    parser.add_argument("--content", required=True)
    parser.add_argument("--count", type=int, default=1, help="how many times (taps, runs...)")
    parser.add_argument("--journeys", type=int, default=0)
    parser.add_argument("--slides", type=int, default=20, help="startup --scenario: slides")
    parser.add_argument("--seconds", type=float, default=0.0)
    parser.add_argument("--scenario", action="store_true", help="startup: 20 slides, journeys")
    args = parser.parse_args(argv)
    PHASES[args.phase](args)
    return 0


def emit(result: dict[str, Any]) -> None:
    import json  # not before the kiosk's first frame: the start-up figure is the kiosk's

    sys.stdout.write(RESULT_PREFIX + json.dumps(result) + "\n")
    sys.stdout.flush()


def say(text: str) -> None:
    print(f"bench worker: {text}", file=sys.stderr, flush=True)


# ---- the real kiosk: start-up, peak memory, idle CPU ---------------------------------------


def startup(args: argparse.Namespace) -> None:
    """First frame of `spa-kiosk run` (from the parent's clock just before it spawned us);
    with --scenario also 20 slides and --journeys guest journeys, then the peak memory."""
    spawned = float(os.environ.get(ENV_T0, _STARTED))
    result: dict[str, Any] = {"python_up_ms": (_STARTED - spawned) * 1000}
    import kiosk.ui.run  # noqa: F401  (the kiosk's modules and Qt's, timed as a part of the start)

    result["modules_ms"] = (time.monotonic() - spawned) * 1000

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
    from kiosk.bench.qtkit import named

    def swapped() -> None:
        picture = named(kiosk.window, "slideImage")
        slide = kiosk.controller.screens.attract.property("slide")
        if picture is not None or not slide.get("image"):
            result.setdefault("first_full_frame_ms", (time.monotonic() - spawned) * 1000)
            kiosk.window.frameSwapped.disconnect(swapped)

    kiosk.window.frameSwapped.connect(swapped)
    swapped()


async def _after_start(
    kiosk: KioskWindow, args: argparse.Namespace, spawned: float, result: dict[str, Any]
) -> None:
    import asyncio

    from kiosk.bench.qtkit import peak_rss_mib, rss_mib

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
    import asyncio
    import functools

    from kiosk.bench.qtkit import named
    from kiosk.guest.sample_answers import sample_answers

    window = kiosk.window
    controller = kiosk.controller

    async def settle_slide() -> None:
        for _ in range(60):
            await asyncio.sleep(0.05)
            attract = named(window, "attractScreen")
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


RENDERLOOP = "qt.scenegraph.time.renderloop"
"""Qt's render-loop timing log: one message per frame rendered, from every render loop
(basic, threaded, software). The `idle` phase is started with it turned on."""


def idle(args: argparse.Namespace) -> None:
    """CPU time of the running kiosk over --seconds of attract loop, after a short warm-up;
    and every frame Qt's render loop logs in that time, to count those drawn between two
    slide cross-fades (while nothing on the screen changes, there should be none)."""
    from PySide6.QtCore import qInstallMessageHandler

    result: dict[str, Any] = {}
    rendered: list[float] = []  # each frame the render loop logged

    def on_message(kind: Any, context: Any, message: str) -> None:
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
        import asyncio

        from kiosk.bench.qtkit import named, rss_mib

        attract = named(kiosk.window, "attractScreen")
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
        stamp for stamp in frames
        if not any(first - before <= stamp <= last + after for first, last in spans)
    ]


def _count_runs(stamps: Sequence[float], gap: float = 1.0) -> int:
    """How many bursts `stamps` make (a new one after `gap` seconds without any)."""
    return sum(1 for i, stamp in enumerate(stamps) if i == 0 or stamp - stamps[i - 1] > gap)


def _run_kiosk(
    content: str, on_first_frame: Callable[[KioskWindow], None],
    on_window: Callable[[KioskWindow], None] | None = None,
) -> None:
    """`spa-kiosk run` (full screen; offscreen: `--windowed` at 1920x1080), calling back once
    its window is made (with its QML) and once its first frame is shown."""
    from kiosk.ui.run import RunOptions, run_kiosk

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
    offscreen = _offscreen()
    size = f"{SIZE[0]}x{SIZE[1]}" if offscreen else None
    run_kiosk(RunOptions(content, windowed=offscreen, size=size), on_window=watch)
    raise RuntimeError("the kiosk stopped before the measurement was over")


def _run_async(coroutine: Any) -> None:
    """Run `coroutine` on the kiosk's asyncio loop as soon as that runs: the kiosk makes its
    loop only after the first frame, which is when the bench's callbacks begin."""
    from PySide6.QtCore import QTimer

    def start() -> None:
        import asyncio

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            QTimer.singleShot(5, start)
            return
        task = loop.create_task(coroutine)
        task.add_done_callback(done)

    def done(task: Any) -> None:
        if not task.cancelled() and task.exception() is not None:
            import traceback

            traceback.print_exception(task.exception(), file=sys.stderr)
            os._exit(1)

    QTimer.singleShot(0, start)


def _finish(result: dict[str, Any]) -> None:
    """Report and leave at once: the measurement is over, and tidying up the kiosk is not
    part of it (its data, log and lock folders are the bench's temporary ones)."""
    emit(result)
    sys.stderr.flush()
    os._exit(0)


# ---- a kiosk window in this process: taps, transitions, memory growth ----------------------


def _offscreen() -> bool:
    return os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen")


def _window(
    content_dir: str, size: tuple[int, int] = SIZE, full_screen: bool = True
) -> tuple[Any, KioskWindow, Any]:
    """A kiosk window in this process, with the renderer the kiosk chooses here: full screen
    as the kiosk shows it (offscreen, or `full_screen` False: a window of `size`)."""
    from PySide6.QtCore import QSize
    from PySide6.QtQuick import QQuickWindow  # noqa: F401  (before the window: see qtkit)

    from kiosk.bench.qtkit import Frames
    from kiosk.ui.app import KioskWindow, application
    from kiosk.ui.scheduler import StillClock

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
    from kiosk.ops.checker import read_here

    result = read_here(folder)
    if result.content is None:
        raise SystemExit("the content has errors; run 'spa-kiosk check' first")
    return result.content


def taps(args: argparse.Namespace) -> None:
    """--count taps on options and Next; for each, the time until the next frame."""
    from kiosk.bench.qtkit import click, wait_item

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
    emit({"tap_ms": times, "taps_without_frame": missed, "journeys": journey_number,
          **_qt_meta(kiosk)})


def _picks(question: Any, turn: int) -> list[str]:
    """Options a guest might pick here, different from one journey to the next."""
    plain = [o.id for o in question.options if not o.exclusive]
    if question.kind == "single" or not plain:
        return [question.options[turn % len(question.options)].id]
    size = min(2, question.most, len(plain))
    return [plain[(turn + k) % len(plain)] for k in range(size)]


def transitions(args: argparse.Namespace) -> None:
    """--count slide changes; the intervals between frames while the new slide fades in."""
    from kiosk.bench.qtkit import find

    _app, kiosk, frames = _window(args.content)
    attract = find(kiosk.window, "attractScreen")
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
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    from kiosk.bench.qtkit import rss_mib
    from kiosk.guest.sample_answers import sample_answers

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
    emit({
        "rss_before_mib": before,
        "rss_after_slides_mib": after_slides,
        "rss_after_mib": after,
        "rss_growth_mib": after - before,
        "growth_seconds": time.perf_counter() - started,
        "window": f"{GROWTH_SIZE[0]}x{GROWTH_SIZE[1]}",
    })


def _qt_meta(kiosk: KioskWindow) -> dict[str, Any]:
    """Where the figures were measured: Qt's platform plugin, the scene graph backend and
    graphics API in use, why the kiosk chose them, OpenGL's own description, the screen."""
    import PySide6
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QGuiApplication

    window = kiosk.window
    screen = window.screen()
    geometry = screen.geometry() if screen is not None else None
    from kiosk.ui.renderer import in_use, probe_gl

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
    from kiosk.content.load import load_content
    from kiosk.media import verify_files

    folder = Path(args.content)
    times = []
    result = None
    for _ in range(args.count):
        start = time.perf_counter()
        result = load_content(folder, verify_files)
        times.append((time.perf_counter() - start) * 1000)
    assert result is not None
    emit({"check_ms": times, "errors": len(result.errors), "warnings": len(result.warnings),
          "counts": result.counts})


def reload(args: argparse.Namespace) -> None:
    """The kiosk shows the large set; the content watcher reloads it --count times, as live
    reload does (checked in a helper process, taken in off the UI thread), and each new set is
    swapped in. A 5 ms timer on the UI thread measures the longest stall of each part."""
    import asyncio
    import shutil
    import tempfile

    from kiosk.bench.qtkit import StallProbe
    from kiosk.content import last_good
    from kiosk.content.load_result import LoadResult
    from kiosk.ops.checker import read_content
    from kiosk.ops.reload import ContentWatcher

    app, kiosk, _frames = _window(args.content)
    import qasync

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
                loop.run_in_executor(
                    None, last_good.save, kept, result, watcher.loaded
                )
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
    emit({f"{name}_stall_ms": values for name, values in parts.items()
          if not name.endswith("_seconds")} | {"reload_seconds": parts["reload_seconds"]})
    kiosk.close()
    shutil.rmtree(keep_in, ignore_errors=True)


PHASES: dict[str, Callable[[argparse.Namespace], None]] = {
    "startup": startup,
    "idle": idle,
    "taps": taps,
    "transitions": transitions,
    "growth": growth,
    "check": check,
    "reload": reload,
}

if __name__ == "__main__":
    sys.exit(main())
