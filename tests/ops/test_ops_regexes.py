"""Regular expressions kept between starts: the same patterns, made without compiling."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.ops import regexes

PATTERNS: list[tuple[str | bytes, int]] = [
    (r"(?P<key>\w+)\s*=\s*(?P<value>.*)$", 0),
    (r"^\s*#.*?coding[:=][ \t]*([-\w.]+)", re.MULTILINE),
    (r"spa|SAUNA", re.IGNORECASE),
    (
        r"""
        \b (typing\.Optional | typing\.Union)  # a word
        \s* (?= \[ )                           # before a bracket
        """,
        re.VERBOSE,
    ),
    (rb"^[ \t\f]*(?:[#\r\n]|$)", 0),
    (r"(a)(b)?(?:c)(?P<d>d)\2?", re.ASCII | re.DOTALL),
]
SAMPLES: list[str | bytes] = [
    "minutes = 60", "# -*- coding: utf-8 -*-", "Spa and Sauna", "x: typing.Optional[int]",
    b"  # comment", b"code", "abd", "abcd", "ab\ncdd", "",
]


@pytest.fixture(autouse=True)
def fresh_re(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts like a fresh process: nothing compiled, nothing kept."""
    monkeypatch.setattr(re, "_cache", {})
    monkeypatch.setattr(regexes, "_kept", {})
    monkeypatch.setattr(regexes, "_unkept", set())
    monkeypatch.setattr(regexes, "_read", set())
    yield


def forget() -> None:
    """As in the next process: `re` and this module remember nothing."""
    re._cache.clear()  # type: ignore[attr-defined]
    regexes._kept.clear()
    regexes._unkept.clear()
    regexes._read.clear()


def no_compiling(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    compiled: list[Any] = []
    real = re._compiler.compile  # type: ignore[attr-defined]

    def counting(pattern: Any, flags: int = 0) -> Any:
        compiled.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(re._compiler, "compile", counting)  # type: ignore[attr-defined]
    return compiled


def results(pattern: re.Pattern[Any]) -> list[Any]:
    found = []
    for sample in SAMPLES:
        if isinstance(sample, str) == isinstance(pattern.pattern, str):
            match = pattern.search(sample)
            found.append(match and (match.span(), match.groups(), match.groupdict()))
    return found


def test_patterns_kept_come_back_the_same_without_being_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "regexes.marshal"
    first = {(p, f): re.compile(p, f) for p, f in PATTERNS}
    assert regexes.keep(path) == len(PATTERNS)
    forget()

    assert regexes.warm(path) == len(PATTERNS)
    assert regexes.warm(path) == 0  # read once (the standalone build's hook, then the command)
    compiled = no_compiling(monkeypatch)
    for (pattern, flags), before in first.items():
        again = re.compile(pattern, flags)
        assert again == before  # the engine compares flags and the whole program
        assert (again.flags, again.groups, again.groupindex) == (
            before.flags, before.groups, before.groupindex,
        )
        assert results(again) == results(before)
    assert compiled == []


def test_the_file_is_written_only_when_something_new_was_compiled(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "regexes.marshal"  # the folder is made when needed
    re.compile(r"one\d+")
    assert regexes.keep(path) == 1
    written = path.stat().st_mtime_ns
    forget()
    regexes.warm(path)
    re.compile(r"one\d+")
    assert regexes.keep(path) == 0
    assert path.stat().st_mtime_ns == written
    re.compile(r"two\d+")
    assert regexes.keep(path) == 2  # the file's own and the new one
    forget()
    assert regexes.warm(path) == 2


def test_a_damaged_or_foreign_file_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "regexes.marshal"
    for pattern, flags in PATTERNS:
        re.compile(pattern, flags)
    regexes.keep(path)
    data = path.read_bytes()
    damaged = {
        "missing": None,
        "empty": b"",
        "cut short": data[: len(data) // 2],
        "one byte changed": data[:100] + bytes([data[100] ^ 1]) + data[101:],
        "not ours": b"\x00\x01 spa kiosk",
    }
    for why, content in damaged.items():
        forget()
        if content is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(content)
        assert regexes.warm(path) == 0, why
        assert re._cache == {}, why  # type: ignore[attr-defined]
    # Written by another Python (or regex engine): not used, and written again after the start.
    forget()
    monkeypatch.setattr(regexes, "_tag", lambda: "cpython-399 another")
    path.write_bytes(data)
    assert regexes.warm(path) == 0
    re.compile(r"\d+")
    assert regexes.keep(path) == 1


def test_at_most_limit_patterns_are_kept_the_newest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(regexes, "LIMIT", 5)
    path = tmp_path / "regexes.marshal"
    for number in range(8):
        re.compile(rf"kiosk{number}")
    assert regexes.keep(path) == 5
    forget()
    assert regexes.warm(path) == 5
    assert sorted(key[1] for key in re._cache) == [  # type: ignore[attr-defined]
        f"kiosk{number}" for number in range(3, 8)
    ]


def test_a_folder_that_cannot_be_written_only_means_compiling(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    re.compile(r"x+")
    assert regexes.keep(blocked / "regexes.marshal") == 0


def test_qt_bindings_import_without_compiling_once_kept(tmp_path: Path) -> None:
    """The reason for all this: importing PySide6 compiles shiboken's large patterns (~40 ms of
    a start on a 2-core PC). Two fresh processes: one keeps them, the next compiles nothing."""
    path = tmp_path / "regexes.marshal"
    script = textwrap.dedent(
        f"""
        import re, sys
        from pathlib import Path
        from kiosk.ops import regexes
        path = Path({str(path)!r})
        regexes.warm(path)
        compiled = []
        real = re._compiler.compile
        re._compiler.compile = lambda p, f=0: compiled.append(p) or real(p, f)
        import PySide6.QtCore
        print(len(compiled), sum(len(p) for p in compiled), regexes.keep(path))
        """
    )

    def run() -> list[int]:
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
            check=True,
        )
        return [int(word) for word in done.stdout.split()]

    count, length, kept = run()
    if count == 0:
        pytest.skip("this PySide6 compiles no regular expressions on import")
    assert length > 1000 and kept >= count  # shiboken's signature patterns are large
    assert run()[:2] == [0, 0]


def test_nothing_is_left_behind_when_the_file_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: Path, data: bytes) -> int:
        with self.open("wb") as stream:
            stream.write(data[:10])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    re.compile(r"y+")
    folder = tmp_path / "kept"
    assert regexes.keep(folder / "regexes.marshal") == 0
    assert list(folder.iterdir()) == []
