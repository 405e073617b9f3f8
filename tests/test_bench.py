"""`spa-kiosk bench`: a shortened run produces every figure of the performance budget.

Only that the figures exist and are numbers is checked: how fast they are depends on the machine,
and the budget is for the bench itself to judge, not for a test.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.bench.metrics import KEYS

pytestmark = pytest.mark.ui

REPO = Path(__file__).resolve().parent.parent


def test_a_smoke_run_reports_every_figure_as_a_number(tmp_path: Path) -> None:
    target = tmp_path / "bench.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_QUICK_BACKEND": "software",
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "bench", "--smoke", "--json", str(target),
         "--content", str(REPO / "content")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=110, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]

    figures = json.loads(target.read_text(encoding="utf-8"))
    assert set(figures) == {*KEYS, "meta"}
    for key in KEYS:
        value = figures[key]
        assert isinstance(value, int | float) and not isinstance(value, bool), (key, value)
        assert math.isfinite(value), (key, value)
    meta = figures["meta"]
    assert meta["plan"] == "smoke"
    for detail in ("machine", "qt", "renderer", "window", "large_set"):
        assert meta[detail], detail
    steady = meta["steadiness"]  # measured before and after: the worse of the two
    assert steady["p99_over_p50"] == max(
        steady["p99_over_p50_before"], steady["p99_over_p50_after"]
    )
    assert steady["work_ms_p99"] >= steady["work_ms_p50"] > 0
    startup = meta["startup"]  # the parts of a start come one after the other
    assert 0 < startup["python_up_ms_median"] < startup["modules_ms_median"]
    assert startup["modules_ms_median"] < startup["window_ms_median"] < figures["first_frame_ms"]

    table = done.stdout
    for key in KEYS:
        assert key in table  # one line each, with its budget and whether it is met
    assert "budgets met" in table
    assert "steadiness: a frame's worth of work" in table
    assert "start-up (medians, from process start): Python up" in table
