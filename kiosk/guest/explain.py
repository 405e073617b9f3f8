"""`spa-kiosk explain`: what a guest with given answers is offered, and why, for staff."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.content.model import Content
from kiosk.content.problems import did_you_mean, quote_list
from kiosk.content.scoring import CONSULT_FLAG
from kiosk.guest.recommend import Suggestion, suggest, visible_questions


class AnswerError(ValueError):
    """An --answer that names something unknown or breaks a question's rules."""


def parse_answers(content: Content, items: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Parse `QUESTION=OPTION[,OPTION...]` items and check them against the questionnaire."""
    answers: dict[str, tuple[str, ...]] = {}
    question_ids = [q.id for q in content.questions]
    for item in items:
        if "=" not in item:
            raise AnswerError(f"'{item}': write an answer as QUESTION=OPTION[,OPTION...]")
        question_id, _, picked_text = item.partition("=")
        question_id = question_id.strip()
        question = content.question(question_id)
        if question is None:
            raise AnswerError(
                f"no question '{question_id}'{did_you_mean(question_id, question_ids)}"
                f" (questions: {quote_list(question_ids)})"
            )
        if question_id in answers:
            raise AnswerError(f"question '{question_id}' is answered twice")
        picked = tuple(part.strip() for part in picked_text.split(",") if part.strip())
        option_ids = [o.id for o in question.options]
        for option_id in picked:
            if option_id not in option_ids:
                raise AnswerError(
                    f"question '{question_id}' has no option '{option_id}'"
                    f"{did_you_mean(option_id, option_ids)} (options: {quote_list(option_ids)})"
                )
        if len(set(picked)) != len(picked):
            raise AnswerError(f"question '{question_id}': an option is given twice")
        if question.kind == "single" and len(picked) > 1:
            raise AnswerError(f"question '{question_id}' takes one option, got {len(picked)}")
        if len(picked) > question.most:
            raise AnswerError(
                f"question '{question_id}' takes at most {question.most} options, got {len(picked)}"
            )
        exclusive = [o.id for o in question.options if o.exclusive and o.id in picked]
        if exclusive and len(picked) > 1:
            raise AnswerError(
                f"question '{question_id}': '{exclusive[0]}' cannot be picked with other options"
            )
        answers[question_id] = picked
    return answers


@dataclass(frozen=True)
class Explanation:
    content: Content
    answers: dict[str, tuple[str, ...]]
    suggestion: Suggestion
    language: str

    @property
    def ignored(self) -> list[str]:
        shown = {q.id for q in visible_questions(self.content, self.answers)}
        return [qid for qid in self.answers if qid not in shown]

    def as_json(self) -> dict[str, Any]:
        s = self.suggestion
        return {
            "outcome": s.outcome,
            "package": s.package.id if s.package else None,
            "runner_up": s.runner_up.id if s.runner_up else None,
            "reasons": [self.content.text(r.option.label, self.language) for r in s.reasons],
            "ranking": [
                {"package": r.package.id, "score": _number(r.score), "excluded": r.excluded}
                for r in s.ranking
            ],
        }

    def as_text(self) -> str:
        s = self.suggestion
        lines = []
        if s.outcome == "consult":
            raised = CONSULT_FLAG in s.flags
            why = f"the flag '{CONSULT_FLAG}' was raised" if raised else "no package is safe"
            lines.append(f"Outcome: talk to a therapist ({why})")
        else:
            assert s.package is not None
            name = self.content.text(s.package.name, self.language)
            lines.append(f"Outcome: {s.package.id} ({name})")
            if s.runner_up:
                lines.append(f"Also good: {s.runner_up.id}")
            if s.needs_more_time:
                lines.append(
                    f"Note: no safe package fits {s.time_limit} min; "
                    "the guest is told it takes longer"
                )
            reasons = [self.content.text(r.option.label, self.language) for r in s.reasons]
            because = "; ".join(reasons) if reasons else "(no answer added to the score)"
            lines.append(f"Because: {because}")
        if s.flags:
            lines.append("Flags raised: " + ", ".join(sorted(s.flags)))
        if s.time_limit is not None:
            lines.append(f"Time limit: {s.time_limit} min")
        for qid in self.ignored:
            lines.append(f"Ignored: '{qid}' is not asked with these answers (show_if)")
        lines.append("Ranking:")
        width = max(len(r.package.id) for r in s.ranking)
        for place, ranked in enumerate(s.ranking, 1):
            state = (
                f"excluded: {ranked.excluded}" if ranked.excluded
                else f"score {_number(ranked.score)}"
            )
            lines.append(f"  {place:>2}. {ranked.package.id:<{width}}  {state}")
        return "\n".join(lines)


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 3)


def explain(content: Content, answers: dict[str, tuple[str, ...]], language: str) -> Explanation:
    return Explanation(content, answers, suggest(content, answers), language)
