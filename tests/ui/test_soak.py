"""A short soak: the attract loop and scripted guests for simulated hours, clean and flat."""

from __future__ import annotations

import json
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
