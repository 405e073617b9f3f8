"""The bench's figures: each key, what it measures, its unit and its budget on a kiosk PC."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Metric:
    key: str
    what: str
    unit: str
    budget: float

    def met(self, value: float) -> bool:
        return value <= self.budget


METRICS = (
    Metric("first_frame_ms", "process start to the first frame of the first slide, median",
           "ms", 350),
    Metric("peak_rss_mib", "peak memory over a start, 20 slides and 3 full journeys", "MiB", 120),
    Metric("tap_to_frame_ms_p95", "tap on an option or Next until the frame showing it, p95",
           "ms", 33),
    Metric("transition_frame_ms_p50", "frame-to-frame interval in slide cross-fades, p50", "ms",
           17),
    Metric("transition_frame_ms_p99", "frame-to-frame interval in slide cross-fades, p99", "ms",
           20),
    Metric("idle_cpu_percent", "CPU of one core on the attract loop (8 s slides)", "%", 5),
    Metric("check_ms", "load and check the large content set, median", "ms", 300),
    Metric("reload_max_stall_ms", "longest UI-thread stall while the large set reloads live",
           "ms", 20),
    Metric("rss_growth_mib", "memory added by 10,000 slide changes and 1,000 journeys", "MiB", 3),
)
KEYS = tuple(metric.key for metric in METRICS)
