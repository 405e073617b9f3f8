"""Which packages some guest could be suggested, and which never: proved package by package.

Each package is decided by the first of three passes that can, cheapest first. Every pass plays
the suggestion rule of kiosk.guest.recommend exactly (the same arithmetic, from
kiosk.content.scoring, and the same tie rule: the earlier package wins), so what it proves is
true; nothing depends on the clock.

1. Shadowed: a package listed earlier scores at least as much for every option of every question
   and is offered whenever this one is (it avoids no flag this one does not avoid and takes no
   longer), so it wins or ties every time: this package is never suggested.
2. A witness: one way of answering built greedily for the package, in questionnaire order and
   honouring `show_if`. Where a question raises flags or sets the time, the answer that rules
   out the most other packages (never the package itself, never `consult`, and a time it fits);
   elsewhere the options that help it most against its rivals (the packages no flag or time can
   rule out). The way is then played through the rule: if the package wins, it can win. If
   another package wins instead, that one can win; the greedy choice leans harder against it and
   tries again: at most WITNESS_ROUNDS tries per package, two per package on average.
3. The exact search, only for packages still undecided. It walks the questionnaire in order and
   keeps, for every way of answering so far, only what the rule can still see: which later
   `show_if` questions will be shown, which packages the raised flags made unsafe (a raised
   `consult` ends the walk: no package), the time limit, and every package's score. Ways that
   agree on the first three are compared by the package's lead over each other package; one that
   is behind (or level) on every lead can never do better and is dropped. That keeps real
   questionnaires small enough to search exactly. It gives up on a package rather than guess when
   more than MAX_STATES ways are kept after a question, when its share of MAX_WORK is spent, or
   (for every package) when one question alone has more than MAX_STATES answers. A package it
   gives up on stays undecided, and the check says nothing about it.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations, islice
from math import comb

from kiosk.content.model import Option, Package, Question
from kiosk.content.scoring import CONSULT_FLAG, add_up, contributions

MAX_STATES = 20_000
# Work of the exact search, shared evenly by the packages the first two passes left undecided:
# score entries written or compared, plus _TUPLE_COST per score tuple made and _STEP_COST per
# answer tried for a group of ways. 600_000 is about 40 to 70 ms on a 2-core bench machine.
MAX_WORK = 600_000
_STEP_COST = 40
_TUPLE_COST = 10
WITNESS_ROUNDS = 6
MAX_CHOICES = 4096  # answers the witness pass weighs for one question that rules packages out

Scores = tuple[float, ...]
# (later questions that will be shown, unsafe packages, time limit)
Key = tuple[frozenset[str], frozenset[int], int | None]
# (options picked, packages made unsafe, consult raised, minutes, score rows)
Choice = tuple[frozenset[str], frozenset[int], bool, int | None, list[Scores]]


@dataclass(frozen=True)
class Reach:
    """What the check could prove about each package, by id."""

    can_win: frozenset[str]
    """Packages that some way of answering suggests."""
    never: Mapping[str, str | None]
    """Packages no answer suggests, each with the earlier package that always wins or ties
    against it (None: the exact search proved it)."""
    undecided: frozenset[str]
    """Packages the exact search gave up on."""


class _TooLarge(Exception):
    pass


class _Work:
    """What the exact search may still spend on one package."""

    def __init__(self, budget: int) -> None:
        self.left = budget

    def spend(self, amount: int) -> None:
        self.left -= amount
        if self.left < 0:
            raise _TooLarge


def package_reach(questions: Sequence[Question], packages: Sequence[Package]) -> Reach:
    """Decide, for every package, whether some way of answering suggests it."""
    table = _Table(questions, packages)
    count = len(packages)
    won: set[int] = set()
    never: dict[int, int | None] = {}
    for target in range(count):
        shadow = table.shadowed_by(target)
        if shadow is not None:
            never[target] = shadow
    spare = count  # tries beyond each package's first, shared by all
    for target in range(count):
        if target not in won and target not in never:
            tries = 1 + min(WITNESS_ROUNDS - 1, spare)
            spare -= _find_witness(target, table, won, tries) - 1
    undecided = [i for i in range(count) if i not in won and i not in never]
    if undecided and all(_answer_count(question) <= MAX_STATES for question in questions):
        rows = table.rows()
        steps = [_Step(question, rows, table.avoid) for question in questions]
        left = MAX_WORK
        for place, target in enumerate(undecided):
            share = left // (len(undecided) - place)  # an even share of what is left
            work = _Work(share)
            try:
                if _can_win(target, steps, questions, packages, work):
                    won.add(target)
                else:
                    never[target] = None
            except _TooLarge:
                pass  # undecided: the check says nothing rather than guess
            left -= share - max(work.left, 0)
    return Reach(
        can_win=frozenset(packages[i].id for i in won),
        never={
            packages[i].id: (None if by is None else packages[by].id)
            for i, by in sorted(never.items())
        },
        undecided=frozenset(
            packages[i].id for i in range(count) if i not in won and i not in never
        ),
    )


def packages_that_can_win(
    questions: Sequence[Question], packages: Sequence[Package]
) -> set[str] | None:
    """The ids of the packages that win for at least one way of answering; None when the
    search gave up on any package."""
    found = package_reach(questions, packages)
    return None if found.undecided else set(found.can_win)


class _Table:
    """Every option's contribution to every package's score, and what the passes share."""

    def __init__(self, questions: Sequence[Question], packages: Sequence[Package]) -> None:
        self.packages = packages
        self.avoid = [frozenset(p.avoid_if) - {CONSULT_FLAG} for p in packages]
        self.minutes = [p.minutes for p in packages]
        options = [option for question in questions for option in question.options]
        self.options = options
        # Each package's contribution from every option, in questionnaire order, by the rule's
        # own arithmetic. Options often share their concerns and weights: each distinct set is
        # worked out once per package and spread over the options that have it.
        alike: dict[tuple[tuple[str, float], ...], Option] = {}
        for option in options:
            alike.setdefault(tuple(option.concerns.items()), option)
        slot = {key: number for number, key in enumerate(alike)}
        spread = _getter([slot[tuple(option.concerns.items())] for option in options])
        self.columns: list[Scores] = [
            tuple(spread(contributions(alike.values(), package)))
            for package in packages
        ]
        # For the witness pass's guidance (not the rule): each option's concerns as numbers
        # (0: no concern, weight 0), the first two of them, and the rest for the few with more.
        self.concerns: dict[str, int] = {}
        for option in options:
            for concern in option.concerns:
                self.concerns.setdefault(concern, len(self.concerns) + 1)
        self.terms: list[tuple[int, float, int, float]] = []
        self.more: list[tuple[int, list[tuple[int, float]]]] = []  # three or more concerns
        for index, option in enumerate(options):
            pairs = [(self.concerns[c], w) for c, w in option.concerns.items()]
            first, second = [*pairs, (0, 0.0), (0, 0.0)][:2]
            self.terms.append((*first, *second))
            if len(pairs) > 2:
                self.more.append((index, pairs[2:]))
        # Options often share their terms (the same concerns and weights): each distinct term is
        # worked out once, and spread over the options by a getter (in C).
        distinct: dict[tuple[int, float, int, float], int] = {}
        places = [distinct.setdefault(term, len(distinct)) for term in self.terms]
        self.distinct_terms = list(distinct)
        self._spread = _getter(places)
        self.plans: list[_Plan] = []
        start = 0
        for index, question in enumerate(questions):
            self.plans.append(_Plan(question, questions[index + 1 :], start, self.avoid))
            start += len(question.options)
        # Options that raise flags or set the time: what can rule packages out.
        self.rulers = [o for o in options if o.flags or o.minutes is not None]
        self._too_long: dict[int, frozenset[int]] = {}

    def per_option(self, by_concern: Sequence[float]) -> list[float]:
        """w1 * x[c1] + w2 * x[c2] for every option's first two concerns (by number): how much
        each option pulls a guess towards a package, quickly; scores never come from here."""
        x = by_concern
        return self._spread([w1 * x[c1] + w2 * x[c2] for c1, w1, c2, w2 in self.distinct_terms])

    def rows(self) -> dict[int, Scores]:
        """Each option's contribution to every package, by id(option), for the exact search."""
        rows = zip(*self.columns, strict=True) if self.columns else ((),) * len(self.options)
        return {id(option): row for option, row in zip(self.options, rows, strict=True)}

    def too_long(self, limit: int) -> frozenset[int]:
        """The packages that do not fit in `limit` minutes."""
        if limit not in self._too_long:
            self._too_long[limit] = frozenset(
                i for i, minutes in enumerate(self.minutes) if minutes > limit
            )
        return self._too_long[limit]

    def shadowed_by(self, target: int) -> int | None:
        """The first earlier package that wins or ties against `target` whenever `target` is
        offered: it scores at least as much for every option, avoids no flag `target` does not
        avoid and takes no longer. None when there is none."""
        mine = self.columns[target]
        ge = operator.ge
        for other in range(target):
            if (
                self.minutes[other] <= self.minutes[target]
                and self.avoid[other] <= self.avoid[target]
                and all(map(ge, self.columns[other], mine))
            ):
                return other
        return None

    def winner(self, chosen: Sequence[int], flags: set[str], limit: int | None) -> int | None:
        """The package the rule suggests when these options (by number, in questionnaire order)
        are picked, the same way as recommend.suggest."""
        if CONSULT_FLAG in flags:
            return None
        safe = [i for i, avoid in enumerate(self.avoid) if not avoid & flags]
        fitting = [i for i in safe if limit is None or self.minutes[i] <= limit]
        candidates = fitting or safe
        pick = operator.itemgetter(*chosen) if len(chosen) > 1 else None
        best: int | None = None
        top = 0.0
        for i in candidates:
            column = self.columns[i]
            # Added up as the rule does, option after option.
            score = add_up(pick(column)) if pick else add_up([column[j] for j in chosen])
            if best is None or score > top:  # a tie keeps the earlier package
                best, top = i, score
        return best


