"""The staff's content as typed, immutable objects: one class per thing staff write.

Field names are the contract in CONTENT-SPEC.md. The classes are plain frozen dataclasses, so the
running kiosk uses checked content without importing pydantic (~18 MiB of a kiosk's memory). The
rules a field must follow are written beside it (`Rule`); pydantic reads them when content is
checked (`validate.py`) and the messages staff read are made from its errors in `load.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from kiosk.content.assets import looks_like_font_file
from kiosk.content.hours import CLOSED, DAYS, HoursError, OpeningHours, parse_opening_hours
from kiosk.content.problems import did_you_mean
from kiosk.i18n import catalogue as phrases

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import PydanticCustomError, core_schema

DEFAULT_LANGUAGE = "en"

# What a value must look like, in the words staff read: in check's messages (here and in
# kiosk.content.messages) and in the schemas' sentences for editors.
ID_WORDS = "an id (letters, digits, '-', '_' or '.')"
LANGUAGE_WORDS = "a language code such as en, es or pt-BR"
COLOUR_WORDS = 'a colour written as #RRGGBB (such as "#E8643C")'
DECIMAL_HINT = "write a plain decimal number such as 1 or 0.5"


def invalid(kind: str, message: str, **context: Any) -> PydanticCustomError:
    """pydantic's error for a value staff wrote wrong; `message` may name `{context}` keys."""
    # pydantic: only while content is checked (at a kiosk's start: +68 ms, +5 MiB)
    from pydantic_core import PydanticCustomError

    return PydanticCustomError(kind, message, context or None)


class Rule:
    """The rules of one field type for pydantic: `Field` constraints (min_length, pattern, gt,
    ...), then a validator run before pydantic's own checks and one run after. Written here,
    beside the fields; made into pydantic's objects only when content is checked."""

    __slots__ = ("after", "before", "constraints")

    def __init__(
        self, *, before: Callable[[Any], Any] | None = None,
        after: Callable[[Any], Any] | None = None, **constraints: Any,
    ) -> None:
        self.before = before
        self.after = after
        self.constraints = constraints

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # pydantic: only while content is checked (at a kiosk's start: +68 ms, +5 MiB)
        import pydantic

        # Constraints first: after a validator the JSON Schema would lose them.
        made: list[Any] = [pydantic.Field(**self.constraints)] if self.constraints else []
        if self.before is not None:
            made.append(pydantic.BeforeValidator(self.before))
        if self.after is not None:
            made.append(pydantic.AfterValidator(self.after))
        return handler(Annotated[(source, *made)])


class Help:
    """What a field means, with an example and, for a field with a few allowed values, what
    each one means: shown by editors from the JSON Schemas (`spa-kiosk schema`), written beside
    the field it explains."""

    __slots__ = ("description", "example", "values")

    def __init__(
        self, description: str, example: Any = None, values: Mapping[str, str] | None = None
    ) -> None:
        self.description = description
        self.example = example
        self.values = values

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        shown = dict(handler(schema))
        shown["description"] = self.description
        if self.example is not None:
            shown["examples"] = [self.example]
        if self.values is not None:
            # The YAML language server and VS Code show these beside each value they complete.
            if sorted(shown["enum"]) != sorted(self.values):
                raise ValueError(f"Help explains {sorted(self.values)}, the field allows "
                                 f"{sorted(shown['enum'])}")
            shown["enumDescriptions"] = [self.values[value] for value in shown["enum"]]
        return shown


# What an editor's YAML reader (YAML 1.2) sees in a value that this kiosk reads as text: `0123`
# is a number to it, `yes` text. The schemas accept what the kiosk accepts.
_SCALAR_TYPES = ["string", "number", "boolean"]
_TRUE_FALSE_WORDS = [
    word for base in ("true", "false", "yes", "no", "on", "off")
    for word in (base, base.capitalize(), base.upper())
]


