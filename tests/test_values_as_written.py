"""Staff files mean what they wrote: each value is the text written, typed by its field.

YAML 1.1 (PyYAML's safe loader) read `0123` as 83, `12.50` as 12.5, `no` as false and `18:00`
as 1080; these tests load real content folders and look at what reaches the guest's screen.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from contentkit import KIOSK, PACKAGES, QUESTIONNAIRE, write_content

from kiosk.content.load import load_content
from kiosk.content.model import FILE_MODELS, Content, Text
from kiosk.content.validate import validate

REPO = Path(__file__).resolve().parent.parent


def loaded(tmp_path: Path, *, warnings: bool = False, **files: str) -> Content:
    result = load_content(write_content(tmp_path, **files))  # type: ignore[arg-type]
    assert result.content is not None, [p.format() for p in result.problems]
    if not warnings:
        assert not result.problems, [p.format() for p in result.problems]
    assert not any("false" in p.message for p in result.problems)
    return result.content


def test_desk_code_price_and_ids_are_the_characters_written(tmp_path: Path) -> None:
    packages = PACKAGES.replace(
        "  - id: ease\n    name: Ease\n",
        "  - id: 0123\n    name: 2024-01-01\n    code: 0123\n    price: 12.50\n",
    ).replace("id: calm", "id: on")
    content = loaded(tmp_path, packages=packages)
    first, second = content.packages
    assert (first.id, first.desk_code, first.price) == ("0123", "0123", "12.50")
    assert first.name == Text.plain("2024-01-01")
    assert second.id == "on"


def test_yes_no_and_clock_times_are_text_on_text_fields(tmp_path: Path) -> None:
    slides = "slides:\n  - id: yes\n    title: {en: yes}\n    body: '18:00'\n    source: no\n"
    content = loaded(tmp_path, slides=slides)
    slide = content.slides[0]
    assert slide.id == "yes"
    assert slide.title == Text({"en": "yes"})
    assert slide.body == Text.plain("18:00")
    assert slide.source == "no"


def test_norwegian_is_a_language_and_a_translation_key(tmp_path: Path) -> None:
    kiosk = "spa_name: {en: Spa, no: Spa på norsk}\nlanguages: [en, no]\n"
    slides = "slides:\n  - id: hello\n    title: {en: Hello, no: Hei}\n"
    questionnaire = QUESTIONNAIRE.replace("label: Ease aches", "label: {en: Ease, no: Lindre}")
    # (the other texts are in English only: warnings, and they are shown in English)
    content = loaded(
        tmp_path, kiosk=kiosk, slides=slides, questionnaire=questionnaire, warnings=True
    )
    assert content.languages == ("en", "no")
    assert content.text(content.slides[0].title, "no") == "Hei"
    assert content.text(content.kiosk.spa_name, "no") == "Spa på norsk"


def test_numbers_and_true_false_from_the_text_quoted_or_not(tmp_path: Path) -> None:
    questionnaire = QUESTIONNAIRE.replace("minutes: 30", "minutes: '30'").replace(
        "kind: single\n", "kind: single\n    optional: yes\n"
    ).replace("{pain: 1}", '{pain: "1.5"}')
    kiosk = KIOSK + "timing:\n  slide_seconds: 7.5\n"
    content = loaded(tmp_path, questionnaire=questionnaire, kiosk=kiosk)
    time = content.question("time")
    assert time is not None and time.optional is True
    assert time.options[0].minutes == 30
    goals = content.question("goals")
    assert goals is not None and goals.options[0].concerns["pain"] == 1.5
    assert content.kiosk.timing.slide_seconds == 7.5


def test_the_default_content_means_what_yaml_1_1_read_from_it() -> None:
    """Staff files valid before keep their meaning: the default content, read as written and
    typed by its fields, is the same content PyYAML's YAML 1.1 reading gave."""
    folder = REPO / "content"
    result = load_content(folder)
    assert result.content is not None
    for name, model in FILE_MODELS.items():
        old = validate(model, yaml.safe_load((folder / name).read_text(encoding="utf-8")))
        key = {"kiosk.yaml": "kiosk"}.get(name)
        if key:
            assert result.content.kiosk == old
        elif name == "slides.yaml":
            assert result.content.slides == old.slides  # type: ignore[attr-defined]
        elif name == "questionnaire.yaml":
            assert result.content.questions == old.questions  # type: ignore[attr-defined]
        else:
            assert result.content.packages == old.packages  # type: ignore[attr-defined]
            assert result.content.consult == old.consult  # type: ignore[attr-defined]