class _Plan:
    """One question as the witness pass sees it; its options are numbered from `start`."""

    def __init__(
        self, question: Question, later: Sequence[Question], start: int,
        avoids: Sequence[frozenset[str]],
    ) -> None:
        self.question = question
        self.id = question.id
        self.after = question.show_if.question if question.show_if else None
        self.numbers = range(start, start + len(question.options))
        self.single = question.kind == "single"
        self.most = question.most
        self.optional = question.optional
        self.exclusive = {start + i for i, o in enumerate(question.options) if o.exclusive}
        self.plain = [start + i for i, o in enumerate(question.options) if not o.exclusive]
        # Questions shown only after this one: what the guest picked here decides.
        self.watchers = [
            (q.id, frozenset(q.show_if.any_of)) for q in later
            if q.show_if and q.show_if.question == question.id
        ]
        # For a question that raises flags or sets the time: every answer, with the flags it
        # raises, the packages those make unsafe and its time limit.
        self.choices: list[tuple[tuple[int, ...], frozenset[str], frozenset[int], int | None]] = []
        if any(o.flags or o.minutes is not None for o in question.options):
            where = {id(o): start + i for i, o in enumerate(question.options)}
            # A long list with no `max` has very many answers: the first ones (nothing, one
            # option, then two...) are plenty for a greedy choice.
            for chosen in islice(_selections(question), MAX_CHOICES):
                raised = frozenset(flag for option in chosen for flag in option.flags)
                unsafe = frozenset(i for i, avoid in enumerate(avoids) if avoid & raised)
                times = [o.minutes for o in chosen if o.minutes is not None]
                self.choices.append(
                    (tuple(where[id(o)] for o in chosen), raised, unsafe,
                     min(times) if times else None)
                )


