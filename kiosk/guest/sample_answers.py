"""Sample answers that walk through every question: for `render` and for scripted journeys."""

from __future__ import annotations

from kiosk.content.model import Content, Question
from kiosk.content.scoring import CONSULT_FLAG
from kiosk.guest.recommend import suggest


def sample_answers(content: Content, consult: bool = False) -> dict[str, tuple[str, ...]]:
    """Answers that show as many questions as possible.

    With `consult`, answers that end in "please talk to our therapist".
    """
    wanted_later = {
        q.show_if.question: q.show_if.any_of for q in content.questions if q.show_if is not None
    }
    answers: dict[str, tuple[str, ...]] = {}
    for question in content.questions:
        answers[question.id] = _pick(question, wanted_later.get(question.id, ()), consult)
    if consult and suggest(content, answers).outcome != "consult":
        for question in content.questions:
            flagged = [o.id for o in question.options if o.flags]
            if flagged:
                answers[question.id] = tuple(flagged[: question.most])
                if suggest(content, answers).outcome == "consult":
                    break
    return answers


def _pick(question: Question, wanted: tuple[str, ...], consult: bool) -> tuple[str, ...]:
    if consult:
        for option in question.options:
            if CONSULT_FLAG in option.flags:
                return (option.id,)
    calm = [o.id for o in question.options if not o.flags and not o.exclusive]
    first = [o for o in wanted if o in calm][:1]
    if question.kind == "single" or question.most == 1:
        return tuple(first or calm[:1] or [question.options[0].id])
    rest = [o for o in calm if o not in first]
    picked = (first + rest)[: min(2, question.most)]
    if picked:
        return tuple(picked)
    quiet = [o.id for o in question.options if not o.flags]
    return tuple(quiet[:1] or [question.options[0].id])
