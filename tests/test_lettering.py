"""`check` warns of texts the screens cannot draw well: letters no installed font has (boxes),
and words too long for a line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from contentkit import MakeContent

from kiosk import lettering
from kiosk.ops import checker

REPO = Path(__file__).resolve().parent.parent
LONG = "Wellness" * 25  # 200 letters, no space
# Thai: no font on the test machines has it, nor does the kiosk's own font (Inter).
THAI = "\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35"


def warnings(folder: Path) -> list[str]:
    result = checker.read_here(folder)
    return [p.format(relative_to=folder.parent) for p in result.problems if not p.is_error]


def lettering_warnings(folder: Path) -> list[str]:
    """Only the warnings about drawing the texts (not, say, a missing translation)."""
    return [line for line in warnings(folder) if "too long to fit" in line or "the font" in line]


def test_letters_no_font_has_are_named_with_their_text_and_font(
    make_content: MakeContent,
) -> None:
    folder = make_content(slides=f"slides:\n  - id: hello\n    title: Hello {THAI}\n")
    assert warnings(folder) == [
        "content/slides.yaml:3:12: warning: slides[0].title: the font 'Inter' and the fonts "
        "installed on this computer have no letters for \u0e2a \u0e27 \u0e31 \u0e14 \u0e35 "
        "(U+0E2A, U+0E27, U+0E31, U+0E14, U+0E35): they show as empty boxes; use a font that "
        "has them (theme: font: in kiosk.yaml) or leave them out"
    ]


def test_a_word_too_long_for_a_line_is_named(make_content: MakeContent) -> None:
    folder = make_content(
        slides=f"slides:\n  - id: hello\n    title: Hello\n    body: A {LONG} day\n"
    )
    assert warnings(folder) == [
        "content/slides.yaml:4:11: warning: slides[0].body: the word 'WellnessWellnessWell...' "
        "(200 letters) is too long to fit on one line on screen, so it is broken in the middle; "
        "add spaces or hyphens"
    ]


def test_ordinary_long_words_and_the_shipped_content_pass(make_content: MakeContent) -> None:
    folder = make_content(
        slides="slides:\n  - id: hello\n    title: Ganzkörpermassage\n"
        "    body: Entspannungsbehandlungen für Rücken und Nacken, Schulter-Nacken-Massage\n"
    )
    assert warnings(folder) == []
    assert warnings(REPO / "content") == []


def test_every_guest_facing_text_is_looked_at(make_content: MakeContent) -> None:
    content = checker.read_here(make_content()).content
    assert content is not None
    files = {file for file, _, _, _ in lettering.texts(content)}
    assert files == {"kiosk.yaml", "slides.yaml", "questionnaire.yaml", "packages.yaml"}


def test_spa_kiosk_check_warns_without_a_display(make_content: MakeContent) -> None:
    """As staff run it, on a computer with no screen session at all."""
    folder = make_content(slides=f"slides:\n  - id: hello\n    title: Hello {THAI}\n")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                            "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "check", str(folder)], capture_output=True, text=True,
        env=env, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    said = done.stdout + done.stderr
    assert "0 errors, 1 warning" in said
    assert "slides.yaml:3:12: warning: slides[0].title: the font 'Inter'" in said


def test_chinese_and_japanese_without_spaces_are_not_one_long_word(
    make_content: MakeContent,
) -> None:
    """The screens break these lines between letters (Unicode's line breaking, as Qt wraps),
    so a sentence with no space in it is not "a word too long for a line"."""
    japanese = "リラクゼーションと心身の健康のためのものです。医療上の助言ではありません。"
    chinese = "仅供放松与保健之用，并非医疗建议。如有任何健康问题，请咨询您的医生。"  # noqa: RUF001
    folder = make_content(
        kiosk="spa_name: Test Spa\nlanguages: [en, ja, zh]\n",
        slides="slides:\n  - id: hello\n    title: {en: Hello, ja: こんにちは, zh: 你好}\n"
        f"    body: {{en: Warm, ja: {japanese}, zh: {chinese}}}\n",
    )
    assert lettering_warnings(folder) == []
    assert lettering_warnings(REPO / "content") == []  # the built-in disclaimer speaks both too


def test_only_the_languages_the_kiosk_shows_are_looked_at(make_content: MakeContent) -> None:
    """A translation kept for later (a language not yet in kiosk.yaml's list) is never on
    screen; once it is listed, its letters are looked at."""
    slides = f"slides:\n  - id: hello\n    title: {{en: Hello, th: {THAI}}}\n"
    assert lettering_warnings(make_content(slides=slides)) == []
    listed = make_content(kiosk="spa_name: Test Spa\nlanguages: [en, th]\n", slides=slides)
    assert [line.split(": the font")[0] for line in lettering_warnings(listed)] == [
        "content/slides.yaml:3:28: warning: slides[0].title.th"
    ]
