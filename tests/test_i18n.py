"""The kiosk's own phrases: every shipped language has every phrase with the plural forms its
language needs, the Linguist sources match the catalogue and the compiled files, and `check`
says when a chosen language has no words of the kiosk's own. No display, no Qt application."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from contentkit import MakeContent, problem_lines

from kiosk.i18n import catalogue, languages
from kiosk.i18n.catalogue import BY_KEY, KEYS, PHRASES

FOLDER = Path(catalogue.__file__).parent
SHIPPED = ("en", "es", "de", "fr", "it", "pt", "nl", "ja", "zh", "ar")
# Plural forms Qt keeps per language (Linguist's numerus forms): CLDR's categories as Qt has them.
PLURAL_FORMS = {"en": 2, "es": 2, "de": 2, "fr": 2, "it": 2, "pt": 2, "nl": 2,
                "ja": 1, "zh": 1, "ar": 6}


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} (PySide6's Linguist tools) is not installed")
    return found


def messages(code: str) -> dict[str, ET.Element]:
    tree = ET.parse(FOLDER / f"kiosk_{code}.ts")
    return {m.findtext("comment", ""): m for m in tree.iter("message")}


def test_the_shipped_languages_are_the_translation_files() -> None:
    assert languages.shipped() == frozenset(SHIPPED)
    assert sorted(p.stem for p in FOLDER.glob("kiosk_*.ts")) == sorted(
        f"kiosk_{code}" for code in SHIPPED
    )


def test_every_phrase_has_a_key_and_its_named_numbers() -> None:
    assert len(KEYS) == len(PHRASES)
    for phrase in PHRASES:
        marks = sorted(set(re.findall(r"%(\d|n)", phrase.english)))
        expected = (["n"] if phrase.counted else []) + [
            str(i) for i in range(1, len(phrase.names) - phrase.counted + 1)
        ]
        assert marks == sorted(expected), phrase.key


@pytest.mark.parametrize("code", [c for c in SHIPPED if c != "en"])
def test_every_shipped_language_has_every_phrase(code: str) -> None:
    found = messages(code)
    assert sorted(found) == sorted(KEYS)
    for key, message in found.items():
        phrase = BY_KEY[key]
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") is None, f"{code}: '{key}' is unfinished"
        forms = [f.text or "" for f in translation.findall("numerusform")]
        if phrase.counted:
            assert message.get("numerus") == "yes", f"{code}: '{key}' has no plural forms"
            assert len(forms) == PLURAL_FORMS[code], f"{code}: '{key}'"
            assert all(form.strip() for form in forms), f"{code}: '{key}' has an empty form"
            assert "%n" in forms[-1], f"{code}: '{key}' leaves out the number"
        else:
            text = translation.text or ""
            assert text.strip(), f"{code}: '{key}' is empty"
            for position in range(1, len(phrase.names) + 1):
                assert f"%{position}" in text, f"{code}: '{key}' leaves out %{position}"
        for text in forms or [translation.text or ""]:
            assert "{" not in text, f"{code}: '{key}' uses a staff placeholder, not Qt's"


def test_english_has_the_plural_forms_of_its_counted_phrases() -> None:
    found = messages("en")
    assert sorted(found) == sorted(p.key for p in PHRASES if p.counted)
    for key, message in found.items():
        forms = [f.text or "" for f in message.iter("numerusform")]
        assert (len(forms) == 2 and forms[0] != forms[1]) or key in ("pick_up_to", "minutes")


def test_the_sources_are_up_to_date_with_the_catalogue(tmp_path: Path) -> None:
    """pyside6-lupdate over the catalogue finds nothing new in the committed sources."""
    for code in SHIPPED:
        copy = tmp_path / f"kiosk_{code}.ts"
        shutil.copy(FOLDER / f"kiosk_{code}.ts", copy)
        args = ["-pluralonly"] if code == "en" else []
        subprocess.run(
            [tool("pyside6-lupdate"), *args, "-locations", "none", "-no-obsolete",
             str(FOLDER / "catalogue.py"), "-ts", str(copy)],
            check=True, capture_output=True,
        )
        assert copy.read_text("utf-8") == (FOLDER / f"kiosk_{code}.ts").read_text("utf-8"), (
            f"kiosk_{code}.ts is behind kiosk/i18n/catalogue.py: run pyside6-lupdate "
            "(docs/languages.md)"
        )


def test_the_compiled_files_match_their_sources(tmp_path: Path) -> None:
    for code in SHIPPED:
        made = tmp_path / f"kiosk_{code}.qm"
        subprocess.run(
            [tool("pyside6-lrelease"), str(FOLDER / f"kiosk_{code}.ts"), "-qm", str(made)],
            check=True, capture_output=True,
        )
        assert made.read_bytes() == (FOLDER / f"kiosk_{code}.qm").read_bytes(), (
            f"kiosk_{code}.qm is not compiled from kiosk_{code}.ts: run pyside6-lrelease"
        )


def test_where_a_language_reads_its_phrases() -> None:
    assert languages.chain("it") == ("it", "en")
    assert languages.chain("pt-BR") == ("pt-BR", "pt", "en")
    assert languages.chain("en-GB") == ("en-GB", "en")
    # Simplified characters are not a Traditional Chinese reader's words.
    assert languages.chain("zh-TW") == ("zh-TW", "zh-hant", "en")
    assert languages.chain("zh-CN") == ("zh-CN", "zh", "en")
    # Then the spa's main language, as its own texts do.
    assert languages.chain("pl", "de") == ("pl", "de", "en")
    assert languages.chain("pt-BR", "es-MX") == ("pt-BR", "pt", "es-MX", "es", "en")


def test_language_names_in_their_own_language() -> None:
    assert languages.language_name("de") == "Deutsch"
    assert languages.language_name("pt-BR") == "Português"
    assert languages.language_name("ar") == "العربية"
    assert languages.language_name("zh") == "中文"
    assert languages.language_name("zh-CN") == "简体中文"
    assert languages.language_name("zh-TW") == "繁體中文"
    assert languages.language_name("xx") == "XX"


def _kiosk(text: str) -> str:
    return "spa_name: Spa\n" + text


def words_lines(make_content: MakeContent, kiosk: str) -> list[str]:
    """The problems `check` finds in kiosk.yaml (the other files' missing translations aside)."""
    return [
        line for line in problem_lines(make_content(kiosk=kiosk), verify=False)
        if line.startswith("content/kiosk.yaml") and "spa_name" not in line
    ]


def test_check_is_quiet_for_shipped_languages(make_content: MakeContent) -> None:
    chosen = _kiosk("languages: [it, en, ja, zh, ar, pt-BR, en-GB]\n")
    assert words_lines(make_content, chosen) == []


def test_check_warns_that_a_language_has_no_words(make_content: MakeContent) -> None:
    assert words_lines(make_content, _kiosk("languages: [en, pl]\n")) == [
        "content/kiosk.yaml:2:17: warning: languages[1]: the kiosk has no words of its own in "
        "'pl': guests see all 24 of its phrases in English (buttons, headings, the idle "
        "warning); write them under 'words: pl:' (see docs/languages.md)"
    ]


def test_check_names_the_phrases_that_fall_back(make_content: MakeContent) -> None:
    every = "".join(f"    {key}: x\n" for key in KEYS if key not in ("done", "back"))
    lines = words_lines(make_content, _kiosk(f"languages: [en, pl]\nwords:\n  pl:\n{every}"))
    assert len(lines) == 1
    assert "guests see 'back', 'done' in English" in lines[0]


def test_staff_words_for_every_phrase_need_no_warning(make_content: MakeContent) -> None:
    every = "".join(f"    {key}: x\n" for key in KEYS)
    assert words_lines(make_content, _kiosk(f"languages: [en, pl]\nwords:\n  pl:\n{every}")) == []


def test_traditional_chinese_is_not_given_simplified(make_content: MakeContent) -> None:
    lines = words_lines(make_content, _kiosk("languages: [en, zh-TW]\n"))
    assert len(lines) == 1 and "in 'zh-TW'" in lines[0]


def test_a_misspelt_phrase_is_an_error(make_content: MakeContent) -> None:
    lines = words_lines(make_content, _kiosk("languages: [en, it]\nwords:\n  it: {nxet: Avanti}\n"))
    assert len(lines) == 1
    assert "error: " in lines[0] and "no phrase 'nxet' (did you mean 'next'?)" in lines[0]


def test_an_unknown_number_in_a_phrase_is_an_error(make_content: MakeContent) -> None:
    lines = words_lines(
        make_content,
        _kiosk("languages: [en, it]\nwords:\n  it:\n    reset_soon: Ricomincio tra {secondi}\n"),
    )
    assert len(lines) == 1
    assert "'reset_soon' has no number {secondi}; its numbers: {seconds}" in lines[0]


def test_words_for_a_language_not_chosen_are_never_seen(make_content: MakeContent) -> None:
    lines = words_lines(make_content, _kiosk("words:\n  it: {next: Avanti}\n"))
    assert len(lines) == 1 and "'it' is not in the kiosk.yaml languages (en)" in lines[0]


def test_english_words_are_read_by_a_language_that_falls_back(make_content: MakeContent) -> None:
    kiosk = _kiosk("languages: [pl, pt-BR]\nwords:\n  en: {next: Go on}\n  pt: {next: Seguir}\n")
    lines = words_lines(make_content, kiosk)
    assert len(lines) == 1 and "in 'pl'" in lines[0]  # no "never seen" for en or pt


def test_a_language_without_words_reads_the_main_language(make_content: MakeContent) -> None:
    lines = words_lines(make_content, _kiosk("languages: [de, pl]\n"))
    assert len(lines) == 1
    assert "'pl': guests see all 24 of its phrases in 'de' (buttons" in lines[0]


def test_check_says_which_phrases_fall_back_to_which_language(make_content: MakeContent) -> None:
    kiosk = _kiosk("languages: [pl, cs]\nwords:\n  pl: {next: Dalej, back: Wstecz}\n")
    lines = words_lines(make_content, kiosk)
    assert len(lines) == 2
    assert "in 'pl': guests see 'tap_to_begin', 'skip', 'see_suggestion'" in lines[0]
    assert "in 'cs': guests see 'next', 'back' in 'pl' and 'tap_to_begin', " in lines[1]
    assert "and 10 more in English (buttons" in lines[1]
