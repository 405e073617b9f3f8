"""The suggestion rule of CONTENT-SPEC.md, step by step, on small hand-made content."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from kiosk.content.model import Content, KioskFile, PackagesFile, QuestionnaireFile
from kiosk.content.validate import validate
from kiosk.guest.recommend import Suggestion, chosen_options, suggest, visible_questions


def make(questions: str, packages: str, *, languages: str = "[en]") -> Content:
    """Content from questionnaire and packages YAML (no files, no cross-file checks)."""
    q = validate(QuestionnaireFile, yaml.safe_load(textwrap.dedent(questions)))
    p = validate(PackagesFile, yaml.safe_load(textwrap.dedent(packages)))
    kiosk = validate(KioskFile, {"spa_name": "Spa", "languages": yaml.safe_load(languages)})
    return Content(Path("content"), Path("assets"), kiosk, (), q.questions, p.packages, p.consult)


GOALS = """\
questions:
  - id: goals
    prompt: Goals?
    kind: multiple
    options:
      - {id: aches, label: Ease aches, concerns: {pain: 2}}
      - {id: calm, label: Calm down, concerns: {stress: 2}}
      - {id: sleep, label: Sleep better, concerns: {sleep: 1, stress: 1}}
      - {id: glow, label: Glow, concerns: {skin: 1}}
      - {id: nothing, label: Just curious}
  - id: time
    prompt: Time?
    kind: single
    optional: true
    options:
      - {id: t30, label: 30 minutes, minutes: 30}
      - {id: t60, label: 60 minutes, minutes: 60}
      - {id: t90, label: 90 minutes, minutes: 90}
  - id: screening
    prompt: Any of these?
    kind: multiple
    optional: true
    options:
      - {id: pregnant, label: Pregnant, flags: [pregnancy]}
      - {id: heart, label: Heart condition, flags: [heart]}
      - {id: unsure, label: Not sure, flags: [consult]}
      - {id: none, label: None of these, exclusive: true}
