"""A kiosk that opens on its opening (the first frame as plain data) shows exactly what it shows
from the whole content, takes the content in just after, and a guest never notices."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from kioskkit import FakeClock, Guest, load_test_content

from kiosk.content.model import Content
from kiosk.content.opening import opening_of

pytestmark = pytest.mark.ui

SHOWN = ("theme", "languages", "language", "words", "spaName", "disclaimer", "fontFamily",
         "warningSeconds", "notice", "screen")


def _shown(guest: Guest) -> dict[str, Any]:
    controller = guest.controller
    seen = {name: controller.property(name) for name in SHOWN}
    seen["slide"] = {k: v for k, v in controller.property("slide").items() if k != "serial"}
    return seen


def _opened(start_kiosk: Callable[..., Guest], content: Content) -> tuple[Guest, list[str]]:
    first = opening_of(content)
    assert first is not None
    taken: list[str] = []

    def later() -> Content:
        taken.append("content")
        return content

    return start_kiosk(first, later=later), taken


def test_the_opening_shows_what_the_content_shows(
    start_kiosk: Callable[..., Guest], content_folder: Path
) -> None:
    content = load_test_content(content_folder)
    whole = start_kiosk(content)
    opened, taken = _opened(start_kiosk, content)

    assert opened.controller.opening and taken == []
    assert _shown(opened) == _shown(whole)
    assert opened.text("slideTitle") == whole.text("slideTitle") == "Warmth that flows"
    assert opened.text("disclaimer") == whole.text("disclaimer")

    serial = opened.controller.property("slide")["serial"]
    opened.controller.adopt()  # as run_kiosk does after the first frame

    assert taken == ["content"] and not opened.controller.opening
    assert _shown(opened) == _shown(whole)
    assert opened.controller.property("slide")["serial"] == serial  # the slide was not redrawn
    # The loop goes on from the first slide, on the opening's timer.
    assert isinstance(opened.clock, FakeClock)
    opened.clock.advance(content.slides[0].seconds or content.kiosk.timing.slide_seconds)
    assert opened.controller.property("slide")["id"] == content.slides[1].id


def test_a_guest_who_taps_at_once_gets_the_whole_content(
    start_kiosk: Callable[..., Guest], content_folder: Path
) -> None:
    content = load_test_content(content_folder)
    guest, taken = _opened(start_kiosk, content)

    guest.tap("tapToBegin")  # before the kiosk took the content in
    guest.wait_screen("question")

    assert taken == ["content"]
    assert guest.text("questionPrompt") == content.text(content.questions[0].prompt, "en")


def test_content_other_than_the_openings_replaces_its_slide(
    start_kiosk: Callable[..., Guest], tmp_path: Path, content_folder: Path
) -> None:
    """If what is taken in is not what the opening was made from (the spa's files no longer
    check and the built-in content shows, say), its own first slide replaces the opening's."""
    from kioskkit import write_test_content

    content = load_test_content(content_folder)
    other = load_test_content(write_test_content(
        tmp_path / "other", slides="slides:\n  - {id: other, title: Another start}\n"
    ))
    first = opening_of(content)
    assert first is not None
    guest = start_kiosk(first, later=lambda: other)

    guest.controller.adopt()

    assert guest.controller.property("slide")["id"] == "other"
    guest.qtbot.waitUntil(lambda: guest.text("slideTitle") == "Another start", timeout=3000)


def test_the_first_frame_takes_the_pictures_shape_from_the_opening(
    start_kiosk: Callable[..., Guest], content_folder: Path
) -> None:
    """Asking the picture file for its shape loads Qt's image plugins (~5 ms before the first
    frame); the opening kept it, and the picture is drawn at that shape."""
    from kiosk import media

    content = load_test_content(content_folder)
    whole = start_kiosk(content)
    told = whole.controller.property("slide")["aspect"]
    assert told > 0  # the test content's first slide has a picture

    first = opening_of(content, media.aspect)
    assert first is not None and first.slide_aspect == told
    wide = opening_of(content, lambda path: 2.5)
    assert wide is not None
    guest = start_kiosk(wide, later=lambda: content)

    assert guest.controller.property("slide")["aspect"] == 2.5  # the opening's, not the file's
