"""A short soak: the attract loop and scripted guests for simulated hours, clean and flat."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from kioskkit import write_test_content
from PySide6.QtGui import QGuiApplication, QImage

from kiosk.cli import main

pytestmark = pytest.mark.ui


def test_a_short_soak_is_clean(qapp: QGuiApplication, tmp_path: Path) -> None:
    folder = write_test_content(tmp_path)
    out = tmp_path / "soak"
    code = main(
        ["soak", "--content", str(folder), "--hours", "1", "--speed", "4000", "--out", str(out)]
    )
    report = json.loads((out / "soak.json").read_text())
    assert code == 0, report["first_messages"]
    assert report["clean"] and report["errors"] == 0 and report["qt_warnings"] == 0
    assert report["slides_shown"] > 300  # 5-second slides for an hour, minus guests' time
    assert (
        report["journeys"] == 3
        and report["finished"] + report["consult"] + report["abandoned"] == 3
    )
    assert len(report["memory"]) >= 6
    assert QImage(str(out / "memory.png")).width() == 1600


def test_without_out_the_report_goes_to_a_new_temporary_folder(
    qapp: QGuiApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = write_test_content(tmp_path / "spa")
    working, temporary = tmp_path / "working", tmp_path / "temporary"
    working.mkdir()
    temporary.mkdir()
    monkeypatch.chdir(working)
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))  # where tempfile makes folders
    code = main(["soak", "--content", str(folder), "--hours", "0.05", "--speed", "4000"])
    assert code == 0
    assert list(working.iterdir()) == []  # nothing written into the working folder
    (out,) = temporary.iterdir()
    assert sorted(path.name for path in out.iterdir()) == ["memory.png", "soak.json"]
    assert f"wrote {out / 'soak.json'}" in capsys.readouterr().out
