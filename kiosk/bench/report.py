"""The bench's table for people, and its JSON for scripts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kiosk.bench.metrics import METRICS


def table(figures: dict[str, Any]) -> str:
    """One line per figure with its budget and whether it is met, then where it was measured."""
    meta = figures.get("meta", {})
    rows = [("figure", "measured", "budget", "met")]
    for metric in METRICS:
        value = figures[metric.key]
        rows.append((
            metric.key,
            f"{value:.1f} {metric.unit}",
            f"<= {metric.budget:g} {metric.unit}",
            "yes" if metric.met(value) else "NO",
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        "  ".join(
            cell.rjust(widths[i]) if i in (1, 2) else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    unmet = [m.key for m in METRICS if not m.met(figures[m.key])]
    lines.append("")
    lines.append(
        f"{len(METRICS) - len(unmet)} of {len(METRICS)} budgets met"
        + (f"; not met: {', '.join(unmet)}" if unmet else "")
    )
    machine = meta.get("machine", {})
    lines += [
        f"machine: {machine.get('cpu')}, {machine.get('cores')} cores, "
        f"{machine.get('memory_gib')} GiB; {machine.get('os')}; Python {machine.get('python')}",
        f"Qt {meta.get('qt')} (PySide6 {meta.get('pyside')}), platform {meta.get('qt_platform')}, "
        f"renderer {meta.get('renderer')} ({meta.get('scene_graph_backend')} scene graph)",
        f"screen: window {meta.get('window')} on a {meta.get('screen')} screen",
        _steadiness_line(meta.get("steadiness") or {}),
        _startup_line(meta.get("startup") or {}, figures.get("first_frame_ms")),
        f"content: {meta.get('content')}",
        f"large set: {meta.get('large_set')}",
        f"plan: {meta.get('plan')}; load average before {meta.get('load_average_before')}, "
        f"after {meta.get('load_average_after')}; took {meta.get('bench_seconds')} s",
    ]
    return "\n".join(lines)


def _startup_line(startup: dict[str, Any], first_frame: Any) -> str:
    parts = ("python_up_ms_median", "modules_ms_median", "window_ms_median")
    if not all(isinstance(startup.get(part), int | float) for part in parts):
        return "start-up: parts not measured"
    up, modules, window = (startup[part] for part in parts)
    return (
        f"start-up (medians, from process start): Python up {up:.0f} ms, kiosk and Qt modules "
        f"imported {modules:.0f} ms, window and QML made {window:.0f} ms, first frame "
        f"{first_frame:.0f} ms"
    )


def _steadiness_line(steady: dict[str, float]) -> str:
    if "work_ms_p50" not in steady:
        return "steadiness: not measured"
    return (
        f"steadiness: a frame's worth of work (three 8 MiB copies) takes "
        f"{steady['work_ms_p50']:.1f} ms (median), {steady['work_ms_p99']:.1f} ms at p99 "
        f"({steady['p99_over_p50']:.1f}x; before the bench "
        f"{steady.get('p99_over_p50_before', 0):.1f}x, "
        f"after {steady.get('p99_over_p50_after', 0):.1f}x); "
        "the p99 and stall figures swing with it"
    )


def write_json(figures: dict[str, Any], target: Path) -> None:
    target.write_text(json.dumps(_rounded(figures), indent=2) + "\n", encoding="utf-8")


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_rounded(item) for item in value]
    return value
