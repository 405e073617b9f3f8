"""The kiosk's side of `spa-kiosk status` and `spa-kiosk screenshot` (the protocol is in
kiosk/ops/control.py), and of `spa-kiosk run --metrics FILE` (kiosk/ops/metrics.py).

A QLocalServer on Qt's event loop: each connection is read as it arrives (at most one small
request line, within a few seconds), answered from what the kiosk already knows, and closed;
the UI thread never waits on a client. Only the kiosk's own user can connect: the socket is
0600 in the runtime folder (0700), and the peer's user id is checked as well (SO_PEERCRED).

While a guest is between the first question and the end of the journey, a screenshot is refused:
what a guest answers never leaves the screen.
"""

from __future__ import annotations

import logging
import os
import stat
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QEvent, QIODevice, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from kiosk import __version__
from kiosk.ops import control, places
from kiosk.ops.control import BAD_REQUEST, BUSY, FAILED, REFUSED, encode_answer, error_answer
from kiosk.ops.metrics import FRAME_BUCKETS, INTERVAL_SECONDS, MetricsFile
from kiosk.ui import renderer

if TYPE_CHECKING:
    from kiosk.ops.content_status import ContentStatus
    from kiosk.ops.usage import UsageLog
    from kiosk.ui.app import KioskWindow

log = logging.getLogger("kiosk.control")

ANSWER_SECONDS = 30.0
"""A connection still open after this long (a client that stopped reading) is dropped."""
GRAB_SECONDS = 5.0
_TOUCHES = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}


class FrameCounter(QObject):
    """Frames drawn, and the time between consecutive frames while the screen moves. Connected
    to `frameSwapped` with this QObject as receiver, so it runs on the UI thread even where Qt
    draws in a render thread."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.frames = 0
        self._last = 0.0
        self.below = [0] * len(FRAME_BUCKETS)
        self.count = 0
        self.total = 0.0

    @Slot()
    def swapped(self) -> None:
        now = time.monotonic()
        self.frames += 1
        interval = now - self._last
        self._last = now
        if self.frames == 1 or interval > FRAME_BUCKETS[-1]:
            return  # the screen was still: a pause, not a slow frame
        self.count += 1
        self.total += interval
        for index, bound in enumerate(FRAME_BUCKETS):
            if interval <= bound:
                self.below[index] += 1

    def times(self) -> dict[str, Any]:
        return {
            "buckets": [[bound, n] for bound, n in zip(FRAME_BUCKETS, self.below, strict=True)],
            "count": self.count,
            "sum": round(self.total, 6),
        }


class TouchClock(QObject):
    """When a guest last touched the screen (monotonic), consuming nothing."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.last: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _TOUCHES:
            self.last = time.monotonic()
        return False


