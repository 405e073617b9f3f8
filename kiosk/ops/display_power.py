"""Switch the display off while the kiosk sleeps and on again at wake, where the display server
or the Wayland compositor offers a standard way to ask for it.

The way is chosen once from the environment and the tools installed (first that fits):

- Wayland ($WAYLAND_DISPLAY or XDG_SESSION_TYPE=wayland):
  - sway ($SWAYSOCK, `swaymsg`): `swaymsg output * power off|on`, and `dpms off|on` for a sway
    older than 1.8, which has no `power`;
  - GNOME (Mutter; "GNOME" in $XDG_CURRENT_DESKTOP): the D-Bus property
    org.gnome.Mutter.DisplayConfig.PowerSaveMode, 3 for off and 0 for on, set with `gdbus`
    or else `busctl --user`;
  - KDE Plasma ("KDE" in $XDG_CURRENT_DESKTOP, `kscreen-doctor`): `kscreen-doctor --dpms off|on`;
  - any other wlroots compositor (labwc, cage, Wayfire, river...) with `wlopm` installed: the
    wlr-output-power-management protocol, `wlopm --off|--on *`;
  - otherwise none: the kiosk's black, still window is what stays on the screen.
- X11 ($DISPLAY, `xset`): DPMS, `xset +dpms` and `xset dpms force off`; at wake `xset dpms force
  on` and `xset -dpms`, so the screen never blanks while the spa is open.

Best effort: nothing here raises; the choice is logged once, a command that fails is a warning.
`display_power()` runs the commands in a thread of its own, so the screen's thread never waits.
"""

from __future__ import annotations

import logging
import os
import queue
import shutil
import subprocess
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass

log = logging.getLogger("kiosk.display_power")

MUTTER = (
    "org.gnome.Mutter.DisplayConfig",
    "/org/gnome/Mutter/DisplayConfig",
    "org.gnome.Mutter.DisplayConfig",
)
MUTTER_ON, MUTTER_OFF = 0, 3  # PowerSaveMode: 0 on, 1 standby, 2 suspend, 3 off
TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Command:
    """One program run; `instead` is the older spelling tried when `argv` fails."""

    argv: tuple[str, ...]
    instead: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Way:
    """How this display is switched off and on: commands run in order, all of them."""

    name: str
    off: tuple[Command, ...]
    on: tuple[Command, ...]


def choose(
    environ: Mapping[str, str], which: Callable[[str], str | None] = shutil.which
) -> Way | None:
    """The way to switch this session's display off and on, or None where there is none."""
    desktops = {part.strip().upper() for part in environ.get("XDG_CURRENT_DESKTOP", "").split(":")}
    if environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland":
        if environ.get("SWAYSOCK") and (swaymsg := which("swaymsg")):
            return Way(
                "sway (swaymsg output * power, or dpms before sway 1.8)",
                *(_sway(swaymsg, s) for s in ("off", "on")),
            )
        if "GNOME" in desktops and (gdbus := which("gdbus")):
            return Way(
                "GNOME (Mutter PowerSaveMode, gdbus)",
                _gdbus(gdbus, MUTTER_OFF),
                _gdbus(gdbus, MUTTER_ON),
            )
        if "GNOME" in desktops and (busctl := which("busctl")):
            return Way(
                "GNOME (Mutter PowerSaveMode, busctl)",
                _busctl(busctl, MUTTER_OFF),
                _busctl(busctl, MUTTER_ON),
            )
        if "KDE" in desktops and (kscreen := which("kscreen-doctor")):
            return Way(
                "KDE Plasma (kscreen-doctor --dpms)",
                (Command((kscreen, "--dpms", "off")),),
                (Command((kscreen, "--dpms", "on")),),
            )
        if wlopm := which("wlopm"):
            return Way(
                "wlr-output-power-management (wlopm)",
                (Command((wlopm, "--off", "*")),),
                (Command((wlopm, "--on", "*")),),
            )
        return None
    if environ.get("DISPLAY") and (xset := which("xset")):
        return Way(
            "X11 DPMS (xset)",
            (Command((xset, "+dpms")), Command((xset, "dpms", "force", "off"))),
            (Command((xset, "dpms", "force", "on")), Command((xset, "-dpms"))),
        )
    return None


