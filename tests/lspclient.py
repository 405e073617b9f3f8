"""A small Language Server Protocol client over stdio, for tests that drive a real server.

JSON-RPC 2.0 messages framed by `Content-Length` headers. A reader thread takes every message
the server writes: answers go to the request waiting for them, notifications to a queue the
test reads with `wait_for`, and the few requests a server makes of its client are answered at
once: `workspace/configuration` from `settings` (as an editor answers from its settings; a server
may pull them rather than read `workspace/didChangeConfiguration`), any other with null.
Everything waits for messages with a deadline; nothing sleeps for a fixed time.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

Message = dict[str, Any]


class LspError(RuntimeError):
    """The server answered a request with an error, stopped, or kept the client waiting."""


def read_message(stream: IO[bytes]) -> Message | None:
    """One framed message, or None at the end of the stream."""
    length = -1
    while True:
        line = stream.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    if length < 0:
        raise LspError("a message without a Content-Length header")
    body = stream.read(length)
    if len(body) < length:
        return None
    message: Message = json.loads(body)
    return message


def frame(message: Message) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class LspClient:
    """A running server and the messages it sent; use as a context manager (shutdown, exit)."""

    def __init__(
        self,
        command: Sequence[str],
        *,
        cwd: Path,
        settings: dict[str, Any] | None = None,
        timeout: float = 20.0,
    ) -> None:
        self.timeout = timeout
        self.settings = settings or {}
        self._process = subprocess.Popen(
            list(command),
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self._next_id = 0
        self._answers: dict[int, queue.Queue[Message]] = {}
        self._lock = threading.Lock()
        self.notifications: queue.Queue[Message | None] = queue.Queue()
        self._stderr: list[bytes] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def __enter__(self) -> LspClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Sending

    def _send(self, message: Message) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        with self._lock:
            stdin.write(frame({"jsonrpc": "2.0", **message}))
            stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        """Send a request and wait for its answer's result."""
        with self._lock:
            self._next_id += 1
            number = self._next_id
            self._answers[number] = queue.Queue()
        self._send({"id": number, "method": method, "params": params})
        try:
            answer = self._answers[number].get(timeout=self.timeout)
        except queue.Empty:
            raise LspError(f"no answer to {method} in {self.timeout} s{self._said()}") from None
        if "error" in answer:
            raise LspError(f"{method}: {answer['error']}")
        return answer.get("result")

    # Receiving

    def _read(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        while (message := read_message(stdout)) is not None:
            if "method" in message and "id" in message:
                self._answer_server_request(message)
            elif "method" in message:
                self.notifications.put(message)
            else:
                waiting = self._answers.get(message.get("id", -1))
                if waiting is not None:
                    waiting.put(message)
        self.notifications.put(None)  # the server has gone

    def _read_stderr(self) -> None:
        stderr = self._process.stderr
        assert stderr is not None
        for line in stderr:
            self._stderr.append(line)

    def _answer_server_request(self, message: Message) -> None:
        result: Any = None
        if message["method"] == "workspace/configuration":
            result = [
                self.settings.get(item.get("section", ""))
                for item in message["params"].get("items", [])
            ]
        self._send({"id": message["id"], "result": result})

    def wait_for(self, wanted: Callable[[Message], bool], what: str) -> Message:
        """The next notification that `wanted` accepts; the others are dropped."""
        deadline = time.monotonic() + self.timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                message = self.notifications.get(timeout=left)
            except queue.Empty:
                break
            if message is None:
                raise LspError(
                    f"the server stopped while the client waited for {what}{self._said()}"
                )
            if wanted(message):
                return message
        raise LspError(f"no {what} in {self.timeout} s{self._said()}")

    def _said(self) -> str:
        text = b"".join(self._stderr[-20:]).decode("utf-8", "replace").strip()
        return f"; the server's error output:\n{text}" if text else ""

    # Ending

    def close(self) -> None:
        """shutdown, then exit; the process is ended if it does not leave by itself."""
        try:
            if self._process.poll() is None:
                self.request("shutdown", None)
                self.notify("exit", None)
                self._process.wait(timeout=self.timeout)
        except (LspError, OSError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait()
        finally:
            for stream in (self._process.stdin, self._process.stdout, self._process.stderr):
                if stream is not None:
                    stream.close()