def _find_witness(target: int, table: _Table, won: set[int], tries: int) -> int:
    """Try greedy ways of answering until `target` wins one; note every package that wins one.
    Returns how many tries it took."""
    weights = dict.fromkeys(_rivals(target, table), 1.0)
    for used in range(1, tries + 1):
        found = _answer(target, table, _pull(target, weights, table))
        winner = None if found is None else table.winner(*found)
        if winner is None:
            return used  # every way through raises `consult` or a flag the package avoids
        won.add(winner)
        if winner == target:
            return used
        weights[winner] = weights.get(winner, 0.0) + 1.0  # lean harder against the winner
    return tries


def _rivals(target: int, table: _Table) -> list[int]:
    """The packages that the flags and time questions could never rule out while `target`
    stays."""
    mine = table.avoid[target]
    flags: set[str] = set()
    longest = table.minutes[target]
    limit: int | None = None
    for option in table.rulers:
        if CONSULT_FLAG in option.flags or mine.intersection(option.flags):
            continue
        flags.update(option.flags)
        if option.minutes is not None and option.minutes >= longest:
            limit = option.minutes if limit is None else min(limit, option.minutes)
    return [
        i for i in range(len(table.packages))
        if i != target and not table.avoid[i] & flags
        and (limit is None or table.minutes[i] <= limit)
    ]


def _pull(target: int, weights: dict[int, float], table: _Table) -> list[float]:
    """How much each concern (by number) helps `target` against the weighted rivals."""
    pull = [0.0] * (len(table.concerns) + 1)
    concerns = table.concerns
    total = sum(weights.values()) + 0.01  # a little of its own score breaks even trades
    for concern, value in table.packages[target].addresses.items():
        if concern in concerns:
            pull[concerns[concern]] += total * value
    for other, weight in weights.items():
        for concern, value in table.packages[other].addresses.items():
            if concern in concerns:
                pull[concerns[concern]] -= weight * value
    return pull


