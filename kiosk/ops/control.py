"""Asking the running kiosk from the same PC: `spa-kiosk status` and `spa-kiosk screenshot`.

The kiosk listens on a local socket, `control.sock` in its runtime folder (normally
`$XDG_RUNTIME_DIR/spa-kiosk`, 0700; the socket itself 0600), so only the kiosk's own user can
connect; the kiosk also checks who connected (SO_PEERCRED on Linux) and refuses anyone else,
even root, without any data. The server is Qt's (kiosk/ui/control_server.py); this module is
the part without Qt: the protocol, the client, the status as text, and the commands.

The protocol, one connection per question:

- the client sends one line of JSON, `{"command": "status"}` or `{"command": "screenshot"}`,
  at most `MAX_REQUEST` bytes;
- the kiosk answers with one line of JSON, `{"ok": true, "status": {...}}`, or
  `{"ok": true, "png_bytes": N}` followed by exactly N bytes of PNG, or
  `{"ok": false, "code": "...", "error": "..."}` (codes in `CODES`), and closes.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import struct
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.ops import places, resident

if sys.platform != "win32":
    import pwd  # the user database: POSIX only

SOCKET_FILE = "control.sock"
COMMANDS = ("status", "screenshot")
MAX_REQUEST = 1024
"""Bytes; a longer request is refused (the kiosk reads no more)."""
REQUEST_SECONDS = 2.0
"""The kiosk waits this long for a whole request line, then closes the connection."""
MAX_PICTURE = 64 * 1024 * 1024
"""The client takes no larger screenshot (a 4K screen as PNG is a few MiB)."""

BUSY = "busy"
REFUSED = "refused"
BAD_REQUEST = "bad_request"
FAILED = "failed"
CODES = (BUSY, REFUSED, BAD_REQUEST, FAILED)

EXIT_OK = 0
EXIT_ERROR = 1
"""The kiosk answered, but could not do it (a guest is using the kiosk, the screen could not
be grabbed), or the file could not be written."""
EXIT_NOT_RUNNING = 3
EXIT_NOT_ALLOWED = 4
"""The kiosk belongs to another user."""

GUEST_BUSY = "a guest is using the kiosk; try again when the screen is back on the slides"
NOT_YOURS = "refused: only the kiosk's own user may ask the kiosk (you are uid {uid})"


def socket_path() -> Path:
    """Where the running kiosk listens."""
    return places.runtime_dir() / SOCKET_FILE


# ---- the protocol (pure) ------------------------------------------------------------------


class ProtocolError(Exception):
    """A request or answer that does not follow the protocol; the message says how."""


def encode_request(command: str) -> bytes:
    return json.dumps({"command": command}).encode() + b"\n"


def parse_request(line: bytes) -> str:
    """The command of one request line (without or with its newline); ProtocolError if it is
    not one of COMMANDS."""
    if len(line) > MAX_REQUEST:
        raise ProtocolError(f"a request is at most {MAX_REQUEST} bytes")
    try:
        request = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ProtocolError("a request is one line of JSON") from None
    command = request.get("command") if isinstance(request, dict) else None
    if command not in COMMANDS:
        raise ProtocolError(f"the command must be one of: {', '.join(COMMANDS)}")
    return str(command)


def encode_answer(header: dict[str, Any], payload: bytes = b"") -> bytes:
    """One answer: its header line, then the payload (a screenshot's PNG), if any."""
    if payload:
        header = {**header, "png_bytes": len(payload)}
    return json.dumps(header, ensure_ascii=False).encode() + b"\n" + payload


def error_answer(code: str, message: str) -> bytes:
    return encode_answer({"ok": False, "code": code, "error": message})


def parse_header(line: bytes) -> dict[str, Any]:
    try:
        header = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ProtocolError("the kiosk's answer is not JSON") from None
    if not isinstance(header, dict) or not isinstance(header.get("ok"), bool):
        raise ProtocolError("the kiosk's answer has no 'ok'")
    return header


def peer_uid(fd: int) -> int | None:
    """The user id of the process at the other end of the connected AF_UNIX socket `fd`
    (SO_PEERCRED); None where the system does not say (not Linux)."""
    if not hasattr(socket, "SO_PEERCRED"):
        return None
    peer = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, fileno=os.dup(fd))
    try:
        credentials = peer.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    except OSError:
        return None
    finally:
        peer.close()  # the duplicate only: the kiosk's socket stays open
    _pid, uid, _gid = struct.unpack("3i", credentials)
    return int(uid)


# ---- the client ---------------------------------------------------------------------------


