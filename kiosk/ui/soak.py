"""`spa-kiosk soak`: days of kiosk life in minutes, to prove it neither leaks nor breaks.

The real QML kiosk runs offscreen on a simulated clock: the attract loop plays slide after slide
and scripted guests walk through the questionnaire (finishing, asking for a therapist, walking
away), all much faster than real time. Slides shown, journeys, errors, Qt warnings and memory
over time are reported, with a PNG plot of memory against (simulated) time, into the folder
given with --out or else a new temporary folder (never the working folder unasked).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEventLoop,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen

from kiosk.content.model import Content, Theme
from kiosk.guest.sample_answers import sample_answers
from kiosk.ops.resident import rss_mib
from kiosk.ui.app import KioskWindow, application
from kiosk.ui.scheduler import SimulatedClock

SAMPLE_EVERY = 600.0  # simulated seconds between memory samples
WARM_UP = 0.1  # the first tenth of the run is warm-up: caches fill, pictures get decoded


@dataclass
class SoakReport:
    hours: float
    speed: float
    real_seconds: float = 0.0
    slides_shown: int = 0
    journeys: int = 0
    finished: int = 0
    consult: int = 0
    abandoned: int = 0
    errors: int = 0
    qt_warnings: int = 0
    first_messages: list[str] = field(default_factory=list)
    memory: list[tuple[float, float]] = field(default_factory=list)
    """(simulated hours, resident MiB) samples."""

    @property
    def growth_after_warm_up_mib(self) -> float:
        start = next((m for h, m in self.memory if h >= self.hours * WARM_UP), None)
        if start is None or not self.memory:
            return 0.0
        return max(m for _, m in self.memory) - start

    @property
    def clean(self) -> bool:
        return self.errors == 0 and self.qt_warnings == 0

    def as_text(self) -> str:
        peak = max((m for _, m in self.memory), default=0.0)
        return "\n".join(
            [
                f"soak: {self.hours:g} simulated hours in {self.real_seconds:.0f} s "
                f"(x{self.hours * 3600 / max(self.real_seconds, 0.001):.0f})",
                f"slides shown: {self.slides_shown}",
                f"journeys: {self.journeys} ({self.finished} to a package, {self.consult} to "
                f"'talk to us', {self.abandoned} walked away)",
                f"errors: {self.errors}, Qt warnings: {self.qt_warnings}",
                f"memory: {self.memory[0][1]:.1f} MiB at start, peak {peak:.1f} MiB, "
                f"{self.growth_after_warm_up_mib:+.1f} MiB after warm-up"
                if self.memory
                else "memory: not measured",
                *(f"  {line}" for line in self.first_messages),
            ]
        )

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["growth_after_warm_up_mib"] = round(self.growth_after_warm_up_mib, 2)
        data["clean"] = self.clean
        return data


def soak_command(args: argparse.Namespace, content: Content) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    out = output_folder(args.out)  # before the run: a folder that cannot be made fails at once
    report = run_soak(content, args.hours, args.speed, seed=args.seed)
    (out / "soak.json").write_text(json.dumps(report.as_json(), indent=2) + "\n")
    plot_memory(report, out / "memory.png")
    print(report.as_text())
    print(f"wrote {out / 'soak.json'} and {out / 'memory.png'}")
    return 0 if report.clean else 1


def output_folder(given: str | None) -> Path:
    """The folder the report goes into: the one given (made if missing), else a new temporary
    one, kept after the run so that the report can be read."""
    if given is None:
        return Path(tempfile.mkdtemp(prefix="spa-kiosk-soak-"))
    out = Path(given)
    out.mkdir(parents=True, exist_ok=True)
    return out


def run_soak(content: Content, hours: float, speed: float, seed: int = 1) -> SoakReport:
    application()
    report = SoakReport(hours=hours, speed=speed)

    def on_qt_message(kind: QtMsgType, context: object, message: str) -> None:
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            report.qt_warnings += 1
            if len(report.first_messages) < 5:
                report.first_messages.append(f"Qt: {message}")

    class CountErrors(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                report.errors += 1
                if len(report.first_messages) < 5:
                    report.first_messages.append(f"log: {record.getMessage()}")

    previous = qInstallMessageHandler(on_qt_message)
    counter = CountErrors()
    logging.getLogger().addHandler(counter)
    clock = SimulatedClock()
    kiosk = KioskWindow(content, clock, QSize(1920, 1080))
    kiosk.window.show()
    controller = kiosk.controller
    rng = random.Random(seed)
    slide_seconds = content.kiosk.timing.slide_seconds
    journey_every = 15 * 60.0  # a guest every quarter of an hour of kiosk time
    plans = [sample_answers(content), sample_answers(content, consult=True)]

    def pump(simulated: float) -> None:
        """Let Qt draw and animate for the real time `simulated` seconds take at this speed."""
        loop = QEventLoop()
        QTimer.singleShot(max(1, int(simulated * 1000 / speed)), loop.quit)
        loop.exec()

    def walk(plan: dict[str, tuple[str, ...]], leave: str) -> None:
        controller.start()
        pump(2)
        journey = controller.journey
        steps = 0
        while controller.current_screen == "question" and journey is not None and steps < 50:
            steps += 1
            for option_id in plan.get(journey.question.id, ()):
                controller.toggle(option_id)
            clock.advance(4)
            pump(4)
            if leave == "idle" and steps == 2:
                break
            controller.next()
        if leave == "idle":
            clock.advance(
                content.kiosk.timing.idle_seconds + content.kiosk.timing.warning_seconds + 1
            )
            report.abandoned += 1
        else:
            outcome = controller.current_screen
            report.consult += outcome == "consult"
            report.finished += outcome == "result"
            clock.advance(10)
            pump(10)
            controller.done()
        report.journeys += 1
        pump(1)

    started = time.monotonic()
    total = hours * 3600.0
    simulated = 0.0
    next_sample = 0.0
    next_journey = journey_every
    try:
        while simulated < total:
            if simulated >= next_sample:
                report.memory.append((simulated / 3600.0, rss_mib()))
                next_sample += SAMPLE_EVERY
            if simulated >= next_journey:
                roll = rng.random()
                walk(plans[1] if roll < 0.2 else plans[0], "idle" if roll > 0.85 else "done")
                next_journey += journey_every
            before = controller.slide_serial
            clock.advance(slide_seconds)
            simulated = clock.mono - 1000.0
            pump(slide_seconds)
            report.slides_shown += controller.slide_serial - before
        report.memory.append((simulated / 3600.0, rss_mib()))
    finally:
        report.real_seconds = time.monotonic() - started
        kiosk.close()
        qInstallMessageHandler(previous)
        logging.getLogger().removeHandler(counter)
    return report


def plot_memory(report: SoakReport, path: Path) -> None:
    """Resident memory against simulated hours, in the house colours."""
    width, height, margin = 1600, 900, 110
    image = QImage(width, height, QImage.Format.Format_RGB32)
    house = Theme()  # the house colours, declared once in the content model
    image.fill(QColor(house.background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ivory, muted, ember = QColor(house.text), QColor(house.muted), QColor(house.accent)
    painter.setPen(ivory)
    painter.setFont(QFont("DejaVu Sans", 26))
    painter.drawText(
        QRectF(margin, 20, width - 2 * margin, 60),
        Qt.AlignmentFlag.AlignLeft,
        f"Memory over {report.hours:g} simulated hours ({report.journeys} journeys, "
        f"{report.slides_shown} slides)",
    )
    samples = report.memory or [(0.0, 0.0)]
    top = max(m for _, m in samples) * 1.15 or 1.0
    span = max(report.hours, 1e-6)
    plot = QRectF(margin, 100, width - 2 * margin, height - 200)
    painter.setFont(QFont("DejaVu Sans", 16))
    for i in range(6):
        value = top * i / 5
        y = plot.bottom() - plot.height() * i / 5
        painter.setPen(QPen(QColor(251, 243, 234, 40), 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(muted)
        painter.drawText(
            QRectF(0, y - 12, margin - 12, 24), Qt.AlignmentFlag.AlignRight, f"{value:.0f} MiB"
        )
    for i in range(7):
        x = plot.left() + plot.width() * i / 6
        painter.drawText(
            QRectF(x - 60, plot.bottom() + 10, 120, 30),
            Qt.AlignmentFlag.AlignHCenter,
            f"{span * i / 6:.0f} h" if span >= 6 else f"{span * i / 6:.1f} h",
        )
    line = QPainterPath()
    for index, (hour, mib) in enumerate(samples):
        point = QPointF(
            plot.left() + plot.width() * hour / span, plot.bottom() - plot.height() * mib / top
        )
        if index == 0:
            line.moveTo(point)
        else:
            line.lineTo(point)
    painter.setPen(QPen(ember, 4))
    painter.drawPath(line)
    painter.setPen(muted)
    painter.drawText(
        QRectF(margin, height - 60, width - 2 * margin, 40),
        Qt.AlignmentFlag.AlignLeft,
        f"{report.growth_after_warm_up_mib:+.1f} MiB after warm-up · "
        f"{report.errors} errors · {report.qt_warnings} Qt warnings",
    )
    painter.end()
    image.save(str(path))
