"""Larger text ("Aa" on the questions, theme.text_size) and right-to-left layouts, on the real
QML screens: the text grows, every screen keeps its words and buttons inside the window and
apart from one another in both orientations, and Arabic mirrors the layout."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from kioskkit import KIOSK_YAML, Guest, load_test_content, write_test_content
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickItem

from kiosk import cli
from kiosk.content.model import Content
from kiosk.guest.sample_answers import sample_answers
from kiosk.i18n.languages import shipped
from kiosk.ui.render import with_text_size

StartKiosk = Callable[..., Guest]
ARABIC_KIOSK = KIOSK_YAML.replace("languages: [en, es]", "languages: [ar, en]").replace(
    "es: Spa de Prueba", "ar: منتجع التجربة"
)


def prompt_size(guest: Guest) -> float:
    return float(guest.item("questionPrompt").property("font").pixelSize())


def to_the_second_question(guest: Guest) -> None:
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    guest.tap("option_aches")
    guest.tap("nextButton")
    guest.item("option_neck")


def test_aa_makes_the_text_larger_for_one_guest(guest: Guest) -> None:
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    normal = prompt_size(guest)
    guest.tap("largerTextButton")
    assert guest.controller.largeText
    assert prompt_size(guest) > normal * 1.2
    assert guest.item("largerTextButton").property("checked")
    guest.tap("option_stress")
    guest.tap("nextButton")
    assert prompt_size(guest) > normal * 1.2  # remembered on the next question
    guest.tap("startOverButton")
    guest.wait_screen("attract")
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    assert not guest.controller.largeText  # the next guest begins at the normal size
    assert prompt_size(guest) == normal


def test_staff_choose_large_text_for_every_guest(
    start_kiosk: StartKiosk, content_folder: Path
) -> None:
    large = load_test_content(content_folder)
    large = with_text_size(large, "large")
    guest = start_kiosk(large)
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    assert guest.controller.largeText
    guest.tap("largerTextButton")  # a guest may turn it off for themselves
    assert not guest.controller.largeText


def _rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def _parts(root: QQuickItem) -> list[tuple[str, QRectF]]:
    """The visible words and controls on a screen: buttons and cards whole (their own labels
    are inside them), every other non-empty text on its own."""
    found: list[tuple[str, QRectF]] = []
    stack = [root]
    while stack:
        item = stack.pop()
        if not item.isVisible() or item.opacity() == 0:
            continue
        name = item.objectName() or type(item).__name__
        if item.property("tapped") is not None or name.startswith("option_"):
            found.append((name, _rect(item)))
            continue  # a button or a card: its label is its own business
        text = item.property("text")
        if isinstance(text, str) and text.strip() and item.property("font") is not None:
            found.append((name or text[:20], _rect(item)))
        stack.extend(item.childItems())
    return found


def assert_laid_out(guest: Guest, screen: str) -> None:
    window = QRectF(0, 0, guest.window.width(), guest.window.height())
    parts = _parts(guest.item(screen))
    assert parts
    for name, rect in parts:
        assert window.contains(rect), f"{screen}: {name} {rect} is not inside {window}"
    for index, (name, rect) in enumerate(parts):
        for other, other_rect in parts[index + 1:]:
            overlap = rect.intersected(other_rect)
            assert overlap.width() < 2 or overlap.height() < 2, (
                f"{screen}: {name} {rect} overlaps {other} {other_rect}")


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_every_screen_keeps_its_bounds_with_larger_text(
    start_kiosk: StartKiosk, default_content: Content, size: tuple[int, int]
) -> None:
    """The shipped content, answered as `render` answers it, at the larger size."""
    guest = start_kiosk(with_text_size(default_content, "large"), size)
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    answers = sample_answers(default_content)
    while guest.controller.screen == "question":
        question = guest.controller.questions.question.id
        guest.wait_settled()
        for option_id in answers.get(question, ()):
            guest.tap(f"option_{option_id}")
        assert_laid_out(guest, "questionScreen")
        guest.tap("nextButton")
        guest.qtbot.waitUntil(
            lambda q=question: guest.controller.screen != "question"  # type: ignore[misc]
            or guest.controller.questions.question.id != q, timeout=3000)
    guest.wait_screen("result")
    guest.wait_settled()
    assert_laid_out(guest, "resultScreen")


def ink_span(guest: Guest, name: str) -> tuple[int, int]:
    """Where the item's letters are drawn, left and right, in the window's pixels."""
    guest.wait_settled()
    image = guest.window.grabWindow()
    rect = _rect(guest.item(name)).toRect()
    background = image.pixelColor(rect.left(), rect.top())
    columns = [
        x for x in range(max(0, rect.left()), min(image.width(), rect.right()))
        if any(image.pixelColor(x, y) != background
               for y in range(max(0, rect.top()), min(image.height(), rect.bottom()), 3))
    ]
    assert columns, f"nothing drawn in {name}"
    return columns[0], columns[-1]


def test_arabic_mirrors_the_layout(start_kiosk: StartKiosk, tmp_path: Path) -> None:
    guest = start_kiosk(load_test_content(write_test_content(tmp_path, kiosk=ARABIC_KIOSK)))
    to_the_second_question(guest)
    middle = guest.window.width() / 2
    assert guest.center("backButton").x() > middle  # Back on the right
    assert guest.center("nextButton").x() < middle
    assert guest.center("startOverButton").x() > middle
    # The first option at the right, the next to its left.
    assert guest.center("option_back").x() > guest.center("option_neck").x()
    # The words begin at the right: the prompt's letters end at its right edge.
    left, right = ink_span(guest, "questionPrompt")
    prompt = _rect(guest.item("questionPrompt"))
    assert right > prompt.right() - 8 and left > prompt.left() + 40

    guest.tap("startOverButton")
    guest.wait_screen("attract")
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    guest.tap("language_en")  # English: left to right again
    guest.qtbot.waitUntil(lambda: guest.center("startOverButton").x() < middle, timeout=3000)


def test_render_draws_the_larger_text_when_asked(tmp_path: Path) -> None:
    """`spa-kiosk render --text large` renders the screens as a kiosk with theme.text_size:
    large would show them."""
    folder = write_test_content(tmp_path)
    pictures = {}
    for size in ("normal", "large"):
        out = tmp_path / size
        assert cli.main(["render", "--content", str(folder), "--out", str(out),
                         "--size", "960x540", "--text", size]) == 0
        pictures[size] = QImage(str(out / "question_goals.png"))
    normal, large = pictures["normal"], pictures["large"]
    assert not normal.isNull() and normal.size() == large.size()
    assert normal != large


@pytest.mark.parametrize("text_size", ["normal", "large"])
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_every_shipped_language_offered_at_once_stays_on_the_screen(
    start_kiosk: StartKiosk, default_content: Content, size: tuple[int, int], text_size: str
) -> None:
    """A spa that offers all ten languages: the language buttons wrap (beside "Start over" in
    landscape, on lines of their own in portrait) instead of running off the screen or over
    "Start over" and "Aa", and the eight option cards below them stay clear of the bottom bar."""
    languages = ("en", *sorted(shipped() - {"en"}))
    many = replace(default_content, kiosk=replace(default_content.kiosk, languages=languages))
    guest = start_kiosk(with_text_size(many, text_size), size)  # type: ignore[arg-type]
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    guest.wait_settled()
    for code in languages:
        assert guest.item(f"language_{code}").isVisible()
    assert len(default_content.questions[0].options) == 8
    assert_laid_out(guest, "questionScreen")
    guest.tap("language_ar")  # mirrored, and still laid out
    guest.wait_settled()
    assert_laid_out(guest, "questionScreen")
