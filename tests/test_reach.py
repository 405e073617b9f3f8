"""Which packages some guest could ever be suggested (the 'never suggested' warning)."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest
import yaml
from contentkit import MakeContent

from kiosk.bench.largeset import write_large_set
from kiosk.content import reach
from kiosk.content.load import load_content
from kiosk.content.model import PackagesFile, QuestionnaireFile
from kiosk.content.reach import Reach, package_reach, packages_that_can_win
from kiosk.content.validate import validate


def parse(questions: str, packages: str) -> tuple[QuestionnaireFile, PackagesFile]:
    q = validate(QuestionnaireFile, yaml.safe_load(textwrap.dedent(questions)))
    p = validate(PackagesFile, yaml.safe_load(textwrap.dedent(packages)))
    return q, p


def winners(questions: str, packages: str) -> set[str] | None:
    q, p = parse(questions, packages)
    return packages_that_can_win(q.questions, p.packages)


def reach_of(questions: str, packages: str) -> Reach:
    q, p = parse(questions, packages)
    return package_reach(q.questions, p.packages)


QUESTIONS = """\
    questions:
      - id: goals
        prompt: Goals?
        kind: multiple
        options:
          - {id: aches, label: Aches, concerns: {pain: 1}}
          - {id: calm, label: Calm, concerns: {stress: 1}}
      - id: screening
        prompt: Any?
        kind: multiple
        optional: true
        options:
          - {id: heart, label: Heart, flags: [heart]}
          - {id: unsure, label: Not sure, flags: [consult]}
          - {id: none, label: None, exclusive: true}
    """


def test_every_package_with_its_own_concern_can_win() -> None:
    assert winners(
        QUESTIONS,
        """\
        packages:
          - {id: a, name: A, minutes: 30, addresses: {pain: 1}}
          - {id: b, name: B, minutes: 30, addresses: {stress: 1}}
        """,
    ) == {"a", "b"}


def test_a_package_always_beaten_or_tied_behind_never_wins() -> None:
    assert winners(
        QUESTIONS,
        """\
        packages:
          - {id: a, name: A, minutes: 30, addresses: {pain: 2, stress: 2}}
          - {id: b, name: B, minutes: 30, addresses: {stress: 2}}
        """,
    ) == {"a"}


def test_a_safe_package_wins_when_flags_exclude_the_others() -> None:
    assert winners(
        QUESTIONS,
        """\
        packages:
          - {id: a, name: A, minutes: 30, addresses: {pain: 2, stress: 2}, avoid_if: [heart]}
          - {id: b, name: B, minutes: 30, addresses: {stress: 1}}
        """,
    ) == {"a", "b"}


SHOW_IF_QUESTIONS = """\
    questions:
      - id: goals
        prompt: Goals?
        kind: single
        options:
          - {id: aches, label: Aches, concerns: {pain: 1}}
          - {id: calm, label: Calm, concerns: {stress: 1}}
      - id: areas
        prompt: Where?
        kind: single
        show_if: {question: goals, any_of: [aches]}
        options:
          - {id: neck, label: Neck, concerns: {neck: 1}}
          - {id: back, label: Back, concerns: {back: 1}}
    """
SHOW_IF_PACKAGES = """\
    packages:
      - {id: pain, name: P, minutes: 30, addresses: {pain: 1}}
      - {id: calm, name: C, minutes: 30, addresses: {stress: 1}}
      - {id: calm_neck, name: CN, minutes: 30, addresses: {stress: 1, neck: 0.5}}
    """


def test_show_if_hidden_question_cannot_help() -> None:
    # calm_neck could only beat calm when both calm and neck are picked, but neck is only asked
    # after aches; and pain+neck it loses to pain (1 vs 0.5).
    assert winners(SHOW_IF_QUESTIONS, SHOW_IF_PACKAGES) == {"pain", "calm"}


def test_optional_question_may_be_skipped() -> None:
    questions = QUESTIONS.replace(
        "kind: multiple\n        options:\n          - {id: aches",
        "kind: multiple\n        optional: true\n        options:\n          - {id: aches",
    )
    packages = """\
        packages:
          - {id: a, name: A, minutes: 30, addresses: {pain: 1}}
          - {id: b, name: B, minutes: 30, addresses: {stress: 1}}
          - {id: nothing, name: Nothing, minutes: 30}
        """
    assert questions != QUESTIONS
    assert winners(QUESTIONS, packages) == {"a", "b"}
    assert winners(questions, packages) == {"a", "b"}  # a wins the all-zero tie, not 'nothing'


def test_gives_up_rather_than_guess_on_a_huge_questionnaire(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # calm_neck never wins, but no earlier package shadows it (neck helps it alone): only the
    # exact search can tell, and here it may keep no way of answering at all.
    monkeypatch.setattr(reach, "MAX_STATES", 0)
    found = reach_of(SHOW_IF_QUESTIONS, SHOW_IF_PACKAGES)
    assert found == Reach(frozenset({"pain", "calm"}), {}, frozenset({"calm_neck"}))
    assert winners(SHOW_IF_QUESTIONS, SHOW_IF_PACKAGES) is None
    monkeypatch.setattr(reach, "MAX_STATES", 20_000)
    assert reach_of(SHOW_IF_QUESTIONS, SHOW_IF_PACKAGES).never == {"calm_neck": None}


def test_the_witness_pass_needs_no_search(monkeypatch: pytest.MonkeyPatch) -> None:
    # With no work allowed, the exact search decides nothing: these come from the witnesses.
    monkeypatch.setattr(reach, "MAX_WORK", 0)
    questions = """\
        questions:
          - id: goals
            prompt: Goals?
            kind: multiple
            options:
              - {id: aches, label: Aches, concerns: {pain: 1}}
              - {id: calm, label: Calm, concerns: {stress: 1}}
          - id: time
            prompt: Time?
            kind: single
            options:
              - {id: short, label: Short, minutes: 30}
              - {id: hour, label: Hour, minutes: 60}
              - {id: long, label: Long, minutes: 90}
          - id: screening
            prompt: Any?
            kind: multiple
            options:
              - {id: heart, label: Heart, flags: [heart]}
              - {id: back, label: Back trouble, flags: [back]}
              - {id: unsure, label: Not sure, flags: [consult]}
              - {id: none, label: None, exclusive: true}
        """
    packages = """\
        packages:
          - {id: big, name: B, minutes: 90, addresses: {pain: 3, stress: 3}, avoid_if: [back]}
          - {id: short, name: S, minutes: 30, addresses: {pain: 1}, avoid_if: [heart]}
          - {id: hour, name: H, minutes: 60, addresses: {pain: 2}, avoid_if: [heart]}
          - {id: calm, name: C, minutes: 90, addresses: {stress: 1}}
        """
    # 'hour' wins only with an hour's limit (ruling out 'big'), or with 'back' raised and no
    # 'heart' (ruling out 'big' but not itself) while 'short' is left behind on pain; 'calm'
    # only when 'heart' and 'back' rule out all the others.
    found = reach_of(questions, packages)
    assert found.can_win == {"big", "short", "hour", "calm"}
    assert found.never == {} and found.undecided == set()


def test_a_failed_try_leans_against_the_package_that_won_it() -> None:
    questions = """\
        questions:
          - id: goals
            prompt: Goals?
            kind: single
            options:
              - {id: a, label: A, concerns: {y: 1}}
              - {id: b, label: B, concerns: {x: 3}}
              - {id: c, label: C, concerns: {x: 2}}
        """
    packages = """\
        packages:
          - {id: p0, name: P0, minutes: 30, addresses: {x: 2}}
          - {id: p1, name: P1, minutes: 30, addresses: {y: 2}}
          - {id: p2, name: P2, minutes: 30, addresses: {y: 3, x: 2}}
        """
    q, p = parse(questions, packages)
    table = reach._Table(q.questions, p.packages)
    won: set[int] = set()
    # The first try picks 'b' (x counts for p2 too), where p2 only ties p0, listed first; the
    # second leans against p0 and picks 'a', where p2 beats p1.
    assert reach._find_witness(2, table, won, tries=1) == 1
    assert won == {0}
    assert reach._find_witness(2, table, won, tries=6) == 2
    assert won == {0, 2}


def test_a_package_shadowed_by_an_earlier_one_is_never_suggested() -> None:
    packages = """\
        packages:
          - {id: a, name: A, minutes: 30, addresses: {pain: 2, stress: 1}}
          - {id: b, name: B, minutes: 60, addresses: {pain: 1, stress: 1}, avoid_if: [heart]}
          - {id: c, name: C, minutes: 30, addresses: {pain: 2, stress: 1}}
          - {id: d, name: D, minutes: 20, addresses: {stress: 1}}
        """
    # b: 'a' scores at least as much, takes no longer and avoids less. c: ties 'a' everywhere,
    # listed after it. d: 'a' takes longer, so d could still be offered alone (but the
    # questionnaire has no time question: the search proves it instead).
    found = reach_of(QUESTIONS, packages)
    assert found.never == {"b": "a", "c": "a", "d": None}
    assert found.can_win == {"a"}


def test_a_package_offered_when_the_earlier_one_is_not_is_not_shadowed() -> None:
    packages = """\
        packages:
          - {id: a, name: A, minutes: 30, addresses: {pain: 2, stress: 2}, avoid_if: [heart]}
          - {id: b, name: B, minutes: 30, addresses: {pain: 1}}
        """
    found = reach_of(QUESTIONS, packages)
    assert found.can_win == {"a", "b"}  # b, when the heart flag rules a out


def never_lines(folder: Path) -> list[str]:
    problems = load_content(folder).problems
    assert not [p for p in problems if p.is_error]  # the search runs on content with no error
    return [p.message for p in problems if "never suggested" in p.message]


CONSULT_QUESTION = """\
      - id: screening
        prompt: Any?
        kind: single
        optional: true
        options:
          - {id: unsure, label: Not sure, flags: [consult]}
          - {id: none, label: None}
