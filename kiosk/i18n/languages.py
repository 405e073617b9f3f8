"""Which languages the kiosk ships its own words in, where a language's words fall back to,
and the names of languages in their own language (for the language buttons).

The shipped languages are the compiled translation files beside this module (kiosk_<code>.qm);
English is the phrases' own language and needs no file for its fixed phrases.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from kiosk.i18n.catalogue import KEYS

FOLDER = Path(__file__).parent
SOURCE_LANGUAGE = "en"

# Chinese written in Traditional characters: Simplified (our `zh`) is not their words.
_TRADITIONAL = {"hant", "tw", "hk", "mo"}


@cache
def shipped() -> frozenset[str]:
    """The languages whose words come with the kiosk."""
    return frozenset({SOURCE_LANGUAGE} | {p.stem.removeprefix("kiosk_") for p in _files()})


def _files() -> Iterable[Path]:
    return FOLDER.glob("kiosk_*.qm")


def qm_file(code: str) -> Path | None:
    """The compiled translations for a shipped language (None for English or an unknown one)."""
    path = FOLDER / f"kiosk_{code}.qm"
    return path if path.is_file() else None


def _tags(code: str) -> list[str]:
    return code.replace("_", "-").lower().split("-")


def base(code: str) -> str:
    """`pt-BR` -> `pt`: the language whose shipped words a regional code reads."""
    tags = _tags(code)
    if tags[0] == "zh" and _TRADITIONAL.intersection(tags[1:]):
        return "zh-hant"  # not shipped: falls back rather than showing Simplified characters
    return tags[0]


def chain(code: str, main: str | None = None) -> tuple[str, ...]:
    """Where the phrases of `code` are looked for, in order: the code as staff wrote it, its
    base language (`pt-BR` reads `pt`), then the spa's main language (`main`, the first in
    kiosk.yaml's languages), as the spa's own texts do, then English. In each, a phrase staff
    wrote in kiosk.yaml comes before the kiosk's own."""
    found: list[str] = []
    more = (main, base(main)) if main else ()
    for language in (code, base(code), *more, SOURCE_LANGUAGE):
        if language not in found:
            found.append(language)
    return tuple(found)


def falling_back(
    code: str, overrides: Mapping[str, Mapping[str, str]], main: str | None = None
) -> dict[str, list[str]]:
    """The phrases that `code` has no words for (neither the kiosk's nor the staff's), by the
    language they are shown in instead. Empty when every phrase reads in `code`'s language."""
    mine = {code, base(code)}
    looked = chain(code, main)
    instead: dict[str, list[str]] = {}
    for key in KEYS:
        shown = next(
            language for language in looked
            if language in shipped() or key in overrides.get(language, {})
        )
        if shown not in mine:
            instead.setdefault(shown, []).append(key)
    return {language: instead[language] for language in looked if language in instead}


NAMES = {
    "en": "English",
    "es": "Español",
    "de": "Deutsch",
    "fr": "Français",
    "it": "Italiano",
    "pt": "Português",
    "nl": "Nederlands",
    "pl": "Polski",
    "sv": "Svenska",
    "da": "Dansk",
    "fi": "Suomi",
    "no": "Norsk",
    "nb": "Norsk",
    "cs": "Čeština",
    "tr": "Türkçe",
    "el": "Ελληνικά",
    "ru": "Русский",
    "uk": "Українська",
    "ja": "日本語",
    "zh": "中文",
    "ko": "한국어",
    "ar": "العربية",
    "he": "עברית",
    "fa": "فارسی",
    "ur": "اردو",
    "hi": "हिन्दी",
    "th": "ไทย",
}


def language_name(code: str) -> str:
    """A language's name in that language (`de` -> Deutsch), or its code when unknown."""
    tags = _tags(code)
    if tags[0] == "zh" and len(tags) > 1:  # which script, when the code says
        return "繁體中文" if _TRADITIONAL.intersection(tags[1:]) else "简体中文"
    return NAMES.get(tags[0], code.upper())
