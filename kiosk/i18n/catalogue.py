"""Every phrase the kiosk itself shows, in English, as pyside6-lupdate finds them.

A phrase is marked `QT_TRANSLATE_NOOP(context, English, key)`, or, when it counts a number (the
idle countdown, "Choose up to 3"), `translate(context, English, key, 2)`: Qt then keeps one
form per plural category of each language (Arabic has six). The `key` is the phrase's name for
the screens (`words.next`) and for staff overrides in kiosk.yaml; Linguist shows it as the
message's disambiguation. `%1`, `%2` are the phrase's numbers, `%n` the counted one; staff
write them by name (`{step}`, `{seconds}`), as `PLACEHOLDERS` says.

Update the translation sources after changing a phrase (see docs/languages.md):
    pyside6-lupdate kiosk/i18n/catalogue.py -ts kiosk/i18n/kiosk_*.ts
    pyside6-lrelease kiosk/i18n/kiosk_*.ts
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CONTEXT = "Kiosk"


@dataclass(frozen=True)
class Phrase:
    key: str
    english: str
    counted: bool
    names: tuple[str, ...]
    """The staff's names of `%1`, `%2`... in order; for a counted phrase the first is `%n`."""

    def to_qt(self, written: str) -> str:
        """Text a member of staff wrote with `{names}` in Qt's form (`%1`, `%n`)."""
        for position, name in enumerate(self.names, start=1):
            mark = "%n" if self.counted and position == 1 else f"%{position - self.counted}"
            written = written.replace("{" + name + "}", mark)
        return written

    def unknown_placeholders(self, written: str) -> list[str]:
        """The `{...}` in a staff text that this phrase has no number for."""
        return [name for name in _PLACEHOLDER.findall(written) if name not in self.names]


_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def QT_TRANSLATE_NOOP(context: str, english: str, key: str) -> Phrase:
    """Marks a phrase for pyside6-lupdate; Qt translates it at run time."""
    return Phrase(key, english, counted=False, names=PLACEHOLDERS.get(key, ()))


def translate(context: str, english: str, key: str, example: int) -> Phrase:
    """Marks a phrase that counts a number (`%n`). pyside6-lupdate gives a message plural forms
    only when this last argument is a number written out, hence the example count."""
    return Phrase(key, english, counted=True, names=PLACEHOLDERS.get(key, ()))


PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "step": ("step", "total"),
    "pick_up_to": ("most",),
    "minutes": ("minutes",),
    "more_time": ("minutes",),
    "reset_soon": ("seconds",),
}

PHRASES: tuple[Phrase, ...] = (
    QT_TRANSLATE_NOOP("Kiosk", "Tap to find your session", "tap_to_begin"),
    QT_TRANSLATE_NOOP("Kiosk", "Next", "next"),
    QT_TRANSLATE_NOOP("Kiosk", "Skip", "skip"),
    QT_TRANSLATE_NOOP("Kiosk", "See my suggestion", "see_suggestion"),
    QT_TRANSLATE_NOOP("Kiosk", "Back", "back"),
    QT_TRANSLATE_NOOP("Kiosk", "Start over", "start_over"),
    QT_TRANSLATE_NOOP("Kiosk", "Question %1 of %2", "step"),
    QT_TRANSLATE_NOOP("Kiosk", "Choose one", "pick_one"),
    translate("Kiosk", "Choose up to %n", "pick_up_to", 2),
    QT_TRANSLATE_NOOP("Kiosk", "Choose all that apply", "pick_any"),
    QT_TRANSLATE_NOOP("Kiosk", "You may skip this one", "optional"),
    QT_TRANSLATE_NOOP("Kiosk", "Our suggestion for you", "your_suggestion"),
    QT_TRANSLATE_NOOP("Kiosk", "Because you told us", "because"),
    QT_TRANSLATE_NOOP("Kiosk", "Also good", "also_good"),
    QT_TRANSLATE_NOOP("Kiosk", "Show this code at the front desk", "desk_code"),
    QT_TRANSLATE_NOOP("Kiosk", "Scan to book", "scan_to_book"),
    translate("Kiosk", "%n min", "minutes", 60),
    translate(
        "Kiosk",
        "This session takes %n minutes, a little more than the time you have. "
        "Our front desk can help you find a moment.",
        "more_time",
        90,
    ),
    QT_TRANSLATE_NOOP("Kiosk", "Done", "done"),
    QT_TRANSLATE_NOOP("Kiosk", "Still there?", "still_there"),
    translate(
        "Kiosk",
        "We will start over in %n seconds to keep your answers private.",
        "reset_soon",
        20,
    ),
    QT_TRANSLATE_NOOP("Kiosk", "I need more time", "need_more_time"),
    QT_TRANSLATE_NOOP("Kiosk", "Language", "language"),
    QT_TRANSLATE_NOOP("Kiosk", "Larger text", "larger_text"),
)

BY_KEY: dict[str, Phrase] = {phrase.key: phrase for phrase in PHRASES}
KEYS: tuple[str, ...] = tuple(BY_KEY)
