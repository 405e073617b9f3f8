"""Which packages some guest could ever be suggested (the 'never suggested' warning)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from kiosk.content import reach
from kiosk.content.model import PackagesFile, QuestionnaireFile
from kiosk.content.reach import packages_that_can_win


def winners(questions: str, packages: str) -> set[str] | None:
    q = QuestionnaireFile.model_validate(yaml.safe_load(textwrap.dedent(questions)))
    p = PackagesFile.model_validate(yaml.safe_load(textwrap.dedent(packages)))
    return packages_that_can_win(q.questions, p.packages)


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


def test_show_if_hidden_question_cannot_help() -> None:
    questions = """\
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
    packages = """\
        packages:
          - {id: pain, name: P, minutes: 30, addresses: {pain: 1}}
          - {id: calm, name: C, minutes: 30, addresses: {stress: 1}}
          - {id: calm_neck, name: CN, minutes: 30, addresses: {stress: 1, neck: 0.5}}
        """
    # calm_neck could only beat calm when both calm and neck are picked, but neck is only asked
    # after aches; and pain+neck it loses to pain (1 vs 0.5).
    assert winners(questions, packages) == {"pain", "calm"}


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
    monkeypatch.setattr(reach, "MAX_STATES", 0)
    packages = """\
        packages:
          - {id: a, name: A, minutes: 30, addresses: {pain: 1}}
        """
    assert winners(QUESTIONS, packages) is None


def test_a_hundred_packages_do_not_hang_the_search(tmp_path: Path) -> None:
    # Not a speed goal (that is the bench): a guard against a search that ran for hours.
    import time

    from kiosk.bench.largeset import write_large_set
    from kiosk.content.load import load_content

    result = load_content(write_large_set(tmp_path))
    assert result.content is not None
    started = time.perf_counter()
    packages_that_can_win(result.content.questions, result.content.packages)
    assert time.perf_counter() - started < 30