class Text:
    """Staff text: one string, or one string per language code. Immutable."""

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, str]) -> None:
        self._values: Mapping[str, str] = MappingProxyType(dict(values))

    @classmethod
    def plain(cls, value: str) -> Text:
        return cls({"": value})

    @property
    def is_plain(self) -> bool:
        return "" in self._values

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(code for code in self._values if code)

    def get(self, language: str, default_language: str = DEFAULT_LANGUAGE) -> str:
        """The text in `language`; else in the default language; else the first one written."""
        values = self._values
        for code in (language, "", default_language):
            if code in values:
                return values[code]
        return next(iter(values.values()), "")

    def all(self) -> Iterator[str]:
        return iter(self._values.values())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and dict(self._values) == dict(other._values)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._values.items())))

    def __repr__(self) -> str:
        return f"Text({dict(self._values)!r})"

    def __reduce__(self) -> tuple[type[Text], tuple[dict[str, str]]]:
        return (Text, (dict(self._values),))  # for the start-up snapshot (content/last_good.py)

    @classmethod
    def _parse(cls, value: Any) -> Text:
        if isinstance(value, Text):
            return value
        if isinstance(value, str):
            if not value.strip():
                raise invalid("text_empty", "expected text, got an empty string")
            return cls.plain(value)
        if isinstance(value, dict) and value:
            for code, item in value.items():
                if not isinstance(item, str) or not item.strip():
                    raise invalid(
                        "text_translation", "the '{code}' translation must be non-empty text",
                        code=code,
                    )
            return cls(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise invalid(
                "text_number", 'expected text, got the number {value}; put it in quotes: "{value}"',
                value=value,
            )
        raise invalid(
            "text_type", "expected text: a string, or one string per language such as {example}",
            example="{en: ..., es: ...}",
        )

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # pydantic: only while content is checked (at a kiosk's start: +68 ms, +5 MiB)
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls._parse,  # written back as staff write it, for defaults in the JSON Schema
            serialization=core_schema.plain_serializer_function_ser_schema(cls._dump),
        )

    def _dump(self) -> str | dict[str, str]:
        return self._values[""] if self.is_plain else dict(self._values)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": _SCALAR_TYPES, "minLength": 1},
                {
                    "type": "object",
                    "additionalProperties": {"type": _SCALAR_TYPES, "minLength": 1},
                    "minProperties": 1,
                    "description": "one text per language code, e.g. {en: ..., es: ...}",
                },
            ]
        }


def frozen_mapping(value: Mapping[str, float]) -> Mapping[str, float]:
    return MappingProxyType(dict(value))


def _colour_given(value: Any) -> Any:
    if value is None:  # `accent: #E8643C` without quotes: YAML reads '#' as a comment
        raise invalid(
            "colour_missing",
            'expected a colour such as "#E8643C" in quotes; without quotes YAML reads '
            "everything from '#' on as a comment",
        )
    return value


def _check_colour(value: str) -> str:
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
        raise invalid(
            "colour", f'expected {COLOUR_WORDS}, got "{{value}}"',
            value=value,
        )
    return value.upper()


def _check_hours(value: str) -> str:
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*", value)
    if not match or not _is_clock(match[1], match[2]) or not _is_clock(match[3], match[4]):
        raise invalid(
            "hours", 'expected hours as "HH:MM-HH:MM" (such as "09:00-17:30"), got "{value}"',
            value=value,
        )
    if (int(match[1]), match[2]) == (int(match[3]), match[4]):
        raise invalid(
            "hours_empty",
            'the hours "{value}" start and end at the same time, so the slide would never play; '
            "leave hours out to show it all day",
            value=value,
        )
    return value.replace(" ", "")


def _is_clock(hours: str, minutes: str) -> bool:
    return (int(hours) <= 23 and int(minutes) <= 59) or (int(hours) == 24 and minutes == "00")


def _check_booking_url(value: str) -> str:
    if "{package}" not in value:
        raise invalid(
            "booking_url", "the booking url must contain {placeholder} where the package code goes",
            placeholder="{package}",
        )
    return value


_DECIMAL = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)")
_CLOCK = re.compile(r"(\d+):([0-5]\d)")
TRUE_WORDS = frozenset({"true", "yes", "on"})
FALSE_WORDS = frozenset({"false", "no", "off"})


def _number(value: Any, unit: tuple[str, str] | None = None) -> Any:
    """A number field's value: staff write a plain decimal number (30, 1.5, -2); the text
    written becomes that number, and anything else is an error that says what was written.
    `unit`: the field's unit and the next larger one, for `1:30` (("minute", "hour"))."""
    if isinstance(value, bool):  # from Python callers: pydantic would read true as 1
        raise invalid("number_text", "expected a number, got {value}", value=value, hint="")
    if not isinstance(value, str):
        return value
    written = value.strip()
    if _DECIMAL.fullmatch(written):
        return float(written) if "." in written else int(written)
    raise invalid(
        "number_text", "expected a number, got {value}", value=value,
        hint=_number_hint(written, unit),
    )


