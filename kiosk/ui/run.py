"""`spa-kiosk run`: the kiosk as it runs all day, with everything that keeps it alive unattended.

One instance per session, logs, anonymous usage counts, the staff PIN, live content reloading,
lockdown, a screen that never blanks, and the systemd watchdog fed from the Qt main thread.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QSize, QTimer
from PySide6.QtGui import QGuiApplication

from kiosk import __version__
from kiosk.content.fingerprint import Fingerprint, fingerprint
from kiosk.content.result import FolderError, LoadResult
from kiosk.ops import assetstore, instance, places, screensaver, watchdog
from kiosk.ops.logs import install_excepthooks, setup_logging
from kiosk.ops.metrics import metrics_path
from kiosk.ops.places import choose_content, default_content_dir
from kiosk.ops.staff import PinStore
from kiosk.ops.status import ContentStatus
from kiosk.ops.usage import UsageLog
from kiosk.ui.app import KioskWindow, application, on_first_frame, parse_size
from kiosk.ui.control_server import ControlServer, serve_control
from kiosk.ui.staff import StaffActions, StaffController

if TYPE_CHECKING:
    import asyncio

    from kiosk.content.model import Content
    from kiosk.ops.reload import ContentWatcher

log = logging.getLogger("kiosk")
EXIT_ALREADY_RUNNING = 3


@dataclass
class Startup:
    """What the kiosk shows first, and what staff should know about it."""

    content: Content
    result: LoadResult | None
    folder_error: str | None
    showing_default: bool
    seen: Fingerprint | None = None
    """How the staff's folder looked just before it was read (None: not read yet)."""


def load_for_kiosk(folder: Path, seen: Fingerprint | None = None) -> Startup:
    """The staff's content when it checks, else the shipped default: the screen is never blank.

    When nothing in the folder changed since the kiosk last read it (`seen`: how it looks now),
    the checked copy kept then is used: the kiosk starts in a fraction of the time (the check is
    most of a start). When something changed, the kiosk starts on that copy all the same, the
    last good content, and checks the change after the start as live reload does (`seen` is then
    None in the result: the folder is not yet read). Only without any copy is the folder read now.
    """
    from kiosk.content import snapshot  # the content model: after the first frame, if it can

    result: LoadResult | None = None
    folder_error = None
    seen = fingerprint(folder) if seen is None else seen
    kept = snapshot.load(places.snapshot_path(), folder, seen)
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
            snapshot.save(places.snapshot_path(), result, seen)
    if result is not None:
        for problem in result.problems:
            (log.error if problem.is_error else log.warning)("%s", problem.format())
        if result.content is not None:
            return Startup(result.content, result, None, False, seen)
        log.error("content in %s has errors; showing the default content", folder)
    fallback = read_content(default_content_dir())
    if fallback.content is None:
        raise SystemExit("error: neither the content nor the default content can be loaded")
    return Startup(fallback.content, result, folder_error, True)


def read_content(folder: Path) -> LoadResult:
    """Read and check `folder`, pictures and fonts included, in a helper process: the kiosk
    never loads the content reader itself (imported here: a start from the checked copy does
    not read the folder at all)."""
    from kiosk.ops import checker

    return checker.read_content(folder)


