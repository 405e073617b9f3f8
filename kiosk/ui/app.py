"""Start the guest app: content, fonts, the QML engine, the window, and the qasync event loop."""

from __future__ import annotations

import functools
import logging
import os
import sys
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, QSysInfo, QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication, QWindow
from PySide6.QtQml import QQmlApplicationEngine, QQmlError

from kiosk.content.assets import FONT_SUFFIXES, looks_like_font_file
from kiosk.guest.session import UsageSink
from kiosk.ops import memory, places
from kiosk.ops.content_status import ContentStatus
from kiosk.ops.places import default_content_dir, qml_dir
from kiosk.ui.controller import KioskController
from kiosk.ui.keepfront import KeepFront
from kiosk.ui.renderer import use as use_renderer
from kiosk.ui.scheduler import Clock
from kiosk.ui.staff_panel import StaffActions, StaffController

if TYPE_CHECKING:
    from PySide6.QtQuick import QQuickWindow

    from kiosk.content.model import Content

log = logging.getLogger("kiosk")
FALLBACK_FONT = "DejaVu Sans"
_TOUCH_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress,
}


class TouchWatcher(QObject):
    """Tells the view-models about every touch on the window (idle timers), consuming nothing."""

    def __init__(self, controller: KioskController, staff: StaffController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.staff = staff

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _TOUCH_EVENTS:
            self.controller.touched()
            self.staff.touched()
        return False


class Lockdown(QObject):
    """Keeps guests in the kiosk: closing, keys and shortcuts do nothing until staff allow exit."""

    _KEYS: ClassVar = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride}

    def __init__(self, window: QQuickWindow) -> None:
        super().__init__(window)
        self.window = window
        self.allow_exit = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Close and not self.allow_exit:
            event.ignore()  # window close, Alt+F4 and the like
            return True
        if kind in self._KEYS:
            return True  # there is no keyboard in the guest journey: Escape, F11... do nothing
        leaving_full_screen = (
            kind == QEvent.Type.WindowStateChange
            and self.window.visibility() != QWindow.Visibility.FullScreen
        )
        if leaving_full_screen and not self.allow_exit:
            QTimer.singleShot(0, self.window.showFullScreen)
        return False


def application(renderer: str = "auto") -> QGuiApplication:
    """The Qt application of this process, made on first use without the desktop's own settings
    (theme, fonts, colours): the kiosk has its own look, and on a GNOME-like desktop reading them
    loads GTK, ~90 ms of a start (measured under Xvfb with XDG_CURRENT_DESKTOP=GNOME).

    Without a GPU's vsync to follow, Qt draws a window's next frame 5 ms after it is asked for
    (QWindow::requestUpdate); the kiosk asks it to draw at once (`QT_QPA_UPDATE_IDLE_TIME=0`,
    unless set): a tap shows ~4 ms sooner, and frames during a fade come more evenly.

    The renderer is chosen for the machine as the application is made (kiosk/ui/renderer.py;
    `renderer`: "auto", "software" or "gpu"). Qt's own caches go into the kiosk's cache folder
    (`configure_qt_caches`)."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault(UPDATE_IDLE_TIME, "0")
        configure_qt_caches()
        QGuiApplication.setDesktopSettingsAware(False)
        app = QGuiApplication(sys.argv[:1])
        _made.append(app)  # kept for the life of the process, whoever asked
        use_renderer(renderer)
    return cast(QGuiApplication, app)


_made: list[QGuiApplication] = []
UPDATE_IDLE_TIME = "QT_QPA_UPDATE_IDLE_TIME"
QML_CACHE = "QML_DISK_CACHE_PATH"
PIPELINE_CACHE_LOAD = "QSG_RHI_PIPELINE_CACHE_LOAD"
PIPELINE_CACHE_SAVE = "QSG_RHI_PIPELINE_CACHE_SAVE"


def configure_qt_caches() -> None:
    """Compiled QML and the graphics pipelines Qt Quick builds are kept in the kiosk's cache
    folder (`places.cache_dir`, which SPA_KIOSK_CACHE_DIR moves), not Qt's default of the
    application's cache location (~/.cache/Spa Kiosk). Qt's documented switches: the QML disk
    cache's folder, and a pipeline cache file to load at start and save at exit (which also
    turns off Qt's automatic one). Set before the application exists; values already in the
    environment win."""
    cache = places.cache_dir()
    try:
        places.ensure_dir(cache / "qtpipelinecache")
    except OSError as exc:
        log.warning("cannot write the cache folder %s (%s); Qt's caches are not kept", cache, exc)
        os.environ.setdefault("QML_DISABLE_DISK_CACHE", "1")
        return
    pipelines = str(cache / "qtpipelinecache" / f"{QSysInfo.currentCpuArchitecture()}.bin")
    os.environ.setdefault(QML_CACHE, str(cache / "qmlcache"))
    os.environ.setdefault(PIPELINE_CACHE_LOAD, pipelines)
    os.environ.setdefault(PIPELINE_CACHE_SAVE, pipelines)


def load_fonts(font: str | None, assets: Path) -> str:
    """Register the theme's font files and return the family the screens use."""
    if font and not looks_like_font_file(font):
        return font  # a family name installed on the kiosk PC
    if font:
        main = assets / font
    else:
        fonts = default_content_dir().parent / "assets" / "fonts"
        main = next(iter(sorted(fonts.glob("Inter-Regular.*"))), fonts / "missing.otf")
    if not main.is_file():
        return FALLBACK_FONT
    family = FALLBACK_FONT
    # The other weights of the family usually sit beside the regular file.
    for path in [main, *sorted(main.parent.iterdir())]:
        if path.suffix.lower() in FONT_SUFFIXES and path.is_file():
            font_id = _register_font(path)
            if path == main and font_id >= 0:
                family = (QFontDatabase.applicationFontFamilies(font_id) or [FALLBACK_FONT])[0]
    return family