def _number_hint(written: str, unit: tuple[str, str] | None) -> str:
    clock = _CLOCK.fullmatch(written)
    if clock and unit:
        big, small = int(clock[1]), int(clock[2])
        return f"; write {big * 60 + small} for {_duration(big, small, *unit)}"
    if _YAML_NUMBER.fullmatch(written):
        return f"; {DECIMAL_HINT}"
    if re.match(r"[-+]?\d", written) and re.search(r"[A-Za-z]", written):
        return "; write the number alone, such as 30"
    return ""


# Numbers that YAML 1.1 or 1.2 would read but staff files do not: 1e3, 0x1F, 0o17, 1_000, .inf.
_YAML_NUMBER = re.compile(
    r"[-+]?(\.(nan|inf)|0x[0-9a-f]+|0o[0-7]+|[\d_]*\.?[\d_]+(e[-+]?\d+)?)", re.IGNORECASE
)


def _duration(big: int, small: int, unit: str, larger: str) -> str:
    """"an hour and a half", "2 hours", "an hour and 10 minutes"."""
    whole = f"a{'n' if larger[0] in 'aeiouh' else ''} {larger}" if big == 1 else f"{big} {larger}s"
    if small == 0:
        return whole
    if small == 30:
        return f"{whole} and a half" if big == 1 else f"{big} and a half {larger}s"
    return f"{whole} and {small} {unit}{'' if small == 1 else 's'}"


def _minutes(value: Any) -> Any:
    return _number(value, ("minute", "hour"))


def _seconds(value: Any) -> Any:
    return _number(value, ("second", "minute"))


def _true_false(value: Any) -> Any:
    """A true/false field: `true` or `false`; `yes`/`no` and `on`/`off` mean the same."""
    if isinstance(value, bool):
        return value
    word = value.strip().lower() if isinstance(value, str) else None
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise invalid("true_false", "expected true or false, got {value}", value=value)


ID_PATTERN = r"^[A-Za-z0-9_.-]+$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})?$"
_AS_TEXT = {"type": _SCALAR_TYPES}
_WHOLE = {"type": ["integer", "string"], "pattern": r"^\s*[-+]?\d+\s*$"}
_DECIMAL_TEXT = {"type": ["number", "string"], "pattern": r"^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$"}


def _told(schema: dict[str, Any], message: str) -> dict[str, Any]:
    """`schema` with the sentence an editor shows for any mistake in the value (`errorMessage`,
    which the YAML language server and VS Code read), instead of the bare rule it broke."""
    return {**schema, "errorMessage": message}


Id = Annotated[
    str, Rule(min_length=1, max_length=64, pattern=ID_PATTERN, json_schema_extra=_told(
        _AS_TEXT, f"expected {ID_WORDS}, at most 64 characters"))
]
Colour = Annotated[
    str, Rule(before=_colour_given, after=_check_colour,
              json_schema_extra=_told({"pattern": "^#[0-9A-Fa-f]{6}$"},
                                      f"expected {COLOUR_WORDS}, in quotes")),
]
# .nan would make ranking undefined
Weight = Annotated[
    float, Rule(allow_inf_nan=False, before=_number, json_schema_extra=_told(
        _DECIMAL_TEXT, f"expected a number; {DECIMAL_HINT}"))
]
Weights = Annotated[Mapping[str, Weight], Rule(after=frozen_mapping)]
AssetPath = Annotated[str, Rule(min_length=1, json_schema_extra=_AS_TEXT)]
LanguageCode = Annotated[str, Rule(pattern=LANGUAGE_PATTERN, json_schema_extra=_told(
    _AS_TEXT, f"expected {LANGUAGE_WORDS}"))]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
# A time on a clock as the checks read it: 0:00 to 23:59, and 24:00 (the end of a day).
_CLOCK_TIME = r"(([01]?\d|2[0-3]):[0-5]\d|24:00)"
HOURS_PATTERN = rf"^\s*{_CLOCK_TIME}\s*-\s*{_CLOCK_TIME}\s*$"
Hours = Annotated[
    str, Rule(after=_check_hours, json_schema_extra=_told(
        {"type": "string", "pattern": HOURS_PATTERN},
        'expected hours as "HH:MM-HH:MM" (such as "09:00-17:30"), in quotes')),
]
Seconds = Annotated[
    float, Rule(gt=0, le=86_400, before=_seconds, json_schema_extra=_told(
        _DECIMAL_TEXT, "expected a number of seconds more than 0, such as 45"))
]
Minutes = Annotated[int, Rule(gt=0, le=24 * 60, before=_minutes, json_schema_extra=_told(
    _WHOLE, "expected a whole number of minutes more than 0 and at most 1440, such as 60 "
            "(write 90 for an hour and a half)"))]