def run_kiosk(
    args: argparse.Namespace, on_window: Callable[[KioskWindow], None] | None = None
) -> int:
    setup_logging()
    lock = instance.acquire()
    if lock is None:
        print(instance.already_running_message(), file=sys.stderr)
        return EXIT_ALREADY_RUNNING
    choice = choose_content(args.content)
    log.info("Spa Kiosk %s; %s", __version__, choice.describe())
    size = parse_size(args.size)
    app = application(args.renderer)
    app.setApplicationName("Spa Kiosk")
    install_excepthooks()  # the asyncio loop's own comes with the loop, after the first frame

    seen = fingerprint(choice.folder)
    status = ContentStatus(choice.folder)
    usage = UsageLog(start=False)  # started after the first frame
    kiosk: KioskWindow | None = None
    startup: Startup | None = None

    def take_in() -> Content:
        """The content, read once; what staff should know about it goes to the staff panel."""
        nonlocal startup
        if startup is None:
            startup = load_for_kiosk(choice.folder, seen)
            status.showing_default = startup.showing_default  # before: the words depend on it
            status.record(startup.result, startup.folder_error, time.time())
            if startup.showing_default and kiosk is not None:
                kiosk.controller.set_notice(status.notice())
        return startup.content

    # Made just after the first frame, with the asyncio loop (below).
    watcher: ContentWatcher | None = None
    stop: asyncio.Future[None] | None = None

    def reload_now() -> None:
        if watcher is not None:
            watcher.reload_now()

    def preview() -> None:
        assert kiosk is not None
        kiosk.controller.leave("start_over")
        kiosk.controller.begin(preview=True)

    def quit_kiosk() -> None:
        if stop is not None and not stop.done():
            stop.set_result(None)

    def exit_kiosk() -> None:
        log.info("staff closed the kiosk")
        assert kiosk is not None
        kiosk.allow_exit()
        quit_kiosk()

    staff = StaffController(
        PinStore(places.pin_path()),
        status,
        StaffActions(reload_now=reload_now, preview=preview, exit_kiosk=exit_kiosk),
        counts=usage.today_counts,
        opening=lambda: kiosk.controller.opening_note() if kiosk is not None else "",
    )
    kiosk = KioskWindow(take_in(), size=size, usage=usage, staff=staff)
    kiosk.controller.drop_copies = assetstore.drop_unused_soon  # copies no set uses any more
    if on_window is not None:
        on_window(kiosk)  # the bench watches the frames of the real kiosk
    if startup is not None and startup.showing_default:
        kiosk.controller.set_notice(status.notice())
    undo_screensaver: list[Callable[[], None]] = []
    if args.windowed or size is not None:
        kiosk.window.resize(size or QSize(1280, 720))
        kiosk.window.show()
    else:
        kiosk.lock_down()
        kiosk.controller.display_power = screensaver.display_power  # asleep: the display off
        if not args.show_cursor:
            on_first_frame(kiosk.window, _hide_cursor)
        # After the first frame: under X it runs `xset` twice, which the first frame need not
        # wait for.
        on_first_frame(kiosk.window, lambda: undo_screensaver.append(screensaver.inhibit()))
        on_first_frame(kiosk.window, kiosk.controller.sync_display_power)  # after the above

    feed: QTimer | None = None
    control: ControlServer | None = None
    try:
        feed = _feed_watchdog(kiosk)
        _show_first_frame(kiosk)
        usage.start()
        _show_first_picture(kiosk)
        assert startup is not None

        # After the first frame: asyncio and qasync (~25 ms of a start), the live reload on them.
        import asyncio

        import qasync  # after PySide6, as qasync requires; it loads Qt Widgets (accepted)

        from kiosk.ops.reload import ContentWatcher

        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        install_excepthooks(loop)

        def on_result(result: LoadResult | None, folder_error: str | None) -> None:
            if status.record(result, folder_error, time.time()) and result and result.content:
                log.info("new content checked; it goes on screen at the next calm moment")
                assert kiosk is not None and watcher is not None
                kiosk.controller.set_content(result.content)
                if watcher.loaded is not None:  # the next start begins from this content
                    from kiosk.content import snapshot

                    loop.run_in_executor(
                        None, snapshot.save, places.snapshot_path(), result, watcher.loaded
                    )
            staff.refresh()

        watcher = ContentWatcher(choice.folder, read_content, on_result)
        if not startup.showing_default and startup.seen is not None:
            watcher.mark_loaded(startup.seen)  # else the watcher checks the folder at once
        stop = loop.create_future()
        if args.exit_after:
            loop.call_later(args.exit_after, quit_kiosk)
        # Serve the local control socket (spa-kiosk status, screenshot) and the metrics file.
        control = serve_control(kiosk, status, usage, metrics_path(args.metrics))
        with loop:
            loop.run_until_complete(_serve(stop, watcher))
    finally:
        if feed is not None:
            feed.stop()
        if control is not None:
            control.close()
        watchdog.stopping()
        for undo in undo_screensaver:
            undo()
        kiosk.close()
        usage.close()
        lock.release()
    return 0


def _feed_watchdog(kiosk: KioskWindow) -> QTimer | None:
    """Tell systemd we are up once the first frame is on screen, then ping from the main thread:
    if the UI ever freezes, the pings stop and systemd restarts the kiosk."""
    on_first_frame(kiosk.window, lambda: watchdog.ready("showing the attract loop"))
    interval = watchdog.watchdog_interval()
    if interval is None:
        return None
    timer = QTimer(kiosk.window)
    timer.setInterval(max(1000, int(interval * 1000)))
    timer.timeout.connect(watchdog.watchdog_ping)
    timer.start()
    return timer


def _show_first_frame(kiosk: KioskWindow, limit: float = 1.0) -> None:
    """Let Qt put the first frame on screen before asyncio is even imported (~25 ms of a start).
    qasync's first timer event also makes Python build its copy of Qt's whole `Qt` namespace
    (~25 ms here), and the first frame need not wait for that either. Bounded: without a frame
    within `limit` seconds, go on."""
    _wait_for_a_frame(kiosk, lambda: True, limit)


def _show_first_picture(kiosk: KioskWindow, limit: float = 0.5) -> None:
    """Let the first slide's picture reach the screen too before the content and asyncio are
    taken in: it is decoded in a thread, but only this thread can show it, and taking the content
    in holds this thread ~150 ms (the picture came that much after the words). Bounded."""
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
    """No pointer over the touchscreen. Done just after the first frame: Python makes its copy
    of Qt's `Qt` namespace (all its enums) on first use, ~25 ms that the first frame need not
    wait for."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QCursor

    QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))


async def _serve(stop: asyncio.Future[None], watcher: ContentWatcher) -> None:
    """Run the background jobs until `stop` is done, then end them inside the loop."""
    import asyncio

    watching = asyncio.ensure_future(watcher.run())
    try:
        await stop
    finally:
        watching.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watching
