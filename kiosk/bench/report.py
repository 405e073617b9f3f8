"""The bench's table for people, and its JSON for scripts."""

from __future__ import annotations

import json
import statistics
from pathlib import Path
from typing import Any

from kiosk.bench.metrics import METRICS, PEER_METRICS


def table(figures: dict[str, Any]) -> str:
    """One line per figure with its budget and whether it is met, the browser kiosk beside the
    kiosk where it was measured, then where it was measured (every figure marked offscreen
    where it was)."""
    meta = figures.get("meta", {})
    offscreen = bool(meta.get("offscreen"))
    mark = " [offscreen]" if offscreen else ""
    rows = [("figure", "measured", "budget", "met")]
    judged = []
    for metric in METRICS:
        value = figures[metric.key]
        met = None if value is None else metric.met(value)
        rows.append((
            metric.key,
            "not measured" if value is None else f"{value:.1f} {metric.unit}{mark}",
            "-" if metric.budget is None else f"<= {metric.budget:g} {metric.unit}",
            "-" if met is None else "yes" if met else "NO",
        ))
        if met is not None:
            judged.append((metric.key, met))
    peer = (meta.get("outside") or {}).get("peer")
    peer_lines: list[str] = []
    if peer is not None:
        for metric in PEER_METRICS:
            value = figures.get(metric.key)
            met = None if value is None else metric.met(value)
            rows.append((
                metric.key,
                "not measured" if value is None else f"{value:.2f}{metric.unit}{mark}",
                f"<= {metric.budget:g}{metric.unit}",
                "-" if met is None else "yes" if met else "NO",
            ))
            if met is not None:
                judged.append((metric.key, met))
        peer_lines = _peer_lines(meta["outside"], mark)
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        "  ".join(
            cell.rjust(widths[i]) if i in (1, 2) else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    unmet = [key for key, met in judged if not met]
    lines.append("")
    lines.append(
        f"{len(judged) - len(unmet)} of {len(judged)} budgets met"
        + (f"; not met: {', '.join(unmet)}" if unmet else "")
    )
    if offscreen:
        lines.append(
            "OFFSCREEN: no display and no Xvfb here; no kiosk PC runs like this, so these "
            "figures do not say how a kiosk PC does"
        )
    lines += peer_lines
    machine = meta.get("machine", {})
    lines += [
        f"machine: {machine.get('cpu')}, {machine.get('cores')} cores, "
        f"{machine.get('memory_gib')} GiB; {machine.get('os')}; Python {machine.get('python')}",
        f"display: {(meta.get('display') or {}).get('description')}",
        f"Qt {meta.get('qt')} (PySide6 {meta.get('pyside')}), platform plugin "
        f"{meta.get('qt_platform')}, {meta.get('scene_graph_backend')} scene graph backend, "
        f"graphics API {meta.get('renderer')}",
        f"renderer: {meta.get('renderer_reason') or 'chosen by Qt (no choice logged)'}",
        _gl_line(meta),
        f"screen: {meta.get('screen')} at {meta.get('refresh_hz')} Hz; kiosk window "
        f"{meta.get('window')}",
        _steadiness_line(meta.get("steadiness") or {}),
        _startup_line(meta.get("startup") or {}, figures.get("first_frame_ms")),
        _idle_line(meta.get("idle") or {}),
        f"content: {meta.get('content')}",
        f"large set: {meta.get('large_set')}",
        f"plan: {meta.get('plan')}; load average before {meta.get('load_average_before')}, "
        f"after {meta.get('load_average_after')}; took {meta.get('bench_seconds')} s",
    ]
    return "\n".join(lines)


def _gl_line(meta: dict[str, Any]) -> str:
    if not meta.get("gl_renderer"):
        return "OpenGL: none asked or none usable on this display"
    use = "in use" if meta.get("gl_in_use") else "not used by the software renderer"
    return (
        f"OpenGL ({use}): {meta.get('gl_renderer')} by {meta.get('gl_vendor')}, "
        f"{meta.get('gl_version')}"
    )


def _idle_line(idle: dict[str, Any]) -> str:
    if "frames_logged" not in idle:
        return "attract loop: frames not counted"
    return (
        f"attract loop ({idle.get('seconds', 0):.0f} s, Qt's render-loop log): "
        f"{idle['frames_logged']} frames, {idle['fade_frames']} of them in "
        f"{idle['slide_changes']} slide changes; drawn between fades at "
        f"{idle.get('between_fades_at_s') or 'no time'} s"
    )


def _peer_lines(outside: dict[str, Any], mark: str) -> list[str]:
    """Kiosk and browser kiosk side by side: medians, and each start."""
    kiosk, peer = outside.get("kiosk") or [], outside.get("peer") or []
    rows = [("from outside, medians", "kiosk", "browser kiosk", "kiosk/browser")]
    for name, key, unit in (
        ("attract-loop CPU, process tree", "cpu_percent", "%"),
        ("memory, PSS of the process tree", "pss_mib", " MiB"),
        ("start to first picture on screen", "first_picture_ms", " ms"),
        ("X server CPU meanwhile", "x_server_cpu_percent", "%"),
        ("processes", "processes", ""),
    ):
        mine, theirs = _median(kiosk, key), _median(peer, key)
        ratio = f"{mine / theirs:.2f}x" if mine is not None and theirs else "-"
        rows.append((name, _cell(mine, unit), _cell(theirs, unit), ratio))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        "",
        f"side by side with {outside.get('browser')}{mark}, {len(kiosk)} starts each, "
        f"interleaved, CPU over {outside.get('attract_seconds'):g} s:",
    ]
    lines += [
        "  " + "  ".join(
            cell.rjust(widths[i]) if i else cell.ljust(widths[i]) for i, cell in enumerate(row)
        )
        for row in rows
    ]
    for name, runs in (("kiosk", kiosk), ("browser kiosk", peer)):
        each = "; ".join(
            f"{_cell(r['first_picture_ms'], ' ms')} / {r['cpu_percent']:.1f}% / "
            f"{r['pss_mib']:.0f} MiB" for r in runs
        )
        lines.append(f"  each start of the {name} (first picture / CPU / PSS): {each}")
    lines.append("")
    return lines


def _median(runs: list[dict[str, Any]], key: str) -> float | None:
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else None


def _cell(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    return f"{value:.1f}{unit}" if abs(value) < 100 else f"{value:.0f}{unit}"


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