class ControlServer(QObject):
    """Answers the kiosk's own user on the local socket; writes the metrics file, if asked."""

    _encoded = Signal(object, bytes)
    """(connection, PNG) from the screenshot thread; b"" when it failed."""

    def __init__(
        self, kiosk: KioskWindow, status: ContentStatus, usage: UsageLog,
        metrics: Path | None = None, path: Path | None = None,
        metrics_seconds: float = INTERVAL_SECONDS,
    ) -> None:
        """`metrics`: the file to write the metrics to, every `metrics_seconds`; `path`: the
        socket (default: `control.socket_path()`)."""
        super().__init__()
        self.kiosk = kiosk
        self.content = status
        self.usage = usage
        self.path = path if path is not None else control.socket_path()
        self._made = time.monotonic()
        self.frames = FrameCounter(self)
        kiosk.window.frameSwapped.connect(self.frames.swapped)
        self.touches = TouchClock(self)
        kiosk.window.installEventFilter(self.touches)
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._accept)
        self._encoded.connect(self._send_picture)
        self._metrics = MetricsFile(metrics) if metrics is not None else None
        self._metrics_timer = QTimer(self)
        self._metrics_timer.setInterval(int(metrics_seconds * 1000))
        self._metrics_timer.timeout.connect(self.write_metrics)

    # ---- start and stop -------------------------------------------------------------------

    def start(self) -> bool:
        """Listen (False, and a warning, when the socket cannot be made) and write the first
        metrics."""
        if self._metrics is not None:
            self.write_metrics()
            self._metrics_timer.start()
        try:
            _private_folder(self.path.parent)
        except OSError as exc:
            log.warning("cannot use %s (%s); spa-kiosk status will not reach this "
                        "kiosk", self.path.parent, exc)
            return False
        # The single-instance lock is held: a socket left there is a stopped kiosk's.
        QLocalServer.removeServer(str(self.path))
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self._server.listen(str(self.path)):
            log.warning("cannot listen on %s (%s)", self.path,
                        self._server.errorString())
            return False
        os.chmod(self.path, 0o600)
        log.info("answering spa-kiosk status and screenshot on %s", self.path)
        return True

    def close(self) -> None:
        self._metrics_timer.stop()
        if self._metrics is not None:
            self._metrics.write(self.status(), up=False)
        self.kiosk.window.removeEventFilter(self.touches)
        if self._server.isListening():
            self._server.close()  # removes the socket file

    # ---- what the kiosk says about itself -------------------------------------------------

    def guest_using(self) -> bool:
        """A guest is between the first question and the end of the journey."""
        return self.kiosk.controller.journey is not None

    def status(self) -> dict[str, Any]:
        now = time.time()
        loaded = self.content.loaded_at
        uptime = control.process_uptime()
        touched = self.touches.last
        drawn_by, why = _renderer()
        return {
            "version": __version__,
            "pid": os.getpid(),
            "uptime_s": round(uptime if uptime is not None else time.monotonic() - self._made, 1),
            "content_folder": str(self.content.folder),
            "content_loaded_at": control.iso_time(loaded),
            "content_loaded_unix": loaded,
            "content_age_s": round(now - loaded, 1) if loaded is not None else None,
            "showing_default": self.content.showing_default,
            "problems": list(self.content.problems),
            "renderer": drawn_by,
            "renderer_reason": why,
            "rss_mib": control.rss_mib(),
            "frames": self.frames.frames,
            "frame_times": self.frames.times(),
            "last_touch_s": round(time.monotonic() - touched, 1) if touched is not None else None,
            "guest_using": self.guest_using(),
            "today": self.usage.today_counts(),
            "open": not self.kiosk.controller.property("asleep"),
            "open_note": self.kiosk.controller.opening_note(),
        }

    @Slot()
    def write_metrics(self) -> None:
        if self._metrics is not None:
            self._metrics.write(self.status())

    # ---- connections ----------------------------------------------------------------------

    @Slot()
    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is not None:
                _Connection(socket, self)

    def screenshot(self, done: _Connection) -> None:
        """Grab what the screen shows now and send it to `done` (asynchronous: Qt renders the
        picture in its next frame).

        Through the window's content item (QQuickItem.grabToImage) rather than
        QQuickWindow.grabWindow: the kiosk leaves Qt Quick's Python binding out until it is
        needed (see KioskWindow), so Python knows its window only as a QWindow."""
        from PySide6.QtQuick import QQuickItem  # the first screenshot only; ~3 MiB, kept

        item = self.kiosk.window.property("contentItem")
        if not isinstance(item, QQuickItem):
            done.fail(FAILED, "the screen cannot be grabbed")
            return
        pointer = item.grabToImage()  # a shared pointer: held until the picture is ready
        grab = pointer.data() if pointer is not None else None
        if grab is None:
            done.fail(FAILED, "the screen cannot be grabbed (the window is not shown)")
            return
        background = QColor(self.kiosk.window.property("color") or "black")

        def ready() -> None:
            if self.guest_using():  # a guest began while the picture was made
                done.fail(BUSY, control.GUEST_BUSY)
                return
            # PNG takes ~0.3 s for a 1080p screen: in a thread, so the screen keeps moving.
            image = grab.image()
            done.hold(image)
            threading.Thread(
                target=self._encode, args=(done, image, background), name="kiosk-screenshot",
                daemon=True,
            ).start()

        done.hold(pointer)
        grab.ready.connect(ready)

    def _encode(self, done: _Connection, image: QImage, background: QColor) -> None:
        """(Screenshot thread) the picture as PNG, handed back to the UI thread."""
        try:
            png = _png(image, background)
        except Exception:
            log.exception("the screenshot could not be made")
            png = b""
        self._encoded.emit(done, png)

    @Slot(object, bytes)
    def _send_picture(self, done: _Connection, png: bytes) -> None:
        try:
            if png:
                done.send(encode_answer({"ok": True}, png))
            else:
                done.fail(FAILED, "the screenshot could not be made (see the kiosk's log)")
        except RuntimeError:
            pass  # the client went away meanwhile, and its connection with it


