"""`spa-kiosk run`: the kiosk as it runs all day, with everything that keeps it alive unattended.

The start reads top to bottom in `run_kiosk`, one named step after another:

1. `configure_logging`: the console and the rotating log file.
2. `hold_the_instance`: one kiosk per session (a second start says so and exits 3).
3. `StopSignals`: SIGTERM (systemd's stop) and SIGINT stop the kiosk cleanly from here on.
4. `find_content`: --content, $SPA_KIOSK_CONTENT, ./content or the built-in content.
5. `last_good_copy`: the checked copy kept by the last start when the folder is unchanged (or
   when it changed: shown while the change is checked); else the folder, checked by a helper.
6. `make_application`: Qt's application (kiosk.ui.app.application: the renderer chosen for the
   machine, documented Qt switches).
7. `make_window`: the QML screens over the view-models, full screen and locked down.
8. `show_first_frame`: the first frame (and the first slide's picture) on screen.
9. `run_the_rest`: usage counts, the asyncio loop, live reload, the control socket and metrics,
   until stopped.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QSize, QTimer
from PySide6.QtGui import QColor, QCursor, QGuiApplication, QPixmap

# isort: split
# qasync uses the Qt binding already imported (else the first it finds): PySide6 comes first.
# It also imports Qt Widgets, which the kiosk does not use (see docs/architecture.md).
import qasync

from kiosk import __version__
from kiosk.content import last_good
from kiosk.content.fingerprint import Fingerprint, fingerprint
from kiosk.content.load_result import FolderError, LoadResult
from kiosk.content.model import Content
from kiosk.ops import assetstore, checker, instance, places, screensaver, watchdog
from kiosk.ops.content_status import ContentStatus
from kiosk.ops.logs import install_excepthooks, setup_logging
from kiosk.ops.metrics import metrics_path
from kiosk.ops.places import ContentChoice, choose_content, default_content_dir
from kiosk.ops.reload import ContentWatcher
from kiosk.ops.staff_pin import PinStore
from kiosk.ops.usage import UsageLog
from kiosk.ui.app import KioskWindow, application, on_first_frame, parse_size
from kiosk.ui.control_server import ControlServer, serve_control
from kiosk.ui.staff_panel import StaffActions, StaffController

log = logging.getLogger("kiosk")
EXIT_ALREADY_RUNNING = 3
DEFAULT_SIZE = QSize(1280, 720)


@dataclass(frozen=True)
class RunOptions:
    """What `spa-kiosk run` is told on its command line."""

    content: str | None = None
    windowed: bool = False
    size: str | None = None
    show_cursor: bool = False
    exit_after: float | None = None
    renderer: str = "auto"
    """Qt Quick's renderer: "auto" (chosen for the machine), "software" or "gpu"."""
    metrics: str | None = None
    """The Prometheus metrics file (else $SPA_KIOSK_METRICS_FILE, else none)."""

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> RunOptions:
        return cls(
            args.content, args.windowed, args.size, args.show_cursor, args.exit_after,
            args.renderer, args.metrics,
        )


@dataclass
class Startup:
    """What the kiosk shows first, and what staff should know about it."""

    content: Content
    result: LoadResult | None
    folder_error: str | None
    showing_default: bool
    seen: Fingerprint | None = None
    """How the staff's folder looked just before it was read (None: not read yet)."""


def run_kiosk(options: RunOptions, on_window: Callable[[KioskWindow], None] | None = None) -> int:
    """The kiosk, from its start to its stop; `on_window` is told the window once it is made
    (the bench watches the real kiosk's frames)."""
    configure_logging()
    lock = hold_the_instance()
    if lock is None:
        return EXIT_ALREADY_RUNNING
    with lock, StopSignals() as stop_signals:
        choice = find_content(options)
        startup = last_good_copy(choice.folder)
        app = make_application(options)
        kiosk = RunningKiosk(choice, startup, stop_signals)
        try:
            kiosk.make_window(options, on_window)
            kiosk.show_first_frame()
            kiosk.run_the_rest(app, options)
        finally:
            kiosk.stop()
        if stop_signals.received:
            log.info("stopped by %s", stop_signals.received)
    return 0