_TRUE_FALSE = _told({"type": ["boolean", "string"], "enum": [True, False, *_TRUE_FALSE_WORDS]},
                    "expected true or false (yes and on mean true; no and off mean false)")
YesNo = Annotated[bool, Rule(before=_true_false, json_schema_extra=_TRUE_FALSE)]
WORDS = Rule(json_schema_extra=_AS_TEXT)
Words = Annotated[str, WORDS]  # a string shown or kept exactly as written (a price, a code)
BookingUrl = Annotated[
    str, Rule(after=_check_booking_url, json_schema_extra=_told(
        {"pattern": r"\{package\}"},
        "the booking url must contain {package} where the package code goes")),
]


def yaml_name(name: str) -> str:
    """The key staff write for a field: `from_` is `from` (a Python keyword)."""
    return name.rstrip("_")


class Model:
    """What every content class shares: pydantic's settings for checking it."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {
        "extra": "forbid", "coerce_numbers_to_str": True, "alias_generator": yaml_name,
    }


@dataclass(frozen=True, kw_only=True)
class Theme(Model):
    background: Annotated[Colour, Help("the screen's background colour", "#1A1210")] = "#1A1210"
    surface: Annotated[Colour, Help("the colour of cards and buttons", "#261A17")] = "#261A17"
    text: Annotated[Colour, Help("the colour of text", "#FBF3EA")] = "#FBF3EA"
    muted: Annotated[Colour, Help("the colour of quiet text (hints, fine print)", "#CDBFB2")] = (
        "#CDBFB2"
    )
    accent: Annotated[
        Colour, Help("the colour of highlights and the main button; in quotes", "#E8643C")
    ] = "#E8643C"
    font: Annotated[
        Words | None,
        Help("the typeface: a font file inside assets/, or an installed font's name; the "
             "shipped Inter when left out", "fonts/Lora.ttf"),
    ] = None
    logo: Annotated[
        AssetPath | None, Help("the spa's logo, a picture inside assets/", "logo.svg")
    ] = None
    reduced_motion: Annotated[
        YesNo, Help("true: screens change with a cut instead of a fade (for guests who find "
                    "motion uncomfortable)", True)
    ] = False
    text_size: Annotated[
        Literal["normal", "large"],
        Help("normal or large: the size of the text on every screen when a guest begins; a "
             "guest can switch to larger text on the questions, for their journey only",
             "large", {"normal": "the usual size of text",
                       "large": "larger text on every screen, for guests who read better so"}),
    ] = "normal"


def _opening_hours(value: Any) -> OpeningHours:
    try:
        return parse_opening_hours(value)
    except HoursError as exc:
        raise invalid("opening_hours", "{told}", told=exc.message, key=exc.key) from None


def _any_case(word: str) -> str:
    """A pattern for `word` in upper or lower case (JSON Schema patterns have no flags)."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)


# kiosk.content.hours reads a range's first time up to 23:59 and its last up to 24:00; day names
# and `closed` in any case, with spaces around.
_OPENING_RANGE = (
    r"^\s*([01]?\d|2[0-3]):[0-5]\d\s*-\s*(([01]?\d|2[0-3]):[0-5]\d|24:00)\s*$"
)
_OPENING_TOLD = (
    'expected a time range such as "09:00-21:00" (in quotes), a list of those, or closed'
)
_HOURS_VALUE = {
    "oneOf": [  # each one says the same: an editor shows the words of the closest one
        _told({"type": "string", "pattern": _OPENING_RANGE}, _OPENING_TOLD),
        _told({"type": "string", "pattern": rf"^\s*{_any_case(CLOSED)}\s*$"}, _OPENING_TOLD),
        _told({"type": "array", "minItems": 1,
               "items": _told({"type": "string", "pattern": _OPENING_RANGE}, _OPENING_TOLD)},
              _OPENING_TOLD),
    ]
}


