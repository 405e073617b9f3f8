"""A word too long for its line is broken inside the word rather than cut off at both edges."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from kioskkit import Guest, load_test_content, write_test_content

pytestmark = pytest.mark.ui

LONG = "Wellness" * 25  # 200 letters, no space


@pytest.mark.parametrize("name", ["slideTitle", "slideBody"])
def test_a_200_letter_word_wraps_inside_its_box(
    tmp_path: Path, start_kiosk: Callable[..., Guest], name: str
) -> None:
    slides = f"slides:\n  - id: long\n    title: {LONG}\n    body: {LONG}\n"
    guest = start_kiosk(load_test_content(write_test_content(tmp_path, slides=slides)))
    text = guest.item(name)
    guest.qtbot.waitUntil(lambda: text.property("lineCount") > 1, timeout=3000)
    assert text.property("contentWidth") <= text.width() + 1  # nothing beyond either edge
