"""The bench's figures: each key, what it measures, its unit and its budget on a kiosk PC.

The budget is for the kiosk as a kiosk PC without a GPU runs it (here: 2 cores, Mesa's
llvmpipe, an X server in memory at 1920x1080): full screen, with the renderer the kiosk
chooses. `PEER_METRICS` compare it with a browser kiosk showing the same content, measured in
the same run, interleaved, with the same instruments from outside both (medians, kiosk/peer).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Metric:
    key: str
    what: str
    unit: str
    budget: float | None
    """None: no budget of its own (it is judged against the browser kiosk: PEER_METRICS)."""

    def met(self, value: float) -> bool | None:
        """Whether `value` is within the budget (None: there is none)."""
        return None if self.budget is None else value <= self.budget


METRICS = (
    Metric("first_frame_ms", "process start to the first frame of the first slide, median",
           "ms", 350),
    Metric("first_picture_ms", "process start to its first slide on the screen, seen in the "
           "screen's pixels from outside, median", "ms", None),
    Metric("pss_mib", "memory of the whole process tree (PSS) on the attract loop, median",
           "MiB", None),
    Metric("attract_cpu_percent", "CPU of the whole process tree over the attract loop, whole "
           "slides of 8 s, of one core, median", "%", None),
    Metric("peak_rss_mib", "peak memory over a start, 20 slides and 3 full journeys", "MiB", 120),
    Metric("tap_to_frame_ms_p95", "tap on an option or Next until the frame showing it, p95",
           "ms", 33),
    Metric("transition_frame_ms_p50", "frame-to-frame interval in slide cross-fades, p50", "ms",
           17),
    Metric("transition_frame_ms_p99", "frame-to-frame interval in slide cross-fades, p99", "ms",
           20),
    Metric("frames_between_fades", "frames Qt's render loop logs between two slide changes "
           "(nothing changes on the screen then)", "frames", 0),
    Metric("idle_cpu_percent", "CPU of the kiosk's own process on the attract loop (8 s "
           "slides), of one core", "%", 5),
    Metric("check_ms", "load and check the large content set, median", "ms", 300),
    Metric("reload_max_stall_ms", "longest UI-thread stall while the large set reloads live",
           "ms", 20),
    Metric("rss_growth_mib", "memory added by 10,000 slide changes and 1,000 journeys", "MiB", 3),
)
KEYS = tuple(metric.key for metric in METRICS)

PEER_METRICS = (
    Metric("attract_cpu_ratio", "attract-loop CPU of the process tree, kiosk / browser kiosk",
           "x", 0.3),
    Metric("pss_ratio", "memory (PSS of the process tree), kiosk / browser kiosk", "x", 0.3),
    Metric("first_picture_ratio", "start to the first picture on screen, kiosk / browser kiosk",
           "x", 0.5),
)
PEER_KEYS = tuple(metric.key for metric in PEER_METRICS)
PEER_SOURCES = {
    "attract_cpu_ratio": "cpu_percent",
    "pss_ratio": "pss_mib",
    "first_picture_ratio": "first_picture_ms",
}
"""Each ratio, and the figure of one run it is the ratio of (see outside.measure)."""
