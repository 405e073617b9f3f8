"""`spa-kiosk bench`: how fast the kiosk starts, how smooth it stays and how small, on this PC,
shown the way this PC shows it (full screen on its display, with the renderer the kiosk chooses).

Each measurement runs in a fresh process (`spa-kiosk bench-worker PHASE ...`, or the kiosk's
own `spa-kiosk run`), so start-up is measured the way the kiosk really starts and one
measurement cannot warm up another. `measure.py` runs them and `report.py` prints the table;
`worker.py` starts one: on the real kiosk (`real_kiosk.py`) or in its own process
(`in_process.py`, with the Qt helpers of `qtkit.py`);
`display.py` finds the display (or starts an Xvfb); `outside.py` measures a program from
outside, with `screen.py` (the screen's pixels) and `tree.py` (its process tree's memory and
CPU); `peer.py` builds the browser kiosk it is compared with; `largeset.py` writes the large
content set that `check` and live reload are measured with; `metrics.py` names the figures and
their budgets. Nothing is imported here: the start-up measurement runs through this package,
and should time the kiosk, not the bench.
"""