class _ReadAsOpeningHours:
    """`opening_hours` is read by kiosk.content.hours (days, ranges of days, `except:` dates);
    editors get its shape from the JSON Schema below."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # pydantic: only while content is checked (at a kiosk's start: +68 ms, +5 MiB)
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(_opening_hours)

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        day = "|".join(_any_case(name) for name in DAYS)
        dated = {
            "type": "object",
            "description": "dated exceptions (YYYY-MM-DD), with the same kinds of value",
            "propertyNames": {"pattern": r"^\s*\d{4}-\d{2}-\d{2}\s*$"},
            "additionalProperties": _HOURS_VALUE,
        }
        return {
            "type": "object",
            "properties": {"except": dated},
            "patternProperties": {
                rf"^\s*({day})\s*(-\s*({day})\s*)?$": _HOURS_VALUE,
                rf"^\s*{_any_case('except')}\s*$": dated,
            },
            "additionalProperties": False,
        }


OpeningHoursField = Annotated[OpeningHours, _ReadAsOpeningHours()]


@dataclass(frozen=True, kw_only=True)
class Timing(Model):
    slide_seconds: Annotated[Seconds, Help("seconds each slide shows (a slide's own 'seconds' "
                                           "wins)", 8)] = 8
    idle_seconds: Annotated[
        Seconds, Help("seconds without a tap during the questions or the suggestion before "
                      "\"Still there?\" appears", 45)
    ] = 45
    warning_seconds: Annotated[
        float,
        Rule(ge=20, le=600, before=_seconds, json_schema_extra=_told(
            _DECIMAL_TEXT, "expected a number of seconds from 20 to 600")),
        Help("seconds of the \"Still there?\" countdown before the answers are cleared; at "
             "least 20", 20),
    ] = 20
    result_seconds: Annotated[
        Seconds, Help("seconds the suggestion stays on screen before the slides return", 90)
    ] = 90
    advance_on_choice: Annotated[
        YesNo, Help("true: a question where the guest chooses one answer moves on as soon as "
                    "it is chosen (the last question still waits for \"See my suggestion\"); "
                    "false: every question waits for Next", True)
    ] = True


@dataclass(frozen=True, kw_only=True)
class Booking(Model):
    url: Annotated[
        BookingUrl | None,
        Help("a web address shown as a QR code on the suggestion; {package} in it becomes "
             "the package's desk code", "https://spa.example/book?package={package}"),
    ] = None


DEFAULT_DISCLAIMER = Text(
    {
        "en": "For relaxation and well-being only. Not medical advice: ask your doctor about "
        "any health condition.",
        "es": "Solo para relajación y bienestar. No es consejo médico: consulte a su médico "
        "sobre cualquier problema de salud.",
        "de": "Nur zur Entspannung und zum Wohlbefinden. Keine medizinische Beratung: fragen "
        "Sie bei Beschwerden Ihre Ärztin oder Ihren Arzt.",
        "fr": "Pour la détente et le bien-être uniquement. Pas un avis médical : parlez de tout "
        "problème de santé à votre médecin.",
        "it": "Solo per il relax e il benessere. Non è un consiglio medico: per qualsiasi "
        "problema di salute si rivolga al suo medico.",
        "pt": "Apenas para relaxamento e bem-estar. Não é aconselhamento médico: fale com o "
        "seu médico sobre qualquer problema de saúde.",
        "nl": "Alleen voor ontspanning en welzijn. Geen medisch advies: vraag uw arts om raad "
        "bij gezondheidsklachten.",
        "ja": "リラクゼーションと心身の健康のためのものです。医療上の助言ではありません。"
        "健康上の不安がある方は医師にご相談ください。",
        "zh": "仅供放松与保健之用，并非医疗建议。如有任何健康问题，请咨询您的医生。",  # noqa: RUF001
        "ar": "للاسترخاء والعافية فقط، وليس نصيحة طبية. استشر طبيبك في أي مشكلة صحية.",
    }
)


def _check_phrase_key(value: str) -> str:
    if value not in phrases.BY_KEY:
        raise invalid(
            "phrase_key", "the kiosk has no phrase '{value}'{hint}; its phrases are {keys}",
            value=value, hint=did_you_mean(value, phrases.KEYS), keys=", ".join(phrases.KEYS),
        )
    return value


def _check_phrases(value: Mapping[str, str]) -> Mapping[str, str]:
    for key, text in value.items():
        phrase = phrases.BY_KEY[key]
        unknown = phrase.unknown_placeholders(text)
        if unknown:
            valid = ", ".join("{" + name + "}" for name in phrase.names) or "none"
            raise invalid(
                "phrase_placeholder", "'{key}' has no number {name}; its numbers: {valid}",
                key=key, name="{" + unknown[0] + "}", valid=valid,
            )
    return MappingProxyType(dict(value))


# The spa's own wording of the kiosk's phrases, by language code then phrase key.
Phrases = Annotated[
    Mapping[
        Annotated[str, Rule(after=_check_phrase_key)],
        Annotated[str, Rule(min_length=1, json_schema_extra=_AS_TEXT)],
    ],
    Rule(after=_check_phrases, json_schema_extra={"propertyNames": {"enum": list(phrases.KEYS)}}),
]


@dataclass(frozen=True, kw_only=True)
class KioskFile(Model):
    """kiosk.yaml: the spa's name, languages, look, timings, booking and disclaimer."""

    spa_name: Annotated[
        Text, Help("the spa's name on the screens: one text, or one per language",
                   {"en": "Ember & Stone", "es": "Ember & Stone"})
    ]
    languages: Annotated[
        tuple[LanguageCode, ...], Rule(min_length=1, json_schema_extra={"uniqueItems": True}),
        Help("language codes; the first is the main one, and with more than one guests get a "
             "language switch", ["en", "es"]),
    ] = (DEFAULT_LANGUAGE,)
    theme: Annotated[Theme, Help("the screens' colours, typeface, logo and motion")] = field(
        default_factory=Theme
    )
    timing: Annotated[Timing, Help("how long slides, questions and the suggestion wait")] = (
        field(default_factory=Timing)
    )
    booking: Annotated[Booking, Help("online booking from the suggestion screen")] = field(
        default_factory=Booking
    )
    disclaimer: Annotated[
        Text, Help("the fine print on the slides and the suggestion",
                   "For relaxation only; not medical advice.")
    ] = DEFAULT_DISCLAIMER
    opening_hours: Annotated[
        OpeningHoursField | None,
        Help("when the spa is open; outside these hours the screen sleeps and a touch wakes "
             "it. Days (mon..sun) or ranges (mon-fri) with \"HH:MM-HH:MM\", a list of those, "
             "or closed; a later key overrides an earlier one; except: maps dates to the same",
             {"mon-fri": "09:00-21:00", "sat": ["10:00-14:00", "16:00-23:30"], "sun": "closed"}),
    ] = None
    words: Annotated[
        Mapping[LanguageCode, Phrases], Rule(after=frozen_mapping),
        Help("the spa's own wording of the kiosk's phrases (buttons, headings), by language "
             "code then phrase; see docs/languages.md", {"it": {"next": "Continua"}}),
    ] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def default_language(self) -> str:
        return self.languages[0]