def configure_logging() -> None:
    setup_logging()
    install_excepthooks()  # the asyncio loop's own comes with the loop


def hold_the_instance() -> instance.InstanceLock | None:
    """The single-instance lock; None (and a line for the technician) when a kiosk runs."""
    lock = instance.acquire()
    if lock is None:
        print(instance.already_running_message(), file=sys.stderr)
    return lock


class StopSignals:
    """SIGTERM and SIGINT ask the kiosk to stop: before the event loop runs, a flag the start
    looks at between its steps; once it runs, a stop of the loop (asyncio's handler, which
    wakes Qt's loop too). Either way the kiosk goes through its normal stop and exits 0."""

    SIGNALS = (signal.SIGTERM, signal.SIGINT)

    def __init__(self) -> None:
        self.received: str | None = None
        self._on_stop: Callable[[], None] | None = None
        self._before: list[Callable[[int, FrameType | None], Any] | int | None] = []

    def __enter__(self) -> StopSignals:
        self._before = [signal.signal(number, self._caught) for number in self.SIGNALS]
        return self

    def __exit__(self, *exc: object) -> None:
        for number, before in zip(self.SIGNALS, self._before, strict=True):
            signal.signal(number, before)

    def _caught(self, number: int, frame: FrameType | None) -> None:
        self.note(number)

    def note(self, number: int) -> None:
        if self.received is None:
            self.received = signal.Signals(number).name
            log.info("%s received: stopping", self.received)
        if self._on_stop is not None:
            self._on_stop()

    def on_loop(self, loop: asyncio.AbstractEventLoop, stop: Callable[[], None]) -> None:
        """From now on the loop hears the signals and `stop` ends it."""
        self._on_stop = stop
        for number in self.SIGNALS:
            loop.add_signal_handler(number, self.note, number)
        if self.received is not None:
            stop()


def find_content(options: RunOptions) -> ContentChoice:
    choice = choose_content(options.content)
    log.info("Spa Kiosk %s; %s", __version__, choice.describe())
    return choice


def last_good_copy(folder: Path, seen: Fingerprint | None = None) -> Startup:
    """The staff's content when it checks, else the shipped default: the screen is never blank.

    When nothing in the folder changed since the kiosk last read it (`seen`: how it looks now),
    the checked copy kept then is used: the kiosk starts in a fraction of the time (the check is
    most of a start). When something changed, the kiosk starts on that copy all the same, the
    last good content, and checks the change after the start as live reload does (`seen` is then
    None in the result: the folder is not yet read). Only without any copy is the folder read now.
    What the check found is logged once, by the content status (`RunningKiosk`).
    """
    result: LoadResult | None = None
    folder_error = None
    seen = fingerprint(folder) if seen is None else seen
    kept = last_good.load(places.snapshot_path(), folder, seen)
    if kept is not None and kept[1]:
        result = kept[0]
        log.info("content unchanged since it was last checked; using the checked copy")
    elif kept is not None and kept[0].content is not None:
        log.info(
            "content changed since it was last checked; showing the last good content "
            "until the change is checked"
        )
        return Startup(kept[0].content, kept[0], None, False, None)
    else:
        try:
            result = read_content(folder)
        except FolderError as exc:
            folder_error = str(exc)
            log.error("%s; showing the default content", exc)
        if result is not None and result.content is not None:
            last_good.save(places.snapshot_path(), result, seen)
    if result is not None:
        if result.content is not None:
            return Startup(result.content, result, None, False, seen)
        log.error("content in %s has errors; showing the default content", folder)
    fallback = read_content(default_content_dir())
    if fallback.content is None:
        raise SystemExit("error: neither the content nor the default content can be loaded")
    return Startup(fallback.content, result, folder_error, True)


def read_content(folder: Path) -> LoadResult:
    """Read and check `folder`, pictures and fonts included, in a helper process: the kiosk
    never loads the content reader itself."""
    return checker.read_content(folder)