def _sway(swaymsg: str, state: str) -> tuple[Command, ...]:
    return (
        Command((swaymsg, "output", "*", "power", state), (swaymsg, "output", "*", "dpms", state)),
    )


def _gdbus(gdbus: str, mode: int) -> tuple[Command, ...]:
    name, path, interface = MUTTER
    argv = (
        gdbus,
        "call",
        "--session",
        "--dest",
        name,
        "--object-path",
        path,
        "--method",
        "org.freedesktop.DBus.Properties.Set",
        interface,
        "PowerSaveMode",
        f"<int32 {mode}>",
    )
    return (Command(argv),)


def _busctl(busctl: str, mode: int) -> tuple[Command, ...]:
    name, path, interface = MUTTER
    return (
        Command(
            (
                busctl,
                "--user",
                "set-property",
                name,
                path,
                interface,
                "PowerSaveMode",
                "i",
                str(mode),
            )
        ),
    )


def set_power(on: bool, way: Way | None) -> bool:
    """Run the way's commands for on or off, here and now; True when every one succeeded."""
    if way is None:
        return False
    done = True
    for command in way.on if on else way.off:
        if _run(command.argv, quiet=command.instead is not None):
            continue
        if command.instead is None or not _run(command.instead, quiet=False):
            done = False
    return done


def _run(argv: tuple[str, ...], quiet: bool) -> bool:
    words = " ".join(os.path.basename(argv[0]) if i == 0 else a for i, a in enumerate(argv))
    try:
        result = subprocess.run(
            argv, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("%s failed: %s", words, exc)
        return False
    if result.returncode != 0:
        if not quiet:
            reason = (result.stderr.strip() or result.stdout.strip()).splitlines()
            log.warning("%s failed: %s", words, reason[-1] if reason else result.returncode)
        return False
    return True


_chosen: list[Way | None] = []
_requests: queue.SimpleQueue[tuple[bool, threading.Event | None]] = queue.SimpleQueue()
_worker: list[threading.Thread] = []
_lock = threading.Lock()
_last: list[bool] = []  # what the last request asked: on (True) or off (False)


def chosen_way() -> Way | None:
    """This session's way, chosen at the first call and logged once."""
    with _lock:
        if not _chosen:
            way = choose(os.environ)
            _chosen.append(way)
            if way is not None:
                log.info("asleep, the display is switched off through %s", way.name)
            else:
                log.info(
                    "no way to switch this display off is known here; asleep, the screen "
                    "shows black"
                )
        return _chosen[0]


def display_power(on: bool) -> None:
    """Put the display into power saving (on=False) or wake it (on=True); never raises. The
    commands run in a thread of their own, one request after the other in the order asked."""
    _ask(on, None)


def wake_before_exit() -> None:
    """The display back on if the kiosk asked for it off last (it stops while asleep, e.g. a
    technician's `systemctl stop` at night): whoever looks at the screen next must not find it
    dark with nothing running. Waits for the request to be carried out (the worker thread ends
    with the process), at most as long as one command may take; never raises."""
    with _lock:
        if not _last or _last[-1]:
            return
    done = threading.Event()
    _ask(True, done)
    if not done.wait(TIMEOUT_S + 1):
        log.warning("the display may still be off: switching it on took too long")


def _ask(on: bool, done: threading.Event | None) -> None:
    with _lock:
        _last[:] = [on]
        _requests.put((on, done))
        if not _worker:
            _worker.append(threading.Thread(target=_serve, name="display-power", daemon=True))
            _worker[0].start()


def _serve() -> None:
    while True:
        on, done = _requests.get()
        try:
            set_power(on, chosen_way())
        except Exception as exc:  # never the end of the kiosk, nor of this thread
            log.warning("switching the display %s failed: %s", "on" if on else "off", exc)
        finally:
            if done is not None:
                done.set()
