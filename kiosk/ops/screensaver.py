"""Keep the screen on while the kiosk runs, as far as the platform lets a program do it.

- Linux/X11: `xset s off -dpms` and `xset s noblank` (when xset is installed and $DISPLAY is set);
  the undo turns the X defaults back on (`xset s on +dpms`, `xset s blank`). A desktop's own
  screen lock (GNOME, KDE) has its own settings: turn it off for the kiosk user.
- Windows: SetThreadExecutionState(ES_CONTINUOUS | ES_DISPLAY_REQUIRED) from the calling (main)
  thread; the undo clears it.
- Elsewhere (Wayland, macOS): nothing; see the README.

Best effort: `inhibit()` never raises, and neither does the undo it returns. Switching the display
off while the kiosk sleeps is kiosk.ops.display_power (`display_power` here is that one).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence

from kiosk.ops.display_power import display_power as display_power
from kiosk.ops.display_power import wake_before_exit as wake_before_exit

log = logging.getLogger("kiosk.screensaver")

XSET_OFF = (("s", "off", "-dpms"), ("s", "noblank"))
XSET_ON = (("s", "on", "+dpms"), ("s", "blank"))
ES_CONTINUOUS = 0x80000000
ES_DISPLAY_REQUIRED = 0x00000002


def inhibit() -> Callable[[], None]:
    """Stop the screen from blanking; returns the function that allows it again."""
    try:
        if sys.platform == "win32":
            return _inhibit_windows()
        if os.environ.get("DISPLAY") and (xset := shutil.which("xset")):
            return _inhibit_xset(xset)
    except Exception:
        log.warning("cannot keep the screen on", exc_info=True)
    log.info("screen blanking not inhibited on this platform; turn it off in the system settings")
    return _nothing


def _nothing() -> None:
    pass


def _xset(xset: str, commands: Sequence[Sequence[str]]) -> bool:
    done = True
    for args in commands:
        try:
            result = subprocess.run(
                [xset, *args], capture_output=True, text=True, timeout=5, check=False
            )
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("xset %s failed: %s", " ".join(args), exc)
            done = False
            continue
        if result.returncode != 0:
            log.warning("xset %s failed: %s", " ".join(args), result.stderr.strip())
            done = False
    return done


def _inhibit_xset(xset: str) -> Callable[[], None]:
    if _xset(xset, XSET_OFF):
        log.info("screen blanking and power saving turned off (xset)")

    def undo() -> None:
        try:
            _xset(xset, XSET_ON)
        except Exception:
            log.debug("xset undo failed", exc_info=True)

    return undo


if sys.platform == "win32":
    import ctypes

    def _inhibit_windows() -> Callable[[], None]:
        kernel32 = ctypes.windll.kernel32
        if not kernel32.SetThreadExecutionState(ES_CONTINUOUS | ES_DISPLAY_REQUIRED):
            log.warning("SetThreadExecutionState failed; the screen may still turn off")
            return _nothing
        log.info("screen kept on (SetThreadExecutionState)")

        def undo() -> None:
            try:
                kernel32.SetThreadExecutionState(ES_CONTINUOUS)
            except Exception:
                log.debug("SetThreadExecutionState undo failed", exc_info=True)

        return undo
