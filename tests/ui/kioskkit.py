"""Helpers for UI tests: a small test content set, a fake clock, and a Guest who taps."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.content.load import load_content
from kiosk.content.model import Content
from kiosk.media import verify_files
from kiosk.ui.app import KioskWindow
from kiosk.ui.items import find_visible, visible_items
from kiosk.ui.scheduler import Clock, SimulatedClock

REPO = Path(__file__).resolve().parents[2]

KIOSK_YAML = """\
spa_name: {en: Test Spa, es: Spa de Prueba}
languages: [en, es]
timing: {slide_seconds: 5, idle_seconds: 30, warning_seconds: 20, result_seconds: 60}
booking: {url: "https://book.example/{package}"}
disclaimer: {en: "Not medical advice.", es: "No es consejo médico."}
"""
SLIDES_YAML = """\
slides:
  - id: first
    title: {en: Warmth that flows, es: Calor que fluye}
    body: {en: Many guests feel lighter., es: Muchos se sienten ligeros.}
    image: slides/first.svg
  - id: second
    title: {en: Rest well, es: Descanse bien}
    image: slides/missing-later.svg
"""
QUESTIONNAIRE_YAML = """\
questions:
  - id: goals
    prompt: {en: What would you like to feel better?, es: ¿Qué le gustaría mejorar?}
    kind: multiple
    max: 2
    options:
      - {id: aches, label: {en: Aches, es: Molestias}, concerns: {pain: 2}}
      - {id: stress, label: {en: Stress, es: Estrés}, concerns: {stress: 2}}
      - {id: sleep, label: {en: Sleep, es: Sueño}, concerns: {sleep: 1}}
  - id: area
    prompt: {en: Where?, es: ¿Dónde?}
    kind: single
    optional: true
    show_if: {question: goals, any_of: [aches]}
    options:
      - {id: back, label: {en: Back, es: Espalda}, concerns: {pain: 1}}
      - {id: neck, label: {en: Neck, es: Cuello}, concerns: {pain: 1}}
  - id: time
    prompt: {en: How much time do you have?, es: ¿Cuánto tiempo tiene?}
    kind: single
    options:
      - {id: t30, label: {en: 30 minutes, es: 30 minutos}, minutes: 30}
      - {id: t60, label: {en: 60 minutes, es: 60 minutos}, minutes: 60}
  - id: screening
    prompt: {en: Does any of these apply?, es: ¿Le aplica algo de esto?}
    kind: multiple
    options:
      - {id: pregnant, label: {en: Pregnant, es: Embarazada}, flags: [pregnancy]}
      - {id: unsure, label: {en: Not sure, es: No estoy seguro}, flags: [consult]}
      - {id: none, label: {en: None of these, es: Nada de esto}, exclusive: true}
"""
PACKAGES_YAML = """\
packages:
  - id: relief
    name: {en: Deep Relief, es: Alivio Profundo}
    minutes: 60
    price: "€79"
    code: IR-60
    summary: {en: Warmth and firm hands., es: Calor y manos firmes.}
    image: slides/first.svg
    addresses: {pain: 3, stress: 1}
    avoid_if: [pregnancy]
  - id: calm
    name: {en: Calm Half Hour, es: Media Hora de Calma}
    minutes: 30
    price: "€45"
    addresses: {stress: 2, sleep: 2, pain: 1}
    avoid_if: [pregnancy]
  - id: gentle
    name: {en: Gentle Warmth, es: Calor Suave}
    minutes: 45
    addresses: {sleep: 1}
