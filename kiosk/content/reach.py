"""Which packages some guest could be suggested: a search over every way to answer.

For each package in turn the search walks the questionnaire in order and keeps, for every way of
answering so far, only what the suggestion rule can still see:

- which later `show_if` questions are going to be shown (not the answers themselves),
- which packages the raised flags made unsafe (a raised `consult` ends the walk: no package),
- the time limit,
- the score of every package.

Ways of answering that agree on the first three are compared by the package's lead over each
other package; one that is behind (or level) on every lead can never do better than the other
and is dropped. That keeps real questionnaires small enough to search exactly; when the search
would still be too large it gives up (returns None) rather than guess: more than MAX_STATES ways
kept after a question, or more than MAX_WORK comparisons in all (ways that hardly ever rule each
other out, as with a hundred packages, would otherwise take hours).
"""

from __future__ import annotations

import operator
from collections.abc import Iterator, Sequence
from itertools import combinations

from kiosk.content.model import Option, Package, Question

MAX_STATES = 20_000
MAX_WORK = 3_000_000
CONSULT_FLAG = "consult"

Scores = tuple[float, ...]
# (later questions that will be shown, unsafe packages, time limit)
Key = tuple[frozenset[str], frozenset[int], int | None]


class _TooLarge(Exception):
    pass


class _Work:
    """What the search may still spend, in comparisons of two ways of answering."""

    def __init__(self) -> None:
        self.left = MAX_WORK

    def spend(self, amount: int) -> None:
        self.left -= amount
        if self.left < 0:
            raise _TooLarge


def packages_that_can_win(
    questions: Sequence[Question], packages: Sequence[Package]
) -> set[str] | None:
    """The ids of the packages that win for at least one way of answering; None: too many ways."""
    steps = [_Step(question, packages) for question in questions]
    work = _Work()
    try:
        return {
            package.id
            for target, package in enumerate(packages)
            if _can_win(target, steps, questions, packages, work)
        }
    except _TooLarge:
        return None


class _Step:
    """One question: the ways to answer it, each with its effect on flags, time and scores."""

    def __init__(self, question: Question, packages: Sequence[Package]) -> None:
        self.question = question
        # (options picked, packages made unsafe, consult raised, minutes, score rows)
        self.choices: list[
            tuple[frozenset[str], frozenset[int], bool, int | None, list[Scores]]
        ] = []
        # Each option's row of scores once, not once for every selection it is part of.
        option_rows = {
            id(option): tuple(_contribution(option, package) for package in packages)
            for option in question.options
        }
        no_flags: frozenset[int] = frozenset()
        for chosen in _selections(question):
            ids = frozenset(option.id for option in chosen)
            flags = {flag for option in chosen for flag in option.flags}
            unsafe = frozenset(
                i for i, p in enumerate(packages) if flags & set(p.avoid_if)
            ) if flags else no_flags
            minutes = [option.minutes for option in chosen if option.minutes is not None]
            rows = [option_rows[id(o)] for o in chosen]
            rows = [row for row in rows if any(row)]  # adding 0 changes no score
            self.choices.append(
                (ids, unsafe, CONSULT_FLAG in flags, min(minutes) if minutes else None, rows)
            )


def _can_win(
    target: int, steps: Sequence[_Step], questions: Sequence[Question],
    packages: Sequence[Package], work: _Work,
) -> bool:
    zero: Scores = (0.0,) * len(packages)
    states: dict[Key, list[Scores]] = {(frozenset(), frozenset(), None): [zero]}
    for index, step in enumerate(steps):
        question = step.question
        watchers = [
            q for q in questions[index + 1 :] if q.show_if and q.show_if.question == question.id
        ]
        following: dict[Key, list[Scores]] = {}
        count = 0
        for (shown, unsafe, limit), fronts in states.items():
            if question.show_if is not None and question.id not in shown:
                following.setdefault((shown, unsafe, limit), []).extend(fronts)
                continue
            rest = shown - {question.id}
            for ids, more_unsafe, consult, minutes, rows in step.choices:
                if consult:
                    continue  # the outcome is "talk to us": no package wins
                now_shown = rest | {
                    q.id for q in watchers if q.show_if and ids & set(q.show_if.any_of)
                }
                new_limit = limit if minutes is None else min(minutes, limit or minutes)
                key = (frozenset(now_shown), unsafe | more_unsafe, new_limit)
                bucket = following.setdefault(key, [])
                if not rows:
                    bucket.extend(fronts)
                    continue
                for scores in fronts:
                    for row in rows:  # one option at a time, as the rule adds them up
                        scores = _add(scores, row)
                    bucket.append(scores)
        states = {}
        try:
            for key, bucket in following.items():
                # A front bigger than what is left of MAX_STATES would give up after the step.
                states[key] = _front(bucket, target, MAX_STATES - count, work)
                count += len(states[key])
            if count > MAX_STATES:
                raise _TooLarge
        except _TooLarge:
            states.clear()
            _let_go(following)
            raise
    return any(
        _wins(target, scores, unsafe, limit, packages)
        for (_, unsafe, limit), fronts in states.items()
        for scores in fronts
    )


