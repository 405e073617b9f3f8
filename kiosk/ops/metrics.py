"""`spa-kiosk run --metrics FILE`: the kiosk's status as Prometheus metrics, in the text format
node_exporter's textfile collector reads (`--collector.textfile.directory`), see docs/fleet.md.

The kiosk writes the file at start, once a minute, and at a clean stop (with `spa_kiosk_up 0`).
It is written whole or not at all: into a temporary file in the same folder, then renamed over
the old one, so the collector never reads half a file. The metrics hold no guest's data: today's
counts are whole-day totals, as the staff panel shows them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

log = logging.getLogger("kiosk.metrics")

ENV_METRICS = "SPA_KIOSK_METRICS_FILE"
INTERVAL_SECONDS = 60
FILE_MODE = 0o644
"""node_exporter runs as a user of its own and must read the file (the kiosk's unit has
UMask=0077)."""
FRAME_BUCKETS = (1 / 60, 1 / 30, 0.05, 0.1, 0.25, 0.5, 1.0)
"""Upper bounds (seconds) of the frame-interval histogram: a frame within 1/60 s of the one
before it is smooth, beyond 0.1 s a fade visibly stutters."""


def metrics_path(given: str | None) -> Path | None:
    """The file of --metrics, else of $SPA_KIOSK_METRICS_FILE; None: no metrics."""
    text = given or os.environ.get(ENV_METRICS, "").strip()
    return Path(text).expanduser().absolute() if text else None


def _label(value: object) -> str:
    text = str(value).replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')
    return f'"{text}"'


def _labels(labels: Mapping[str, object]) -> str:
    if not labels:
        return ""
    return "{" + ",".join(f"{key}={_label(value)}" for key, value in labels.items()) + "}"


def _number(value: float) -> str:
    return repr(float(value)) if isinstance(value, float) else str(value)


class _Text:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def family(
        self, name: str, kind: str, help_text: str,
        samples: Iterable[tuple[Mapping[str, object], float]],
    ) -> None:
        self.lines += [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}"]
        self.lines += [f"{name}{_labels(labels)} {_number(value)}" for labels, value in samples]

    def gauge(self, name: str, help_text: str, value: float | None) -> None:
        if value is not None:
            self.family(name, "gauge", help_text, [({}, value)])


def render(status: Mapping[str, Any], up: bool = True) -> str:
    """The metrics text for a status as `spa-kiosk status --json` gives it."""
    out = _Text()
    out.gauge("spa_kiosk_up", "1 while the kiosk runs; 0 once it has stopped cleanly.", int(up))
    out.family("spa_kiosk_info", "gauge", "The kiosk's version, renderer and content folder.", [(
        {
            "version": status.get("version", ""),
            "renderer": status.get("renderer", ""),
            "content_folder": status.get("content_folder", ""),
        },
        1,
    )])
    out.gauge("spa_kiosk_uptime_seconds", "Seconds since the kiosk started.",
              status.get("uptime_s"))
    out.gauge("spa_kiosk_content_loaded_timestamp_seconds",
              "When the content on screen was loaded (Unix time).",
              status.get("content_loaded_unix"))
    out.gauge("spa_kiosk_content_age_seconds", "Seconds since the content on screen was loaded.",
              status.get("content_age_s"))
    problems = list(status.get("problems") or [])
    errors = sum(1 for line in problems if is_error_line(line))
    out.family("spa_kiosk_content_problems", "gauge",
               "Problems the content check finds now (as `spa-kiosk check` lists them).",
               [({"severity": "error"}, errors), ({"severity": "warning"}, len(problems) - errors)])
    out.gauge("spa_kiosk_showing_default_content",
              "1 while the built-in content is shown because the spa's cannot be.",
              int(bool(status.get("showing_default"))))
    today = status.get("today") or {}
    finished = int(today.get("journeys_finished", 0))
    consult = int(today.get("consult", 0))
    out.gauge("spa_kiosk_journeys_started_today", "Journeys begun today (local time).",
              int(today.get("journeys_started", 0)))
    out.family("spa_kiosk_journeys_today", "gauge",
               "Journeys ended today, by outcome (a journey is counted once it has ended).", [
                   ({"outcome": "package"}, finished - consult),
                   ({"outcome": "talk_to_us"}, consult),
                   ({"outcome": "abandoned"}, int(today.get("abandoned", 0))),
               ])
    out.gauge("spa_kiosk_slides_shown_today", "Slides shown today.",
              int(today.get("slides_shown", 0)))
    rss = status.get("rss_mib")
    out.gauge("spa_kiosk_resident_memory_bytes", "The kiosk's resident memory (RSS).",
              round(rss * 1024 * 1024) if isinstance(rss, int | float) else None)
    frames = status.get("frames")
    if isinstance(frames, int):
        out.family("spa_kiosk_frames_total", "counter", "Frames drawn since the start.",
                   [({}, frames)])
    times = status.get("frame_times")
    if isinstance(times, Mapping):
        _histogram(out, times)
    out.gauge("spa_kiosk_last_touch_seconds", "Seconds since a guest last touched the screen.",
              status.get("last_touch_s"))
    is_open = bool(status.get("open", True))
    out.gauge("spa_kiosk_open", "1 while the kiosk is open, 0 while it sleeps.", int(is_open))
    return "\n".join(out.lines) + "\n"


def _histogram(out: _Text, times: Mapping[str, Any]) -> None:
    name = "spa_kiosk_frame_interval_seconds"
    count = int(times.get("count", 0))
    out.lines += [
        f"# HELP {name} Time between one frame and the next while the screen moves.",
        f"# TYPE {name} histogram",
    ]
    for bound, below in times.get("buckets") or []:
        out.lines.append(f'{name}_bucket{{le="{_bound(bound)}"}} {int(below)}')
    out.lines += [
        f'{name}_bucket{{le="+Inf"}} {count}',
        f"{name}_sum {_number(float(times.get('sum', 0.0)))}",
        f"{name}_count {count}",
    ]


def _bound(bound: float) -> str:
    return f"{bound:.6g}"


def is_error_line(line: str) -> bool:
    """A problem line of `spa-kiosk check` (or the content status) that is an error."""
    return line.startswith("error:") or ": error:" in line


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` in one step (temporary file in the same folder, then rename);
    raises OSError, leaving no temporary file behind."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


class MetricsFile:
    """The metrics file of one kiosk: written on `write`, one warning when it cannot be, and a
    line when it can again."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._failing = False

    def write(self, status: Mapping[str, Any], up: bool = True) -> bool:
        try:
            write_atomically(self.path, render(status, up))
        except OSError as exc:
            if not self._failing:
                log.warning("cannot write the metrics file %s (%s); trying again each minute",
                            self.path, exc)
            self._failing = True
            return False
        if self._failing:
            log.info("writing the metrics file %s again", self.path)
            self._failing = False
        return True
