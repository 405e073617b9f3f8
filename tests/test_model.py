"""Every field of CONTENT-SPEC.md loads into typed, immutable objects with the stated defaults."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date
from pathlib import Path

import pytest
from contentkit import PACKAGES as SMALL_PACKAGES
from contentkit import PNG, QUESTIONNAIRE, SLIDES, SVG, MakeContent, in_english_and_spanish
from pydantic import ValidationError

from kiosk.content.load import FolderError, load_content
from kiosk.content.model import (
    DEFAULT_CONSULT_BODY,
    DEFAULT_CONSULT_TITLE,
    DEFAULT_DISCLAIMER,
    Content,
    KioskFile,
    Option,
    Package,
    Question,
    Text,
)
from kiosk.content.validate import validate
from kiosk.i18n.languages import shipped


def loaded(folder: Path) -> Content:
    result = load_content(folder)
    assert [p.format() for p in result.problems] == []
    assert result.content is not None
    return result.content


# ---- text and translations -------------------------------------------------------------------


def test_plain_text_is_the_same_in_every_language() -> None:
    text = Text.plain("Welcome")
    assert text.is_plain
    assert text.get("en") == text.get("es") == "Welcome"
    assert text.languages == frozenset()


def test_translated_text_falls_back_to_the_default_language() -> None:
    text = Text({"en": "Welcome", "es": "Bienvenida"})
    assert text.get("es") == "Bienvenida"
    assert text.get("fr") == "Welcome"
    assert text.get("fr", default_language="es") == "Bienvenida"
    assert text.languages == {"en", "es"}


def test_text_without_default_language_falls_back_to_the_first_written() -> None:
    assert Text({"es": "Hola", "de": "Hallo"}).get("en") == "Hola"


def test_text_is_immutable_and_hashable() -> None:
    text = Text({"en": "a"})
    with pytest.raises(TypeError):
        text._values["en"] = "b"  # type: ignore[index]
    assert hash(text) == hash(Text({"en": "a"}))
    assert text == Text({"en": "a"}) != Text({"en": "b"})


def test_content_text_uses_the_kiosk_default_language(make_content: MakeContent) -> None:
    folder = make_content(
        kiosk="spa_name: {es: Spa, en: Spa}\nlanguages: [es, en]\n",
        slides="slides:\n  - id: hi\n    title: {es: Hola, en: Hello}\n",
    )
    content = load_content(folder).content
    assert content is not None
    assert content.default_language == "es"
    assert content.text(content.slides[0].title, "en") == "Hello"
    assert content.text(content.slides[0].title, "fr") == "Hola"
    assert content.text(None, "en") == ""


# ---- kiosk.yaml ------------------------------------------------------------------------------


def test_kiosk_defaults(make_content: MakeContent) -> None:
    kiosk = loaded(make_content()).kiosk
    assert kiosk.spa_name == Text.plain("Test Spa")
    assert kiosk.languages == ("en",)
    assert kiosk.default_language == "en"
    assert kiosk.theme.background == "#1A1210"
    assert kiosk.theme.surface == "#261A17"
    assert kiosk.theme.text == "#FBF3EA"
    assert kiosk.theme.accent == "#E8643C"
    assert kiosk.theme.font is None
    assert kiosk.theme.logo is None
    assert kiosk.timing.slide_seconds == 8
    assert kiosk.timing.idle_seconds == 45
    assert kiosk.timing.warning_seconds == 20
    assert kiosk.timing.result_seconds == 90
    assert kiosk.booking.url is None
    assert kiosk.disclaimer == DEFAULT_DISCLAIMER
    assert "not medical advice" in kiosk.disclaimer.get("en").lower()


def test_kiosk_every_field(make_content: MakeContent) -> None:
    folder = make_content(
        kiosk="""\
            spa_name: {en: Ember, es: Ascua}
            languages: [en, es]
            theme:
              background: "#000000"
              surface: "#111111"
              text: "#ffffff"
              accent: "#e8643c"
              font: fonts/House.otf
              logo: logo.png
            timing:
              slide_seconds: 5.5
              idle_seconds: 30
              warning_seconds: 25
              result_seconds: 60
            booking:
              url: "https://book.example.com/?p={package}"
            disclaimer: {en: Relax only., es: Solo relax.}
            """,
        slides=in_english_and_spanish(SLIDES),
        questionnaire=in_english_and_spanish(QUESTIONNAIRE),
        packages=in_english_and_spanish(SMALL_PACKAGES),
        assets={"fonts/House.otf": b"OTTO" + bytes(60), "logo.png": PNG},
    )
    kiosk = loaded(folder).kiosk
    assert kiosk.spa_name.get("es") == "Ascua"
    assert kiosk.languages == ("en", "es")
    assert kiosk.theme.text == "#FFFFFF"  # colours are upper-cased
    assert kiosk.theme.accent == "#E8643C"
    assert kiosk.theme.font == "fonts/House.otf"
    assert kiosk.theme.logo == "logo.png"
    assert kiosk.timing.slide_seconds == 5.5
    assert kiosk.timing.warning_seconds == 25
    assert kiosk.booking.url == "https://book.example.com/?p={package}"
    assert kiosk.disclaimer.get("es") == "Solo relax."


def test_models_are_immutable(make_content: MakeContent) -> None:
    content = loaded(make_content())
    with pytest.raises(FrozenInstanceError):
        content.kiosk.theme.text = "#000000"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        content.packages[0].minutes = 5  # type: ignore[misc]
    with pytest.raises(TypeError):
        content.packages[0].addresses["pain"] = 9  # type: ignore[index]
    with pytest.raises(AttributeError):
        content.slides.append(content.slides[0])  # type: ignore[attr-defined]
    assert isinstance(content.questions, tuple)


# ---- slides.yaml -----------------------------------------------------------------------------


def test_slide_every_field(make_content: MakeContent) -> None:
    folder = make_content(
        slides="""\
            slides:
              - id: evening
                title: Evening calm
                body: Warmth for the end of the day.
                image: slides/evening.svg
                seconds: 12
                source: Someone 2020
                show:
                  from: 2025-01-01
                  until: 2025-12-31
                  days: [fri, sat]
                  hours: "20:00-02:00"
              - id: plain
                title: Plain
            """,
        assets={"slides/evening.svg": SVG},
    )
    content = loaded(folder)
    first, second = content.slides
    assert first.id == "evening"
    assert first.body == Text.plain("Warmth for the end of the day.")
    assert content.asset(first.image) == folder.parent / "assets" / "slides" / "evening.svg"
    assert first.seconds == 12
    assert first.source == "Someone 2020"
    assert first.show is not None
    assert first.show.from_ == date(2025, 1, 1)
    assert first.show.until == date(2025, 12, 31)
    assert first.show.days == ("fri", "sat")
    assert first.show.hours == "20:00-02:00"
    assert (second.body, second.image, second.seconds, second.source, second.show) == (None,) * 5


def test_slides_keep_their_order(make_content: MakeContent) -> None:
    folder = make_content(
        slides="slides:\n" + "".join(f"  - id: s{i}\n    title: S{i}\n" for i in (3, 1, 2))
    )
    assert [s.id for s in loaded(folder).slides] == ["s3", "s1", "s2"]


# ---- questionnaire.yaml ----------------------------------------------------------------------


QUESTIONS = """\
    questions:
      - id: goals
        prompt: What would you like?
        help: Pick up to two.
        kind: multiple
        max: 2
        options:
          - id: aches
            label: Ease aches
            icon: a.svg
            concerns: {pain: 2, neck: 0.5}
          - id: calm
            label: Calm down
            concerns: {stress: 1}
          - id: none
            label: Nothing special
            exclusive: true
      - id: areas
        prompt: Where?
        kind: single
        optional: true
        show_if: {question: goals, any_of: [aches]}
        options:
          - {id: neck, label: Neck, concerns: {neck: 1}}
          - {id: back, label: Back, concerns: {pain: 1}}
      - id: screening
        prompt: Any of these?
        kind: multiple
        options:
          - {id: unsure, label: Not sure, flags: [consult]}
          - {id: hot, label: Fever, flags: [unwell, consult]}
          - {id: fine, label: None of these, exclusive: true}
      - id: time
        prompt: Time?
        kind: single
        options:
          - {id: short, label: Half an hour, minutes: 30}
          - {id: long, label: An hour, minutes: 60}
    """

PACKAGES = """\
    packages:
      - id: ease
        name: Ease
        minutes: 30
        price: "€39"
        code: IR-30
        summary: Short and sweet.
        image: p.svg
        addresses: {pain: 2, neck: 1}
        avoid_if: [unwell]
      - id: calm
        name: Calm
        minutes: 60
        addresses: {stress: 2}
    consult:
      title: Talk to us
      body: Please see the desk.
    """

ICONS = {"a.svg": SVG, "p.svg": SVG}


def test_question_and_option_every_field(make_content: MakeContent) -> None:
    folder = make_content(questionnaire=QUESTIONS, packages=PACKAGES, assets=ICONS)
    content = loaded(folder)
    goals, areas, screening, time = content.questions
    assert goals.help == Text.plain("Pick up to two.")
    assert goals.kind == "multiple"
    assert goals.max == 2 and goals.most == 2
    assert goals.optional is False and areas.optional is True
    assert goals.show_if is None
    assert areas.show_if is not None
    assert (areas.show_if.question, areas.show_if.any_of) == ("goals", ("aches",))
    aches = goals.option("aches")
    assert aches is not None
    assert aches.icon == "a.svg"
    assert dict(aches.concerns) == {"pain": 2.0, "neck": 0.5}
    assert aches.flags == () and aches.minutes is None and aches.exclusive is False
    assert goals.option("none") is not None and goals.option("none").exclusive  # type: ignore[union-attr]
    assert goals.option("nope") is None
    assert screening.options[1].flags == ("unwell", "consult")
    assert [o.minutes for o in time.options] == [30, 60]
    assert time.most == 1 and screening.most == 3
    assert content.question("areas") is areas and content.question("x") is None


def test_max_above_the_options_means_all_of_them() -> None:
    question = validate(Question,
        {"id": "q", "prompt": "P", "kind": "multiple", "max": 9,
         "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}
    )
    assert question.most == 2


def test_option_defaults() -> None:
    option = validate(Option, {"id": "a", "label": "A"})
    assert (dict(option.concerns), option.flags, option.minutes, option.exclusive, option.icon) == (
        {}, (), None, False, None,
    )


# ---- packages.yaml ---------------------------------------------------------------------------


def test_package_every_field(make_content: MakeContent) -> None:
    folder = make_content(questionnaire=QUESTIONS, packages=PACKAGES, assets=ICONS)
    content = loaded(folder)
    ease, calm = content.packages
    assert ease.minutes == 30
    assert ease.price == "€39"
    assert ease.code == "IR-30" and ease.desk_code == "IR-30"
    assert calm.code is None and calm.desk_code == "calm"  # code defaults to id
    assert ease.summary == Text.plain("Short and sweet.")
    assert ease.image == "p.svg"
    assert dict(ease.addresses) == {"pain": 2, "neck": 1}
    assert ease.avoid_if == ("unwell",)
    assert calm.avoid_if == () and calm.price is None and calm.summary is None
    assert content.consult.title == Text.plain("Talk to us")
    assert content.consult.body == Text.plain("Please see the desk.")
    assert content.package("calm") is calm and content.package("x") is None


def test_price_is_shown_as_written() -> None:
    package = validate(Package, {"id": "p", "name": "P", "minutes": 30, "price": 39})
    assert package.price == "39"


def test_consult_screen_has_a_default(make_content: MakeContent) -> None:
    content = loaded(make_content())
    assert content.consult.title == DEFAULT_CONSULT_TITLE
    assert content.consult.body == DEFAULT_CONSULT_BODY


# ---- the folder ------------------------------------------------------------------------------


def test_assets_folder_is_beside_the_content_folder(make_content: MakeContent) -> None:
    folder = make_content()
    content = loaded(folder)
    assert content.folder == folder.absolute()
    assert content.assets == folder.absolute().parent / "assets"
    assert content.asset(None) is None


def test_summary_line(make_content: MakeContent, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_content(slides="slides:\n  - id: a\n    title: A\n  - id: a\n    title: B\n")
    monkeypatch.chdir(folder.parent)
    result = load_content(folder)
    assert result.content is None  # any error: nothing to show
    assert result.summary() == (
        "read content: 2 slides, 2 questions, 2 packages; 1 error, 0 warnings"
    )


def test_unreadable_folder_is_a_folder_error(tmp_path: Path) -> None:
    with pytest.raises(FolderError, match="no such folder"):
        load_content(tmp_path / "nope")
    (tmp_path / "file").write_text("x")
    with pytest.raises(FolderError, match="not a folder"):
        load_content(tmp_path / "file")


def test_kiosk_file_needs_a_spa_name() -> None:
    with pytest.raises(ValidationError):
        validate(KioskFile, {})


def test_the_built_in_disclaimer_speaks_every_shipped_language() -> None:
    """A spa that lists a shipped language and writes no disclaimer still tells those guests, in
    their own language, that this is not medical advice (not the English line)."""
    assert shipped() <= DEFAULT_DISCLAIMER.languages, shipped() - DEFAULT_DISCLAIMER.languages
    for code in sorted(shipped()):
        assert DEFAULT_DISCLAIMER.get(code).strip()
