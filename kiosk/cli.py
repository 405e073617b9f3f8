"""`spa-kiosk`: the kiosk itself and every staff tool, behind one command.

The commands that use Qt (run, render, soak, bench and its hidden bench-worker) import their
module inside their handler: Qt is heavy and only they need it at start, so that `check`,
`explain`, `stats`, `status`, `schema` and the rest start without it (check and the stats chart
load the parts of Qt they use when they use them). `schema` does the same for pydantic's JSON
Schema, and `stats` for what it reads with (YAML, SQLite, CSV: at the top, ~45 ms and 2.4 MiB
more at every start of the kiosk here, which reads none of them before its first frame). These
are the only imports in a function here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.bench import worker
from kiosk.content.load_result import FolderError, LoadResult
from kiosk.content.model import Content
from kiosk.guest.explain import AnswerError, explain, parse_answers
from kiosk.ops import check_command, checker
from kiosk.ops.control import screenshot_command, status_command
from kiosk.ops.places import choose_content
from kiosk.ops.service import service_command
from kiosk.ops.staff_pin import set_pin_command


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line as `main` understands it."""
    given = list(sys.argv[1:] if argv is None else argv)
    parser, commands = _parsers()
    args, unknown = parser.parse_known_args(given)
    if unknown:  # refused with the usage of the command they were given to
        (commands[args.command] if args.command else parser).error(
            f"unrecognized arguments: {' '.join(unknown)}"
        )
    return args


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:1] == [worker.BENCH_WORKER]:  # one measurement of `bench`, in a process of its own
        return _bench_worker(given[1:])
    if given[:1] == [checker.CHECK_WORKER]:  # the running kiosk's content check
        return checker.worker_main(given[1:])
    args = parse(given)
    command = args.command or "run"
    handler = {
        "run": _run,
        "check": _check,
        "explain": _explain,
        "schema": _schema,
        "render": _render,
        "soak": _soak,
        "set-pin": _set_pin,
        "stats": _stats,
        "status": _status,
        "screenshot": _screenshot,
        "install-service": _install_service,
        "bench": _bench,
    }[command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of the output went away (`spa-kiosk stats | head`): no error to tell.
        # Python's documented way: the rest of the output goes nowhere, so the exit stays quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # as a shell reports a program ended by SIGPIPE (128 + 13)


def _options() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """The options shared by several commands: the content folder, and the kiosk's window."""
    content = argparse.ArgumentParser(add_help=False)
    content.add_argument(
        "--content",
        metavar="DIR",
        help="folder with kiosk.yaml, slides.yaml, questionnaire.yaml, packages.yaml "
        "(assets/ beside it); default: $SPA_KIOSK_CONTENT, else ./content, "
        "else the built-in content",
    )
    window = argparse.ArgumentParser(add_help=False)
    window.add_argument(
        "--windowed",
        action="store_true",
        help="open a window instead of full screen (for previewing on a laptop)",
    )
    window.add_argument("--size", metavar="WxH", help="window size, e.g. 1920x1080 or 1080x1920")
    window.add_argument(
        "--show-cursor", action="store_true",
        help="keep the mouse pointer visible (touch monitors used with a mouse)",
    )
    window.add_argument(
        "--exit-after", type=float, metavar="SECONDS",
        help="quit after this long (to smoke-test an installation)",
    )
    window.add_argument(
        "--renderer", choices=("auto", "software", "gpu"), default="auto",
        help="how the screens are drawn: auto (the default) uses the GPU where OpenGL has one "
        "and Qt's software renderer where OpenGL is only software (llvmpipe) or missing; "
        "a QT_QUICK_BACKEND set by hand wins over this",
    )
    window.add_argument(
        "--metrics", metavar="FILE",
        help="write the kiosk's status as Prometheus metrics to FILE at start and once a "
        "minute (default: $SPA_KIOSK_METRICS_FILE; see docs/fleet.md)",
    )
    return content, window


def _parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The whole command line's parser, and each command's own (by name)."""
    content, window = _options()
    parser = argparse.ArgumentParser(
        prog="spa-kiosk",
        parents=[content, window],
        description="Spa Kiosk: the waiting-room touchscreen, and the tools staff use "
        "to change it. "
        "Without a command it starts the kiosk.",
    )
    parser.add_argument("--version", action="version", version=f"spa-kiosk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands: dict[str, argparse.ArgumentParser] = {}

    def command(name: str, **how: Any) -> argparse.ArgumentParser:
        commands[name] = sub.add_parser(name, **how)
        return commands[name]

    command("run", parents=[content, window], help="start the kiosk (the default)")

    check = command(
        "check", parents=[content], help="check a content folder for mistakes",
        description="Check a content folder as the kiosk would before showing it.",
        epilog=check_command.EXIT_CODES_HELP,
    )
    check.add_argument("dir", nargs="?", metavar="DIR", help=check_command.FOLDER_HELP)
    check.add_argument("--strict", action="store_true", help="warnings fail the check too")
    check.add_argument(
        "--format", choices=check_command.FORMATS, default="text", help=check_command.FORMAT_HELP
    )

    explain = command(
        "explain", parents=[content], help="show what a guest with these answers would be offered"
    )
    explain.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="QUESTION=OPTION[,OPTION...]",
        help="one answer; repeat for more questions",
    )
    explain.add_argument("--lang", metavar="CODE", help="language for the reasons")
    explain.add_argument("--json", action="store_true", help="print one JSON object")

    schema = command("schema", help="write JSON Schemas of the four files for editors")
    schema.add_argument("--out", required=True, metavar="DIR")

    render = command("render", parents=[content], help="render every screen to PNG files")
    render.add_argument("--out", required=True, metavar="DIR")
    render.add_argument("--size", default="1920x1080", metavar="WxH")
    render.add_argument("--lang", metavar="CODE")
    render.add_argument(
        "--text", choices=("normal", "large"), default=None,
        help="the text size to render (default: theme.text_size of kiosk.yaml)",
    )

    command(
        "set-pin",
        help="set the staff PIN (4 to 8 digits; asks twice, or reads one line from a pipe)",
        description="Set the PIN of the kiosk's staff panel: 4 to 8 digits. Only a salted "
        "scrypt hash is stored, in the kiosk's data folder ($SPA_KIOSK_DATA_DIR or the "
        "platform's). Example for scripts: echo 2468 | spa-kiosk set-pin",
    )

    status = command(
        "status", help="ask the running kiosk how it is (this PC, the kiosk's user)",
        epilog="Exit status: 0 answered, 1 error, 3 no kiosk running, 4 the kiosk belongs to "
        "another user.",
    )
    status.add_argument("--json", action="store_true", help="print one JSON object")
    screenshot = command(
        "screenshot", help="save what the running kiosk's screen shows now as a PNG",
        epilog="Refused while a guest is using the kiosk. Exit status: 0 saved, 1 error or "
        "refused, 3 no kiosk running, 4 the kiosk belongs to another user.",
    )
    screenshot.add_argument("file", metavar="FILE.png")

    stats = command(
        "stats", parents=[content],
        help="summary of the anonymous usage counts, as text, CSV or a chart",
        description="Summarise the kiosk's usage counts; with several files (copies of "
        "several kiosks' usage.sqlite3), one report with a column per kiosk and a total.",
    )
    stats.add_argument(
        "files", nargs="*", metavar="FILE.sqlite3",
        help="usage databases to read (default: this kiosk's); opened read-only",
    )
    stats.add_argument(
        "--since", metavar="YYYY-MM-DD", type=_day, help="only count from this day on"
    )
    stats.add_argument("--csv", metavar="FILE", help="also write one row per day to a CSV file")
    stats.add_argument(
        "--chart", metavar="FILE.png",
        help="also draw how journeys ended per day or week as a bar chart PNG (light, to print)",
    )
    stats.add_argument(
        "--per", choices=("day", "week"),
        help="how journeys ended over time, by day or by week (default: by day up to 31 days)",
    )
    stats.add_argument(
        "--dark", action="store_true", help="draw the chart in the kiosk's dark colours"
    )
    stats.add_argument(
        "--language", metavar="CODE",
        help="the chart's month names in this language (default: the kiosk's first language)",
    )
    stats.add_argument(
        "--db", metavar="FILE",
        help="the usage database to read (default: the kiosk's, in $SPA_KIOSK_DATA_DIR "
        "or the platform's data folder)",
    )

    service = command(
        "install-service", parents=[content],
        help="print (or --write) a systemd user unit that starts and watches the kiosk",
    )
    service.add_argument(
        "--write", action="store_true",
        help="save it to ~/.config/systemd/user/spa-kiosk.service instead of printing it",
    )
    soak = command(
        "soak", parents=[content],
        help="run days of kiosk life fast (attract loop and scripted guests) and report",
    )
    soak.add_argument("--hours", type=float, default=1.0, help="simulated hours (default 1)")
    soak.add_argument("--speed", type=float, default=600.0,
                      help="simulated seconds per real second, at most (default 600)")
    soak.add_argument("--out", metavar="DIR",
                      help="folder for soak.json and memory.png (default: a new temporary one)")
    soak.add_argument("--seed", type=int, default=1, help=argparse.SUPPRESS)
    bench = command(
        "bench", parents=[content],
        help="measure start-up, taps, animations, idle CPU, checking, reloading and memory",
        description="Measure the kiosk on this PC against its performance budget, as it runs "
        "here: full screen on this session's display (without one: on an Xvfb the bench starts, "
        "else offscreen, and then every figure says so), with the renderer the kiosk chooses; "
        "each figure in fresh processes, with a large generated content set for check and "
        "reload. Takes about 11 minutes, 14 with --peer, on a 2-core PC (--quick: shorter).",
    )
    bench.add_argument("--json", metavar="FILE", help="also write the figures as one JSON object")
    bench.add_argument(
        "--quick", action="store_true",
        help="shorter runs (idle 16 s, 3 starts from outside, a tenth of the memory run)",
    )
    bench.add_argument(
        "--peer", choices=("chromium",),
        help="also measure a browser kiosk (Chromium or Chrome, full screen) showing the same "
        "content, interleaved with the kiosk, and print each figure for both and the ratio",
    )
    bench.add_argument(
        "--offscreen", action="store_true",
        help="measure on Qt's offscreen platform with its software renderer even where there "
        "is a display, for comparison (no kiosk PC runs like this; every figure says so)",
    )
    bench.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)
    return parser, commands


def _day(text: str) -> date:
    """--since: a date as YYYY-MM-DD."""
    from kiosk.ops.stats import parse_day  # only `stats` (see the top)

    return parse_day(text)


def _load(folder: Path) -> LoadResult:
    return checker.read_here(folder)


def _check(args: argparse.Namespace) -> int:
    return check_command.check_command(args.dir or args.content, args.format, args.strict)


def _checked_content(args: argparse.Namespace) -> tuple[Content | None, int]:
    """The content in use when it checks; else None and the exit status (2: no folder)."""
    choice = choose_content(args.content)
    try:
        result = _load(choice.folder)
    except FolderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None, 2
    if result.content is None:
        print(
            f"error: the content in {choice.folder} has errors; run 'spa-kiosk check':",
            file=sys.stderr,
        )
        for problem in result.errors:
            print(problem.format(), file=sys.stderr)
        return None, 1
    return result.content, 0


def _explain(args: argparse.Namespace) -> int:
    content, status = _checked_content(args)
    if content is None:
        return status
    try:
        answers = parse_answers(content, args.answer)
    except AnswerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    report = explain(content, answers, args.lang or content.default_language)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        print(report.as_text())
    return 0


def _schema(args: argparse.Namespace) -> int:
    # pydantic's JSON Schema: only this command uses it (at the top: +9 MiB, ~0.2 s every start).
    from kiosk.content.schema import write_schemas

    for path in write_schemas(Path(args.out)):
        print(f"wrote {path}")
    return 0


def _soak(args: argparse.Namespace) -> int:
    from kiosk.ui.soak import soak_command  # Qt: only this command needs it (see the top)

    content, status = _checked_content(args)
    return soak_command(args, content) if content is not None else status


def _render(args: argparse.Namespace) -> int:
    from kiosk.ui.render import render_command  # Qt: only this command needs it (see the top)

    content, status = _checked_content(args)
    return render_command(args, content) if content is not None else status


def _run(args: argparse.Namespace) -> int:
    from kiosk.ui.run import RunOptions, run_kiosk  # Qt: only this command (see the top)

    return run_kiosk(RunOptions.from_args(args))


def _set_pin(args: argparse.Namespace) -> int:
    return set_pin_command(args)


def _stats(args: argparse.Namespace) -> int:
    from kiosk.ops.stats import stats_command  # YAML, SQLite, CSV: only this command (see the top)

    return stats_command(args)


def _status(args: argparse.Namespace) -> int:
    return status_command(args)


def _screenshot(args: argparse.Namespace) -> int:
    return screenshot_command(args)


def _bench(args: argparse.Namespace) -> int:
    # The bench and its report: Qt (the kiosk's words for the browser's page), only here.
    from kiosk.bench.measure import FULL, QUICK, SMOKE, BenchError, run_bench
    from kiosk.bench.report import table, write_json

    choice = choose_content(args.content)
    plan = SMOKE if args.smoke else QUICK if args.quick else FULL
    print(choice.describe(), file=sys.stderr)
    try:
        figures = run_bench(
            choice.folder, plan, lambda text: print(f"bench: {text}", file=sys.stderr, flush=True),
            peer=args.peer, offscreen=args.offscreen,
        )
    except BenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(table(figures))
    if args.json:
        write_json(figures, Path(args.json))
        print(f"wrote {args.json}")
    return 0


def _bench_worker(argv: Sequence[str]) -> int:
    """One phase of the bench. Only the module of that phase is imported: `startup` times the
    kiosk's own modules (real_kiosk imports kiosk.ui.run, as `run` does), so the bench's Qt
    helpers (in_process, with Python's Qt Quick binding) must not come with them."""
    args = worker.parse(argv)
    if args.phase in worker.REAL_KIOSK_PHASES:
        from kiosk.bench import real_kiosk  # Qt, and the start being measured (see above)

        real_kiosk.PHASES[args.phase](args)
    else:
        from kiosk.bench import in_process  # Qt Quick and the bench's Qt helpers (see above)

        in_process.PHASES[args.phase](args)
    return 0


def _install_service(args: argparse.Namespace) -> int:
    return service_command(args)