consult:
  title: {en: Let's talk first, es: Hablemos primero}
  body: {en: Please see our therapist., es: Hable con nuestro terapeuta.}
"""

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
    '<circle cx="50" cy="50" r="40" fill="#E8643C"/></svg>'
)


def write_test_content(root: Path, **overrides: str) -> Path:
    folder = root / "content"
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "kiosk.yaml": KIOSK_YAML,
        "slides.yaml": SLIDES_YAML,
        "questionnaire.yaml": QUESTIONNAIRE_YAML,
        "packages.yaml": PACKAGES_YAML,
    }
    for name, text in files.items():
        (folder / name).write_text(overrides.get(name.replace(".yaml", ""), text), encoding="utf-8")
    (root / "assets" / "slides").mkdir(parents=True, exist_ok=True)
    (root / "assets" / "slides" / "first.svg").write_text(SVG)
    (root / "assets" / "slides" / "missing-later.svg").write_text(SVG)
    return folder


def load_test_content(folder: Path) -> Content:
    result = load_content(folder, verify_files)
    assert result.content is not None, [p.format() for p in result.problems]
    return result.content


class FakeClock(SimulatedClock):
    """Wall and monotonic time that only move when a test says so."""


class Guest:
    """Drives a kiosk window like a person: finds items by objectName, taps, reads text."""

    def __init__(self, qtbot: Any, kiosk: KioskWindow, clock: Clock) -> None:
        self.qtbot = qtbot
        self.kiosk = kiosk
        self.window = kiosk.window
        self.controller = kiosk.controller
        self.clock = clock
        self.touch_device = QTest.createTouchDevice()

    def find(self, name: str) -> QQuickItem | None:
        """The visible item called `name` (hidden screens and faded layers are skipped)."""
        return find_visible(self.window, name)

    def item(self, name: str, timeout: int = 3000) -> QQuickItem:
        self.qtbot.waitUntil(lambda: self.find(name) is not None, timeout=timeout)
        found = self.find(name)
        assert found is not None
        return found

    def is_shown(self, name: str) -> bool:
        return self.find(name) is not None

    def text(self, name: str) -> str:
        return str(self.item(name).property("text"))

    def center(self, name: str) -> QPoint:
        item = self.item(name)
        point = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        return point.toPoint()

    def settled(self) -> bool:
        """Whether the screen takes taps (they are held back just after a change: TapGuard)."""
        return self.window.property("tapsTaken") is not False

    def wait_settled(self) -> None:
        """Wait as a person does: until the new screen has come and takes taps."""
        self.qtbot.waitUntil(self.settled, timeout=3000)

    def tap(self, name: str) -> None:
        """A mouse click in the middle of the item, once the screen takes taps."""
        self.item(name)
        self.qtbot.waitUntil(lambda: bool(self.item(name).isEnabled()), timeout=2000)
        self.wait_settled()
        QTest.mouseClick(
            self.window,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            self.center(name),
        )
        QTest.qWait(20)

    def touch(self, name: str | None = None, point: QPoint | None = None) -> None:
        """A finger tap, as a kiosk touchscreen sends it, once the screen takes taps."""
        self.wait_settled()
        where = point if point is not None else self.center(name or "")
        QTest.touchEvent(self.window, self.touch_device).press(0, where, self.window).commit()
        QTest.qWait(30)
        QTest.touchEvent(self.window, self.touch_device).release(0, where, self.window).commit()
        QTest.qWait(30)

    def chosen(self) -> list[str]:
        """The options the question on screen shows as chosen, in screen order."""
        return [
            item.objectName().removeprefix("option_")
            for item in visible_items(self.window)
            if item.objectName().startswith("option_") and item.property("selected")
        ]

    def wait_screen(self, screen: str) -> None:
        self.qtbot.waitUntil(lambda: self.controller.screen == screen, timeout=3000)
        self.item(f"{screen}Screen")

    def question_id(self) -> str:
        return str(self.controller.screens.questions.property("question").property("id"))

    def answer(self, *option_ids: str, next_: bool = True) -> None:
        """Tap the options, then Next; a single choice that moves on by itself is waited
        for instead, as a guest would."""
        before = self.question_id()
        for option_id in option_ids:
            self.tap(f"option_{option_id}")
        if not next_:
            return
        if self.controller.screens.questions.property("advancing"):
            self.qtbot.waitUntil(
                lambda: self.question_id() != before or self.controller.screen != "question",
                timeout=3000,
            )
        else:
            self.tap("nextButton")
