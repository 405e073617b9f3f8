"""Which packages some guest could be suggested: a search over every way to answer.

Scores only depend on the summed concern weights, the raised flags and the time limit, so answers
with the same effect are merged as the search goes; that keeps real questionnaires small enough
to search exactly. When the search would still be too large it gives up (returns None) rather than
guess.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations

from kiosk.content.model import Option, Package, Question

MAX_STATES = 20_000
CONSULT_FLAG = "consult"

# (concern totals, raised flags, time limit, picks of the questions that show_if looks at)
State = tuple[tuple[float, ...], frozenset[str], int | None, frozenset[tuple[str, str]]]


def packages_that_can_win(
    questions: Sequence[Question], packages: Sequence[Package]
) -> set[str] | None:
    concerns = sorted({c for q in questions for o in q.options for c in o.concerns})
    index = {c: i for i, c in enumerate(concerns)}
    watched = {q.show_if.question for q in questions if q.show_if}
    states: set[State] = {((0.0,) * len(concerns), frozenset(), None, frozenset())}
    for question in questions:
        selections = list(_selections(question))
        following: set[State] = set()
        for totals, flags, limit, picks in states:
            rule = question.show_if
            if rule and not any((rule.question, o) in picks for o in rule.any_of):
                following.add((totals, flags, limit, picks))
                continue
            for chosen in selections:
                new_totals = list(totals)
                new_flags = set(flags)
                new_limit = limit
                for option in chosen:
                    for concern, weight in option.concerns.items():
                        new_totals[index[concern]] += weight
                    new_flags.update(option.flags)
                    if option.minutes is not None:
                        new_limit = option.minutes if new_limit is None else min(new_limit, option.minutes)
                new_picks = picks
                if question.id in watched:
                    new_picks = picks | {(question.id, o.id) for o in chosen}
                following.add((tuple(new_totals), frozenset(new_flags), new_limit, new_picks))
            if len(following) > MAX_STATES:
                return None
        states = following
    return {winner for state in states if (winner := _winner(state, packages, index)) is not None}


def _selections(question: Question) -> Iterator[tuple[Option, ...]]:
    if question.optional:
        yield ()
    plain = [o for o in question.options if not o.exclusive]
    for option in question.options:
        if option.exclusive or question.kind == "single":
            yield (option,)
    if question.kind == "multiple":
        for size in range(1, question.most + 1):
            yield from combinations(plain, size)


def _winner(state: State, packages: Sequence[Package], index: dict[str, int]) -> str | None:
    totals, flags, limit, _ = state
    if CONSULT_FLAG in flags:
        return None
    safe = [p for p in packages if not flags & set(p.avoid_if)]
    fitting = [p for p in safe if limit is None or p.minutes <= limit]
    best: tuple[float, str] | None = None
    for package in fitting or safe:
        score = sum(totals[index[c]] * w for c, w in package.addresses.items() if c in index)
        if best is None or score > best[0]:
            best = (score, package.id)
    return best[1] if best else None
