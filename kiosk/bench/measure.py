"""Run every bench measurement in fresh processes and gather the figures.

The parent shows no window of its own (it reads the kiosk's words from kiosk.ui, which loads
QtCore, for the browser's page). The kiosk is shown on this session's display, else on an Xvfb
the bench starts, else offscreen (display.py), full screen, with the renderer it chooses
there. Most figures come from `spa-kiosk bench-worker PHASE`; the first picture on screen, the
process tree's memory and its CPU over the attract loop are measured from outside, on the
kiosk (`spa-kiosk run`) and, with `--peer chromium`, on a browser kiosk showing the same
content, the two interleaved (outside.py). Every process gets the same environment a kiosk
gets, with private data, log, lock and cache folders, and no systemd socket.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from kiosk import __version__
from kiosk.bench.display import Display, DisplayError, display_for_bench
from kiosk.bench.largeset import write_large_set
from kiosk.bench.metrics import KEYS, PEER_SOURCES
from kiosk.bench.outside import OutsideError, Program, measure
from kiosk.bench.peer import BROWSERS, browser_command, build_page, find_browser
from kiosk.bench.screen import Screen, ScreenError
from kiosk.bench.worker import BENCH_WORKER, ENV_T0, RENDERLOOP, RESULT_PREFIX, SIZE
from kiosk.content.load import load_content
from kiosk.content.model import Content


@dataclass(frozen=True)
class Plan:
    """How much of each measurement to do."""

    name: str
    startups: int  # measured starts (after one warm-up start that fills the caches)
    peak_runs: int  # starts with 20 slides and 3 journeys, for peak memory
    taps: int
    transitions: int
    idle_seconds: float
    check_runs: int
    reloads: int
    growth_slides: int
    growth_journeys: int
    scenario_slides: int = 20  # for peak memory: slides and journeys after the start
    scenario_journeys: int = 3
    steadiness_rounds: int = 200
    rounds: int = 5  # starts measured from outside: the kiosk's (and the peer's, interleaved)
    attract_slides: float = 3  # of 8 s: the window the process tree's CPU is measured over
    settle_seconds: float = 3.0  # after the first picture, before that window
    warm_up: bool = True  # one start of each, not counted, to fill the caches


FULL = Plan("full", 7, 3, 200, 10, 40, 7, 5, 10_000, 1_000)
QUICK = Plan("quick", 5, 1, 200, 4, 16, 5, 3, 1_000, 100, rounds=3, attract_slides=2)
SMOKE = Plan(
    "smoke", 1, 1, 4, 1, 1, 1, 1, 20, 2,
    scenario_slides=2, scenario_journeys=1, steadiness_rounds=20,
    # One whole slide, so that both kiosks draw a cross-fade in it: over a quarter of a slide an
    # idle browser page could use no CPU at all, and the CPU ratio had nothing to divide by.
    rounds=1, attract_slides=1, settle_seconds=0.5, warm_up=False,
)
SLIDE_SECONDS = 8.0


class BenchError(Exception):
    """A worker failed; the message says which and why."""


def run_bench(
    content: Path, plan: Plan, progress: Callable[[str], None], peer: str | None = None,
    offscreen: bool = False,
) -> dict[str, Any]:
    """Every figure of the issue's table (keys in `metrics.KEYS`, with `peer` also
    `metrics.PEER_KEYS`) plus a "meta" object. `offscreen`: on Qt's offscreen platform even
    where there is a display (for comparison)."""
    browser = None
    if peer is not None:
        browser = find_browser(peer)
        if browser is None:
            raise BenchError(
                f"--peer {peer}: no Chromium or Chrome is installed here (looked for "
                f"{', '.join(BROWSERS)}); install one (Debian: apt-get install chromium) "
                "or leave out --peer"
            )
    try:
        with display_for_bench(offscreen=offscreen) as display:
            progress(f"display: {display.description}")
            if browser is not None and display.x11 is None:
                raise BenchError(
                    f"--peer {peer} needs an X display to watch both on ({display.description})"
                )
            return _run(content, plan, progress, display, browser)
    except (DisplayError, ScreenError, OutsideError) as exc:
        raise BenchError(str(exc)) from None


def _run(
    content: Path, plan: Plan, progress: Callable[[str], None], display: Display,
    browser: str | None,
) -> dict[str, Any]:
    began = time.monotonic()
    load_before = _load_average()
    steady_before = steadiness(plan.steadiness_rounds)
    with tempfile.TemporaryDirectory(prefix="spa-kiosk-bench-") as temp:
        tmp = Path(temp)
        env = worker_env(tmp, display)
        runner = _Runner(env, progress)
        progress("writing the large content set (500 slides, 100 questions, 100 packages)")
        large = write_large_set(tmp / "large")
        idle_content = _with_slide_seconds(content, SLIDE_SECONDS, tmp / "idle")

        progress(f"check of the large set, {plan.check_runs} times")
        check = runner.run("check", large, count=plan.check_runs)

        # The warm-up goes the whole way (slides and journeys): a kiosk compiles the QML of the
        # other screens and the code of a journey once, and keeps both; in the first measured
        # run that was ~3.5 MiB of its peak.
        progress("start-up: one start, slides and journeys to fill the caches")
        cold = runner.startup(
            content, scenario=True, slides=plan.scenario_slides, journeys=plan.scenario_journeys
        )
        starts = []
        for number in range(plan.startups):
            progress(f"start-up {number + 1}/{plan.startups}")
            starts.append(runner.startup(content, scenario=False))
        peaks = []
        for number in range(plan.peak_runs):
            progress(
                f"start, {plan.scenario_slides} slides and {plan.scenario_journeys} journeys "
                f"{number + 1}/{plan.peak_runs}"
            )
            peaks.append(runner.startup(
                content, scenario=True, slides=plan.scenario_slides,
                journeys=plan.scenario_journeys,
            ))

        outside = _outside_rounds(idle_content, plan, progress, display, env, browser, tmp)

        progress(f"{plan.taps} taps on options and Next")
        taps = runner.run("taps", content, count=plan.taps)
        progress(f"{plan.transitions} slide cross-fades at 1920x1080")
        fades = runner.run("transitions", content, count=plan.transitions)
        progress(
            f"idle CPU and frames over {plan.idle_seconds:g} s of attract loop with 8 s slides"
        )
        idle = runner.run(
            "idle", idle_content, seconds=plan.idle_seconds, env=_renderloop_logged(env)
        )
        progress(f"live reload of the large set, {plan.reloads} times")
        reload = runner.run("reload", large, count=plan.reloads)
        progress(
            f"memory: {plan.growth_slides:,} slide changes and {plan.growth_journeys:,} journeys"
        )
        growth = runner.run(
            "growth", content, count=plan.growth_slides, journeys=plan.growth_journeys
        )

    steady = least_steady(steady_before, steadiness(plan.steadiness_rounds))
    intervals = fades["transition_intervals_ms"]
    stalls = reload["reload_stall_ms"] + reload["swap_stall_ms"]
    kiosk_runs = outside["kiosk"]
    figures: dict[str, Any] = {
        "first_frame_ms": statistics.median(s["first_frame_ms"] for s in starts),
        "first_picture_ms": _median(r["first_picture_ms"] for r in kiosk_runs),
        "pss_mib": _median(r["pss_mib"] for r in kiosk_runs),
        "attract_cpu_percent": _median(r["cpu_percent"] for r in kiosk_runs),
        "peak_rss_mib": statistics.median(p["peak_rss_mib"] for p in peaks),
        "tap_to_frame_ms_p95": percentile(taps["tap_ms"], 95),
        "transition_frame_ms_p50": percentile(intervals, 50),
        "transition_frame_ms_p99": percentile(intervals, 99),
        "frames_between_fades": idle["frames_between_fades"],
        "idle_cpu_percent": idle["idle_cpu_percent"],
        "check_ms": statistics.median(check["check_ms"]),
        "reload_max_stall_ms": max(stalls),
        "rss_growth_mib": growth["rss_growth_mib"],
    }
    assert tuple(figures) == KEYS
    peer_runs = outside.get("peer")
    if peer_runs is not None:
        for key, source in PEER_SOURCES.items():
            mine = figures[PEER_FIGURE[source]]
            theirs = _median(r[source] for r in peer_runs)
            figures[key] = mine / theirs if mine is not None and theirs else None
    figures["meta"] = {
        "spa_kiosk": __version__,
        "plan": plan.name,
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "bench_seconds": round(time.monotonic() - began, 1),
        "machine": machine(),
        "steadiness": steady,
        "load_average_before": load_before,
        "load_average_after": _load_average(),
        "qt": taps.get("qt"),
        "pyside": taps.get("pyside"),
        "display": {"kind": display.kind, "description": display.description},
        "offscreen": display.offscreen or taps.get("platform") == "offscreen",
        "qt_platform": taps.get("platform"),
        "renderer": taps.get("renderer"),
        "scene_graph_backend": taps.get("scene_graph_backend"),
        "renderer_reason": taps.get("renderer_reason"),
        "gl_vendor": taps.get("gl_vendor"),
        "gl_renderer": taps.get("gl_renderer"),
        "gl_version": taps.get("gl_version"),
        "gl_in_use": taps.get("gl_in_use"),
        "window": taps.get("window"),
        "screen": taps.get("screen"),
        "refresh_hz": taps.get("refresh_hz"),
        "outside": outside,
        "content": str(content),
        "large_set": large_set_description(check),
        "plan_detail": asdict(plan),
        "startup": {
            "first_frame_ms_each": [round(s["first_frame_ms"], 1) for s in starts],
            "first_frame_ms_cold_caches": round(cold["first_frame_ms"], 1),
            "first_full_frame_ms_median": statistics.median(
                s["first_full_frame_ms"] for s in starts
            ),
            "python_up_ms_median": statistics.median(s["python_up_ms"] for s in starts),
            # The parts of a start, each from process start: Python up, the kiosk's and Qt's
            # modules imported, the window made with its QML (then the first frame).
            "modules_ms_median": statistics.median(s["modules_ms"] for s in starts),
            "window_ms_median": statistics.median(s["window_ms"] for s in starts),
            "rss_after_start_mib_median": statistics.median(
                s["rss_after_start_mib"] for s in starts
            ),
            "peak_rss_mib_each": [round(p["peak_rss_mib"], 1) for p in peaks],
        },
        "taps": {
            "count": len(taps["tap_ms"]),
            "p50_ms": percentile(taps["tap_ms"], 50),
            "max_ms": max(taps["tap_ms"]),
            "without_a_frame": taps["taps_without_frame"],
        },
        "transitions": {
            "fades": len(fades["fade_ms"]),
            "fade_ms_median": statistics.median(fades["fade_ms"]) if fades["fade_ms"] else None,
            "intervals": len(intervals),
            "max_ms": max(intervals) if intervals else None,
        },
        "idle": {
            "seconds": idle["idle_seconds"],
            "frames_per_second": idle["idle_frames_per_second"],
            "rss_growth_mib": idle["idle_rss_growth_mib"],
            "frames_logged": idle["frames_logged"],
            "fade_frames": idle["fade_frames"],
            "slide_changes": idle["slide_changes"],
            "between_fades_at_s": idle["between_fades_at_s"],
        },
        "check": {
            "runs_ms": [round(t, 1) for t in check["check_ms"]],
            "first_run_ms": check["check_ms"][0],
        },
        "reload": {
            "while_loading_stall_ms": reload["reload_stall_ms"],
            "swap_stall_ms": reload["swap_stall_ms"],
            "plain_slide_change_stall_ms": reload["slide_change_stall_ms"],
            "quiet_stall_ms": reload["quiet_stall_ms"],
            "reload_seconds": reload["reload_seconds"],
        },
        "growth": {
            "rss_before_mib": growth["rss_before_mib"],
            "rss_after_slides_mib": growth["rss_after_slides_mib"],
            "rss_after_mib": growth["rss_after_mib"],
            "seconds": growth["growth_seconds"],
            "window": growth["window"],
        },
    }
    return figures


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile: the smallest value with at least p % of values at or below it."""
    if not values:
        raise BenchError("no values to take a percentile of")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def worker_env(tmp: Path, display: Display | None = None) -> dict[str, str]:
    """The environment of every measured process: like a kiosk's on `display`, with private
    folders. The renderer is the kiosk's own choice (a QT_QUICK_BACKEND set by hand wins, as
    it does for the kiosk)."""
    env = dict(os.environ)
    if display is not None:
        env.update(display.env)
    for name, sub in (("SPA_KIOSK_DATA_DIR", "data"), ("SPA_KIOSK_LOG_DIR", "log"),
                      ("SPA_KIOSK_RUNTIME_DIR", "run"), ("SPA_KIOSK_CACHE_DIR", "cache"),
                      ("XDG_CACHE_HOME", "cache")):
        env[name] = str(tmp / sub)
    for name in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "SPA_KIOSK_CONTENT"):
        env.pop(name, None)
    if env.pop("PYTHONDONTWRITEBYTECODE", None):
        # An installed kiosk starts from compiled bytecode; keep it out of the installation.
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    return env


