"""The kiosk's own phrases in the language in use, read with Qt's translator.

The phrases are listed in English in kiosk.i18n.catalogue; their translations are the compiled
Qt Linguist files beside it, one QTranslator per language, loaded once. Staff may write any
phrase themselves in kiosk.yaml (`words: {it: {next: Avanti}}`), which comes first. A phrase no
one wrote in a language is looked for in its base language (`pt-BR` reads `pt`), then in the
spa's main language, then in English (kiosk.i18n.languages.chain).

The screens get the phrases as plain text from here, not through qsTr in QML: the language
changes with each guest, staff overrides come from the content, and a phrase that counts a
number ("We will start over in 1 second") is made with that number each time it changes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType

from PySide6.QtCore import QTranslator

from kiosk.i18n.catalogue import BY_KEY, CONTEXT, KEYS, Phrase
from kiosk.i18n.languages import chain, language_name, qm_file

__all__ = ["Words", "language_name", "words"]

Overrides = Mapping[str, Mapping[str, str]]
"""The staff's phrases by language code, then by phrase key (kiosk.yaml's `words`)."""

NO_OVERRIDES: Overrides = MappingProxyType({})

_translators: dict[str, QTranslator | None] = {}


def _translator(code: str) -> QTranslator | None:
    """The shipped translations of one language (None: the kiosk has none in it)."""
    if code not in _translators:
        path = qm_file(code)
        translator = QTranslator()
        _translators[code] = translator if path is not None and translator.load(str(path)) else None
    return _translators[code]


class Words(Mapping[str, str]):
    """The kiosk's phrases in one language. `words["next"]` is a phrase as it stands;
    `words.say("step", step=2, total=5)` fills in its numbers, in the plural form each
    number needs."""

    def __init__(
        self, language: str, overrides: Overrides = NO_OVERRIDES, main: str | None = None
    ) -> None:
        self.language = language
        self._chain = chain(language, main)
        self._overrides = overrides

    def _text(self, phrase: Phrase, count: int) -> str:
        """The phrase in Qt's form (`%1`, `%n` still in it) from the first place that has it."""
        for code in self._chain:
            written = self._overrides.get(code, {}).get(phrase.key)
            if written is not None:
                return phrase.to_qt(written)
            translator = _translator(code)
            if translator is not None:
                found = translator.translate(CONTEXT, phrase.english, phrase.key, count)
                if found:
                    return found
        return phrase.english

    def say(self, key: str, **numbers: int) -> str:
        """The phrase `key` with its numbers, named as in kiosk.i18n.catalogue.PLACEHOLDERS."""
        phrase = BY_KEY[key]
        values = [numbers[name] for name in phrase.names]
        counted = values[0] if phrase.counted else -1
        text = self._text(phrase, counted)
        if phrase.counted:
            text = text.replace("%n", str(values.pop(0)))
        for position, value in enumerate(values, start=1):
            text = text.replace(f"%{position}", str(value))
        return text

    def __getitem__(self, key: str) -> str:
        phrase = BY_KEY[key]
        if phrase.names:
            raise KeyError(f"{key!r} needs its numbers: use say({key!r}, ...)")
        return self._text(phrase, -1)

    def __iter__(self) -> Iterator[str]:
        return (key for key in KEYS if not BY_KEY[key].names)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def for_screens(self) -> dict[str, str]:
        """The phrases without numbers, by key, for QML (`words.next`)."""
        return dict(self.items())


def words(language: str, overrides: Overrides = NO_OVERRIDES, main: str | None = None) -> Words:
    """The kiosk's phrases in `language`, staff overrides first; a phrase with no words in it
    reads in the spa's main language `main`, else in English."""
    return Words(language, overrides, main)
