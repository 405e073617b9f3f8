"""Property tests: no input makes loading crash or hang, and the reach search is exact."""

from __future__ import annotations

import itertools
import time
from pathlib import Path
from unittest.mock import patch

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content import reach, yamlread
from kiosk.content.load import LoadResult, load_content
from kiosk.content.model import Consult, Content, KioskFile, Package, Question
from kiosk.content.reach import package_reach, packages_that_can_win
from kiosk.content.validate import validate
from kiosk.guest.recommend import suggest

REPO = Path(__file__).resolve().parent.parent
FILES = ["kiosk.yaml", "slides.yaml", "questionnaire.yaml", "packages.yaml"]
ORIGINAL = {name: (REPO / "content" / name).read_bytes() for name in FILES}
HANG_SECONDS = 30.0
SETTINGS = settings(
    max_examples=50, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def load_with(folder: Path, name: str, data: bytes) -> LoadResult:
    for other in FILES:
        (folder / other).write_bytes(data if other == name else ORIGINAL[other])
    start = time.perf_counter()
    result = load_content(folder)  # must not raise: every mistake is a problem
    seconds = time.perf_counter() - start
    # A guard against a reader that hangs on some input, not a speed goal (that is the bench):
    # a load takes well under a second even on a busy machine.
    assert seconds < HANG_SECONDS, f"loading took {seconds:.2f} s"
    return result


# What PyYAML or Python say that staff must never read.
NOT_STAFF_WORDS = (
    "<block", "<scalar>", "<stream", "<document", "<flow", "while scanning", "while parsing",
    "occurrence", "tag:yaml.org", "Traceback", "Error", "could not determine", "constructor",
    "but found", "did not find", "<unicode string>", "^",
)


def assert_consistent(result: LoadResult) -> None:
    assert (result.content is None) == bool(result.errors)
    for problem in result.problems:
        line = problem.format()
        assert problem.message and "\n" not in line
        assert problem.line >= 0 and problem.column >= 0
        assert not [word for word in NOT_STAFF_WORDS if word in problem.message], line


def load_each_way(folder: Path, name: str, data: bytes) -> list[LoadResult]:
    """`data` as `name` loaded with each YAML parser there is (libyaml, PyYAML's own)."""
    results = []
    for parser in yamlread.PARSERS:
        with patch.object(yamlread, "DEFAULT_PARSER", parser):
            result = load_with(folder, name, data)
        assert_consistent(result)
        results.append(result)
    return results


def assert_same_answer(results: list[LoadResult]) -> None:
    """Every parser that reads the file gives the same problems and content. (They disagree on
    a few files no staff member writes, such as `[a? b]` or `|#`: one of them cannot read it.)"""
    readable = [r for r in results if not any("YAML syntax error" in p.message for p in r.problems)]
    if len(readable) == len(results):
        first = readable[0]
        for other in readable[1:]:
            assert [p.format() for p in other.problems] == [p.format() for p in first.problems]
            assert other.content == first.content


@SETTINGS
@given(name=st.sampled_from(FILES), data=st.binary(max_size=2000))
def test_random_bytes_only_make_problems(folder: Path, name: str, data: bytes) -> None:
    assert_consistent(load_with(folder, name, data))


YAML_BITS = st.sampled_from(
    [":", "- ", "  ", "\t", "#", "&a ", "*a", "!!python/name:os.system", "{", "}", "[", "]", "'",
     '"', "\n", "~", "yes", "0", "-1", "1e400", "2025-02-30", "<<: *a", "? ", "|", ">", "%",
     "\x00", "\xe9", "é", "null", "id: x", "consult", "show_if: {question: goals, any_of: [x]}",
     "!!bool maybe", "!!int", "!!timestamp foo", "!tag ", "---\n", "...\n", "&a ", " #", "1:30",
     "0123", "no", "on"]
)

ACTIONS = ["delete", "duplicate", "insert", "indent", "dedent", "swap"]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(FILES))
    lines = ORIGINAL[name].decode("utf-8").split("\n")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(ACTIONS))
        if action == "delete" and len(lines) > 1:
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "insert":
            column = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:column] + draw(YAML_BITS) + lines[at][column:]
        elif action == "indent":
            lines[at] = "  " + lines[at]
        elif action == "dedent":
            lines[at] = lines[at][2:] if lines[at].startswith("  ") else lines[at]
        elif action == "swap" and at + 1 < len(lines):
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
    return name, "\n".join(lines).encode("utf-8", "surrogatepass")


