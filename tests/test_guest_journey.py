"""The guest's journey, the attract loop and idle timing as pure state: no Qt, no real clock."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from kiosk.content.load import load_content
from kiosk.content.model import Content
from kiosk.guest.attract import RECHECK_SECONDS, AttractLoop
from kiosk.guest.idle import IdleWatch, Phase
from kiosk.guest.journey import Journey
from kiosk.guest.recommend import suggest
from kiosk.guest.sample_answers import sample_answers

QUESTIONS = """\
questions:
  - id: goals
    prompt: What would you like?
    kind: multiple
    max: 2
    options:
      - {id: aches, label: Aches, concerns: {pain: 2}}
      - {id: calm, label: Calm, concerns: {stress: 2}}
      - {id: sleep, label: Sleep, concerns: {stress: 1}}
  - id: area
    prompt: Where?
    kind: single
    optional: true
    show_if: {question: goals, any_of: [aches]}
    options:
      - {id: back, label: Back, concerns: {pain: 1}}
      - {id: neck, label: Neck, concerns: {pain: 1}}
  - id: screening
    prompt: Any of these?
    kind: multiple
    options:
      - {id: pregnant, label: Pregnant, flags: [pregnancy]}
      - {id: unsure, label: Not sure, flags: [consult]}
      - {id: none, label: None of these, exclusive: true}
"""
PACKAGES = """\
packages:
  - {id: ease, name: Ease, minutes: 30, addresses: {pain: 2}, avoid_if: [pregnancy]}
  - {id: calm, name: Calm, minutes: 60, addresses: {stress: 2}}
"""
SLIDES = """\
slides:
  - {id: always, title: Always, seconds: 3}
  - {id: evening, title: Evening, show: {hours: "20:00-02:00"}}
"""


@pytest.fixture
def content(make_content) -> Content:  # type: ignore[no-untyped-def]
    folder: Path = make_content(questionnaire=QUESTIONS, packages=PACKAGES, slides=SLIDES)
    result = load_content(folder)
    assert result.content is not None, [p.format() for p in result.problems]
    return result.content


def test_show_if_changes_the_questions_ahead(content: Content) -> None:
    journey = Journey(content)
    assert [q.id for q in journey.questions] == ["goals", "screening"]
    journey.toggle("aches")
    assert [q.id for q in journey.questions] == ["goals", "area", "screening"]
    assert journey.progress.total == 3


def test_max_and_exclusive_rules(content: Content) -> None:
    journey = Journey(content)
    for option in ("aches", "calm", "sleep"):
        journey.toggle(option)
    assert journey.selected() == ("aches", "calm")
    assert not journey.can_pick_more()
    journey.toggle("calm")
    journey.next()
    journey.next()  # optional 'area' left empty
    journey.toggle("pregnant")
    journey.toggle("unsure")
    journey.toggle("none")
    assert journey.selected() == ("none",)
    journey.toggle("pregnant")
    assert journey.selected() == ("pregnant",)


def test_next_needs_a_valid_answer_and_back_keeps_answers(content: Content) -> None:
    journey = Journey(content)
    assert not journey.can_go_next
    assert journey.next() is None and journey.question.id == "goals"
    journey.toggle("calm")
    journey.next()
    assert journey.question.id == "screening"
    assert journey.back() and journey.question.id == "goals"
    assert journey.selected() == ("calm",)
    assert not journey.back()  # nothing before the first question


def test_hidden_answers_do_not_count(content: Content) -> None:
    journey = Journey(content)
    journey.toggle("aches")
    journey.next()
    journey.toggle("neck")
    journey.back()
    journey.toggle("aches")  # 'area' is hidden again
    journey.toggle("calm")
    assert journey.answers == {"goals": ("calm",)}


def test_the_last_next_makes_the_suggestion(content: Content) -> None:
    journey = Journey(content)
    journey.toggle("aches")
    journey.next()
    journey.next()
    journey.toggle("none")
    suggestion = journey.next()
    assert suggestion is not None and suggestion.package is not None
    assert suggestion.package.id == "ease"
    assert journey.back() and journey.suggestion is None


def test_attract_loop_skips_slides_that_are_scheduled_off(content: Content) -> None:
    loop = AttractLoop(content.slides, default_seconds=8)
    noon = datetime(2026, 11, 26, 12, 0)
    turns = [loop.next(noon) for _ in range(3)]
    assert [t.slide.id if t.slide else None for t in turns] == ["always"] * 3
    assert turns[0].seconds == 3
    night = datetime(2026, 11, 26, 23, 0)
    assert [loop.next(night).slide.id for _ in range(2)] == ["evening", "always"]  # type: ignore[union-attr]


def test_attract_loop_falls_back_when_nothing_is_scheduled(content: Content) -> None:
    evening_only = tuple(s for s in content.slides if s.id == "evening")
    turn = AttractLoop(evening_only, default_seconds=8).next(datetime(2026, 11, 26, 12, 0))
    assert turn.slide is None and turn.seconds == RECHECK_SECONDS


def test_idle_watch_phases_follow_the_monotonic_clock() -> None:
    watch = IdleWatch(idle_seconds=45, warning_seconds=20, now=100.0)
    assert watch.phase(144.9) is Phase.ACTIVE and watch.until_change(144.0) == pytest.approx(1.0)
    assert watch.phase(145.0) is Phase.WARNING and watch.warning_left(150.0) == 15.0
    assert watch.phase(165.0) is Phase.EXPIRED
    watch.touch(160.0)  # "I need more time"
    assert watch.phase(165.0) is Phase.ACTIVE and watch.warning_left(165.0) == 20.0


@pytest.mark.parametrize("consult", [False, True])
def test_sample_answers_walk_every_question(content: Content, consult: bool) -> None:
    answers = sample_answers(content, consult=consult)
    assert set(answers) == {"goals", "area", "screening"}
    outcome = suggest(content, answers).outcome
    assert outcome == ("consult" if consult else "package")