_registered: dict[tuple[str, int, int], int] = {}


def _register_font(path: Path) -> int:
    """Qt's id for the font file, registered once per version of the file: every new content
    set names the fonts again, and registering them again would keep a second copy in memory
    and make every text on screen lay itself out anew."""
    info = path.stat()
    key = (str(path.resolve()), info.st_mtime_ns, info.st_size)
    if key not in _registered:
        _registered[key] = QFontDatabase.addApplicationFont(str(path))
    return _registered[key]


class KioskWindow:
    """One QML engine and window over one controller; used by the kiosk, `render` and tests."""

    def __init__(
        self,
        content: Content,
        clock: Clock | None = None,
        size: QSize | None = None,
        usage: UsageSink | None = None,
        staff: StaffController | None = None,
    ) -> None:
        memory.tune_malloc()  # before the screens and their pictures are made
        self.controller = KioskController(content, clock, fonts=load_fonts, usage=usage)
        self.staff = staff or StaffController(
            None,
            ContentStatus(content.folder),
            StaffActions(_nothing, _nothing, _nothing),
            clock=clock,
        )
        self.engine = QQmlApplicationEngine()
        self.engine.warnings.connect(_log_qml_warnings)
        self.engine.addImportPath(str(qml_dir()))
        self.engine.setInitialProperties({"kiosk": self.controller, "staff": self.staff})
        self.engine.loadFromModule("Kiosk", "Main")
        roots = self.engine.rootObjects()
        if not roots:
            raise RuntimeError("the kiosk screens could not be loaded (see the log)")
        window = roots[0]
        assert isinstance(window, QWindow)
        # A QQuickWindow. Python knows it as one only where PySide6.QtQuick is imported first
        # (render, tests, bench): the kiosk itself needs only QWindow's API and `frameSwapped`,
        # and leaves out that binding (with the OpenGL one it pulls in: ~7 MiB, ~5 ms a start).
        self.window = cast("QQuickWindow", window)
        if size is not None:
            window.resize(size)
        # The other screens are made once the first frame is on screen (Main.qml): made in the
        # background from the start, Qt's incubation steps (~11 ms each, on its timers) could
        # come before that frame.
        on_first_frame(window, functools.partial(_first_frame_shown, weakref.ref(self)))
        self.touch_watcher = TouchWatcher(self.controller, self.staff)
        window.installEventFilter(self.touch_watcher)
        self.lockdown: Lockdown | None = None

    def lock_down(self) -> None:
        """Full screen, frameless, on top; closing and keys are ignored."""
        window = self.window
        # Frameless and on top: set in QML (Main.qml), as Python would first have to make its
        # copy of Qt's whole `Qt` namespace (~25 ms of a start).
        window.setProperty("lockedDown", True)
        # Cover the screen even where no window manager honours "full screen" (bare X, kiosks).
        window.setGeometry(window.screen().geometry())
        window.showFullScreen()
        self.lockdown = lockdown = Lockdown(window)
        window.installEventFilter(lockdown)
        KeepFront(window, locked=lambda: not lockdown.allow_exit)  # kept by the window

    def allow_exit(self) -> None:
        if self.lockdown is not None:
            self.lockdown.allow_exit = True

    def close(self) -> None:
        """Take the screens down before the controller they bind to goes away."""
        self.controller.shutdown()
        self.window.removeEventFilter(self.touch_watcher)
        if self.lockdown is not None:
            self.lockdown.allow_exit = True
        self.window.close()
        for root in self.engine.rootObjects():
            root.deleteLater()
        self.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _first_frame_shown(kiosk: weakref.ref[KioskWindow]) -> None:
    # A weak reference: with a strong one here (the window, the controller), a process that
    # made kiosk after kiosk (the tests) crashed in the next window made, in Qt (PySide 6.11;
    # not traced further). The kiosk itself makes one.
    alive = kiosk()
    if alive is not None:
        alive.window.setProperty("firstFrameShown", True)


def on_first_frame(window: QWindow, action: Callable[[], object]) -> None:
    """Run `action` once, when the first frame of `window` (a QQuickWindow) is on screen, and
    stay off the frames after it.

    The flag as well as the disconnect: with Qt's threaded render loop (a GPU, or Mesa under X)
    frames are announced from the render thread, and a second announcement can already be queued
    when the first one runs."""
    done = [False]
    swapped = cast("QQuickWindow", window).frameSwapped

    def once() -> None:
        if done[0]:
            return
        done[0] = True
        swapped.disconnect(once)
        action()

    swapped.connect(once)


def _nothing() -> None:
    pass


def _log_qml_warnings(warnings: list[QQmlError]) -> None:
    for warning in warnings:
        log.warning("QML: %s", warning.toString())


def parse_size(text: str | None) -> QSize | None:
    if not text:
        return None
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise SystemExit(f"error: --size must look like 1920x1080, got {text!r}") from None
    if width < 320 or height < 320:
        raise SystemExit("error: --size must be at least 320x320")
    return QSize(width, height)
