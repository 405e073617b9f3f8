"""The kiosk on the real asyncio loop (qasync), and `spa-kiosk render` end to end."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kioskkit import load_test_content, write_test_content
from PySide6.QtGui import QGuiApplication, QImage

from kiosk.cli import main
from kiosk.ui.scheduler import Clock

pytestmark = pytest.mark.ui


@pytest.fixture
def event_loop_qt(qapp: QGuiApplication) -> Iterator[asyncio.AbstractEventLoop]:
    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.set_event_loop(None)


def test_slides_advance_on_the_qasync_loop(
    start_kiosk: Any, tmp_path: Path, event_loop_qt: asyncio.AbstractEventLoop
) -> None:
    slides = """\
slides:
  - {id: one, title: First slide, seconds: 0.4}
  - {id: two, title: Second slide, seconds: 0.4}
"""
    content = load_test_content(write_test_content(tmp_path, slides=slides))
    guest = start_kiosk(content, clock=Clock())
    assert guest.text("slideTitle") == "First slide"
    guest.qtbot.waitUntil(lambda: guest.text("slideTitle") == "Second slide", timeout=5000)
    guest.qtbot.waitUntil(lambda: guest.text("slideTitle") == "First slide", timeout=5000)


@pytest.mark.parametrize("size", ["960x540", "540x960"])
def test_render_writes_every_screen_and_a_contact_sheet(
    qapp: QGuiApplication, tmp_path: Path, size: str, capsys: Any
) -> None:
    folder = write_test_content(tmp_path)
    out = tmp_path / "screens"
    assert main(["render", "--content", str(folder), "--out", str(out), "--size", size]) == 0
    names = sorted(path.stem for path in out.glob("*.png"))
    assert names == sorted(
        [
            "slide_first", "slide_second", "question_goals", "question_area", "question_time",
            "question_screening", "suggestion", "idle_warning", "consult", "contact_sheet",
        ]
    )
    width, height = (int(part) for part in size.split("x"))
    picture = QImage(str(out / "suggestion.png"))
    assert (picture.width(), picture.height()) == (width, height)
    assert picture.pixelColor(5, 5).name() == "#1a1210"  # the theme, not a blank frame
    assert "wrote 10 pictures" in capsys.readouterr().out


def test_render_in_another_language(qapp: QGuiApplication, tmp_path: Path) -> None:
    folder = write_test_content(tmp_path)
    out = tmp_path / "es"
    assert main(["render", "--content", str(folder), "--out", str(out), "--lang", "es",
                 "--size", "640x360"]) == 0
    assert (out / "question_goals.png").is_file()
    assert main(["render", "--content", str(folder), "--out", str(out), "--lang", "xx"]) == 1


def test_the_clock_wakes_on_qt_timers_and_a_cancelled_wake_up_never_comes(qtbot: Any) -> None:
    """No asyncio loop needed: the kiosk sets its first timers before it makes one."""
    clock = Clock()
    calls: list[str] = []
    clock.call_later(0.05, lambda: calls.append("kept"))
    cancelled = clock.call_later(0.02, lambda: calls.append("cancelled"))
    assert cancelled is not None
    cancelled.cancel()
    qtbot.waitUntil(lambda: calls == ["kept"], timeout=2000)
    qtbot.wait(100)
    assert calls == ["kept"]
