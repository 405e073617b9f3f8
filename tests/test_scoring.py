"""The suggestion rule's arithmetic lives in one place (kiosk.content.scoring), and the check's
proof of which packages can be suggested agrees with what guests are really suggested."""

from __future__ import annotations

import ast
from itertools import combinations
from pathlib import Path

import pytest
import yaml

from kiosk.content import reach, scoring
from kiosk.content.model import Content, KioskFile, PackagesFile, QuestionnaireFile
from kiosk.content.validate import validate
from kiosk.guest import recommend

REPO = Path(__file__).resolve().parent.parent

# Ten answers of 0.1 each add up to 0.9999999999999999 from left to right, but to 1.0 with the
# compensated sum() of Python 3.12 and later. 'tenths' (listed first, so it wins a tie) can only
# reach 'whole's 1.0 with all ten picked: whether it is ever suggested depends on how the rule adds.
QUESTIONNAIRE = {
    "questions": [
        {"id": "many", "prompt": "x", "kind": "multiple", "options": [
            {"id": f"o{i}", "label": "x", "concerns": {"x": 1}} for i in range(10)
        ]},
        {"id": "one", "prompt": "x", "kind": "single", "options": [
            {"id": "w1", "label": "x", "concerns": {"w": 1}},
            {"id": "w2", "label": "x", "concerns": {"w": 2}},
            {"id": "unsure", "label": "x", "flags": ["consult"]},
        ]},
    ]
}
PACKAGES = {
    "packages": [
        {"id": "tenths", "name": "T", "minutes": 30, "addresses": {"x": 0.1}},
        {"id": "whole", "name": "W", "minutes": 30, "addresses": {"w": 1.0}},
    ],
}


def content() -> Content:
    questionnaire = validate(QuestionnaireFile, yaml.safe_load(yaml.safe_dump(QUESTIONNAIRE)))
    packages = validate(PackagesFile, yaml.safe_load(yaml.safe_dump(PACKAGES)))
    return Content(
        folder=Path("."), assets=Path("assets"),
        kiosk=validate(KioskFile, {"spa_name": "Spa"}),
        slides=(), questions=questionnaire.questions, packages=packages.packages,
        consult=packages.consult,
    )


def test_a_score_is_added_up_left_to_right_on_every_python() -> None:
    assert scoring.add_up([0.1] * 10) == 0.9999999999999999  # sum() gives 1.0 from 3.12 on
    spa = content()
    tenths = spa.packages[0]
    assert scoring.score(tenths, spa.questions[0].options) == 0.9999999999999999


def test_the_check_and_the_guests_suggestion_agree_when_rounding_decides(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spa = content()
    suggested = set()
    many = [o.id for o in spa.questions[0].options]
    for size in range(1, len(many) + 1):
        for picked in combinations(many, size):
            for one in ("w1", "w2", "unsure"):
                found = recommend.suggest(spa, {"many": picked, "one": (one,)})
                if found.package is not None:
                    suggested.add(found.package.id)
    # Both of the check's ways of proving agree with that: the quick witness pass, and the
    # exact search alone (the witness pass switched off, as when it finds no way).
    assert reach.package_reach(spa.questions, spa.packages).can_win == suggested
    monkeypatch.setattr(reach, "_find_witness", lambda *_: 1)
    found = reach.package_reach(spa.questions, spa.packages)
    assert found.can_win == suggested
    assert set(found.never) == {p.id for p in spa.packages} - suggested
    assert suggested == {"whole"}  # left to right: ten tenths fall just short of 1


def test_one_consult_flag_and_one_contribution() -> None:
    assert recommend.CONSULT_FLAG is scoring.CONSULT_FLAG
    spa = content()
    option, package = spa.questions[0].options[0], spa.packages[0]
    assert scoring.contribution(option, package) == 0.1
    assert scoring.contributions([option, option], package) == [0.1, 0.1]


def test_the_content_layer_never_imports_the_guest_layer() -> None:
    """The check plays the rule through kiosk.content.scoring; content is below guest."""
    for path in sorted((REPO / "kiosk" / "content").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            assert not [n for n in names if n.startswith("kiosk.guest")], path.name
