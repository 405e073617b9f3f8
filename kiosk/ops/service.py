"""`spa-kiosk install-service`: the systemd user unit that starts the kiosk with the desktop
session, restarts it whenever it exits or freezes (watchdog), and gives it the environment it
needs. Printed by default; `--write` saves it to ~/.config/systemd/user/spa-kiosk.service.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from kiosk.ops import places

UNIT_NAME = "spa-kiosk.service"
ENABLE_COMMANDS = "systemctl --user daemon-reload && systemctl --user enable --now spa-kiosk"
WATCHDOG_SECONDS = 30
PASSED_ON = (places.ENV_DATA, places.ENV_LOG)  # kept when set, so `stats` finds the same files
_PLAIN = re.compile(r"[A-Za-z0-9_@+=:,./-]+")


def kiosk_command() -> list[str]:
    """How this kiosk is started: the frozen executable, or this Python with `-m kiosk`."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "run"]
    return [sys.executable, "-m", "kiosk", "run"]


def unit_text(
    content: Path | None = None,
    *,
    command: Sequence[str] | None = None,
    environment: Mapping[str, str] | None = None,
) -> str:
    """The unit file. `environment` adds Environment= lines (the content folder first).

    No DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM: the unit takes them from the graphical
    session that starts it (desktops hand their environment to the user's systemd), so the same
    unit serves X11 and Wayland sessions.
    """
    env: dict[str, str] = {}
    if content is not None:
        env["SPA_KIOSK_CONTENT"] = str(content)
    env.update(environment or {})
    exec_start = " ".join(_exec_word(word) for word in (command or kiosk_command()))
    lines = [
        "# Spa Kiosk as a systemd user service, made by `spa-kiosk install-service`.",
        f"# Save as ~/.config/systemd/user/{UNIT_NAME}, then:",
        f"#   {ENABLE_COMMANDS}",
        "# Logs: journalctl --user -u spa-kiosk, and the rotating file in the log folder.",
        "",
        "[Unit]",
        "Description=Spa Kiosk (waiting-room touchscreen)",
        "After=graphical-session.target",
        "PartOf=graphical-session.target",
        "# Never give up restarting: a kiosk must come back.",
        "StartLimitIntervalSec=0",
        "",
        "[Service]",
        "# The kiosk says READY=1 when its window is up, and pings the watchdog from the Qt main",
        "# thread: a frozen screen stops the pings and gets restarted.",
        "Type=notify",
        "NotifyAccess=main",
        f"ExecStart={exec_start}",
        "Restart=always",
        "RestartSec=2",
        f"WatchdogSec={WATCHDOG_SECONDS}",
        "TimeoutStartSec=60",
        "TimeoutStopSec=10",
        "# The kiosk never needs more rights than its user has, and its files are its own.",
        "NoNewPrivileges=yes",
        "UMask=0077",
        *(_environment_line(name, value) for name, value in env.items()),
        "",
        "[Install]",
        "# A session without graphical-session.target (a bare X session from startx or an",
        "# autologin .xinitrc) needs WantedBy=default.target instead, and must hand its display",
        "# to systemd first: systemctl --user import-environment DISPLAY XAUTHORITY",
        "WantedBy=graphical-session.target",
        "",
    ]
    return "\n".join(lines)


def unit_path() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "systemd" / "user" / UNIT_NAME


def write_unit(text: str, path: Path | None = None) -> Path:
    path = path if path is not None else unit_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)
    return path


def service_command(args: argparse.Namespace) -> int:
    content = args.content or os.environ.get("SPA_KIOSK_CONTENT")
    folder = Path(content).expanduser().absolute() if content else None
    if folder is not None and not (folder / "kiosk.yaml").is_file():
        print(f"warning: {folder} has no kiosk.yaml (yet)", file=sys.stderr)
    environment = {name: os.environ[name] for name in PASSED_ON if os.environ.get(name)}
    try:
        text = unit_text(folder, environment=environment)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not args.write:
        print(text, end="")
        return 0
    try:
        path = write_unit(text)
    except OSError as exc:
        print(f"error: cannot write {unit_path()}: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {path}")
    print("to start the kiosk now and with every session, run:")
    print(f"  {ENABLE_COMMANDS}")
    return 0


def _exec_word(word: str) -> str:
    """One ExecStart= word: % and $ escaped, quoted when it holds spaces or quotes."""
    _no_newline(word)
    word = word.replace("%", "%%").replace("$", "$$")
    if _PLAIN.fullmatch(word):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _environment_line(name: str, value: str) -> str:
    _no_newline(value)
    assignment = f"{name}={value.replace('%', '%%')}"
    if _PLAIN.fullmatch(assignment):
        return f"Environment={assignment}"
    return 'Environment="' + assignment.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _no_newline(text: str) -> None:
    if "\n" in text or "\r" in text:
        raise ValueError(f"a line break cannot go into a systemd unit: {text!r}")
