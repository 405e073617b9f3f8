"""Fixtures that start the real QML kiosk offscreen and drive it the way a guest would."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication

sys.path.insert(0, str(Path(__file__).parent))
from kioskkit import REPO, FakeClock, Guest, load_test_content, write_test_content

from kiosk.content.model import Content
from kiosk.ui.app import KioskWindow
from kiosk.ui.scheduler import Clock


@pytest.fixture(scope="session")
def qapp_cls() -> type[QGuiApplication]:
    return QGuiApplication


@pytest.fixture
def content_folder(tmp_path: Path) -> Path:
    return write_test_content(tmp_path)


@pytest.fixture
def start_kiosk(qtbot: Any, qapp: QGuiApplication) -> Iterator[Callable[..., Guest]]:
    opened: list[KioskWindow] = []

    def start(
        content: Content,
        size: tuple[int, int] = (1920, 1080),
        clock: Clock | None = None,
        **extra: Any,
    ) -> Guest:
        clock = clock or FakeClock()
        kiosk = KioskWindow(content, clock, QSize(*size), **extra)
        with qtbot.waitSignal(kiosk.window.frameSwapped, timeout=5000):
            kiosk.window.show()  # the first frame is laid out: items have their places
        opened.append(kiosk)
        return Guest(qtbot, kiosk, clock)

    yield start
    for kiosk in opened:
        kiosk.close()


@pytest.fixture
def guest(start_kiosk: Callable[..., Guest], content_folder: Path) -> Guest:
    return start_kiosk(load_test_content(content_folder))


@pytest.fixture
def default_content() -> Content:
    return load_test_content(REPO / "content")