def make_application(options: RunOptions) -> QGuiApplication:
    app = application(options.renderer)
    app.setApplicationName("Spa Kiosk")
    return app


class RunningKiosk:
    """The kiosk's parts once it starts: its window, staff panel, usage counts and live reload,
    and how they stop."""

    def __init__(self, choice: ContentChoice, startup: Startup, signals: StopSignals) -> None:
        self.choice = choice
        self.startup = startup
        self.signals = signals
        self.status = ContentStatus(choice.folder)
        self.status.showing_default = startup.showing_default  # before: the words depend on it
        self.status.record(startup.result, startup.folder_error, time.time())
        self.usage = UsageLog(start=False)  # the database opens after the first frame
        self.watcher: ContentWatcher | None = None
        self.stopping: asyncio.Future[None] | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.window: KioskWindow | None = None
        self.feed: QTimer | None = None
        self.control: ControlServer | None = None
        self.undo_screensaver: list[Callable[[], None]] = []
        self.staff = StaffController(
            PinStore(places.pin_path()),
            self.status,
            StaffActions(reload_now=self.reload_now, preview=self.preview, exit_kiosk=self.exit),
            counts=self.usage.today_counts,
            opening=lambda: self.window.controller.opening_note() if self.window else "",
        )

    @property
    def kiosk(self) -> KioskWindow:
        assert self.window is not None
        return self.window

    # ---- the start ------------------------------------------------------------------------

    def make_window(
        self, options: RunOptions, on_window: Callable[[KioskWindow], None] | None
    ) -> None:
        size = parse_size(options.size)
        self.window = kiosk = KioskWindow(
            self.startup.content, size=size, usage=self.usage, staff=self.staff
        )
        kiosk.controller.drop_copies = assetstore.drop_unused_soon  # copies no set uses any more
        if on_window is not None:
            on_window(kiosk)
        if self.startup.showing_default:
            kiosk.controller.set_notice(self.status.notice())
        if options.windowed or size is not None:
            kiosk.window.resize(size or DEFAULT_SIZE)
            kiosk.window.show()
            return
        kiosk.lock_down()
        kiosk.controller.display_power = screensaver.display_power  # asleep: the display off
        if not options.show_cursor:
            on_first_frame(kiosk.window, _hide_cursor)
        # After the first frame: under X it runs `xset` twice, which the first frame need not
        # wait for.
        on_first_frame(kiosk.window, lambda: self.undo_screensaver.append(screensaver.inhibit()))
        on_first_frame(kiosk.window, kiosk.controller.sync_display_power)  # after the above

    def show_first_frame(self) -> None:
        """The first frame, then the first slide's picture (decoded in a thread, shown from
        this one), before the usage database and live reload are set up."""
        self.feed = _feed_watchdog(self.kiosk)
        _wait_for_a_frame(self.kiosk, lambda: True, limit=1.0)
        if self.signals.received:
            return
        self.usage.start()
        _show_first_picture(self.kiosk)

    def run_the_rest(self, app: QGuiApplication, options: RunOptions) -> None:
        """The asyncio loop on Qt's (qasync), live reload on it, until staff or a signal stop
        the kiosk (or --exit-after)."""
        if self.signals.received:
            return
        loop = self.loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        install_excepthooks(loop)
        self.stopping = loop.create_future()
        self.watcher = ContentWatcher(self.choice.folder, read_content, self.on_result)
        if not self.startup.showing_default and self.startup.seen is not None:
            self.watcher.mark_loaded(self.startup.seen)  # else the watcher checks the folder now
        self.signals.on_loop(loop, self.quit)
        if options.exit_after:
            loop.call_later(options.exit_after, self.quit)
        # The local control socket (spa-kiosk status, screenshot) and the metrics file.
        self.control = serve_control(
            self.kiosk, self.status, self.usage, metrics_path(options.metrics)
        )
        with loop:
            loop.run_until_complete(_serve(self.stopping, self.watcher))

    # ---- while it runs --------------------------------------------------------------------

    def on_result(self, result: LoadResult | None, folder_error: str | None) -> None:
        """The watcher checked the folder: new content goes on screen at the next calm moment,
        and is kept for the next start."""
        taken = self.status.record(result, folder_error, time.time())
        if taken and result is not None and result.content is not None:
            log.info("new content checked; it goes on screen at the next calm moment")
            self.kiosk.controller.set_content(result.content)
            assert self.watcher is not None and self.loop is not None
            if self.watcher.loaded is not None:
                self.loop.run_in_executor(
                    None, last_good.save, places.snapshot_path(), result, self.watcher.loaded
                )
        self.staff.refresh()

    def reload_now(self) -> None:
        if self.watcher is not None:
            self.watcher.reload_now()

    def preview(self) -> None:
        self.kiosk.controller.leave("start_over")
        self.kiosk.controller.begin(preview=True)

    def quit(self) -> None:
        if self.stopping is not None and not self.stopping.done():
            self.stopping.set_result(None)

    def exit(self) -> None:
        log.info("staff closed the kiosk")
        self.kiosk.allow_exit()
        self.quit()

    # ---- the stop -------------------------------------------------------------------------

    def stop(self) -> None:
        """Whatever the start got to: the control socket closed, the watchdog told, screen
        blanking back on (and the display, if it slept), the window closed, the usage file
        closed."""
        if self.feed is not None:
            self.feed.stop()
        if self.control is not None:
            self.control.close()
        watchdog.stopping()
        for undo in self.undo_screensaver:
            undo()
        screensaver.wake_before_exit()  # stopped while asleep: the display on again
        if self.window is not None:
            self.window.close()
        self.usage.close()


