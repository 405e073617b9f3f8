"""`spa-kiosk bench`: how fast the kiosk starts, how smooth it stays and how small, on this PC.

Each measurement runs in a fresh process (`spa-kiosk bench-worker PHASE ...`), so
start-up is measured the way the kiosk really starts and one measurement cannot warm up another.
`measure.py` runs them and `report.py` prints the table; `largeset.py` writes the large content
set that `check` and live reload are measured with; `metrics.py` names the figures and their
budgets. Nothing is imported here: the start-up measurement runs through this package, and
should time the kiosk, not the bench.
"""