"""


def ids(s: Suggestion) -> tuple[str | None, str | None]:
    return (s.package.id if s.package else None, s.runner_up.id if s.runner_up else None)


def ranking(s: Suggestion) -> list[tuple[str, float, str | None]]:
    return [(r.package.id, r.score, r.excluded) for r in s.ranking]


# ---- rule 6 and 7: scores, ties, runner-up ----------------------------------------------------


def test_score_is_sum_of_option_weight_times_package_weight() -> None:
    content = make(
        GOALS,
        """\
        packages:
          - {id: a, name: A, minutes: 60, addresses: {pain: 3, stress: 1}}
          - {id: b, name: B, minutes: 60, addresses: {sleep: 4}}
        """,
    )
    s = suggest(content, {"goals": ("aches", "sleep")})
    # a: aches 2*3 + sleep(stress 1*1) = 7; b: sleep 1*4 = 4
    assert ranking(s) == [("a", 7, None), ("b", 4, None)]
    assert ids(s) == ("a", "b")
    assert s.outcome == "package"


def test_tie_goes_to_the_package_listed_first() -> None:
    packages = """\
        packages:
          - {id: first, name: First, minutes: 60, addresses: {pain: 1}}
          - {id: second, name: Second, minutes: 60, addresses: {pain: 1}}
          - {id: third, name: Third, minutes: 60, addresses: {pain: 1}}
        """
    s = suggest(make(GOALS, packages), {"goals": ("aches",)})
    assert [r.package.id for r in s.ranking] == ["first", "second", "third"]
    assert ids(s) == ("first", "second")
    reordered = packages.replace("id: first", "id: tmp").replace("id: third", "id: first")
    s = suggest(make(GOALS, reordered.replace("id: tmp", "id: third")), {"goals": ("aches",)})
    assert ids(s) == ("third", "second")


def test_highest_score_wins_wherever_it_is_listed() -> None:
    content = make(
        GOALS,
        """\
        packages:
          - {id: a, name: A, minutes: 60, addresses: {pain: 1}}
          - {id: b, name: B, minutes: 60, addresses: {pain: 1.5}}
        """,
    )
    assert ids(suggest(content, {"goals": ("aches",)})) == ("b", "a")


def test_all_scores_zero_first_package_wins_without_runner_up() -> None:
    content = make(
        GOALS,
        """\
        packages:
          - {id: a, name: A, minutes: 60, addresses: {pain: 1}}
          - {id: b, name: B, minutes: 60, addresses: {stress: 1}}
        """,
    )
    for answers in ({}, {"goals": ("nothing",)}, {"goals": ("glow",)}):
        s = suggest(content, answers)
        assert s.outcome == "package"
        assert ids(s) == ("a", None)
        assert s.reasons == ()


def test_runner_up_is_the_next_with_a_score_above_zero() -> None:
    content = make(
        GOALS,
        """\
        packages:
          - {id: zero, name: Zero, minutes: 60, addresses: {skin: 1}}
          - {id: best, name: Best, minutes: 60, addresses: {pain: 2}}
          - {id: next, name: Next, minutes: 60, addresses: {pain: 1}}
        """,
    )
    s = suggest(content, {"goals": ("aches",)})
    assert [r.package.id for r in s.ranking] == ["best", "next", "zero"]
    assert ids(s) == ("best", "next")
    only_one = suggest(content, {"goals": ("aches", "glow")})
    assert ids(only_one) == ("best", "next")


def test_no_runner_up_when_the_others_score_zero() -> None:
    content = make(
        GOALS,
        """\
        packages:
          - {id: zero, name: Zero, minutes: 60, addresses: {skin: 1}}
          - {id: best, name: Best, minutes: 60, addresses: {pain: 2}}
        """,
    )
    assert ids(suggest(content, {"goals": ("aches",)})) == ("best", None)


def test_negative_weights_lower_a_score() -> None:
    content = make(
        GOALS,
        """\
        packages:
          - {id: lively, name: Lively, minutes: 60, addresses: {pain: 2, sleep: -5}}
          - {id: sleepy, name: Sleepy, minutes: 60, addresses: {pain: 1, sleep: 1}}
        """,
    )
    s = suggest(content, {"goals": ("aches", "sleep")})
    assert ranking(s) == [("sleepy", 3, None), ("lively", -1, None)]
    assert ids(s) == ("sleepy", None)


# ---- rule 2 and 5: time ---------------------------------------------------------------------


TIMED = """\
    packages:
      - {id: long, name: Long, minutes: 90, addresses: {pain: 5}}
      - {id: mid, name: Mid, minutes: 60, addresses: {pain: 2}}
      - {id: short, name: Short, minutes: 30, addresses: {pain: 1}}
    """


def test_packages_that_fit_the_time_are_the_candidates() -> None:
    s = suggest(make(GOALS, TIMED), {"goals": ("aches",), "time": ("t60",)})
    assert ids(s) == ("mid", "short")
    assert s.time_limit == 60
    assert not s.needs_more_time
    assert ranking(s) == [
        ("mid", 4, None),
        ("short", 2, None),
        ("long", 10, "takes 90 min; the guest has 60 min"),
    ]


def test_a_package_exactly_as_long_as_the_time_fits() -> None:
    s = suggest(make(GOALS, TIMED), {"goals": ("aches",), "time": ("t30",)})
    assert ids(s) == ("short", None)
    assert not s.needs_more_time


def test_no_time_given_all_safe_packages_are_candidates() -> None:
    s = suggest(make(GOALS, TIMED), {"goals": ("aches",)})
    assert ids(s) == ("long", "mid")
    assert s.time_limit is None
    assert not s.needs_more_time
    assert all(r.excluded is None for r in s.ranking)


def test_none_fits_the_time_all_safe_are_candidates_and_it_says_so() -> None:
    content = make(
        GOALS,
        """\
        packages:
          - {id: long, name: Long, minutes: 90, addresses: {pain: 1}}
          - {id: longer, name: Longer, minutes: 120, addresses: {pain: 2}}
        """,
    )
    s = suggest(content, {"goals": ("aches",), "time": ("t30",)})
    assert s.outcome == "package"
    assert ids(s) == ("longer", "long")
    assert s.time_limit == 30
    assert s.needs_more_time


def test_time_limit_is_the_smallest_minutes_among_chosen_options() -> None:
    questions = GOALS.replace(
        "      - {id: nothing, label: Just curious}",
        "      - {id: nothing, label: Just curious}\n"
        "      - {id: rushed, label: In a rush, minutes: 30}",
    )
    s = suggest(make(questions, TIMED), {"goals": ("aches", "rushed"), "time": ("t90",)})
    assert s.time_limit == 30
    assert ids(s) == ("short", None)


# ---- rule 3 and 4: flags, consult, safety -----------------------------------------------------


SAFE = """\
    packages:
      - {id: deep, name: Deep, minutes: 60, addresses: {pain: 3}, avoid_if: [pregnancy, heart]}
      - {id: gentle, name: Gentle, minutes: 60, addresses: {pain: 1}, avoid_if: [heart]}
      - {id: calm, name: Calm, minutes: 60, addresses: {stress: 1}}
    """


def test_avoid_if_flags_exclude_a_package() -> None:
    s = suggest(make(GOALS, SAFE), {"goals": ("aches",), "screening": ("pregnant",)})
    assert ids(s) == ("gentle", None)
    assert s.flags == {"pregnancy"}
    assert ranking(s) == [
        ("gentle", 2, None),
        ("calm", 0, None),
        ("deep", 6, "avoided for pregnancy"),
    ]


def test_several_raised_flags_are_all_named() -> None:
    s = suggest(make(GOALS, SAFE), {"goals": ("aches",), "screening": ("pregnant", "heart")})
    assert ids(s) == ("calm", None)
    assert ranking(s) == [
        ("calm", 0, None),
        ("deep", 6, "avoided for pregnancy, heart"),
        ("gentle", 2, "avoided for heart"),
    ]


def test_safety_comes_before_time() -> None:
    s = suggest(make(GOALS, SAFE), {"screening": ("heart",), "time": ("t30",)})
    assert s.needs_more_time
    assert ids(s) == ("calm", None)
    assert ("deep", 0, "avoided for heart") in ranking(s)


def test_consult_flag_always_leads_to_consult() -> None:
    s = suggest(make(GOALS, SAFE), {"goals": ("aches",), "screening": ("unsure",)})
    assert s.outcome == "consult"
    assert ids(s) == (None, None)
    assert s.reasons == ()
    assert not s.needs_more_time
    assert "consult" in s.flags


def test_no_safe_package_leads_to_consult() -> None:
    content = make(
        GOALS,
        """\
        packages:
          - {id: a, name: A, minutes: 60, addresses: {pain: 3}, avoid_if: [heart]}
          - {id: b, name: B, minutes: 30, addresses: {pain: 1}, avoid_if: [heart, pregnancy]}
        """,
    )
    s = suggest(content, {"goals": ("aches",), "screening": ("heart",)})
    assert s.outcome == "consult"
    assert ids(s) == (None, None)
    assert [r.excluded for r in s.ranking] == ["avoided for heart", "avoided for heart"]


def test_exclusive_none_of_these_raises_nothing() -> None:
    s = suggest(make(GOALS, SAFE), {"goals": ("aches",), "screening": ("none",)})
    assert s.flags == frozenset()
    assert ids(s) == ("deep", "gentle")


# ---- rule 1: only shown questions count --------------------------------------------------------


SHOW_IF = """\
questions:
  - id: goals
    prompt: Goals?
    kind: multiple
    options:
      - {id: aches, label: Ease aches, concerns: {pain: 1}}
      - {id: calm, label: Calm down, concerns: {stress: 1}}
  - id: areas
    prompt: Where?
    kind: single
    show_if: {question: goals, any_of: [aches]}
    options:
      - {id: neck, label: Neck, concerns: {neck: 5}}
      - {id: back, label: Back, concerns: {back: 5}, flags: [back_pain]}
  - id: depth
    prompt: How deep?
    kind: single
    show_if: {question: areas, any_of: [back]}
    options:
      - {id: deep, label: Deep, concerns: {back: 5}, minutes: 30}
      - {id: light, label: Light}
