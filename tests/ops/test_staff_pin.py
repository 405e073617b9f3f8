"""The staff PIN: right, wrong, growing lockouts that survive a restart, and never in plain text."""

from __future__ import annotations

import io
import json
import os
import stat
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.ops.staff_pin import MAX_LOCK_SECONDS, PinResult, PinStatus, PinStore, lock_seconds

T0 = 1_800_000_000.0  # some wall-clock moment
OK = PinResult(PinStatus.OK)


@pytest.fixture
def store(ops_dirs: Path) -> PinStore:
    pins = PinStore()
    pins.set_pin("2468")
    return pins


def test_no_pin_set_yet(ops_dirs: Path) -> None:
    pins = PinStore()
    assert not pins.is_set()
    assert pins.check("2468", T0) == PinResult(PinStatus.NO_PIN)
    assert pins.status(T0).status is PinStatus.NO_PIN


def test_right_and_wrong_pins(store: PinStore) -> None:
    assert store.is_set()
    assert store.check("2468", T0) == OK
    assert store.check("1357", T0) == PinResult(PinStatus.WRONG, attempts_left=2)
    assert store.check("24680", T0) == PinResult(PinStatus.WRONG, attempts_left=1)
    assert store.check("2468", T0) == OK  # a right PIN forgives the wrong ones
    assert store.check("", T0) == PinResult(PinStatus.WRONG, attempts_left=2)
    assert store.check("abcd", T0) == PinResult(PinStatus.WRONG, attempts_left=1)


def test_wrong_pins_lock_the_pad_for_growing_delays(store: PinStore) -> None:
    now = T0
    assert store.check("0000", now).status is PinStatus.WRONG
    assert store.check("0000", now).status is PinStatus.WRONG
    assert store.check("0000", now) == PinResult(PinStatus.LOCKED, seconds_left=30)
    # While locked, even the right PIN is not tried.
    assert store.check("2468", now + 10) == PinResult(PinStatus.LOCKED, seconds_left=20)
    assert store.status(now + 10) == PinResult(PinStatus.LOCKED, seconds_left=20)
    for delay in (60, 120, 240):
        now += 1000
        assert store.check("1111", now) == PinResult(PinStatus.LOCKED, seconds_left=delay)
    now += 1000
    assert store.check("2468", now) == OK  # after the lock, the right PIN works and resets all
    assert store.check("1111", now) == PinResult(PinStatus.WRONG, attempts_left=2)


def test_lock_delays_are_capped_at_an_hour() -> None:
    assert [lock_seconds(n) for n in range(1, 7)] == [0, 0, 30, 60, 120, 240]
    assert lock_seconds(9) == 1920
    assert lock_seconds(10) == lock_seconds(500) == MAX_LOCK_SECONDS == 3600


def test_the_lockout_survives_a_restart(store: PinStore) -> None:
    for _ in range(3):
        store.check("9999", T0)
    restarted = PinStore(store.path)  # a new process reads the same file
    assert restarted.check("2468", T0 + 5) == PinResult(PinStatus.LOCKED, seconds_left=25)
    assert restarted.check("9999", T0 + 31) == PinResult(PinStatus.LOCKED, seconds_left=60)
    assert PinStore(store.path).check("2468", T0 + 31 + 61) == OK


def test_a_clock_that_jumps_back_cannot_lengthen_the_lock(store: PinStore) -> None:
    for _ in range(3):
        store.check("9999", T0)
    day_earlier = T0 - 86_400
    assert store.check("2468", day_earlier) == PinResult(PinStatus.LOCKED, seconds_left=30)
    assert store.check("2468", day_earlier + 31) == OK


def test_the_file_holds_a_salted_scrypt_hash_only_and_is_private(ops_dirs: Path) -> None:
    pins = PinStore()
    pin = "73915062"
    pins.set_pin(pin)
    text = pins.path.read_text()
    assert pin not in text
    data = json.loads(text)
    assert data["pin"]["kdf"] == "scrypt" and data["pin"]["n"] == 2**14
    assert len(bytes.fromhex(data["pin"]["salt"])) == 16
    if os.name == "posix":
        assert stat.S_IMODE(pins.path.stat().st_mode) == 0o600
    other = PinStore(ops_dirs / "data" / "other.json")
    other.set_pin(pin)
    assert json.loads(other.path.read_text())["pin"]["hash"] != data["pin"]["hash"]  # salted
    assert [p.name for p in pins.path.parent.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("bad", ["123", "123456789", "12a4", " 1234", "١٢٣٤", ""])
def test_a_pin_must_be_4_to_8_digits(ops_dirs: Path, bad: str) -> None:
    with pytest.raises(ValueError, match="4 to 8 digits"):
        PinStore().set_pin(bad)
    assert not PinStore().is_set()


def test_a_damaged_file_never_opens_the_panel(store: PinStore) -> None:
    data = json.loads(store.path.read_text())
    data["pin"]["salt"] = "not hex"
    store.path.write_text(json.dumps(data))
    assert store.check("2468", T0).status is PinStatus.NO_PIN
    store.path.write_text("{ half a file")
    assert store.check("2468", T0).status is PinStatus.NO_PIN


def test_set_pin_command_reads_one_line_from_a_pipe(
    ops_dirs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("2468\n"))
    assert main(["set-pin"]) == 0
    out = capsys.readouterr().out
    assert str(ops_dirs / "data" / "staff-pin.json") in out and "2468" not in out
    assert PinStore().check("2468", T0) == OK

    monkeypatch.setattr(sys, "stdin", io.StringIO("12\n"))
    assert main(["set-pin"]) == 1
    assert "4 to 8 digits" in capsys.readouterr().err
    assert PinStore().check("2468", T0) == OK  # unchanged


def test_set_pin_command_asks_twice_on_a_terminal(
    ops_dirs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers = iter(["1357", "1375"])
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["set-pin"]) == 1
    assert "differ" in capsys.readouterr().err
    assert not PinStore().is_set()
    answers = iter(["1357", "1357"])
    assert main(["set-pin"]) == 0
    assert PinStore().check("1357", T0) == OK


def test_pins_never_reach_the_log(ops_dirs: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    pins = PinStore()
    pins.set_pin("86429753")
    pins.check("86429753", T0)
    pins.check("31415926", T0)
    assert "staff PIN" in caplog.text
    assert "86429753" not in caplog.text and "31415926" not in caplog.text
