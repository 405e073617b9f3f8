"""`spa-kiosk explain`: what a guest with given answers is offered, plain and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from contentkit import MakeContent

from kiosk.cli import main
from kiosk.content.load import load_content
from kiosk.guest.explain import AnswerError, parse_answers

QUESTIONS = """\
    questions:
      - id: goals
        prompt: {en: What would you like?, es: ¿Qué te gustaría?}
        kind: multiple
        max: 2
        options:
          - {id: aches, label: {en: Ease aches, es: Aliviar}, concerns: {pain: 1}}
          - {id: calm, label: {en: Calm down, es: Calma}, concerns: {stress: 1}}
          - {id: glow, label: {en: Glow, es: Brillo}, concerns: {pain: 0.5, stress: 0.5}}
      - id: areas
        prompt: {en: Where?, es: ¿Dónde?}
        kind: single
        optional: true
        show_if: {question: goals, any_of: [aches]}
        options:
          - {id: neck, label: {en: Neck, es: Cuello}, concerns: {pain: 2}}
          - {id: back, label: {en: Back, es: Espalda}, concerns: {pain: 1}}
      - id: time
        prompt: {en: Time?, es: ¿Tiempo?}
        kind: single
        optional: true
        options:
          - {id: short, label: {en: Half an hour, es: Media hora}, minutes: 30}
          - {id: long, label: {en: An hour, es: Una hora}, minutes: 60}
      - id: screening
        prompt: {en: Any of these?, es: ¿Alguna?}
        kind: multiple
        options:
          - {id: heart, label: {en: Heart, es: Corazón}, flags: [heart]}
          - {id: unsure, label: {en: Not sure, es: No sé}, flags: [consult]}
          - {id: none, label: {en: None of these, es: Ninguna}, exclusive: true}
    """

PACKAGES = """\
    packages:
      - {id: ease, name: {en: Ease, es: Alivio}, minutes: 30, addresses: {pain: 2},
         avoid_if: [heart]}
      - {id: calm, name: {en: Calm, es: Calma}, minutes: 60, addresses: {stress: 2}}
      - {id: deep, name: {en: Deep, es: Profundo}, minutes: 90, addresses: {pain: 3},
         avoid_if: [heart]}
    """


@pytest.fixture
def folder(make_content: MakeContent) -> Path:
    return make_content(
        kiosk="spa_name: {en: Spa, es: Spa}\nlanguages: [en, es]\n",
        slides="slides:\n  - id: hi\n    title: {en: Hi, es: Hola}\n",
        questionnaire=QUESTIONS,
        packages=PACKAGES,
    )


def run(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["explain", "--content", str(folder), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_test_content_is_clean(folder: Path) -> None:
    result = load_content(folder)
    assert [p.format() for p in result.problems] == []


def test_plain_output(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        folder, capsys, "--answer", "goals=aches,calm", "--answer", "areas=neck",
        "--answer", "time=long", "--answer", "screening=none",
    )
    assert (code, err) == (0, "")
    assert out == (
        "Outcome: ease (Ease)\n"
        "Also good: calm\n"
        "Because: Neck; Ease aches\n"
        "Time limit: 60 min\n"
        "Ranking:\n"
        "   1. ease  score 6\n"
        "   2. calm  score 2\n"
        "   3. deep  excluded: takes 90 min; the guest has 60 min\n"
    )


def test_json_output(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        folder, capsys, "--json", "--answer", "goals=aches,calm", "--answer", "areas=neck",
        "--answer", "time=long", "--answer", "screening=none",
    )
    assert (code, err) == (0, "")
    assert out.count("\n") == 1  # one object on one line
    assert json.loads(out) == {
        "outcome": "package",
        "package": "ease",
        "runner_up": "calm",
        "reasons": ["Neck", "Ease aches"],
        "ranking": [
            {"package": "ease", "score": 6, "excluded": None},
            {"package": "calm", "score": 2, "excluded": None},
            {"package": "deep", "score": 9, "excluded": "takes 90 min; the guest has 60 min"},
        ],
    }


def test_json_scores_keep_fractions(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(folder, capsys, "--json", "--answer", "goals=glow", "--answer", "time=long")
    data = json.loads(out)
    assert data["ranking"][0] == {"package": "ease", "score": 1, "excluded": None}
    assert [r["score"] for r in data["ranking"]] == [1, 1, 1.5]
    assert isinstance(data["ranking"][0]["score"], int)
    assert isinstance(data["ranking"][2]["score"], float)


def test_json_reasons_in_the_chosen_language(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(
        folder, capsys, "--json", "--lang", "es", "--answer", "goals=aches",
        "--answer", "areas=neck",
    )
    assert json.loads(out)["reasons"] == ["Cuello", "Aliviar"]


def test_json_consult(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        folder, capsys, "--json", "--answer", "goals=aches", "--answer", "screening=unsure"
    )
    assert code == 0
    data = json.loads(out)
    assert (data["outcome"], data["package"], data["runner_up"], data["reasons"]) == (
        "consult", None, None, [],
    )
    assert [r["package"] for r in data["ranking"]] == ["deep", "ease", "calm"]


def test_json_no_safe_package(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        folder, capsys, "--json", "--answer", "goals=aches", "--answer", "screening=heart"
    )
    data = json.loads(out)
    assert (data["outcome"], data["package"]) == ("package", "calm")
    assert data["ranking"][1:] == [
        {"package": "ease", "score": 2, "excluded": "avoided for heart"},
        {"package": "deep", "score": 3, "excluded": "avoided for heart"},
    ]


def test_plain_consult_and_flags(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(folder, capsys, "--answer", "screening=unsure,heart")
    assert code == 0
    assert out.splitlines()[:2] == [
        "Outcome: talk to a therapist (the flag 'consult' was raised)",
        "Flags raised: consult, heart",
    ]


def test_plain_needs_more_time_and_ignored_answers(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        folder, capsys, "--answer", "goals=calm", "--answer", "areas=back",
        "--answer", "time=short", "--answer", "screening=heart",
    )
    assert code == 0
    assert out == (
        "Outcome: calm (Calm)\n"
        "Note: no safe package fits 30 min; the guest is told it takes longer\n"
        "Because: Calm down\n"
        "Flags raised: heart\n"
        "Time limit: 30 min\n"
        "Ignored: 'areas' is not asked with these answers (show_if)\n"
        "Ranking:\n"
        "   1. calm  score 2\n"
        "   2. ease  excluded: avoided for heart\n"
        "   3. deep  excluded: avoided for heart\n"
    )


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (["goal=aches"], "error: no question 'goal' (did you mean 'goals'?) "
         "(questions: 'goals', 'areas', 'time', 'screening')"),
        (["goals=ache"], "error: question 'goals' has no option 'ache' (did you mean 'aches'?) "
         "(options: 'aches', 'calm', 'glow')"),
        (["time=short,long"], "error: question 'time' takes one option, got 2"),
        (["goals=aches,calm,glow"], "error: question 'goals' takes at most 2 options, got 3"),
        (["screening=heart,none"], "error: question 'screening': 'none' cannot be picked with "
         "other options"),
        (["goals=aches,aches"], "error: question 'goals': an option is given twice"),
        (["goals=aches", "goals=calm"], "error: question 'goals' is answered twice"),
        (["goals"], "error: 'goals': write an answer as QUESTION=OPTION[,OPTION...]"),
    ],
)
def test_answer_errors_exit_1(
    folder: Path, capsys: pytest.CaptureFixture[str], answers: list[str], message: str
) -> None:
    args = [part for answer in answers for part in ("--answer", answer)]
    code, out, err = run(folder, capsys, *args)
    assert code == 1
    assert out == ""
    assert err == message + "\n"


def test_explain_on_broken_content_fails_and_says_why(
    make_content: MakeContent, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_content(slides="slides:\n  - id: a\n")
    code, out, err = run(folder, capsys)
    assert code != 0
    assert out == ""
    assert "has errors; run 'spa-kiosk check'" in err
    assert "slides[0]: required field 'title' is missing" in err


def test_parse_answers_trims_spaces(folder: Path) -> None:
    content = load_content(folder).content
    assert content is not None
    assert parse_answers(content, [" goals = aches , calm "]) == {"goals": ("aches", "calm")}
    with pytest.raises(AnswerError):
        parse_answers(content, ["time=short,long"])
