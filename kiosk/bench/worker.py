"""One bench measurement in a fresh process: `spa-kiosk bench-worker PHASE [options]`.

Prints progress to stderr and, last, one line `BENCH-RESULT {json}` on stdout. The phases that
time start-up or idle CPU start the real kiosk (real_kiosk.py: `spa-kiosk run --windowed`), so
they measure exactly what a kiosk PC runs; the others drive a `KioskWindow` in this process
(in_process.py). This module is what the bench (measure.py) and its workers share; the command
line imports it at every start, so it imports nothing heavy, and runs a phase by importing only
that phase's module (kiosk.cli: the start being measured must not load the bench's Qt helpers).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from typing import Any

STARTED = time.monotonic()
"""When the kiosk's own modules began to load: `kiosk.cli` imports this one first of them (what
it imports above, the command line has imported already)."""

BENCH_WORKER = "bench-worker"
"""The hidden command of `spa-kiosk` that runs one phase (kiosk.cli)."""
RESULT_PREFIX = "BENCH-RESULT "
SIZE = (1920, 1080)
GROWTH_SIZE = (960, 540)
ENV_T0 = "SPA_KIOSK_BENCH_T0"
RENDERLOOP = "qt.scenegraph.time.renderloop"
"""Qt's render-loop timing log: one message per frame rendered, from every render loop
(basic, threaded, software). The `idle` phase is started with it turned on."""

REAL_KIOSK_PHASES = ("startup", "idle")
"""Measured on the kiosk as `spa-kiosk run` starts it (real_kiosk.py)."""
IN_PROCESS_PHASES = ("taps", "transitions", "growth", "check", "reload")
"""Measured on a kiosk window (or the content) in the worker's own process (in_process.py)."""


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The worker's command line."""
    parser = argparse.ArgumentParser(prog=f"spa-kiosk {BENCH_WORKER}")
    parser.add_argument("phase", choices=sorted(REAL_KIOSK_PHASES + IN_PROCESS_PHASES))
    parser.add_argument("--content", required=True)
    parser.add_argument("--count", type=int, default=1, help="how many times (taps, runs...)")
    parser.add_argument("--journeys", type=int, default=0)
    parser.add_argument("--slides", type=int, default=20, help="startup --scenario: slides")
    parser.add_argument("--seconds", type=float, default=0.0)
    parser.add_argument("--scenario", action="store_true", help="startup: 20 slides, journeys")
    return parser.parse_args(argv)


def emit(result: dict[str, Any]) -> None:
    """The phase's figures, as the last line of its output."""
    sys.stdout.write(RESULT_PREFIX + json.dumps(result) + "\n")
    sys.stdout.flush()