"""

SHOW_IF_PACKAGES = """\
    packages:
      - {id: relax, name: Relax, minutes: 60, addresses: {stress: 2}}
      - {id: neck, name: Neck, minutes: 60, addresses: {neck: 1, pain: 1}}
      - {id: back, name: Back, minutes: 60, addresses: {back: 1}, avoid_if: [back_pain]}
    """


def test_answers_to_hidden_questions_are_ignored() -> None:
    content = make(SHOW_IF, SHOW_IF_PACKAGES)
    answers = {"goals": ("calm",), "areas": ("neck",), "depth": ("deep",)}
    assert [q.id for q in visible_questions(content, answers)] == ["goals"]
    assert [o.id for _, o in chosen_options(content, answers)] == ["calm"]
    s = suggest(content, answers)
    assert ids(s) == ("relax", None)
    assert s.time_limit is None  # depth's minutes do not count
    assert [r.option.id for r in s.reasons] == ["calm"]


def test_hidden_flags_are_ignored() -> None:
    content = make(SHOW_IF, SHOW_IF_PACKAGES)
    s = suggest(content, {"goals": ("calm",), "areas": ("back",)})
    assert s.flags == frozenset()


def test_show_if_follows_a_chain_of_questions() -> None:
    content = make(SHOW_IF, SHOW_IF_PACKAGES)
    shown = visible_questions(content, {"goals": ("aches",), "areas": ("back",)})
    assert [q.id for q in shown] == ["goals", "areas", "depth"]
    # depth looks at areas, which is hidden when goals does not pick aches
    hidden = visible_questions(content, {"goals": ("calm",), "areas": ("back",)})
    assert [q.id for q in hidden] == ["goals"]
    s = suggest(content, {"goals": ("aches",), "areas": ("neck",)})
    assert ids(s) == ("neck", None)
    assert [r.option.id for r in s.reasons] == ["neck", "aches"]


# ---- rule 8: reasons --------------------------------------------------------------------------


REASONS = """\
questions:
  - id: goals
    prompt: Goals?
    kind: multiple
    options:
      - {id: small, label: {en: Small, es: Pequeño}, concerns: {a: 1}}
      - {id: big, label: {en: Big, es: Grande}, concerns: {a: 3}}
      - {id: same1, label: {en: Same one, es: Igual uno}, concerns: {b: 2}}
      - {id: same2, label: {en: Same two, es: Igual dos}, concerns: {c: 2}}
      - {id: minus, label: {en: Minus, es: Menos}, concerns: {d: 1}}
      - {id: zero, label: {en: Zero, es: Cero}, concerns: {e: 1}}
  - id: extra
    prompt: More?
    kind: multiple
    options:
      - {id: late, label: {en: Late, es: Tarde}, concerns: {b: 2}}
      - {id: other, label: {en: Other, es: Otro}, concerns: {a: 0.5}}