@dataclass(frozen=True, kw_only=True)
class Show(Model):
    """When a slide may play: all given conditions must hold."""

    from_: Annotated[
        date | None, Help("the first day the slide plays, written YYYY-MM-DD", "2026-12-01")
    ] = None
    until: Annotated[
        date | None, Help("the last day the slide plays, written YYYY-MM-DD", "2026-12-31")
    ] = None
    days: Annotated[
        Annotated[tuple[Weekday, ...], Rule(json_schema_extra={"minItems": 1})] | None,
        Help("the weekdays the slide plays", ["sat", "sun"]),
    ] = None
    hours: Annotated[
        Hours | None,
        Help("the hours the slide plays, \"HH:MM-HH:MM\" in quotes; may cross midnight",
             "17:00-21:00"),
    ] = None


@dataclass(frozen=True, kw_only=True)
class Slide(Model):
    id: Annotated[Id, Help("a name for this slide, unique among the slides", "welcome")]
    title: Annotated[Text, Help("the large line", "Welcome to the spa")]
    body: Annotated[
        Text | None, Help("a sentence or two under the title", "Warmth that goes deep.")
    ] = None
    image: Annotated[
        AssetPath | None, Help("a picture inside assets/; the text shows alone without it",
                               "slides/welcome.svg")
    ] = None
    seconds: Annotated[
        Seconds | None, Help("seconds this slide shows, instead of timing.slide_seconds", 12)
    ] = None
    source: Annotated[
        Words | None, Help("where a health statement on the slide comes from",
                           "Spa association guide, 2024")
    ] = None
    show: Annotated[
        Show | None, Help("when the slide plays (all conditions given must hold); always when "
                          "left out", {"days": ["fri", "sat"], "hours": "17:00-21:00"})
    ] = None


@dataclass(frozen=True, kw_only=True)
class SlidesFile(Model):
    """slides.yaml: the attract loop, in playing order."""

    slides: Annotated[
        tuple[Slide, ...], Rule(min_length=1),
        Help("the slides of the attract loop, in playing order"),
    ]


