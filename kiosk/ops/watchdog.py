"""Talk to systemd (`Type=notify`, `WatchdogSec=`) without any library: one datagram to
$NOTIFY_SOCKET per message. Outside systemd every call is a cheap no-op that returns False.

The kiosk calls `ready()` once its window is up and `watchdog_ping()` from a timer on the Qt main
thread every `watchdog_interval()` seconds, so a frozen UI stops the pings and systemd restarts it.
"""

from __future__ import annotations

import logging
import os
import socket

log = logging.getLogger("kiosk.watchdog")


def notify(state: str) -> bool:
    """Send `state` (e.g. "READY=1", "WATCHDOG=1", "STATUS=...") to systemd; False when not
    running under systemd or the message could not be sent. Never raises."""
    address = os.environ.get("NOTIFY_SOCKET", "")
    if not address or address[0] not in "/@":
        return False
    if not hasattr(socket, "AF_UNIX"):
        return False
    if address[0] == "@":  # an abstract socket: a leading NUL byte on the wire
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.sendto(state.encode("utf-8"), address)
    except OSError as exc:
        log.debug("cannot notify systemd (%s)", exc)
        return False
    return True


def ready(status: str | None = None) -> bool:
    """The kiosk is up: systemd considers a `Type=notify` service started from now on."""
    return notify("READY=1" + (f"\nSTATUS={status}" if status else ""))


def stopping() -> bool:
    return notify("STOPPING=1")


def status(text: str) -> bool:
    """A one-line status shown by `systemctl --user status spa-kiosk`."""
    return notify(f"STATUS={text}")


def watchdog_ping() -> bool:
    return notify("WATCHDOG=1")


def watchdog_interval() -> float | None:
    """How often to ping, in seconds: half of $WATCHDOG_USEC as systemd recommends; None when no
    watchdog is asked for (or it is meant for another process, by $WATCHDOG_PID)."""
    usec = os.environ.get("WATCHDOG_USEC", "")
    pid = os.environ.get("WATCHDOG_PID", "")
    if pid:
        try:
            if int(pid) != os.getpid():
                return None
        except ValueError:
            return None
    try:
        value = int(usec)
    except ValueError:
        return None
    return value / 2_000_000 if value > 0 else None