"""

REASON_PACKAGES = """\
    packages:
      - {id: p, name: P, minutes: 60, addresses: {a: 1, b: 1, c: 1, d: -1}}
    """


def test_reasons_largest_first_equal_in_questionnaire_order_at_most_three() -> None:
    content = make(REASONS, REASON_PACKAGES, languages="[en, es]")
    s = suggest(
        content,
        {"goals": ("small", "big", "same1", "same2", "minus", "zero"), "extra": ("late", "other")},
    )
    # contributions: big 3, same1 2, same2 2, late 2, small 1, other 0.5, minus -1, zero 0
    assert [(r.option.id, r.contribution) for r in s.reasons] == [
        ("big", 3), ("same1", 2), ("same2", 2),
    ]
    labels = [content.text(r.option.label, "es") for r in s.reasons]
    assert labels == ["Grande", "Igual uno", "Igual dos"]


def test_reasons_keep_only_positive_contributions() -> None:
    content = make(REASONS, REASON_PACKAGES)
    s = suggest(content, {"goals": ("minus", "zero", "small")})
    assert [r.option.id for r in s.reasons] == ["small"]
    s = suggest(content, {"goals": ("minus", "zero")})
    assert s.reasons == ()


def test_reasons_in_questionnaire_order_not_answer_order() -> None:
    content = make(REASONS, REASON_PACKAGES)
    s = suggest(content, {"extra": ("late",), "goals": ("same2", "same1")})
    assert [r.option.id for r in s.reasons] == ["same1", "same2", "late"]


def test_reasons_are_about_the_winner() -> None:
    content = make(
        GOALS,
        """\
        packages:
          - {id: a, name: A, minutes: 60, addresses: {pain: 3}}
          - {id: b, name: B, minutes: 60, addresses: {stress: 1}}
        """,
    )
    s = suggest(content, {"goals": ("aches", "calm")})
    assert ids(s) == ("a", "b")
    assert [r.option.id for r in s.reasons] == ["aches"]


def test_unknown_answers_are_ignored_by_the_rule() -> None:
    content = make(GOALS, TIMED)
    s = suggest(content, {"nope": ("x",), "goals": ("aches", "ghost")})
    assert ids(s) == ("long", "mid")


@pytest.mark.parametrize("answers", [{}, {"goals": ()}])
def test_no_answers(answers: dict[str, tuple[str, ...]]) -> None:
    s = suggest(make(GOALS, TIMED), answers)
    assert ids(s) == ("long", None)
    assert s.flags == frozenset() and s.time_limit is None