@dataclass(frozen=True, kw_only=True)
class ShowIf(Model):
    question: Annotated[Id, Help("the id of an earlier question", "goals")]
    any_of: Annotated[
        tuple[Id, ...], Rule(min_length=1),
        Help("option ids of that question; this question is asked when one was chosen",
             ["ease_aches"]),
    ]


@dataclass(frozen=True, kw_only=True)
class Option(Model):
    id: Annotated[Id, Help("a name for this option, unique in its question", "ease_aches")]
    label: Annotated[Text, Help("the words on the option's button", "Ease aches & pains")]
    icon: Annotated[
        AssetPath | None, Help("a small picture inside assets/", "icons/aches.svg")
    ] = None
    concerns: Annotated[
        Weights, Help("what this answer says about the guest: concern names with a weight; "
                      "packages' addresses use the same names", {"pain": 2, "tension": 1}),
    ] = field(default_factory=lambda: frozen_mapping({}))
    flags: Annotated[
        tuple[Id, ...], Help("screening flags this answer raises; packages avoid_if them, and "
                             "'consult' always leads to the talk-to-us screen", ["pregnancy"]),
    ] = ()
    minutes: Annotated[
        Minutes | None, Help("the time this answer says the guest has, in minutes", 60)
    ] = None
    exclusive: Annotated[
        YesNo, Help("true: this option stands alone (such as \"None of these\")", True)
    ] = False


@dataclass(frozen=True, kw_only=True)
class Question(Model):
    # For editors: `max` with kind: single is an error in check (content/check.py), on its line.
    __pydantic_config__: ClassVar[dict[str, Any]] = {
        **Model.__pydantic_config__,
        "json_schema_extra": {
            "if": {"properties": {"kind": {"const": "single"}}, "required": ["kind"]},
            "then": {"properties": {"max": {
                "type": "null", "errorMessage": "'max' is only for kind: multiple",
            }}},
        },
    }

    id: Annotated[Id, Help("a name for this question, unique among the questions", "goals")]
    prompt: Annotated[Text, Help("the question as the guest reads it", "What brings you in?")]
    help: Annotated[Text | None, Help("a hint under the prompt", "Pick up to two.")] = None
    kind: Annotated[
        Literal["single", "multiple"],
        Help("single: the guest picks one option; multiple: one or more (see max)", "single",
             {"single": "the guest picks one option",
              "multiple": "the guest picks one or more options (at most max)"}),
    ]
    max: Annotated[
        Annotated[int, Rule(ge=1, before=_number, json_schema_extra=_told(
            _WHOLE, "expected a whole number of options, at least 1"))] | None,
        Help("for kind: multiple, the most options a guest may pick", 2),
    ] = None
    optional: Annotated[YesNo, Help("true: the guest may skip this question", True)] = False
    show_if: Annotated[
        ShowIf | None, Help("ask this question only when an earlier answer chose one of some "
                            "options", {"question": "goals", "any_of": ["ease_aches"]}),
    ] = None
    options: Annotated[
        tuple[Option, ...], Rule(min_length=2), Help("the answers to choose from, at least 2")
    ]

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    @property
    def most(self) -> int:
        """The most options a guest may pick."""
        if self.kind == "single":
            return 1
        return min(self.max or len(self.options), len(self.options))


@dataclass(frozen=True, kw_only=True)
class QuestionnaireFile(Model):
    """questionnaire.yaml: the questions, in asking order."""

    questions: Annotated[
        tuple[Question, ...], Rule(min_length=1), Help("the questions, in asking order")
    ]


@dataclass(frozen=True, kw_only=True)
class Package(Model):
    id: Annotated[Id, Help("a name for this package, unique among the packages", "deep_60")]
    name: Annotated[Text, Help("the package's name on the suggestion", "Deep Warmth 60")]
    minutes: Annotated[Minutes, Help("how long the session lasts, in minutes", 60)]
    price: Annotated[Words | None, Help("the price, shown exactly as written", "€79.00")] = None
    code: Annotated[
        Words | None, Help("the code the guest shows at the desk; the id when left out",
                           "IR-60D")
    ] = None
    summary: Annotated[
        Text | None, Help("a sentence or two about the session", "Slow, deep warmth.")
    ] = None
    image: Annotated[
        AssetPath | None, Help("a picture inside assets/", "packages/deep.svg")
    ] = None
    addresses: Annotated[
        Weights, Help("what the package is good for: concern names (as in the options' "
                      "concerns) with a weight", {"pain": 3, "back": 2}),
    ] = field(default_factory=lambda: frozen_mapping({}))
    avoid_if: Annotated[
        tuple[Id, ...], Help("screening flags that rule this package out", ["pregnancy"])
    ] = ()

    @property
    def desk_code(self) -> str:
        return self.code or self.id