class _Runner:
    def __init__(self, env: dict[str, str], progress: Callable[[str], None]) -> None:
        self.env = env
        self.progress = progress

    def startup(
        self, content: Path, scenario: bool, slides: int = 0, journeys: int = 0
    ) -> dict[str, Any]:
        extra = ["--scenario", "--slides", str(slides)] if scenario else []
        return self.run("startup", content, journeys=journeys, extra=extra, stamp=True)

    def run(
        self, phase: str, content: Path, *, count: int = 1, journeys: int = 0,
        seconds: float = 0.0, extra: Sequence[str] = (), stamp: bool = False,
        env: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        command = [
            *worker_command(), phase, "--content", str(content), "--count", str(count),
            "--journeys", str(journeys), "--seconds", str(seconds), *extra,
        ]
        env = dict(self.env if env is None else env)
        if stamp:
            env[ENV_T0] = repr(time.monotonic())  # just before the spawn: process start
        limit = max(600.0, seconds * 3 + 120)
        try:
            done = subprocess.run(
                command, env=env, capture_output=True, text=True, check=False, timeout=limit
            )
        except subprocess.TimeoutExpired:
            raise BenchError(f"the {phase} measurement took longer than {limit:g} s") from None
        for line in reversed(done.stdout.splitlines()):
            if line.startswith(RESULT_PREFIX):
                result: dict[str, Any] = json.loads(line[len(RESULT_PREFIX):])
                return result
        tail = "\n".join((done.stderr or "").splitlines()[-25:])
        raise BenchError(f"the {phase} measurement failed (exit {done.returncode}):\n{tail}")


def worker_command() -> list[str]:
    """How to start one measurement: through this same program, installed or standalone."""
    if getattr(sys, "frozen", False):
        return [sys.executable, BENCH_WORKER]  # the standalone build is its own interpreter
    return [sys.executable, "-m", "kiosk", BENCH_WORKER]


def kiosk_command() -> list[str]:
    """`spa-kiosk run`, through this same program, installed or standalone."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "run"]
    return [sys.executable, "-m", "kiosk", "run"]


PEER_FIGURE = {"cpu_percent": "attract_cpu_percent", "pss_mib": "pss_mib",
               "first_picture_ms": "first_picture_ms"}


def _outside_rounds(
    content: Path, plan: Plan, progress: Callable[[str], None], display: Display,
    env: dict[str, str], browser: str | None, tmp: Path,
) -> dict[str, Any]:
    """The kiosk (and the browser kiosk, with `browser`) started and measured from outside,
    `plan.rounds` times each, interleaved, the first of each round taking turns; after one
    start of each that fills the caches. Each start's figures, per program."""
    # Full screen, as on a kiosk PC; offscreen has no screen to fill (its own is 800x600).
    windowed = ["--windowed", "--size", f"{SIZE[0]}x{SIZE[1]}"] if display.offscreen else []
    kiosk = Program("kiosk", [*kiosk_command(), "--content", str(content), *windowed], env)
    page = None
    if browser is not None:
        page = build_page(_content_of(content), tmp / "peer" / "index.html")

    def browser_kiosk(number: int) -> Program:
        profile = tmp / f"peer-profile-{number + 1}"  # a fresh one for every start
        assert browser is not None and page is not None
        return Program("browser kiosk", browser_command(browser, page, profile, SIZE), env)

    attract = plan.attract_slides * SLIDE_SECONDS
    runs: dict[str, Any] = {"kiosk": []} | ({"peer": []} if browser is not None else {})
    screen = Screen(display.x11) if display.x11 is not None else None
    try:
        for number in range(-1 if plan.warm_up else 0, plan.rounds):
            order = ["kiosk", "peer"][: len(runs)]
            for name in order if number % 2 == 0 else order[::-1]:
                program = kiosk if name == "kiosk" else browser_kiosk(number)
                what = "warm-up, not counted" if number < 0 else f"{number + 1}/{plan.rounds}"
                progress(
                    f"{program.name} from outside ({what}): first picture on screen, "
                    f"then CPU over {attract:g} s of attract loop and memory"
                )
                result = measure(
                    program, screen, attract, plan.settle_seconds, tmp / f"{name}.log",
                    display.x_server_pid,
                )
                if number >= 0:
                    runs[name].append(result)
    finally:
        if screen is not None:
            screen.close()
    if browser is not None:
        runs["browser"] = browser
    runs["attract_seconds"] = attract
    return runs


def _content_of(folder: Path) -> Content:
    result = load_content(folder)
    if result.content is None:
        raise BenchError(f"{folder}: the content has errors; run 'spa-kiosk check' first")
    return result.content


def _renderloop_logged(env: dict[str, str]) -> dict[str, str]:
    """`env` with Qt's render-loop timing log turned on (one message per frame)."""
    rule = f"{RENDERLOOP}.debug=true"
    rules = env.get("QT_LOGGING_RULES")
    return env | {"QT_LOGGING_RULES": f"{rules};{rule}" if rules else rule}


def _median(values: Iterable[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return statistics.median(known) if known else None


def _with_slide_seconds(content: Path, seconds: float, target: Path) -> Path:
    """`content` itself when every slide lasts `seconds`, else a copy where they do."""
    kiosk_file = content / "kiosk.yaml"
    slides_file = content / "slides.yaml"
    try:
        kiosk = yaml.safe_load(kiosk_file.read_text(encoding="utf-8")) or {}
        slides = yaml.safe_load(slides_file.read_text(encoding="utf-8")) or {}
        timing = kiosk.setdefault("timing", {})
        listed = slides.get("slides") or []
    except (OSError, yaml.YAMLError, AttributeError):
        return content  # `check` will say what is wrong; the kiosk shows its default content
    if timing.get("slide_seconds", 8) == seconds and not any(
        isinstance(s, dict) and "seconds" in s for s in listed
    ):
        return content
    timing["slide_seconds"] = seconds
    for slide in listed:
        if isinstance(slide, dict):
            slide.pop("seconds", None)
    folder = target / "content"
    shutil.copytree(content, folder)
    (folder / "kiosk.yaml").write_text(yaml.safe_dump(kiosk, allow_unicode=True), "utf-8")
    (folder / "slides.yaml").write_text(yaml.safe_dump(slides, allow_unicode=True), "utf-8")
    assets = content.parent / "assets"
    if assets.is_dir():
        try:
            (target / "assets").symlink_to(assets.resolve(), target_is_directory=True)
        except OSError:
            shutil.copytree(assets, target / "assets")
    return folder


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    with contextlib.suppress(ValueError, OSError, AttributeError):
        memory = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
    }


def steadiness(rounds: int = 200) -> dict[str, float]:
    """How steadily this machine does a frame's worth of work: three copies of a screen-sized
    image (8 MiB; the software renderer moves several per frame), about 5 ms, then a pause until
    the next 60 Hz frame, `rounds` times (~3 s). Median and 99th percentile of the work's time:
    where the two are far apart (a shared virtual machine, power saving), the slowest frames are
    slow for the same reason, whatever the kiosk does, and the p99 and stall figures are read
    against this."""
    source = bytearray(8 * 2**20)
    target = bytearray(len(source))
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _copy in range(3):
            target[:] = source
        times.append((time.perf_counter() - start) * 1000)
        time.sleep(0.011)  # like frames: work, then a pause, not back to back
    median, p99 = statistics.median(times), percentile(times, 99)
    return {"work_ms_p50": median, "work_ms_p99": p99, "p99_over_p50": p99 / median}


def least_steady(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    """Steadiness measured before and after the bench (the machine's calm comes and goes): the
    worse of the two, with both ratios."""
    worse = max(before, after, key=lambda steady: steady["p99_over_p50"])
    return worse | {
        "p99_over_p50_before": before["p99_over_p50"],
        "p99_over_p50_after": after["p99_over_p50"],
    }


def large_set_description(check: dict[str, Any]) -> str:
    counts = check.get("counts", {})
    return (
        f"{counts.get('slides')} slides, {counts.get('questions')} questions of 6 options, "
        f"{counts.get('packages')} packages; 500 slide pictures (PNG 640x360 and SVG), 60 SVG "
        f"icons, 100 PNG package pictures; {check.get('errors')} errors, "
        f"{check.get('warnings')} warnings"
    )


def _load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (OSError, AttributeError):
        return None