def _feed_watchdog(kiosk: KioskWindow) -> QTimer | None:
    """Tell systemd we are up once the first frame is on screen, then ping from the main thread:
    if the UI ever freezes, the pings stop and systemd restarts the kiosk."""
    def up() -> None:
        log.info("first frame on screen: showing the attract loop")
        watchdog.ready("showing the attract loop")

    on_first_frame(kiosk.window, up)
    interval = watchdog.watchdog_interval()
    if interval is None:
        return None
    timer = QTimer(kiosk.window)
    timer.setInterval(max(1000, int(interval * 1000)))
    timer.timeout.connect(watchdog.watchdog_ping)
    timer.start()
    return timer


def _show_first_picture(kiosk: KioskWindow, limit: float = 0.5) -> None:
    """Let the first slide's picture reach the screen too before live reload is set up: it is
    decoded in a thread, but only this thread can show it. Bounded."""
    if not kiosk.controller.screens.attract.property("slide").get("image"):
        return
    picture = kiosk.window.findChild(QObject, "slideImage")
    if picture is not None:
        _wait_for_a_frame(kiosk, lambda: bool(picture.property("visible")), limit)


def _wait_for_a_frame(kiosk: KioskWindow, showing: Callable[[], bool], limit: float) -> None:
    """Run Qt's events until a frame is on screen while `showing()` holds, or `limit` seconds."""
    shown = [False]

    def swapped() -> None:
        shown[0] = shown[0] or showing()

    kiosk.window.frameSwapped.connect(swapped)
    wake = QTimer()  # so that waiting for events ends at the limit even if none come
    wake.setSingleShot(True)
    wake.start(int(limit * 1000))
    end = time.monotonic() + limit
    try:
        while not shown[0] and time.monotonic() < end:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake.stop()
        kiosk.window.frameSwapped.disconnect(swapped)


def _hide_cursor() -> None:
    """No pointer over the touchscreen: a cursor of one transparent pixel. (Qt's BlankCursor
    would do the same, but naming it makes PySide build Python enums for the whole `Qt`
    namespace first: ~40 ms of a start, measured.)"""
    blank = QPixmap(1, 1)
    blank.fill(QColor(0, 0, 0, 0))
    QGuiApplication.setOverrideCursor(QCursor(blank))


async def _serve(stop: asyncio.Future[None], watcher: ContentWatcher) -> None:
    """Run the background jobs until `stop` is done, then end them inside the loop."""
    watching = asyncio.ensure_future(watcher.run())
    try:
        await stop
    finally:
        watching.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watching