def _wins(
    target: int, scores: Scores, unsafe: frozenset[int], limit: int | None,
    packages: Sequence[Package],
) -> bool:
    safe = [i for i in range(len(packages)) if i not in unsafe]
    fitting = [i for i in safe if limit is None or packages[i].minutes <= limit]
    candidates = fitting or safe
    if target not in candidates:
        return False
    mine = scores[target]
    return all(
        mine > scores[other] if other < target else mine >= scores[other]
        for other in candidates
        if other != target
    )


def _front(bucket: list[Scores], target: int, room: int, work: _Work) -> list[Scores]:
    """Keep only the ways of answering whose leads no other way matches or beats on all.

    Gives up (raises _TooLarge) once more than `room` ways are kept."""
    if len(bucket) == 1:
        return bucket
    work.spend(len(bucket))
    leads: dict[tuple[float, ...], Scores] = {}
    for scores in bucket:
        mine = scores[target]
        leads.setdefault(tuple([mine - other for other in scores]), scores)  # drops repeats
    # A lead that dominates comes first. The sums are taken in a loop of their own: sorted()
    # with key=sum would hold the interpreter lock for the whole sort of a big bucket (tens of
    # milliseconds), and the search also runs beside the screen when content is reloaded.
    unsorted = list(leads)
    sums = [sum(lead) for lead in unsorted]
    order = sorted(range(len(unsorted)), key=sums.__getitem__, reverse=True)
    kept: list[tuple[float, ...]] = []
    ge = operator.ge
    try:
        for index in order:
            lead = unsorted[index]
            work.spend(len(kept))
            best = max(lead)
            where = lead.index(best)  # the quickest way to see that `other` is not ahead
            for other in kept:
                if other[where] >= best and all(map(ge, other, lead)):
                    break
            else:
                kept.append(lead)
                if len(kept) > room:
                    raise _TooLarge
    except _TooLarge:
        kept.clear()
        unsorted.clear()
        _let_go_keys(leads)
        raise
    return [leads[lead] for lead in kept]


def _let_go(groups: dict[Key, list[Scores]]) -> None:
    """Empty a big search a little at a time: freeing it at once holds the interpreter lock for
    tens of milliseconds, a stall for the screen when content is reloaded beside it."""
    while groups:
        _, items = groups.popitem()
        while items:
            del items[-200:]


def _let_go_keys(leads: dict[tuple[float, ...], Scores]) -> None:
    """The same for the leads of one bucket."""
    for _ in range(len(leads)):
        leads.popitem()


def _add(scores: Scores, added: Scores) -> Scores:
    return tuple(a + b for a, b in zip(scores, added, strict=True))


def _contribution(option: Option, package: Package) -> float:
    # The same arithmetic as kiosk.guest.recommend, so ties come out the same.
    addresses = package.addresses
    return sum(weight * addresses.get(concern, 0.0) for concern, weight in option.concerns.items())


def _selections(question: Question) -> Iterator[tuple[Option, ...]]:
    """Every answer a guest can give: nothing (when optional), one exclusive option, or a set."""
    if question.optional:
        yield ()
    plain = [o for o in question.options if not o.exclusive]
    for option in question.options:
        if option.exclusive or question.kind == "single":
            yield (option,)
    if question.kind == "multiple":
        for size in range(1, question.most + 1):
            yield from combinations(plain, size)
