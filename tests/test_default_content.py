"""The default content a spa gets out of the box: `spa-kiosk check content/` is clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.load import LoadResult, load_content
from kiosk.guest.recommend import suggest
from kiosk.media import verify_files

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def result() -> LoadResult:
    return load_content(REPO / "content", verify_files)


def test_default_content_has_no_error_and_no_warning(result: LoadResult) -> None:
    shown = "\n".join(p.format(relative_to=REPO) for p in result.problems)
    assert not result.problems, f"check content/ should be clean, but says:\n{shown}"
    assert result.content is not None


def test_default_content_has_what_the_issue_asks_for(result: LoadResult) -> None:
    content = result.content
    assert content is not None
    assert len(content.languages) >= 2
    assert 4 <= len(content.questions) <= 6
    assert 6 <= len(content.packages) <= 8
    minutes = {p.minutes for p in content.packages}
    assert min(minutes) == 30 and max(minutes) == 90
    assert all(p.price and p.code for p in content.packages)
    screening = [q for q in content.questions if any(o.flags for o in q.options)]
    assert screening, "a safety screening question"
    options = [o for q in screening for o in q.options]
    assert any("consult" in o.flags for o in options), "'Not sure' raises consult"
    assert any(o.exclusive and not o.flags for o in options), "'None of these' is exclusive"
    assert any(q.show_if is not None for q in content.questions)


def test_default_content_not_sure_leads_to_consult(result: LoadResult) -> None:
    content = result.content
    assert content is not None
    for question in content.questions:
        for option in question.options:
            if "consult" in option.flags:
                assert suggest(content, {question.id: (option.id,)}).outcome == "consult"


def test_default_slide_pictures_fade_out_before_their_edges(result: LoadResult) -> None:
    """A picture's soft glow must not be cut off by the picture's square edge: on the screen
    that is a hard line across the slide."""
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    assert result.content is not None
    side = 120
    for slide in result.content.slides:
        path = result.content.asset(slide.image)
        if path is None or path.suffix != ".svg":
            continue
        image = QImage(side, side, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        QSvgRenderer(str(path)).render(painter)
        painter.end()
        edge = [(i, 0) for i in range(side)] + [(i, side - 1) for i in range(side)]
        edge += [(0, i) for i in range(side)] + [(side - 1, i) for i in range(side)]
        strongest = max(image.pixelColor(x, y).alpha() for x, y in edge)
        assert strongest <= 6, f"{slide.image}: its edge is visible (alpha {strongest}/255)"
