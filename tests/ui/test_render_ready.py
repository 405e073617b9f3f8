"""`spa-kiosk render` saves a screen only once it is ready, or says which one was not.

Issue 26, item 8: with a picture slow to load, render waited 3 s and then saved what was on
screen, the previous slide, without a word. A slow picture here is a large SVG (tens of
thousands of shaded circles: seconds to draw in Qt's SVG renderer), a regular file.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from kioskkit import load_test_content, write_test_content
from PySide6.QtGui import QImage

from kiosk.ui.render import NotReady, render_screens

pytestmark = pytest.mark.ui


def slow_svg(path: Path, circles: int = 9000) -> None:
    shapes = random.Random(26)
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 1000"><defs>'
        '<radialGradient id="g"><stop offset="0" stop-color="#E8643C"/>'
        '<stop offset="1" stop-color="#201010" stop-opacity="0.2"/></radialGradient></defs>'
    ]
    for _ in range(circles):
        x, y, r = shapes.random() * 1000, shapes.random() * 1000, shapes.random() * 300 + 50
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.0f}" fill="url(#g)" opacity=".5"/>')
    parts.append("</svg>")
    path.write_text("".join(parts))


def slow_second_slide(tmp_path: Path, circles: int) -> Path:
    folder = write_test_content(tmp_path)
    slow_svg(tmp_path / "assets" / "slides" / "missing-later.svg", circles)  # slide 2's picture
    return folder


def test_render_waits_for_a_slow_picture(tmp_path: Path) -> None:
    """Seconds to load (~6 s on the 2-core test machine): longer than render used to wait."""
    out = tmp_path / "out"
    folder = slow_second_slide(tmp_path, 30000)
    render_screens(load_test_content(folder), out, (960, 540), "en")
    first, second = QImage(str(out / "slide_first.png")), QImage(str(out / "slide_second.png"))
    assert not second.isNull()
    assert second != first, "the second slide's picture is the first slide"


def test_render_says_which_screen_was_not_ready(tmp_path: Path) -> None:
    """Three times longer to load (~6 s) than the 2 s it is given here."""
    out = tmp_path / "out"
    folder = slow_second_slide(tmp_path, 30000)
    with pytest.raises(NotReady) as problem:
        render_screens(load_test_content(folder), out, (960, 540), "en", ready_seconds=2)
    message = str(problem.value)
    assert "slide second" in message and "slides/missing-later.svg" in message, message
    assert "not ready after 2 s" in message and "still loading" in message, message
    assert "no picture saved" in message
    assert not (out / "slide_second.png").exists()