"""


def test_check_names_the_package_that_shadows(make_content: MakeContent) -> None:
    folder = make_content(
        questionnaire=QUESTIONS,
        packages="""\
        packages:
          - {id: a, name: A, minutes: 30, addresses: {pain: 2, stress: 1}}
          - {id: b, name: B, minutes: 60, addresses: {pain: 1, stress: 1}}
        """,
    )
    assert never_lines(folder) == [
        "package 'b' is never suggested: 'a' is listed before it, scores at least as much for "
        "every answer and is offered whenever 'b' is (check their addresses, minutes and "
        "avoid_if)"
    ]


def test_undecided_packages_get_no_warning(
    make_content: MakeContent, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_content(
        questionnaire=SHOW_IF_QUESTIONS.rstrip(" ") + CONSULT_QUESTION, packages=SHOW_IF_PACKAGES
    )
    assert never_lines(folder) == [
        "package 'calm_neck' is never suggested: no combination of answers makes it the best "
        "fit (check its addresses, minutes and avoid_if)"
    ]
    monkeypatch.setattr(reach, "MAX_WORK", 0)
    assert never_lines(folder) == []


def test_a_long_list_of_flags_without_max_does_not_hang() -> None:
    # 18 options a guest may all pick: 262,143 answers, too many to weigh or search one by one.
    flags = "".join(
        f"          - {{id: f{i}, label: F{i}, flags: [f{i}]}}\n" for i in range(18)
    )
    questions = QUESTIONS + (
        "      - id: conditions\n        prompt: Any?\n        kind: multiple\n"
        "        optional: true\n        options:\n" + textwrap.indent(flags, "  ")
    )
    packages = """\
        packages:
          - {id: a, name: A, minutes: 30, addresses: {pain: 2, stress: 2}, avoid_if: [f3]}
          - {id: b, name: B, minutes: 30, addresses: {stress: 1}, avoid_if: [f17]}
          - {id: c, name: C, minutes: 30, addresses: {stress: 1}, avoid_if: [f3, f17]}
        """
    started = time.perf_counter()
    found = reach_of(questions, packages)
    assert time.perf_counter() - started < 5
    # c is never suggested (a, listed first, shadows it); a and b each win once the other is
    # ruled out by its flag.
    assert found == Reach(frozenset({"a", "b"}), {"c": "a"}, frozenset())


def test_a_hundred_packages_do_not_hang_the_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not a speed goal (that is the bench): a guard against a search that ran for hours.
    result = load_content(write_large_set(tmp_path))
    assert result.content is not None
    assert not result.warnings
    started = time.perf_counter()
    found = package_reach(result.content.questions, result.content.packages)
    assert time.perf_counter() - started < 30
    assert len(found.can_win) == 100
    # The witnesses alone decide them all: the exact search is not needed.
    monkeypatch.setattr(reach, "MAX_WORK", 0)
    assert package_reach(result.content.questions, result.content.packages) == found


def test_witnesses_of_the_bench_set_are_suggestions_of_the_guest_rule(tmp_path: Path) -> None:
    """The witness pass adds up scores itself; the guest screen's rule must agree with it."""
    from kiosk.bench.largeset import write_large_set
    from kiosk.guest.recommend import suggest

    content = load_content(write_large_set(tmp_path)).content
    assert content is not None
    table = reach._Table(content.questions, content.packages)
    for target in range(0, len(content.packages), 9):
        pull = reach._pull(target, dict.fromkeys(reach._rivals(target, table), 1.0), table)
        found = reach._answer(target, table, pull)
        assert found is not None
        chosen = found[0]
        answers = {
            plan.id: [table.options[i].id for i in chosen if i in plan.numbers]
            for plan in table.plans
            if any(i in plan.numbers for i in chosen)
        }
        suggestion = suggest(content, answers)
        winner = table.winner(*found)
        assert winner is not None and suggestion.package is not None
        assert suggestion.package.id == content.packages[winner].id


def test_contributions_are_recommends_to_the_last_bit() -> None:
    from kiosk.content.scoring import contribution

    weights = [0.1, 0.7, -0.3, 1 / 3, 3.3, 1e-300, 0.0]
    concerns = ["a", "b", "c", "d"]
    options = [
        {"id": f"o{i}", "label": "x",
         "concerns": {c: weights[(i + k) % len(weights)] for k, c in enumerate(concerns[:size])}}
        for i, size in enumerate([0, 1, 2, 3, 4, 1, 2, 3])
    ]
    q, p = parse(
        yaml.safe_dump({"questions": [
            {"id": "q", "prompt": "x", "kind": "multiple", "options": options},
        ]}),
        yaml.safe_dump({"packages": [
            {"id": f"p{i}", "name": "x", "minutes": 30,
             "addresses": {c: weights[(i * 3 + k) % len(weights)] for k, c in enumerate(concerns)}}
            for i in range(5)
        ]}),
    )
    table = reach._Table(q.questions, p.packages)
    for column, package in zip(table.columns, p.packages, strict=True):
        assert list(column) == [contribution(o, package) for o in q.questions[0].options]