@SETTINGS
@given(change=mutated())
def test_mutated_default_content_only_makes_problems(
    folder: Path, change: tuple[str, bytes]
) -> None:
    name, data = change
    assert_same_answer(load_each_way(folder, name, data))


@st.composite
def yaml_like(draw: st.DrawFn) -> bytes:
    """Text made of YAML's pieces: keys, values, indents, quotes, brackets, anchors, tags."""
    pieces = st.one_of(YAML_BITS, st.sampled_from(["title", "Hello", ": ", "\n  ", "\n- ", ", "]))
    return "".join(draw(st.lists(pieces, min_size=1, max_size=40))).encode("utf-8", "surrogatepass")


@settings(
    max_examples=150, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(name=st.sampled_from(FILES), data=yaml_like())
def test_random_yaml_like_text_only_makes_staff_worded_problems(
    folder: Path, name: str, data: bytes
) -> None:
    assert_same_answer(load_each_way(folder, name, data))


@SETTINGS
@given(name=st.sampled_from(FILES), data=st.binary(max_size=2000))
def test_random_bytes_read_the_same_each_way(folder: Path, name: str, data: bytes) -> None:
    assert_same_answer(load_each_way(folder, name, data))


# ---- the 'never suggested' search agrees with trying every answer --------------------------


CONCERNS = ["pain", "stress", "skin"]
FLAGS = ["heart", "consult"]


@st.composite
def small_content(draw: st.DrawFn) -> Content:
    weights = st.dictionaries(st.sampled_from(CONCERNS), st.sampled_from([1, 2, 0.5]), max_size=2)
    questions = []
    for qi in range(draw(st.integers(1, 3))):
        options = [
            {
                "id": f"o{oi}", "label": "x", "concerns": draw(weights),
                "flags": draw(st.lists(st.sampled_from(FLAGS), max_size=1)),
                "minutes": draw(st.sampled_from([None, 30, 60])),
                "exclusive": draw(st.booleans()) if oi == 0 else False,
            }
            for oi in range(draw(st.integers(2, 3)))
        ]
        rule = {"question": f"q{qi - 1}", "any_of": ["o1"]} if qi and draw(st.booleans()) else None
        questions.append(validate(Question, {
            "id": f"q{qi}", "prompt": "x", "kind": draw(st.sampled_from(["single", "multiple"])),
            "optional": draw(st.booleans()), "show_if": rule, "options": options,
        }))
    packages = tuple(
        validate(Package, {
            "id": f"p{pi}", "name": "x", "minutes": draw(st.sampled_from([30, 60, 90])),
            "addresses": draw(weights),
            "avoid_if": draw(st.lists(st.sampled_from(["heart"]), max_size=1)),
        })
        for pi in range(draw(st.integers(1, 4)))
    )
    kiosk = validate(KioskFile, {"spa_name": "x"})
    return Content(Path("c"), Path("a"), kiosk, (), tuple(questions), packages, Consult())


def every_answer(question: Question) -> list[tuple[str, ...]]:
    """What the journey lets a guest pick: kind, max, optional and exclusive options."""
    ids = [o.id for o in question.options]
    exclusive = {o.id for o in question.options if o.exclusive}
    found = []
    for size in range(len(ids) + 1):
        for pick in itertools.combinations(ids, size):
            if size == 0 and not question.optional:
                continue
            if size > question.most or (size > 1 and exclusive & set(pick)):
                continue
            found.append(pick)
    return found


def brute_force_winners(content: Content) -> set[str]:
    every = [every_answer(q) for q in content.questions]
    found = set()
    for picks in itertools.product(*every):
        answers = dict(zip((q.id for q in content.questions), picks, strict=True))
        suggestion = suggest(content, answers)
        if suggestion.package is not None:
            found.add(suggestion.package.id)
    return found


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(content=small_content())
def test_reach_search_matches_trying_every_answer(content: Content) -> None:
    found = packages_that_can_win(content.questions, content.packages)
    assert found == brute_force_winners(content)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(content=small_content())
def test_the_quick_proofs_are_right_without_the_search(content: Content) -> None:
    """The witnesses and the shadowing proof alone (no exact search) never claim too much."""
    with patch.object(reach, "_can_win", side_effect=reach._TooLarge):
        found = package_reach(content.questions, content.packages)
    winners = brute_force_winners(content)
    assert found.can_win <= winners
    assert not winners & set(found.never)
    assert all(by is not None for by in found.never.values())  # only the search gives None
    for question in content.questions:
        assert reach._answer_count(question) == len(list(reach._selections(question)))