class _Connection(QObject):
    """One client: its request line, then one answer, then closed."""

    def __init__(self, socket: QLocalSocket, server: ControlServer) -> None:
        super().__init__(socket)  # goes when the socket goes
        self.socket = socket
        self.server = server
        self._buffer = b""
        self._answered = False
        self._held: object = None
        socket.disconnected.connect(socket.deleteLater)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._too_slow)
        self._deadline.start(int(control.REQUEST_SECONDS * 1000))
        uid = control.peer_uid(int(socket.socketDescriptor()))
        if uid is not None and uid != os.getuid():
            log.warning("refused a connection from uid %d (not the kiosk's user)", uid)
            self.fail(REFUSED, control.NOT_YOURS.format(uid=uid))
            return
        socket.readyRead.connect(self._read)
        self._read()

    @Slot()
    def _read(self) -> None:
        if self._answered:
            return
        wanted = control.MAX_REQUEST + 1 - len(self._buffer)
        self._buffer += bytes(self.socket.read(wanted).data())
        line, newline, _ = self._buffer.partition(b"\n")
        if not newline:
            if len(self._buffer) > control.MAX_REQUEST:
                self.fail(BAD_REQUEST, f"a request is at most {control.MAX_REQUEST} bytes")
            return
        try:
            command = control.parse_request(line)
        except control.ProtocolError as exc:
            self.fail(BAD_REQUEST, str(exc))
            return
        self._answered = True
        self._deadline.start(int(GRAB_SECONDS * 1000))
        if command == "status":
            self.send(encode_answer({"ok": True, "status": self.server.status()}))
        elif self.server.guest_using():
            self.fail(BUSY, control.GUEST_BUSY)
        else:
            self.server.screenshot(self)

    def hold(self, grab: object) -> None:
        """Keep the grab alive until its picture is ready."""
        self._held = grab

    def fail(self, code: str, message: str) -> None:
        self.send(error_answer(code, message))

    def send(self, data: bytes) -> None:
        self._answered = True
        self._held = None
        self._deadline.start(int(ANSWER_SECONDS * 1000))
        if self.socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
            return
        self.socket.write(data)
        self.socket.disconnectFromServer()  # once all of it is written

    @Slot()
    def _too_slow(self) -> None:
        if not self._answered:
            self.fail(BAD_REQUEST, "no request line in time")
        elif self._held is not None:
            self.fail(FAILED, "the screen could not be grabbed in time")
        else:
            self.socket.abort()


def _png(image: QImage, background: QColor) -> bytes:
    """`image` over the window's own colour (what the content item leaves transparent), as PNG."""
    picture = QImage(image.size(), QImage.Format.Format_RGB32)
    picture.fill(background)
    painter = QPainter(picture)
    painter.drawImage(0, 0, image)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(buffer.data().data())


def _renderer() -> tuple[str, str | None]:
    """The renderer this kiosk chose as it started, and why; "unknown" where it did not choose
    (an application made by someone else, as in tests)."""
    choice = renderer.in_use()
    return (choice.renderer.value, choice.reason) if choice is not None else ("unknown", None)


def _private_folder(folder: Path) -> None:
    """The runtime folder exists, is this user's and is 0700; raises OSError otherwise."""
    places.ensure_dir(folder)
    info = folder.stat()
    if info.st_uid != os.getuid():
        raise PermissionError(f"{folder} belongs to uid {info.st_uid}")
    if stat.S_IMODE(info.st_mode) != 0o700:
        folder.chmod(0o700)


def serve_control(
    kiosk: KioskWindow, status: ContentStatus, usage: UsageLog, metrics: Path | None,
) -> ControlServer:
    """The kiosk's step "serve the local control socket" (and write the metrics file)."""
    server = ControlServer(kiosk, status, usage, metrics)
    server.start()
    return server