class ControlError(Exception):
    """The kiosk could not be asked, or said no; `exit_status` is the command's exit status."""

    def __init__(self, message: str, exit_status: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.exit_status = exit_status


@dataclass(frozen=True)
class Answer:
    header: dict[str, Any]
    payload: bytes = b""


def ask(command: str, path: Path | None = None, timeout: float = 10.0) -> Answer:
    """Put one question to the running kiosk; raises ControlError (not running: exit 3)."""
    path = path if path is not None else socket_path()
    deadline = time.monotonic() + timeout
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        client.settimeout(timeout)
        try:
            client.connect(str(path))
        except (FileNotFoundError, ConnectionRefusedError):
            raise ControlError(
                f"no kiosk is running for this user (nothing answers at {path})",
                EXIT_NOT_RUNNING,
            ) from None
        except PermissionError:
            raise ControlError(
                f"{NOT_YOURS.format(uid=os.getuid())}; {path} belongs to "
                f"{_owner(path)}: run this command as that user",
                EXIT_NOT_ALLOWED,
            ) from None
        # A refusal comes at once, and the kiosk closes: its answer is still there to read.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            client.sendall(encode_request(command))
        stream = client.makefile("rb")
        line = stream.readline(64 * 1024)
        if not line:
            raise ControlError("the kiosk closed the connection without an answer")
        header = parse_header(line)
        if not header["ok"]:
            code = header.get("code")
            status = EXIT_NOT_ALLOWED if code == REFUSED else EXIT_ERROR
            raise ControlError(str(header.get("error") or "the kiosk said no"), status)
        size = header.get("png_bytes", 0)
        if not isinstance(size, int) or not 0 <= size <= MAX_PICTURE:
            raise ControlError("the kiosk's answer is too large")
        client.settimeout(max(0.1, deadline - time.monotonic()))
        payload = stream.read(size) if size else b""
        if len(payload) != size:
            raise ControlError("the kiosk's answer was cut off")
        return Answer(header, payload)
    except TimeoutError:
        raise ControlError(f"the kiosk did not answer within {timeout:g} s") from None
    except ProtocolError as exc:
        raise ControlError(str(exc)) from None
    except OSError as exc:
        raise ControlError(f"cannot talk to the kiosk at {path}: {exc}") from None
    finally:
        client.close()


def _owner(path: Path) -> str:
    """Who owns the kiosk's runtime folder (or socket), as a name if the system knows it."""
    for candidate in (path, path.parent):
        with contextlib.suppress(OSError):
            uid = candidate.stat().st_uid
            if sys.platform == "win32":
                return f"uid {uid}"
            try:
                return f"the user {pwd.getpwuid(uid).pw_name}"
            except KeyError:
                return f"uid {uid}"
    return "another user"


# ---- the status as people read it ---------------------------------------------------------


def format_status(status: dict[str, Any]) -> str:
    """`spa-kiosk status` without --json: one fact a line, the problems after them."""

    def seconds(value: object) -> str:
        if not isinstance(value, int | float):
            return "never"
        value = int(value)
        days, rest = divmod(value, 86400)
        hours, rest = divmod(rest, 3600)
        minutes, secs = divmod(rest, 60)
        if days:
            return f"{days} d {hours} h {minutes} min"
        if hours:
            return f"{hours} h {minutes} min"
        return f"{minutes} min {secs} s" if minutes else f"{secs} s"

    today = status.get("today") or {}
    loaded = status.get("content_loaded_at") or "not yet"
    lines = [
        f"Spa Kiosk {status.get('version')} (pid {status.get('pid')}), "
        f"up {seconds(status.get('uptime_s'))}",
        f"content:     {status.get('content_folder')}"
        + ("  (showing the built-in content)" if status.get("showing_default") else ""),
        f"loaded:      {loaded}",
        f"screen:      {'open' if status.get('open') else 'asleep'}"
        + (f" ({status['open_note']})" if status.get("open_note") else ""),
        f"guest:       {'using the kiosk now' if status.get('guest_using') else 'none'}; "
        f"last touch {seconds(status.get('last_touch_s'))}"
        + (" ago" if isinstance(status.get("last_touch_s"), int | float) else ""),
        f"today:       {today.get('journeys_started', 0)} journeys started, "
        f"{today.get('journeys_finished', 0)} finished "
        f"({today.get('consult', 0)} \"talk to us\"), {today.get('abandoned', 0)} abandoned, "
        f"{today.get('slides_shown', 0)} slides shown",
        f"renderer:    {status.get('renderer')}"
        + (f" ({status['renderer_reason']})" if status.get("renderer_reason") else ""),
        f"memory:      {status.get('rss_mib')} MiB resident",
        f"frames:      {status.get('frames')} drawn",
    ]
    problems = status.get("problems") or []
    lines.append(f"problems:    {len(problems) or 'none'}")
    lines += [f"  {problem}" for problem in problems]
    return "\n".join(lines) + "\n"


def process_uptime() -> float | None:
    """Seconds since this process started, from /proc (Linux); None elsewhere."""
    try:
        after_name = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(after_name[19]) / os.sysconf("SC_CLK_TCK")  # field 22: starttime
        return float(Path("/proc/uptime").read_text().split()[0]) - started
    except (OSError, ValueError, IndexError):
        return None


def rss_mib() -> float | None:
    """This process's resident memory now, in MiB to one decimal (kiosk.ops.resident); None
    when the system will not say."""
    try:
        return round(resident.rss_mib(), 1)
    except (OSError, ValueError, IndexError):
        return None


def iso_time(epoch: float | None) -> str | None:
    """Local time with its UTC offset, to the second, for JSON and people."""
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch).astimezone().isoformat(timespec="seconds")


# ---- the commands -------------------------------------------------------------------------


def status_command(args: argparse.Namespace) -> int:
    try:
        answer = ask("status")
    except ControlError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_status
    status = answer.header.get("status") or {}
    if args.json:
        print(json.dumps(status, ensure_ascii=False, indent=2))
    else:
        print(format_status(status), end="")
    return EXIT_OK


def screenshot_command(args: argparse.Namespace) -> int:
    target = Path(args.file)
    try:
        answer = ask("screenshot")
    except ControlError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_status
    try:
        partial = target.with_name(f".{target.name}.part")
        partial.write_bytes(answer.payload)
        partial.replace(target)
    except OSError as exc:
        print(f"error: cannot write {target}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    print(f"wrote {target}")
    return EXIT_OK
