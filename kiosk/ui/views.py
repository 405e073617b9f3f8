"""Small typed values the QML screens read: a question with its options, a suggestion, the look.

Each is a read-only QObject whose properties are fixed when it is made (a new one replaces it
when anything changes), so QML tooling knows their names and types, and a screen never sees half
of an update. The view-models keep the one before the current one alive: QML takes down the
delegates of a replaced list a moment later, and they must not find their object gone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from PySide6.QtCore import Property, QObject

from kiosk.content.model import Theme

T = TypeVar("T")


def _field(name: str, kind: type) -> Property:
    return Property(kind, lambda self: getattr(self.data, name), constant=True)


class View(QObject, Generic[T]):
    """A QObject over one frozen dataclass value."""

    def __init__(self, data: T) -> None:
        super().__init__()
        self.data = data


@dataclass(frozen=True)
class Look:
    """The theme as the screens use it (the defaults are the content model's `Theme`)."""

    background: str
    surface: str
    text: str
    muted: str
    accent: str
    logo: str
    reduced_motion: bool

    @classmethod
    def of(cls, theme: Theme, logo: str) -> Look:
        return cls(
            background=theme.background,
            surface=theme.surface,
            text=theme.text,
            muted=theme.muted,
            accent=theme.accent,
            logo=logo,
            reduced_motion=theme.reduced_motion,
        )


class LookView(View[Look]):
    """The theme's colours, the logo's URL and whether motion is reduced."""

    background = _field("background", str)
    surface = _field("surface", str)
    text = _field("text", str)
    muted = _field("muted", str)
    accent = _field("accent", str)
    logo = _field("logo", str)
    reducedMotion = _field("reduced_motion", bool)


@dataclass(frozen=True)
class Language:
    code: str
    name: str


class LanguageView(View[Language]):
    code = _field("code", str)
    name = _field("name", str)


@dataclass(frozen=True)
class OptionText:
    id: str
    label: str
    icon: str
    exclusive: bool


class OptionView(View[OptionText]):
    id = _field("id", str)
    label = _field("label", str)
    icon = _field("icon", str)
    exclusive = _field("exclusive", bool)


@dataclass(frozen=True)
class QuestionText:
    id: str = ""
    prompt: str = ""
    help: str = ""
    how: str = ""
    multiple: bool = False
    options: tuple[OptionText, ...] = ()
    step: int = 0
    total: int = 0
    progress: str = ""
    first: bool = False
    last: bool = False


class QuestionView(View[QuestionText]):
    """The question on screen in the language in use; empty (no id) when there is none."""

    def __init__(self, data: QuestionText) -> None:
        super().__init__(data)
        self._options = [OptionView(option) for option in data.options]

    id = _field("id", str)
    prompt = _field("prompt", str)
    help = _field("help", str)
    how = _field("how", str)
    multiple = _field("multiple", bool)
    step = _field("step", int)
    total = _field("total", int)
    progress = _field("progress", str)
    first = _field("first", bool)
    last = _field("last", bool)

    def _get_options(self) -> list[OptionView]:
        return self._options

    options = Property(list, _get_options, constant=True)


@dataclass(frozen=True)
class SuggestionText:
    outcome: str = ""
    """"package", "consult", or "" while there is no suggestion."""
    consult_title: str = ""
    consult_body: str = ""
    name: str = ""
    minutes: str = ""
    price: str = ""
    summary: str = ""
    image: str = ""
    reasons: tuple[str, ...] = field(default=())
    also_good: str = ""
    code: str = ""
    qr: str = ""
    more_time: str = ""


class SuggestionView(View[SuggestionText]):
    """The suggestion (or the consult screen's words) in the language in use."""

    outcome = _field("outcome", str)
    consultTitle = _field("consult_title", str)
    consultBody = _field("consult_body", str)
    name = _field("name", str)
    minutes = _field("minutes", str)
    price = _field("price", str)
    summary = _field("summary", str)
    image = _field("image", str)
    alsoGood = _field("also_good", str)
    code = _field("code", str)
    qr = _field("qr", str)
    moreTime = _field("more_time", str)

    def _get_reasons(self) -> list[str]:
        return list(self.data.reasons)

    reasons = Property(list, _get_reasons, constant=True)


class Kept(Generic[T]):
    """The current view and the one before it (see the module's docstring)."""

    def __init__(self, first: T) -> None:
        self.current = first
        self._before: T | None = None

    def replace(self, view: T) -> None:
        self._before, self.current = self.current, view