def _answer(
    target: int, table: _Table, pull: list[float]
) -> tuple[list[int], set[str], int | None] | None:
    """One greedy way through the questionnaire for `target`: the options picked (by number, in
    order), the flags raised and the time limit. None when some question has no answer that
    keeps `target` safe and away from `consult`."""
    values = table.per_option(pull)
    for index, pairs in table.more:
        values[index] += sum([weight * pull[concern] for concern, weight in pairs])
    mine = table.avoid[target]
    longest = table.minutes[target]
    shown: set[str] = set()
    chosen: list[int] = []
    flags: set[str] = set()
    limit: int | None = None
    unsafe: frozenset[int] = frozenset()
    value_of = values.__getitem__
    for plan in table.plans:
        if plan.after is not None and plan.id not in shown:
            continue
        if plan.choices:
            best: tuple[bool, int, float] | None = None
            picked: tuple[int, ...] = ()
            for options, raised, more_unsafe, minutes in plan.choices:
                if CONSULT_FLAG in raised or raised & mine:
                    continue
                new_limit = limit if minutes is None else min(minutes, limit or minutes)
                fits = new_limit is None or new_limit >= longest
                out = unsafe | more_unsafe
                if fits and new_limit is not None:
                    out = out | table.too_long(new_limit)
                key = (fits, len(out), sum([values[i] for i in options]))
                if best is None or key > best:
                    best, picked = key, options
            if best is None:
                return None
            for i in picked:
                option = table.options[i]
                flags.update(option.flags)
                if option.minutes is not None:
                    limit = option.minutes if limit is None else min(limit, option.minutes)
            unsafe = frozenset(i for i, avoid in enumerate(table.avoid) if avoid & flags)
        elif plan.single:
            top = max(plan.numbers, key=value_of)
            picked = () if plan.optional and values[top] <= 0 else (top,)
        else:
            picked = _pick_several(plan, values)
        chosen.extend(picked)
        if plan.watchers:
            ids = {table.options[i].id for i in picked}
            shown.update(qid for qid, any_of in plan.watchers if ids & any_of)
    return chosen, flags, limit


def _getter(places: list[int]) -> Callable[[Sequence[float]], list[float]]:
    """A function that picks `places` out of a sequence, as a new list."""
    if len(places) > 1:
        pick = operator.itemgetter(*places)
        return lambda values: list(pick(values))
    return lambda values: [values[i] for i in places]


def _pick_several(plan: _Plan, values: list[float]) -> tuple[int, ...]:
    """For a `multiple` question: the options (by number) with the most value, as many as the
    question allows, or one exclusive option when that is worth more."""
    good = [i for i in plan.plain if values[i] > 0]
    if len(good) > plan.most:
        good = sorted(sorted(good, key=values.__getitem__, reverse=True)[: plan.most])
    top = max(plan.numbers, key=values.__getitem__)
    if top in plan.exclusive and values[top] > sum([values[i] for i in good]):
        return (top,)
    if good:
        return tuple(good)
    return () if plan.optional else (top,)


def _can_win(
    target: int, steps: Sequence[_Step], questions: Sequence[Question],
    packages: Sequence[Package], work: _Work,
) -> bool:
    width = len(packages)
    zero: Scores = (0.0,) * width
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
                work.spend(_STEP_COST + len(fronts))
                if not rows:
                    bucket.extend(fronts)
                    continue
                work.spend(len(fronts) * len(rows) * (width + _TUPLE_COST))
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


class _Step:
    """One question for the exact search: the ways to answer it, each with its effect on flags,
    time and scores."""

    def __init__(
        self, question: Question, rows: Mapping[int, Scores], avoids: Sequence[frozenset[str]]
    ) -> None:
        self.question = question
        self.choices: list[Choice] = []
        no_flags: frozenset[int] = frozenset()
        for chosen in _selections(question):
            ids = frozenset(option.id for option in chosen)
            flags = {flag for option in chosen for flag in option.flags}
            unsafe = no_flags
            if flags:
                unsafe = frozenset(i for i, avoid in enumerate(avoids) if flags & avoid)
            minutes = [option.minutes for option in chosen if option.minutes is not None]
            picked = [rows[id(o)] for o in chosen]
            picked = [row for row in picked if any(row)]  # adding 0 changes no score
            self.choices.append(
                (ids, unsafe, CONSULT_FLAG in flags, min(minutes) if minutes else None, picked)
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
    work.spend(len(bucket) * (len(bucket[0]) + _TUPLE_COST))
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


def _answer_count(question: Question) -> int:
    """How many answers _selections gives, without making them."""
    count = int(question.optional)
    if question.kind == "single":
        return count + len(question.options)
    plain = sum(1 for option in question.options if not option.exclusive)
    count += len(question.options) - plain
    return count + sum(comb(plain, size) for size in range(1, question.most + 1))


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
