"""One broken content file per problem, and the exact lines `spa-kiosk check` prints for it.

Each case starts from the small clean content set in contentkit.py (which loads with no problem),
replaces one file (or adds assets), and lists every line expected, in the order check prints
them: `file:line:col: severity: path: message`. The message is what a spa manager reads, so each
one must say what is wrong and what to do about it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from contentkit import (
    BILINGUAL_KIOSK,
    MISSING,
    PACKAGES,
    PNG,
    QUESTIONNAIRE,
    SVG,
    in_english_and_spanish,
    png_bytes,
    problem_lines,
    write_content,
)


@dataclass
class Case:
    name: str
    expected: list[str]
    files: dict[str, object] = field(default_factory=dict)
    assets: dict[str, bytes] = field(default_factory=dict)
    setup: Callable[[Path], None] | None = None


def insert_after(text: str, anchor: str, new: str) -> str:
    """`text` with `new` inserted after the first `anchor`."""
    assert anchor in text
    return text.replace(anchor, anchor + new, 1)


def packages_plus(extra: str) -> str:
    """The clean packages.yaml (9 lines) with more packages from line 10 on."""
    return PACKAGES + extra


def questions_plus(extra: str) -> str:
    """The clean questionnaire.yaml (24 lines) with more questions from line 25 on."""
    return QUESTIONNAIRE + extra


def slide(extra: str, *, title: str = "Hello") -> str:
    """slides.yaml with one slide; `extra` lines start at line 4, indented by 4 spaces."""
    return f"slides:\n  - id: hello\n    title: {title}\n" + extra


SYNTAX = "YAML syntax error: "
SLIDES_TEXT = "slides:\n  - id: hello\n    title: Hello\n"
ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
)
ALIAS_BOMB = 'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]\n' + ALIAS_BOMB


def _link_outside(root: Path) -> None:
    (root / "secret.png").write_bytes(PNG)
    os.symlink(root / "secret.png", root / "assets" / "link.png")


def _link_inside(root: Path) -> None:
    os.symlink(root / "assets" / "real.png", root / "assets" / "link.png")


def _huge_asset(root: Path) -> None:
    with (root / "assets" / "huge.png").open("wb") as stream:
        stream.truncate(21 * 1024 * 1024)


CASES = [
    # ---- reading YAML: syntax, encoding, tags, limits -------------------------------------
    Case(
        "syntax-unclosed-list",
        ["content/packages.yaml:3:11: error: " + SYNTAX + "this '[' list is never closed with ']'"],
        {"packages": "packages:\n  - id: ease\n    name: [Ease\n"},
    ),
    Case(
        "syntax-unclosed-mapping",
        ["content/kiosk.yaml:1:11: error: " + SYNTAX + "this '{' mapping is never closed with '}'"],
        {"kiosk": "spa_name: {en: Spa\n"},
    ),
    Case(
        "syntax-indentation",
        [
            "content/packages.yaml:3:4: error: " + SYNTAX
            + "this line is not lined up with the lines above it; check its indentation"
        ],
        {"packages": "packages:\n  - id: ease\n   name: Ease\n"},
    ),
    Case(
        "syntax-colon-in-value",
        [
            "content/slides.yaml:3:16: error: " + SYNTAX + "a ': ' where no new key can start; "
            "put the whole value in quotes, or line this key up with the keys above it"
        ],
        {"slides": slide("", title="Ease: aches")},
    ),
    Case(
        "syntax-unclosed-quote",
        ["content/slides.yaml:3:12: error: " + SYNTAX + "this quote is never closed"],
        {"slides": slide("", title='"Hello')},
    ),
    Case(
        "syntax-line-without-colon",
        [
            "content/kiosk.yaml:2:1: error: " + SYNTAX
            + "this line has no ':'; write 'key: value', or put the text in quotes"
        ],
        {"kiosk": "spa_name: Spa\nlanguages\n"},
    ),
    Case(
        "syntax-undefined-alias",
        [
            "content/kiosk.yaml:1:11: error: " + SYNTAX
            + "'*name' refers to an anchor '&name' that is not defined above it"
        ],
        {"kiosk": "spa_name: *name\n"},
    ),
    Case(
        "syntax-at-sign",
        [
            "content/kiosk.yaml:1:11: error: " + SYNTAX
            + "a value cannot start with '@'; put the value in quotes"
        ],
        {"kiosk": "spa_name: @home\n"},
    ),
    Case(
        "tab-indentation",
        [
            "content/packages.yaml:3:1: error: " + SYNTAX + "a tab character; indent with spaces, "
            "not tabs"
        ],
        {"packages": "packages:\n  - id: ease\n\tname: Ease\n"},
    ),
    Case(
        "tab-before-list",
        [
            "content/slides.yaml:2:1: error: " + SYNTAX + "a tab character; indent with spaces, "
            "not tabs"
        ],
        {"slides": "slides:\n\t- id: hello\n"},
    ),
    Case(
        "not-utf8-latin1",
        [
            "content/slides.yaml:3:15: error: the file is not UTF-8 text (byte 0xE9); "
            "save it as UTF-8"
        ],
        {"slides": b"slides:\n  - id: hello\n    title: Caf\xe9\n"},
    ),
    Case(
        "not-utf8-windows-quote",
        [
            "content/kiosk.yaml:1:11: error: the file is not UTF-8 text (byte 0x93); "
            "save it as UTF-8"
        ],
        {"kiosk": b"spa_name: \x93Spa\x94\n"},
    ),
    Case(
        "nul-byte",
        ["content/kiosk.yaml:2:1: error: the file contains a NUL byte; it is not a text file"],
        {"kiosk": b"spa_name: Spa\n\x00\n"},
    ),
    Case(
        "control-character",
        [
            "content/slides.yaml:3:17: error: the file contains the control character U+0008, "
            "which "
            "YAML does not allow; delete it (it is often invisible: retype the line)"
        ],
        {"slides": slide("", title="Hello\bthere")},
    ),
    Case(
        "duplicate-key",
        [
            "content/slides.yaml:4:5: error: slides[0]: duplicate key 'title' "
            "(first written on line 3); write each key once"
        ],
        {"slides": slide("    title: Again\n")},
    ),
    Case(
        "duplicate-key-top-level",
        [
            "content/kiosk.yaml:3:1: error: duplicate key 'spa_name' (first written on line 1); "
            "write each key once"
        ],
        {"kiosk": "spa_name: Spa\nlanguages: [en]\nspa_name: Other Spa\n"},
    ),
    Case(
        "python-tag-apply",
        [
            "content/kiosk.yaml:1:11: error: the YAML tag '!!python/object/apply:os.system' is not "
            "allowed; write plain text, numbers, lists and mappings"
        ],
        {"kiosk": "spa_name: !!python/object/apply:os.system ['echo hi']\n"},
    ),
    Case(
        "python-tag-name",
        [
            "content/kiosk.yaml:1:11: error: the YAML tag '!!python/name:os.system' is not "
            "allowed; write plain text, numbers, lists and mappings"
        ],
        {"kiosk": "spa_name: !!python/name:os.system\n"},
    ),
    Case(
        "custom-tag",
        [
            "content/kiosk.yaml:1:11: error: the YAML tag '!secret' is not allowed; "
            "write plain text, numbers, lists and mappings"
        ],
        {"kiosk": "spa_name: !secret Spa\n"},
    ),
    Case(
        "set-tag",
        [
            "content/kiosk.yaml:1:11: error: the YAML tag '!!set' is not allowed; "
            "write plain text, numbers, lists and mappings"
        ],
        {"kiosk": "spa_name: !!set {a, b}\n"},
    ),
    Case(
        "binary-tag",
        [
            "content/kiosk.yaml:1:11: error: the YAML tag '!!binary' is not allowed; "
            "write plain text, numbers, lists and mappings"
        ],
        {"kiosk": "spa_name: !!binary aGVsbG8=\n"},
    ),
    Case(
        "alias-bomb",
        [
            "content/kiosk.yaml:6:8: error: the file expands to more than 100000 values "
            "(anchors and aliases repeated too often); write the values out plainly"
        ],
        {"kiosk": ALIAS_BOMB},
    ),
    Case(
        "alias-loop",
        ["content/kiosk.yaml:1:15: error: an alias refers to the value that contains it"],
        {"kiosk": "spa_name: &a [*a]\n"},
    ),
    Case(
        "file-3-mb",
        ["content/slides.yaml:1:1: error: file is 3.0 MB; content files may be at most 1 MB"],
        {"slides": "slides: []\n" + "#" * (3 * 1024 * 1024) + "\n"},
    ),
    Case(
        "nesting-too-deep",
        ["content/kiosk.yaml:1:66: error: nesting is too deep (more than 64 levels)"],
        {"kiosk": "[" * 5000},
    ),
    Case(
        "empty-file",
        [
            "content/kiosk.yaml:1:1: error: the file is empty; expected 'spa_name:' and the kiosk "
            "settings"
        ],
        {"kiosk": ""},
    ),
    Case(
        "comments-only",
        [
            "content/packages.yaml:1:1: error: the file is empty; "
            "expected 'packages:' followed by a list of packages"
        ],
        {"packages": "# packages come here\n"},
    ),
    Case(
        "missing-file",
        [
            "content/questionnaire.yaml:1:1: error: file is missing; this folder needs "
            "questionnaire.yaml with 'questions:' followed by a list of questions"
        ],
        {"questionnaire": MISSING},
    ),
    Case(
        "top-level-list",
        [
            "content/packages.yaml:1:1: error: expected 'packages:' followed by a list of "
            "packages, "
            "got a list"
        ],
        {"packages": "- id: ease\n  name: Ease\n"},
    ),
    Case(
        "top-level-text",
        [
            "content/slides.yaml:1:1: error: expected 'slides:' followed by a list of slides, got "
            "\"Hello\""
        ],
        {"slides": "Hello\n"},
    ),
    # ---- values as written: the field says what a value is (YAML 1.1 surprises fixed) ------
    Case(
        "code-with-leading-zero-is-text",
        [],
        {"packages": PACKAGES.replace("name: Ease\n", "name: Ease\n    code: 0123\n")},
    ),
    Case(
        "id-with-leading-zero-yes-on",
        [],
        {
            "packages": PACKAGES.replace("id: ease", "id: 0123").replace("id: calm", "id: on"),
            "slides": "slides:\n  - id: yes\n    title: {en: yes}\n",
        },
    ),
    Case(
        "price-as-written",
        [],
        {"packages": PACKAGES.replace("name: Ease\n", "name: Ease\n    price: 12.50\n")},
    ),
    Case(
        "hours-as-clock-time",
        [
            'content/slides.yaml:4:19: error: slides[0].show.hours: expected hours as '
            '"HH:MM-HH:MM" (such as "09:00-17:30"), got "18:00"'
        ],
        {"slides": slide("    show: {hours: 18:00}\n")},
    ),
    Case(
        "minutes-as-clock-time",
        [
            "content/packages.yaml:4:14: error: packages[0].minutes: expected a whole number of "
            'minutes, got "1:30"; write 90 for an hour and a half'
        ],
        {"packages": PACKAGES.replace("minutes: 30", "minutes: 1:30")},
    ),
    Case(
        "seconds-as-clock-time",
        [
            "content/slides.yaml:4:14: error: slides[0].seconds: expected a number of seconds, "
            'got "0:45"; write 45 for 0 minutes and 45 seconds'
        ],
        {"slides": slide("    seconds: 0:45\n")},
    ),
    Case(
        "minutes-with-unit",
        [
            "content/packages.yaml:4:14: error: packages[0].minutes: expected a whole number of "
            'minutes, got "30 min"; write the number alone, such as 30'
        ],
        {"packages": PACKAGES.replace("minutes: 30", "minutes: 30 min")},
    ),
    Case(
        "minutes-quoted-is-the-same",
        [],
        {"packages": PACKAGES.replace("minutes: 30", 'minutes: "30"')},
    ),
    Case(
        "true-false-words",
        [],
        {
            "questionnaire": insert_after(
                QUESTIONNAIRE, "kind: single\n", "    optional: yes\n"
            ).replace("concerns: {pain: 1}", "concerns: {pain: 1}\n        exclusive: false"),
            "kiosk": "spa_name: Spa\ntheme:\n  reduced_motion: True\n",
        },
    ),
    Case(
        "true-false-as-number",
        [
            "content/questionnaire.yaml:15:15: error: questions[1].optional: expected true or "
            'false, got "1"'
        ],
        {"questionnaire": insert_after(QUESTIONNAIRE, "kind: single\n", "    optional: 1\n")},
    ),
    Case(
        "hash-in-plain-text",
        [
            "content/slides.yaml:4:15: warning: slides[0].title.en: the words after '#' were read "
            "as a comment; put the text in quotes if they belong to it"
        ],
        {"slides": "slides:\n  - id: hello\n    title:\n      en: Our #1 choice\n"},
    ),
    Case(
        "hash-after-a-price",
        [
            "content/packages.yaml:4:16: warning: packages[0].price: the words after '#' were "
            "read as a comment; put the text in quotes if they belong to it"
        ],
        {"packages": PACKAGES.replace("name: Ease\n", "name: Ease\n    price: €39 #1 offer\n")},
    ),
    Case(
        "hash-after-an-id-is-a-comment",
        [],
        {"slides": "slides:\n  - id: hello  # the first slide\n    title: 'Our #1'  # quoted\n"},
    ),
    Case(
        "hash-in-braces",
        [
            "content/slides.yaml:3:12: error: " + SYNTAX + "this '{' mapping is cut short by a "
            "'#': after a space, '#' starts a comment, so the rest of the line (with its '}') is "
            "not read; put the text with the '#' in quotes"
        ],
        {"slides": "slides:\n  - id: hello\n    title: {en: Our #1 choice}\n"},
    ),
    Case(
        "tag-bool",
        [
            "content/questionnaire.yaml:15:15: error: the YAML tag '!!bool' is not allowed; "
            "write plain text, numbers, lists and mappings"
        ],
        {
            "questionnaire": insert_after(
                QUESTIONNAIRE, "kind: single\n", "    optional: !!bool maybe\n"
            )
        },
    ),
    Case(
        "tag-int-without-value",
        [
            "content/kiosk.yaml:2:4: error: the YAML tag '!!int' is not allowed; "
            "write plain text, numbers, lists and mappings"
        ],
        {"kiosk": "spa_name: Spa\na: !!int\n"},
    ),
    Case(
        "tag-timestamp",
        [
            "content/kiosk.yaml:1:11: error: the YAML tag '!!timestamp' is not allowed; "
            "write plain text, numbers, lists and mappings"
        ],
        {"kiosk": "spa_name: !!timestamp foo\n"},
    ),
    Case(
        "tag-str-on-a-mapping",
        [
            "content/kiosk.yaml:1:11: error: the YAML tag '!!map' is not allowed; "
            "write plain text, numbers, lists and mappings"
        ],
        {"kiosk": "spa_name: !!map {en: Spa}\n"},
    ),
    Case(
        "merge-then-override",
        [
            "content/packages.yaml:5:14: error: packages[0].minutes: expected a whole number of "
            'minutes, got "thirty"'
        ],
        {
            "packages": PACKAGES.replace(
                "    minutes: 30\n", "    <<: {minutes: 30}\n    minutes: thirty\n"
            )
        },
    ),
    Case(
        "merge-after-the-key-unknown-field",
        [
            "content/packages.yaml:5:20: error: packages[0]: unknown field 'minuts' (did you "
            "mean 'minutes'?)"
        ],
        {
            "packages": PACKAGES.replace(
                "    minutes: 30\n", "    minutes: 30\n    <<: {code: E1, minuts: 30}\n"
            )
        },
    ),
    Case(
        "merge-from-an-anchor-located-where-written",
        [
            "content/packages.yaml:5:14: error: packages[0].minutes: expected a whole number of "
            'minutes, got "sixty"',
            "content/packages.yaml:5:14: error: packages[1].minutes: expected a whole number of "
            'minutes, got "sixty"',
        ],
        {
            "packages": PACKAGES.replace("  - id: ease", "  - &first\n    id: ease")
            .replace("minutes: 30", "minutes: sixty")
            .replace("    minutes: 60\n", "    <<: *first\n")
        },
    ),
    Case(
        "merge-of-a-text",
        [
            "content/packages.yaml:5:9: error: " + "'<<' merges a mapping into this one; after "
            "'<<:' write a mapping or '*name' of an anchored mapping"
        ],
        {"packages": PACKAGES.replace("    minutes: 30\n", "    minutes: 30\n    <<: x\n")},
    ),
    Case(
        "alias-of-a-list-where-text-goes",
        [
            "content/slides.yaml:6:12: error: slides[1].title: expected text: a string, or one "
            "string per language such as {en: ..., es: ...}"
        ],
        {
            "slides": "slides:\n  - id: hello\n    title: Hello\n    show: {days: &l [mon]}\n"
            "  - id: bye\n    title: *l\n"
        },
    ),
    Case(
        "anchor-name-used-twice",
        [],
        {
            "slides": "slides:\n  - id: hello\n    title: &t Hello\n  - id: bye\n"
            "    title: &t Bye\n  - id: again\n    title: *t\n"
        },
    ),
    Case(
        "two-documents",
        [
            "content/slides.yaml:4:1: error: a second document starts here ('---'); a content "
            "file holds one document: delete this line, or put the rest in its own file"
        ],
        {"slides": SLIDES_TEXT + "---\nslides: []\n"},
    ),
    Case(
        "text-after-quoted-value",
        [
            "content/kiosk.yaml:1:19: error: " + SYNTAX + "more text after a quoted value or a "
            "list; put the whole value in quotes"
        ],
        {"kiosk": 'spa_name: "Ember" Spa\n'},
    ),
    Case(
        "text-after-the-whole-file",
        [
            "content/kiosk.yaml:1:7: error: " + SYNTAX + "more text after the whole file's value "
            "(a quoted text or a list followed by more words?); put the whole value in quotes, or "
            "start with 'key: value' lines"
        ],
        {"kiosk": '"Spa" kiosk\nspa_name: Spa\n'},
    ),
    Case(
        "missing-colon-after-key",
        [
            "content/slides.yaml:4:5: error: " + SYNTAX + "this line has no ':' after its key; "
            "write 'id: unwind'"
        ],
        {"slides": SLIDES_TEXT + "  - id unwind\n    title: Unwind\n"},
    ),
    Case(
        "list-item-after-a-value",
        [
            "content/slides.yaml:1:9: error: " + SYNTAX + "a '- ' list item cannot start on the "
            "line of its key; put it on the next line, indented under the key"
        ],
        {"slides": "slides: - id: a\n    title: A\n"},
    ),
    Case(
        "closing-bracket-too-many",
        [
            "content/slides.yaml:3:33: error: " + SYNTAX + "a '}' that closes nothing; delete it"
        ],
        {"slides": "slides:\n  - id: a\n    title: {en: Hello, es: Hola}}\n"},
    ),
    Case(
        "bad-escape-in-double-quotes",
        [
            "content/slides.yaml:3:16: error: " + SYNTAX + "a '\\' in double quotes starts an "
            "escape such as \\n; write '\\\\' for a backslash, or use single quotes"
        ],
        {"slides": slide("", title='"C:\\qr"')},
    ),
    Case(
        "utf16",
        ["content/slides.yaml:1:1: error: the file is saved as UTF-16; save it as UTF-8"],
        {"slides": SLIDES_TEXT.encode("utf-16")},
    ),
    Case(
        "utf16-without-bom",
        ["content/slides.yaml:1:1: error: the file is saved as UTF-16; save it as UTF-8"],
        {"slides": SLIDES_TEXT.encode("utf-16-le")},
    ),
    Case(
        "slides-yml-did-you-mean",
        [
            "content/slides.yaml:1:1: error: file is missing; found slides.yml: rename it to "
            "slides.yaml"
        ],
        {"slides": MISSING},
        setup=lambda root: (root / "content" / "slides.yml").write_text(SLIDES_TEXT),
    ),
    Case(
        "slides-upper-case-did-you-mean",
        [
            "content/slides.yaml:1:1: error: file is missing; found SLIDES.YAML: rename it to "
            "slides.yaml"
        ],
        {"slides": MISSING},
        setup=lambda root: (root / "content" / "SLIDES.YAML").write_text(SLIDES_TEXT),
    ),
    # ---- types and fields ------------------------------------------------------------------
    Case(
        "minutes-in-words",
        [
            'content/packages.yaml:4:14: error: packages[0].minutes: expected a whole number of '
            'minutes, got "sixty"'
        ],
        {"packages": PACKAGES.replace("minutes: 30", "minutes: sixty")},
    ),
    Case(
        "minutes-fraction",
        [
            "content/packages.yaml:4:14: error: packages[0].minutes: expected a whole number of "
            "minutes, got 45.5"
        ],
        {"packages": PACKAGES.replace("minutes: 30", "minutes: 45.5")},
    ),
    Case(
        "minutes-zero",
        [
            "content/packages.yaml:8:14: error: packages[1].minutes: expected a whole number of "
            "minutes more than 0, got 0"
        ],
        {"packages": PACKAGES.replace("minutes: 60", "minutes: 0")},
    ),
    Case(
        "minutes-too-many",
        [
            "content/packages.yaml:8:14: error: packages[1].minutes: expected a whole number of "
            "minutes at most 1440, got 3000"
        ],
        {"packages": PACKAGES.replace("minutes: 60", "minutes: 3000")},
    ),
    Case(  # YAML 1.1 read `yes` as true: a number field says what was written
        "minutes-yes",
        [
            "content/packages.yaml:4:14: error: packages[0].minutes: expected a whole number of "
            'minutes, got "yes"'
        ],
        {"packages": PACKAGES.replace("minutes: 30", "minutes: yes")},
    ),
    Case(
        "option-minutes-in-words",
        [
            "content/questionnaire.yaml:18:18: error: questions[1].options[0].minutes: expected a "
            'whole number of minutes, got "half an hour"'
        ],
        {"questionnaire": QUESTIONNAIRE.replace("minutes: 30", "minutes: half an hour")},
    ),
    Case(
        "slide-seconds-negative",
        [
            "content/slides.yaml:4:14: error: slides[0].seconds: expected a number of seconds "
            "more than 0, got -3"
        ],
        {"slides": slide("    seconds: -3\n")},
    ),
    Case(
        "timing-values",
        [
            "content/kiosk.yaml:3:18: error: timing.slide_seconds: expected a number of seconds, "
            'got "eight"',
            "content/kiosk.yaml:4:20: error: timing.warning_seconds: expected a number of seconds "
            "at least 20, got 10",
        ],
        {"kiosk": "spa_name: Spa\ntiming:\n  slide_seconds: eight\n  warning_seconds: 10\n"},
    ),
    Case(
        "unknown-field-did-you-mean",
        [
            "content/slides.yaml:3:5: error: slides[0]: unknown field 'titel' (did you mean "
            "'title'?)"
        ],
        {"slides": "slides:\n  - id: hello\n    titel: Hello\n"},
    ),
    Case(
        "unknown-field-known-list",
        [
            "content/slides.yaml:4:5: error: slides[0]: unknown field 'colour' (known fields: "
            "'id', 'title', 'body', 'image', 'seconds', 'source', 'show')"
        ],
        {"slides": slide("    colour: red\n")},
    ),
    Case(
        "unknown-top-level-field",
        ["content/kiosk.yaml:2:1: error: unknown field 'thme' (did you mean 'theme'?)"],
        {"kiosk": "spa_name: Spa\nthme:\n  text: '#FFFFFF'\n"},
    ),
    Case(
        "unknown-nested-field",
        [
            "content/slides.yaml:4:12: error: slides[0].show: unknown field 'day' (did you mean "
            "'days'?)"
        ],
        {"slides": slide("    show: {day: [mon]}\n")},
    ),
    Case(
        "unknown-consult-field",
        [
            "content/packages.yaml:11:3: error: consult: unknown field 'titel' (did you mean "
            "'title'?)"
        ],
        {"packages": packages_plus("consult:\n  titel: Let's talk\n")},
    ),
    Case(
        "unknown-option-field",
        [
            "content/questionnaire.yaml:8:9: error: questions[0].options[0]: unknown field "
            "'concern' (did you mean 'concerns'?)"
        ],
        {"questionnaire": QUESTIONNAIRE.replace("concerns: {pain: 1}", "concern: {pain: 1}")},
    ),
    Case(
        "missing-required-title",
        ["content/slides.yaml:2:5: error: slides[0]: required field 'title' is missing"],
        {"slides": "slides:\n  - id: hello\n    body: Welcome\n"},
    ),
    Case(
        "missing-required-spa-name",
        ["content/kiosk.yaml:1:1: error: required field 'spa_name' is missing"],
        {"kiosk": "languages: [en]\n"},
    ),
    Case(
        "missing-required-kind",
        ["content/questionnaire.yaml:2:5: error: questions[0]: required field 'kind' is missing"],
        {"questionnaire": QUESTIONNAIRE.replace("    kind: multiple\n", "")},
    ),
    Case(
        "missing-package-minutes",
        ["content/packages.yaml:6:5: error: packages[1]: required field 'minutes' is missing"],
        {"packages": PACKAGES.replace("    minutes: 60\n", "")},
    ),
    Case(
        "kind-misspelt",
        [
            "content/questionnaire.yaml:14:11: error: questions[1].kind: expected one of 'single' "
            "or 'multiple', got \"singel\" (did you mean 'single'?)"
        ],
        {"questionnaire": QUESTIONNAIRE.replace("kind: single", "kind: singel")},
    ),
    Case(
        "max-on-single",
        [
            "content/questionnaire.yaml:15:10: error: questions[1].max: 'max' is only for kind: "
            "multiple"
        ],
        {"questionnaire": QUESTIONNAIRE.replace("kind: single\n", "kind: single\n    max: 2\n")},
    ),
    Case(
        "max-above-options",
        [
            "content/questionnaire.yaml:5:10: warning: questions[0].max: max is 3 but the question "
            "has only 2 options"
        ],
        {"questionnaire": insert_after(QUESTIONNAIRE, "kind: multiple\n", "    max: 3\n")},
    ),
    Case(
        "max-zero",
        [
            "content/questionnaire.yaml:5:10: error: questions[0].max: expected a whole number of "
            "options at least 1, got 0"
        ],
        {"questionnaire": insert_after(QUESTIONNAIRE, "kind: multiple\n", "    max: 0\n")},
    ),
    Case(
        "one-option-only",
        [
            "content/questionnaire.yaml:30:7: error: questions[2].options: expected at least 2 "
            "options, got 1"
        ],
        {
            "questionnaire": questions_plus(
                "  - id: extra\n    prompt: One more?\n    kind: single\n    optional: true\n"
                "    options:\n"
                "      - {id: yes_please, label: Yes please}\n"
            )
        },
    ),
    Case(
        "optional-not-bool",
        [
            "content/questionnaire.yaml:15:15: error: questions[1].optional: expected true or "
            'false, got "maybe"'
        ],
        {"questionnaire": insert_after(QUESTIONNAIRE, "kind: single\n", "    optional: maybe\n")},
    ),
    Case(
        "concern-weight-in-words",
        [
            "content/questionnaire.yaml:8:26: error: questions[0].options[0].concerns.pain: "
            'expected a number, got "lots"'
        ],
        {"questionnaire": QUESTIONNAIRE.replace("{pain: 1}", "{pain: lots}")},
    ),
    Case(
        "concerns-as-list",
        [
            "content/questionnaire.yaml:8:19: error: questions[0].options[0].concerns: expected a "
            "mapping of 'name: value' lines, got a list"
        ],
        {"questionnaire": QUESTIONNAIRE.replace("{pain: 1}", "[pain]")},
    ),
    Case(
        "flags-not-a-list",
        [
            "content/questionnaire.yaml:9:16: error: questions[0].options[0].flags: expected a "
            "list "
            "(lines starting with '- '), got \"consult\""
        ],
        {
            "questionnaire": QUESTIONNAIRE.replace(
                "concerns: {pain: 1}\n", "concerns: {pain: 1}\n        flags: consult\n"
            )
        },
    ),
    Case(
        "id-with-space",
        [
            "content/slides.yaml:2:9: error: slides[0].id: expected an id (letters, digits, '-', "
            "'_' or '.'), got \"hello there\""
        ],
        {"slides": "slides:\n  - id: hello there\n    title: Hello\n"},
    ),
    Case(
        "language-name-not-code",
        [
            "content/kiosk.yaml:2:13: error: languages[0]: expected a language code such as en, es "
            'or pt-BR, got "English"'
        ],
        {"kiosk": "spa_name: Spa\nlanguages: [English]\n"},
    ),
    Case(  # YAML 1.1 read `no` as false: keys and values are text as written
        "language-no-is-norwegian",
        ["content/kiosk.yaml:2:13: warning: languages[0]: the kiosk has no words of its own in "
         "'no': guests see all 24 of its phrases in English (buttons, headings, the idle "
         "warning); write them under 'words: no:' (see docs/languages.md)"],
        {"kiosk": "spa_name: {no: Spa}\nlanguages: [no]\n"},
    ),
    Case(
        "language-twice",
        ["content/kiosk.yaml:2:17: error: languages[1]: language 'en' is listed twice"],
        {"kiosk": "spa_name: Spa\nlanguages: [en, en]\n"},
    ),
    Case(
        "text-empty",
        ["content/slides.yaml:3:12: error: slides[0].title: expected text, got an empty string"],
        {"slides": slide("", title='""')},
    ),
    Case(  # YAML 1.1 read 2025 as a number: on a text field it is the text written
        "text-of-digits",
        [],
        {"slides": slide("", title="2025")},
    ),
    Case(
        "text-list",
        [
            "content/slides.yaml:3:12: error: slides[0].title: expected text: a string, or one "
            "string per language such as {en: ..., es: ...}"
        ],
        {"slides": slide("", title="[Hello, Hola]")},
    ),
    Case(
        "text-empty-translation",
        [
            "content/slides.yaml:3:12: error: slides[0].title: the 'es' translation must be "
            "non-empty text"
        ],
        {
            "kiosk": BILINGUAL_KIOSK,
            "slides": slide("", title='{en: Hello, es: ""}'),
            "questionnaire": in_english_and_spanish(QUESTIONNAIRE),
            "packages": in_english_and_spanish(PACKAGES),
        },
    ),
    Case(
        "show-impossible-date",
        [
            "content/slides.yaml:4:18: error: slides[0].show.from: expected a date written "
            'YYYY-MM-DD, got "2025-02-30"'
        ],
        {"slides": slide("    show: {from: 2025-02-30}\n")},
    ),
    Case(
        "show-date-in-words",
        [
            "content/slides.yaml:4:19: error: slides[0].show.until: expected a date written "
            'YYYY-MM-DD, got "end of May"'
        ],
        {"slides": slide("    show: {until: end of May}\n")},
    ),
    Case(
        "show-until-before-from",
        [
            "content/slides.yaml:4:37: error: slides[0].show.until: until 2025-04-01 is before "
            "from 2025-05-01, so the slide would never play"
        ],
        {"slides": slide("    show: {from: 2025-05-01, until: 2025-04-01}\n")},
    ),
    Case(
        "show-day-misspelt",
        [
            "content/slides.yaml:4:24: error: slides[0].show.days[1]: expected one of 'mon', "
            "'tue', "
            "'wed', 'thu', 'fri', 'sat' or 'sun', got \"tues\" (did you mean 'tue'?)"
        ],
        {"slides": slide("    show: {days: [mon, tues]}\n")},
    ),
    Case(
        "show-no-days",
        [
            "content/slides.yaml:4:18: error: slides[0].show.days: no days listed, so the slide "
            "would never play; leave days out to show it every day"
        ],
        {"slides": slide("    show: {days: []}\n")},
    ),
    Case(
        "show-hours-without-minutes",
        [
            'content/slides.yaml:4:19: error: slides[0].show.hours: expected hours as '
            '"HH:MM-HH:MM" '
            '(such as "09:00-17:30"), got "9-17"'
        ],
        {"slides": slide("    show: {hours: 9-17}\n")},
    ),
    Case(
        "show-hours-past-midnight-clock",
        [
            'content/slides.yaml:4:19: error: slides[0].show.hours: expected hours as '
            '"HH:MM-HH:MM" '
            '(such as "09:00-17:30"), got "20:00-25:00"'
        ],
        {"slides": slide('    show: {hours: "20:00-25:00"}\n')},
    ),
    Case(
        "show-hours-empty",
        [
            'content/slides.yaml:4:19: error: slides[0].show.hours: the hours "09:00-09:00" start '
            "and end at the same time, so the slide would never play; leave hours out to show it "
            "all day"
        ],
        {"slides": slide('    show: {hours: "09:00-09:00"}\n')},
    ),
    Case(
        "booking-url-without-package",
        [
            "content/kiosk.yaml:3:8: error: booking.url: the booking url must contain {package} "
            "where the package code goes"
        ],
        {"kiosk": "spa_name: Spa\nbooking:\n  url: https://book.example.com/\n"},
    ),
    Case(
        "theme-not-a-mapping",
        [
            "content/kiosk.yaml:2:8: error: theme: expected a mapping of 'name: value' lines, "
            'got "dark"'
        ],
        {"kiosk": "spa_name: Spa\ntheme: dark\n"},
    ),
    Case(
        "no-slides",
        ["content/slides.yaml:1:9: error: slides: expected at least 1 slide, got 0"],
        {"slides": "slides: []\n"},
    ),
    Case(
        "no-packages",
        ["content/packages.yaml:1:11: error: packages: expected at least 1 package, got 0"],
        {"packages": "packages: []\n"},
    ),
    Case(
        "no-languages",
        ["content/kiosk.yaml:2:12: error: languages: expected at least 1 language, got 0"],
        {"kiosk": "spa_name: Spa\nlanguages: []\n"},
    ),
    Case(
        "id-too-long",
        [
            "content/slides.yaml:2:9: error: slides[0].id: expected at most 64 characters, got 70",
        ],
        {"slides": "slides:\n  - id: " + "a" * 70 + "\n    title: Hello\n"},
    ),
    Case(
        "slides-not-a-list",
        [
            "content/slides.yaml:2:3: error: slides: expected a list (lines starting with '- '), "
            "got a mapping"
        ],
        {"slides": "slides:\n  id: hello\n  title: Hello\n"},
    ),
    # ---- colours and contrast --------------------------------------------------------------
    Case(
        "colour-name",
        [
            'content/kiosk.yaml:3:11: error: theme.accent: expected a colour written as #RRGGBB '
            '(such as "#E8643C"), got "orange"'
        ],
        {"kiosk": "spa_name: Spa\ntheme:\n  accent: orange\n"},
    ),
    Case(
        "colour-short-form",
        [
            'content/kiosk.yaml:3:15: error: theme.background: expected a colour written as '
            '#RRGGBB (such as "#E8643C"), got "#000"'
        ],
        {"kiosk": "spa_name: Spa\ntheme:\n  background: '#000'\n"},
    ),
    Case(
        "colour-without-quotes",
        [
            'content/kiosk.yaml:3:10: error: theme.accent: expected a colour such as "#E8643C" in '
            "quotes; without quotes YAML reads everything from '#' on as a comment"
        ],
        {"kiosk": "spa_name: Spa\ntheme:\n  accent: #E8643C\n"},
    ),
    Case(
        "low-contrast",
        [
            "content/kiosk.yaml:3:3: warning: theme: text on background has contrast 2.9:1; "
            "guests need at least 4.5:1"
        ],
        {
            "kiosk": "spa_name: Spa\ntheme:\n  text: '#959595'\n  background: '#FFFFFF'\n"
            "  surface: '#000000'\n  muted: '#222222'\n  accent: '#202020'\n"
        },
    ),
    Case(
        "low-contrast-with-house-colours",
        [
            "content/kiosk.yaml:3:3: warning: theme: text on background has contrast 4.0:1; "
            "guests need at least 4.5:1; theme.text is not set and uses the house colour #FBF3EA",
            "content/kiosk.yaml:3:3: warning: theme: muted text on background has contrast 2.4:1; "
            "guests need at least 4.5:1; theme.muted is not set and uses the house colour #CDBFB2",
            "content/kiosk.yaml:3:3: warning: theme: background-coloured text on the accent "
            "(buttons) has contrast 1.3:1; guests need at least 4.5:1; theme.accent is not set and "
            "uses the house colour #E8643C",
        ],
        {"kiosk": "spa_name: Spa\ntheme:\n  background: '#777777'\n"},
    ),
    # ---- ids and references ----------------------------------------------------------------
    Case(
        "duplicate-slide-id",
        ["content/slides.yaml:4:9: error: slides[1].id: duplicate id 'hello' (also slides[0])"],
        {"slides": slide("  - id: hello\n    title: Again\n")},
    ),
    Case(
        "duplicate-question-id",
        [
            "content/questionnaire.yaml:12:9: error: questions[1].id: duplicate id 'goals' (also "
            "questions[0])"
        ],
        {"questionnaire": QUESTIONNAIRE.replace("id: time", "id: goals")},
    ),
    Case(
        "duplicate-option-id",
        [
            "content/questionnaire.yaml:9:13: error: questions[0].options[1].id: duplicate id "
            "'aches' (also options[0])"
        ],
        {"questionnaire": QUESTIONNAIRE.replace("id: calm", "id: aches")},
    ),
    Case(
        "duplicate-package-id",
        [
            "content/packages.yaml:6:9: error: packages[1].id: duplicate id 'ease' (also "
            "packages[0])"
        ],
        {"packages": PACKAGES.replace("id: calm", "id: ease")},
    ),
    Case(
        "duplicate-desk-code",
        [
            "content/packages.yaml:10:11: error: packages[1].code: desk code 'IR-30' is also used "
            "by packages[0]"
        ],
        {
            "packages": PACKAGES.replace("minutes: 30\n", "minutes: 30\n    code: IR-30\n").replace(
                "minutes: 60\n", "minutes: 60\n    code: IR-30\n"
            )
        },
    ),
    Case(
        "desk-code-equals-other-id",
        [
            "content/packages.yaml:7:9: error: packages[1].id: desk code 'ease' is also used by "
            "packages[0] (a package without 'code' uses its id)"
        ],
        {
            "packages": PACKAGES.replace("minutes: 30\n", "minutes: 30\n    code: ease\n")
            .replace("id: ease", "id: ease30")
            .replace("id: calm", "id: ease")
        },
    ),
    Case(
        "desk-code-equals-other-id-the-other-way",
        [
            "content/packages.yaml:9:11: error: packages[1].code: desk code 'ease' is also used by "
            "packages[0] (packages[0] has no 'code', so its id is its desk code)"
        ],
        {"packages": PACKAGES.replace("minutes: 60\n", "minutes: 60\n    code: ease\n")},
    ),
    Case(
        "show-if-unknown-question",
        [
            "content/questionnaire.yaml:28:25: error: questions[2].show_if.question: no question "
            "'goal' (did you mean 'goals'?)"
        ],
        {
            "questionnaire": questions_plus(
                "  - id: areas\n    prompt: Where?\n    kind: single\n"
                "    show_if: {question: goal, any_of: [aches]}\n    options:\n"
                "      - {id: neck, label: Neck}\n      - {id: back, label: Back}\n"
            )
        },
    ),
    Case(
        "show-if-later-question",
        [
            "content/questionnaire.yaml:5:25: error: questions[0].show_if.question: question "
            "'time' comes later; show_if can only look back"
        ],
        {
            "questionnaire": QUESTIONNAIRE.replace(
                "kind: multiple\n", "kind: multiple\n    show_if: {question: time, any_of: "
                "[long]}\n"
            )
        },
    ),
    Case(
        "show-if-same-question",
        [
            "content/questionnaire.yaml:15:25: error: questions[1].show_if.question: show_if names "
            "this same question; it can only look at an earlier one"
        ],
        {
            "questionnaire": QUESTIONNAIRE.replace(
                "kind: single\n", "kind: single\n    show_if: {question: time, any_of: [long]}\n"
            )
        },
    ),
    Case(
        "show-if-unknown-option",
        [
            "content/questionnaire.yaml:28:41: error: questions[2].show_if.any_of[0]: question "
            "'goals' has no option 'ache' (did you mean 'aches'?)",
            "content/questionnaire.yaml:28:47: error: questions[2].show_if.any_of[1]: question "
            "'goals' has no option 'sleep' (its options: 'aches', 'calm')",
        ],
        {
            "questionnaire": questions_plus(
                "  - id: areas\n    prompt: Where?\n    kind: single\n"
                "    show_if: {question: goals, any_of: [ache, sleep]}\n    options:\n"
                "      - {id: neck, label: Neck}\n      - {id: back, label: Back}\n"
            )
        },
    ),
    Case(
        "show-if-with-empty-options",
        [
            "content/questionnaire.yaml:28:40: error: questions[2].show_if.any_of: expected at "
            "least 1 option, got 0"
        ],
        {
            "questionnaire": questions_plus(
                "  - id: areas\n    prompt: Where?\n    kind: single\n"
                "    show_if: {question: goals, any_of: []}\n    options:\n"
                "      - {id: neck, label: Neck}\n      - {id: back, label: Back}\n"
            )
        },
    ),
    Case(
        "show-if-without-options",
        [
            "content/questionnaire.yaml:28:14: error: questions[2].show_if: required field "
            "'any_of' is missing"
        ],
        {
            "questionnaire": questions_plus(
                "  - id: areas\n    prompt: Where?\n    kind: single\n"
                "    show_if: {question: goals}\n    options:\n"
                "      - {id: neck, label: Neck}\n      - {id: back, label: Back}\n"
            )
        },
    ),
    # ---- asset paths -----------------------------------------------------------------------
    Case(
        "asset-absolute",
        [
            "content/slides.yaml:4:12: error: slides[0].image: '/etc/hosts' is an absolute path; "
            "write it relative to the assets folder"
        ],
        {"slides": slide("    image: /etc/hosts\n")},
    ),
    Case(
        "asset-windows-absolute",
        [
            "content/slides.yaml:4:12: error: slides[0].image: 'C:\\pics\\a.png' is an absolute "
            "path; write it relative to the assets folder"
        ],
        {"slides": slide("    image: 'C:\\pics\\a.png'\n")},
    ),
    Case(
        "asset-dot-dot",
        [
            "content/slides.yaml:4:12: error: slides[0].image: '../content/kiosk.yaml' leaves the "
            "assets folder ('..' is not allowed)"
        ],
        {"slides": slide("    image: ../content/kiosk.yaml\n")},
    ),
    Case(
        "asset-dot-dot-inside",
        [
            "content/slides.yaml:4:12: error: slides[0].image: 'slides/../a.png' leaves the assets "
            "folder ('..' is not allowed)"
        ],
        {"slides": slide("    image: slides/../a.png\n")},
        {"a.png": PNG},
    ),
    Case(
        "asset-url",
        [
            "content/slides.yaml:4:12: error: slides[0].image: 'https://example.com/a.png' is a "
            "web "
            "address; put the file in the assets folder and name it"
        ],
        {"slides": slide("    image: https://example.com/a.png\n")},
    ),
    Case(
        "asset-symlink-outside",
        [
            "content/slides.yaml:4:12: error: slides[0].image: 'link.png' is a link that points "
            "outside the assets folder"
        ],
        {"slides": slide("    image: link.png\n")},
        setup=_link_outside,
    ),
    Case(
        "asset-symlink-inside-is-fine",
        [],
        {"slides": slide("    image: link.png\n")},
        {"real.png": PNG},
        setup=_link_inside,
    ),
    Case(
        "asset-missing",
        [
            "content/slides.yaml:4:12: error: slides[0].image: file 'slides/welcome.png' not found "
            "in assets/"
        ],
        {"slides": slide("    image: slides/welcome.png\n")},
    ),
    Case(
        "asset-is-a-folder",
        ["content/slides.yaml:4:12: error: slides[0].image: 'slides' is not a file"],
        {"slides": slide("    image: slides\n")},
        {"slides/a.png": PNG},
    ),
    Case(
        "asset-corrupt-png",
        [
            "content/slides.yaml:4:12: error: slides[0].image: 'broken.png' is not an image the "
            "kiosk can read (Unsupported image format)"
        ],
        {"slides": slide("    image: broken.png\n")},
        {"broken.png": b"this is not a picture" * 10},
    ),
    Case(
        "asset-truncated-png",
        [
            "content/slides.yaml:4:12: error: slides[0].image: 'cut.png' is damaged: the file "
            "ends before the picture does (copied only in part?)"
        ],
        {"slides": slide("    image: cut.png\n")},
        {"cut.png": png_bytes(40, 40)[:60]},
    ),
    Case(
        "weight-not-a-number",
        [
            "content/packages.yaml:5:23: error: packages[0].addresses.pain: expected a number, "
            'got ".nan"; write a plain decimal number such as 1 or 0.5'
        ],
        {"packages": PACKAGES.replace("addresses: {pain: 2}", "addresses: {pain: .nan}")},
    ),
    Case(
        "asset-too-many-pixels",
        [
            "content/packages.yaml:6:12: error: packages[0].image: 'wide.png' is 9000x1 pixels; "
            "images may be at most 8192 pixels on a side"
        ],
        {"packages": insert_after(PACKAGES, "addresses: {pain: 2}\n", "    image: wide.png\n")},
        {"wide.png": png_bytes(9000, 1)},
    ),
    Case(
        "asset-too-big",
        [
            "content/slides.yaml:4:12: error: slides[0].image: 'huge.png' is 21 MB; assets may be "
            "at most 20 MB"
        ],
        {"slides": slide("    image: huge.png\n")},
        setup=_huge_asset,
    ),
    Case(
        "logo-not-an-image",
        [
            "content/kiosk.yaml:3:9: error: theme.logo: 'logo.txt' is not an image the kiosk "
            "can read (Unsupported image format)"
        ],
        {"kiosk": "spa_name: Spa\ntheme:\n  logo: logo.txt\n"},
        {"logo.txt": b"Our logo"},
    ),
    Case(
        "logo-is-a-font",
        ["content/kiosk.yaml:3:9: error: theme.logo: 'Inter.otf' is not an image"],
        {"kiosk": "spa_name: Spa\ntheme:\n  logo: Inter.otf\n"},
        {"Inter.otf": b"OTTO" + bytes(60)},
    ),
    Case(
        "font-not-a-font",
        [
            "content/kiosk.yaml:3:9: error: theme.font: 'fonts/Brand.ttf' is not a TrueType or "
            "OpenType font"
        ],
        {"kiosk": "spa_name: Spa\ntheme:\n  font: fonts/Brand.ttf\n"},
        {"fonts/Brand.ttf": b"<html>not found</html>"},
    ),
    Case(
        "font-is-an-image",
        [
            "content/kiosk.yaml:3:9: error: theme.font: 'fonts/brand.png' is not a font file "
            "(.ttf, .otf)"
        ],
        {"kiosk": "spa_name: Spa\ntheme:\n  font: fonts/brand.png\n"},
        {"fonts/brand.png": PNG},
    ),
    Case(
        "font-file-missing",
        ["content/kiosk.yaml:3:9: error: theme.font: file 'fonts/Brand.ttf' not found in assets/"],
        {"kiosk": "spa_name: Spa\ntheme:\n  font: fonts/Brand.ttf\n"},
    ),
    Case(
        "font-family-name-is-fine",
        [],
        {"kiosk": "spa_name: Spa\ntheme:\n  font: DejaVu Sans\n"},
    ),
    Case(
        "option-icon-missing",
        [
            "content/questionnaire.yaml:9:15: error: questions[0].options[0].icon: file "
            "'icons/aches.svg' not found in assets/"
        ],
        {
            "questionnaire": QUESTIONNAIRE.replace(
                "concerns: {pain: 1}\n", "concerns: {pain: 1}\n        icon: icons/aches.svg\n"
            )
        },
    ),
    Case(
        "svg-and-png-are-fine",
        [],
        {
            "slides": slide("    image: slides/a.svg\n"),
            "packages": PACKAGES.replace("name: Ease\n", "name: Ease\n    image: p.png\n"),
        },
        {"slides/a.svg": SVG, "p.png": PNG},
    ),
    # ---- warnings: translations, flags, concerns, winners, health wording ------------------
    Case(
        "missing-translation",
        [
            "content/slides.yaml:3:12: warning: slides[0].title: missing translation: 'es'; guests "
            "see the 'en' text instead"
        ],
        {
            "kiosk": BILINGUAL_KIOSK,
            "slides": slide("", title="{en: Hello}"),
            "questionnaire": in_english_and_spanish(QUESTIONNAIRE),
            "packages": in_english_and_spanish(PACKAGES),
        },
    ),
    Case(
        "missing-default-translation",
        [
            "content/slides.yaml:3:12: warning: slides[0].title: missing translation: 'en'; guests "
            "see the first written text instead"
        ],
        {
            "kiosk": BILINGUAL_KIOSK,
            "slides": slide("", title="{es: Hola}"),
            "questionnaire": in_english_and_spanish(QUESTIONNAIRE),
            "packages": in_english_and_spanish(PACKAGES),
        },
    ),
    Case(
        "plain-text-with-two-languages",
        [
            "content/slides.yaml:3:12: warning: slides[0].title: missing translation: 'es'; guests "
            "see this same text in every language (write it as {en: ..., es: ...})"
        ],
        {
            "kiosk": BILINGUAL_KIOSK,
            "questionnaire": in_english_and_spanish(QUESTIONNAIRE),
            "packages": in_english_and_spanish(PACKAGES),
        },
    ),
    Case(
        "translation-in-unknown-language",
        [
            "content/slides.yaml:3:12: warning: slides[0].title: 'fr' is not in the kiosk.yaml "
            "languages (en), so guests never see it"
        ],
        {"slides": slide("", title="{en: Hello, fr: Bonjour}")},
    ),
    Case(
        "flag-nobody-avoids",
        [
            "content/questionnaire.yaml:31:17: warning: questions[2].options[0].flags[0]: flag "
            "'pregnancy' is not in any package's avoid_if, so it changes nothing"
        ],
        {
            "questionnaire": questions_plus(
                "  - id: screening\n    prompt: Any of these?\n    kind: multiple\n"
                "    options:\n"
                "      - id: pregnant\n        label: I am pregnant\n        flags: [pregnancy]\n"
                "      - id: none\n        label: None of these\n        exclusive: true\n"
            )
        },
    ),
    # A package's avoid_if that no answer can raise, and a questionnaire that cannot send anyone
    # to the therapist, are errors: the safety screening would do nothing (issue 26).
    Case(
        "avoid-if-flag-nobody-raises",
        [
            "content/packages.yaml:6:16: error: packages[0].avoid_if[0]: no answer in "
            "questionnaire.yaml raises the flag 'pregnant', so this package would be suggested "
            "even to guests who should avoid it; no answer raises any flag but 'consult' (is the "
            "screening question missing?)"
        ],
        {"packages": insert_after(PACKAGES, "{pain: 2}\n", "    avoid_if: [pregnant]\n")},
    ),
    Case(
        "consult-never-raised",
        [
            "content/questionnaire.yaml:1:1: error: questions: no answer raises the flag "
            "'consult', so no guest would ever be asked to talk to the therapist (is the "
            "screening question missing?); add flags: [consult] to the answer that needs the "
            "therapist, such as 'Not sure'"
        ],
        {"questionnaire": QUESTIONNAIRE.replace("        flags: [consult]\n", "")},
    ),
    Case(
        "screening-cut-off",
        [
            "content/questionnaire.yaml:1:1: error: questions: no answer raises the flag "
            "'consult', so no guest would ever be asked to talk to the therapist (is the "
            "screening question missing?); add flags: [consult] to the answer that needs the "
            "therapist, such as 'Not sure'",
            "content/packages.yaml:6:16: error: packages[0].avoid_if[0]: no answer in "
            "questionnaire.yaml raises the flag 'pregnancy', so this package would be suggested "
            "even to guests who should avoid it; no answer raises any flag (is the screening "
            "question missing?)",
            "content/packages.yaml:6:27: error: packages[0].avoid_if[1]: no answer in "
            "questionnaire.yaml raises the flag 'heart', so this package would be suggested "
            "even to guests who should avoid it; no answer raises any flag (is the screening "
            "question missing?)",
        ],
        {
            "questionnaire": QUESTIONNAIRE.replace("        flags: [consult]\n", ""),
            "packages": insert_after(
                PACKAGES, "{pain: 2}\n", "    avoid_if: [pregnancy, heart]\n"
            ),
        },
    ),
    Case(
        "flag-and-avoid-if-misspelt",
        [
            "content/questionnaire.yaml:31:17: warning: questions[2].options[0].flags[0]: flag "
            "'pregnancy' is not in any package's avoid_if, so it changes nothing "
            "(did you mean 'pregnant'?)",
            "content/packages.yaml:6:16: error: packages[0].avoid_if[0]: no answer in "
            "questionnaire.yaml raises the flag 'pregnant', so this package would be suggested "
            "even to guests who should avoid it (did you mean 'pregnancy'?); the answers raise "
            "'pregnancy'",
        ],
        {
            "questionnaire": questions_plus(
                "  - id: screening\n    prompt: Any of these?\n    kind: multiple\n"
                "    options:\n"
                "      - id: pregnant\n        label: I am pregnant\n        flags: [pregnancy]\n"
                "      - id: none\n        label: None of these\n        exclusive: true\n"
            ),
            "packages": PACKAGES.replace(
                "addresses: {pain: 2}\n", "addresses: {pain: 2}\n    avoid_if: [pregnant]\n"
            ),
        },
    ),
    Case(
        "concern-no-package-addresses",
        [
            "content/questionnaire.yaml:11:31: warning: questions[0].options[1].concerns.sleep: "
            "concern 'sleep' is not addressed by any package"
        ],
        {"questionnaire": QUESTIONNAIRE.replace("{stress: 1}", "{stress: 1, sleep: 1}")},
    ),
    Case(
        "concern-misspelt",
        [
            "content/questionnaire.yaml:11:20: warning: questions[0].options[1].concerns.stres: "
            "concern 'stres' is not addressed by any package (did you mean 'stress'?)",
            "content/packages.yaml:6:5: warning: packages[1]: package 'calm' is never suggested: "
            "'ease' is listed before it, scores at least as much for every answer and is offered "
            "whenever 'calm' is (check their addresses, minutes and avoid_if)",
        ],
        {"questionnaire": QUESTIONNAIRE.replace("{stress: 1}", "{stres: 1}")},
    ),
    Case(
        "package-never-wins",
        [
            "content/packages.yaml:10:5: warning: packages[2]: package 'gentle' is never "
            "suggested: 'calm' is listed before it, scores at least as much for every answer and "
            "is offered whenever 'gentle' is (check their addresses, minutes and avoid_if)"
        ],
        {
            "packages": packages_plus(
                "  - id: gentle\n    name: Gentle\n    minutes: 60\n    addresses: {stress: 1}\n"
            )
        },
    ),
    Case(
        "package-always-too-long",
        [
            "content/packages.yaml:10:5: warning: packages[2]: package 'long' is never suggested: "
            "no combination of answers makes it the best fit (check its addresses, minutes and "
            "avoid_if)"
        ],
        {
            "packages": packages_plus(
                "  - id: long\n    name: Long\n    minutes: 90\n    addresses: {stress: 5, pain: "
                "5}\n"
            )
        },
    ),
    Case(
        "health-words-without-source",
        [
            "content/slides.yaml:3:12: warning: slides[0].title: health claim wording ('detox') "
            "without a 'source'; rephrase as what guests feel, or add source: with where the claim "
            "comes from",
            "content/slides.yaml:4:11: warning: slides[0].body: health claim wording ('cures', "
            "'heal', 'immune', 'treat', 'weight loss') without a 'source'; rephrase as what guests "
            "feel, or add source: with where the claim comes from",
        ],
        {
            "slides": slide(
                "    body: It cures colds, helps you heal, boosts immune power, may treat pain "
                "and brings weight loss.\n",
                title="Detox in the warmth",
            )
        },
    ),
    Case(
        "health-words-with-source-are-fine",
        [],
        {"slides": slide("    source: Smith J. Infrared and pain. 2020\n", title="Treat aches")},
    ),
    Case(
        "health-words-spanish",
        [
            "content/slides.yaml:3:12: warning: slides[0].title: health claim wording "
            "('desintoxica') without a 'source'; rephrase as what guests feel, or add source: with "
            "where the claim comes from"
        ],
        {
            "kiosk": BILINGUAL_KIOSK,
            "slides": slide("", title="{en: Relax, es: Desintoxica tu cuerpo}"),
            "questionnaire": in_english_and_spanish(QUESTIONNAIRE),
            "packages": in_english_and_spanish(PACKAGES),
        },
    ),
    Case(
        "every-option-exclusive",
        [
            "content/questionnaire.yaml:6:7: warning: questions[0].options: every option is "
            "exclusive; then the question works like kind: single"
        ],
        {
            "questionnaire": QUESTIONNAIRE.replace(
                "concerns: {pain: 1}\n", "concerns: {pain: 1}\n        exclusive: true\n"
            ).replace("concerns: {stress: 1}\n", "concerns: {stress: 1}\n        exclusive: true\n")
        },
    ),
    Case(
        "title-too-long",
        [
            "content/slides.yaml:3:12: warning: slides[0].title: text is 80 characters; at most 70 "
            "fit on the screen, the rest is cut with '...'"
        ],
        {"slides": slide("", title="A" * 80)},
    ),
    # ---- several files broken at once: each file's problems still show -------------------
    Case(
        "problems-in-every-file-at-once",
        [
            "content/kiosk.yaml:3:11: error: theme.accent: expected a colour written as #RRGGBB "
            '(such as "#E8643C"), got "red"',
            "content/slides.yaml:4:12: error: slides[0].image: file 'nope.png' not found in "
            "assets/",
            "content/questionnaire.yaml:12:9: error: questions[1].id: duplicate id 'goals' "
            "(also questions[0])",
            'content/packages.yaml:4:14: error: packages[0].minutes: expected a whole number of '
            'minutes, got "sixty"',
        ],
        {
            "kiosk": "spa_name: Spa\ntheme:\n  accent: red\n",
            "slides": slide("    image: nope.png\n"),
            "questionnaire": QUESTIONNAIRE.replace("id: time", "id: goals"),
            "packages": PACKAGES.replace("minutes: 30", "minutes: sixty"),
        },
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_check_reports_exactly(case: Case, tmp_path: Path) -> None:
    folder = write_content(tmp_path, assets=case.assets, **case.files)  # type: ignore[arg-type]
    if case.setup:
        case.setup(tmp_path)
    assert problem_lines(folder) == case.expected


def test_case_names_are_unique() -> None:
    names = [case.name for case in CASES]
    assert len(names) == len(set(names))
