"""`spa-kiosk bench`: a shortened run produces every figure of the performance budget.

Only that the figures exist and are numbers is checked: how fast they are depends on the machine,
and the budget is for the bench itself to judge, not for a test. The bench runs as a technician
runs it on a kiosk PC: from the installed wheel (`installed_kiosk`, conftest.py), in a folder
outside the repository, on the default content that came with the install.
"""

from __future__ import annotations

import json
import math
import subprocess
from pathlib import Path

import pytest
from kioskproc import private_env

from kiosk.bench.metrics import KEYS

pytestmark = [pytest.mark.ui, pytest.mark.slow]


def test_a_smoke_run_reports_every_figure_as_a_number(
    installed_kiosk: Path, tmp_path: Path
) -> None:
    target = tmp_path / "bench.json"
    done = subprocess.run(
        [str(installed_kiosk), "bench", "--smoke", "--json", str(target)],
        cwd=tmp_path, env=private_env(tmp_path / "kiosk"), capture_output=True, text=True,
        timeout=300, check=False,
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