DEFAULT_CONSULT_TITLE = Text(
    {"en": "Let's talk first", "es": "Hablemos primero"}
)
DEFAULT_CONSULT_BODY = Text(
    {
        "en": "From your answers, our therapist would like a word with you before we suggest a "
        "session. Please see the front desk.",
        "es": "Por sus respuestas, nuestro terapeuta quiere hablar con usted antes de sugerir una "
        "sesión. Pase por recepción, por favor.",
    }
)


@dataclass(frozen=True, kw_only=True)
class Consult(Model):
    title: Annotated[
        Text, Help("the heading of the talk-to-us screen", "Let's talk first")
    ] = DEFAULT_CONSULT_TITLE
    body: Annotated[
        Text, Help("the words of the talk-to-us screen", "Please see the front desk.")
    ] = DEFAULT_CONSULT_BODY


@dataclass(frozen=True, kw_only=True)
class PackagesFile(Model):
    """packages.yaml: what the spa offers, and the "please talk to our therapist" screen."""

    packages: Annotated[
        tuple[Package, ...], Rule(min_length=1),
        Help("what the spa offers; the order breaks ties between equally good packages"),
    ]
    consult: Annotated[
        Consult, Help("the screen shown when a screening answer means a therapist should talk "
                      "with the guest first")
    ] = field(default_factory=Consult)


FILE_MODELS: dict[str, type[Model]] = {
    "kiosk.yaml": KioskFile,
    "slides.yaml": SlidesFile,
    "questionnaire.yaml": QuestionnaireFile,
    "packages.yaml": PackagesFile,
}


@dataclass(frozen=True)
class StoredAsset:
    """One asset file as its check found it: the file the screens show (in the running kiosk,
    its own copy: kiosk/ops/assetstore.py) and a picture's shape."""

    file: Path
    aspect: float = 0.0
    """Width over height of a picture as the screens draw it (0.0: not known, or a font)."""


@dataclass(frozen=True)
class Content:
    """One consistent, checked set of the four files, and where its assets are."""

    folder: Path
    assets: Path
    kiosk: KioskFile
    slides: tuple[Slide, ...]
    questions: tuple[Question, ...]
    packages: tuple[Package, ...]
    consult: Consult
    stored: Mapping[str, StoredAsset] = field(default_factory=lambda: MappingProxyType({}))
    """Each checked asset by the name staff wrote: the file to show (the kiosk's copy) and a
    picture's shape. Empty when the set was read without a file check (tests, tools)."""

    @property
    def languages(self) -> tuple[str, ...]:
        return self.kiosk.languages

    @property
    def default_language(self) -> str:
        return self.kiosk.default_language

    def text(self, text: Text | None, language: str) -> str:
        return "" if text is None else text.get(language, self.default_language)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def package(self, package_id: str) -> Package | None:
        return next((p for p in self.packages if p.id == package_id), None)

    def asset(self, relative: str | None) -> Path | None:
        """The file to show for an asset path: the kiosk's checked copy when there is one, else
        the file in the assets folder (checked to be inside it when loaded)."""
        if relative is None:
            return None
        kept = self.stored.get(relative)
        return kept.file if kept is not None else self.assets / relative

    def aspect(self, relative: str | None) -> float:
        """Width over height of the picture `relative` names, as found when it was checked
        (0.0: not known). Never reads the file."""
        kept = self.stored.get(relative) if relative is not None else None
        return kept.aspect if kept is not None else 0.0

    def asset_names(self) -> list[str]:
        """Every asset path the set names (pictures, and the theme's font file), each once."""
        theme = self.kiosk.theme
        font = theme.font if theme.font and looks_like_font_file(theme.font) else None
        names = [theme.logo, font]
        names += [slide.image for slide in self.slides]
        names += [option.icon for question in self.questions for option in question.options]
        names += [package.image for package in self.packages]
        return list(dict.fromkeys(name for name in names if name))

    def in_use(self) -> list[Path]:
        """The files this set shows from (the kiosk's copies, in the running kiosk)."""
        return [kept.file for kept in self.stored.values()]
