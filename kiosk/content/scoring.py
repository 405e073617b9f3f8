"""The arithmetic of the suggestion rule, in one place: how chosen options add up to a package's
score, and the flag that always means "talk to us".

guest/recommend.py suggests with it; the content check (content/reach.py, which proves which
packages some guest could be suggested) plays the same rule with it, so the two agree to the
last bit. It lives here, in the content layer, because the check must not import the guest
layer that builds on content.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.content.model import Option, Package

CONSULT_FLAG = "consult"
"""The flag that always leads to the "please talk to our therapist" screen."""


def contribution(option: Option, package: Package) -> float:
    """What one chosen option adds to a package's score: over the option's concerns, its weight
    times the package's `addresses` weight for that concern (0 when the package has none)."""
    return contributions((option,), package)[0]


def contributions(options: Iterable[Option], package: Package) -> list[float]:
    """contribution() of each option, in one call (the check works out thousands)."""
    addresses = package.addresses.get
    found = []
    for option in options:
        total = 0.0
        for concern, weight in option.concerns.items():  # added up as add_up does
            total += weight * addresses(concern, 0.0)
        found.append(total)
    return found


def add_up(values: Iterable[float]) -> float:
    """Left to right from 0, as a person adds on paper. Not sum(): from Python 3.12 it rounds
    floats differently, and the check adds one option at a time; both must get the same bits."""
    total = 0.0
    for value in values:
        total += value
    return total


def score(package: Package, options: Iterable[Option]) -> float:
    """A package's score for the chosen options, in questionnaire order."""
    return add_up([contribution(option, package) for option in options])
