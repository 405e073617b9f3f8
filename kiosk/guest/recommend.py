"""The suggestion rule, step by step, so staff can predict every outcome.

The arithmetic of the score and the flag `consult` are kiosk.content.scoring's, which the
content check also plays.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from kiosk.content.scoring import CONSULT_FLAG, contribution, score

if TYPE_CHECKING:
    from kiosk.content.model import Content, Option, Package, Question

Answers = Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class Ranked:
    """One package's place in the ranking: its score, or why it cannot be suggested."""

    package: Package
    score: float
    excluded: str | None = None


@dataclass(frozen=True)
class Reason:
    """A chosen option that added to the winner's score."""

    question: Question
    option: Option
    contribution: float


@dataclass(frozen=True)
class Suggestion:
    outcome: Literal["package", "consult"]
    package: Package | None
    runner_up: Package | None
    reasons: tuple[Reason, ...]
    ranking: tuple[Ranked, ...]
    flags: frozenset[str]
    time_limit: int | None
    needs_more_time: bool
    """True when a time limit was given and no safe package fits it (rule 5)."""


def visible_questions(content: Content, answers: Answers) -> list[Question]:
    """The questions a guest with these answers is asked, in order (rule 1 and `show_if`)."""
    shown: list[Question] = []
    shown_ids: set[str] = set()
    for question in content.questions:
        rule = question.show_if
        if rule is not None and not (
            rule.question in shown_ids and set(answers.get(rule.question, ())) & set(rule.any_of)
        ):
            continue
        shown.append(question)
        shown_ids.add(question.id)
    return shown


def chosen_options(content: Content, answers: Answers) -> list[tuple[Question, Option]]:
    """Every chosen option of every shown question, in questionnaire order."""
    chosen: list[tuple[Question, Option]] = []
    for question in visible_questions(content, answers):
        picked = set(answers.get(question.id, ()))
        chosen.extend((question, option) for option in question.options if option.id in picked)
    return chosen


def suggest(content: Content, answers: Answers) -> Suggestion:
    chosen = chosen_options(content, answers)
    options = [option for _, option in chosen]
    flags = frozenset(flag for option in options for flag in option.flags)
    limits = [option.minutes for option in options if option.minutes is not None]
    time_limit = min(limits) if limits else None

    safe = [p for p in content.packages if not flags & set(p.avoid_if)]
    fitting = [p for p in safe if time_limit is None or p.minutes <= time_limit]
    candidates = fitting or safe
    needs_more_time = time_limit is not None and not fitting

    scores = {p.id: score(p, options) for p in candidates}
    # sorted() is stable, so equal scores keep packages.yaml order (rule 7).
    ordered = sorted(candidates, key=lambda p: -scores[p.id])
    ranking = [Ranked(p, scores[p.id]) for p in ordered]
    ranking += [
        Ranked(p, score(p, options), _why_excluded(p, flags, time_limit))
        for p in content.packages
        if p not in candidates
    ]

    if CONSULT_FLAG in flags or not ordered:
        return Suggestion("consult", None, None, (), tuple(ranking), flags, time_limit, False)

    winner = ordered[0]
    runner_up = next((p for p in ordered[1:] if scores[p.id] > 0), None)
    return Suggestion(
        outcome="package",
        package=winner,
        runner_up=runner_up,
        reasons=_reasons(chosen, winner),
        ranking=tuple(ranking),
        flags=flags,
        time_limit=time_limit,
        needs_more_time=needs_more_time,
    )


def _why_excluded(package: Package, flags: frozenset[str], time_limit: int | None) -> str:
    raised = [flag for flag in package.avoid_if if flag in flags]
    if raised:
        return "avoided for " + ", ".join(raised)
    return f"takes {package.minutes} min; the guest has {time_limit} min"


def _reasons(chosen: list[tuple[Question, Option]], winner: Package) -> tuple[Reason, ...]:
    helped = [
        Reason(question, option, contribution(option, winner))
        for question, option in chosen
    ]
    helped = [reason for reason in helped if reason.contribution > 0]
    # Stable sort: equal contributions stay in questionnaire order (rule 8).
    helped.sort(key=lambda reason: -reason.contribution)
    return tuple(helped[:3])
