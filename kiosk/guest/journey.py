"""One guest's way through the questionnaire: answers, which question is shown, Next and Back.

Pure state with no clock and no Qt: the screens call `toggle`, `next` and `back` and read the
result. A new `Journey` per guest, so nothing of one guest survives into the next.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.guest.recommend import Suggestion, suggest, visible_questions

if TYPE_CHECKING:
    from kiosk.content.model import Content, Question


@dataclass(frozen=True)
class Progress:
    step: int
    """1-based number of the current question among those that will be shown."""
    total: int


class Journey:
    """The questionnaire for one guest, from the first question to the suggestion."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._answers: dict[str, tuple[str, ...]] = {}
        self._index = 0
        self.suggestion: Suggestion | None = None

    @property
    def answers(self) -> dict[str, tuple[str, ...]]:
        """The answers that count: those of questions that are shown (rule 1)."""
        shown = {q.id for q in self.questions}
        return {qid: picked for qid, picked in self._answers.items() if qid in shown and picked}

    @property
    def questions(self) -> list[Question]:
        return visible_questions(self.content, self._answers)

    @property
    def question(self) -> Question:
        questions = self.questions
        return questions[min(self._index, len(questions) - 1)]

    @property
    def progress(self) -> Progress:
        questions = self.questions
        return Progress(min(self._index, len(questions) - 1) + 1, len(questions))

    @property
    def is_first(self) -> bool:
        return self._index == 0

    @property
    def is_last(self) -> bool:
        return self._index >= len(self.questions) - 1

    def selected(self, question_id: str | None = None) -> tuple[str, ...]:
        return self._answers.get(question_id or self.question.id, ())

    def toggle(self, option_id: str, keep: bool = False) -> None:
        """A tap on an option card: single, multiple, `max` and exclusive rules applied.
        `keep`: a tap on the chosen answer of a single-choice question keeps it chosen."""
        question = self.question
        option = question.option(option_id)
        if option is None:
            raise KeyError(f"question '{question.id}' has no option '{option_id}'")
        picked = list(self.selected(question.id))
        if option_id in picked:
            if keep and question.kind == "single":
                return
            picked.remove(option_id)
        elif question.kind == "single" or option.exclusive:
            picked = [option_id]
        else:
            exclusive = {o.id for o in question.options if o.exclusive}
            picked = [p for p in picked if p not in exclusive]
            if len(picked) >= question.most:
                return  # full: the guest must untick one first
            picked.append(option_id)
        # Keep questionnaire order so reasons and exports read naturally.
        order = [o.id for o in question.options]
        self._answers[question.id] = tuple(sorted(picked, key=order.index))

    def can_pick_more(self, question: Question | None = None) -> bool:
        question = question or self.question
        return question.kind == "single" or len(self.selected(question.id)) < question.most

    @property
    def can_go_next(self) -> bool:
        question = self.question
        count = len(self.selected(question.id))
        if count == 0:
            return question.optional
        return count <= question.most

    @property
    def skips(self) -> bool:
        """Next would leave this (optional) question unanswered: its button says "Skip"."""
        return self.question.optional and not self.selected(self.question.id)

    def next(self) -> Suggestion | None:
        """Move on; after the last question, make and return the suggestion."""
        if not self.can_go_next:
            return None
        if self.is_last:
            self.suggestion = suggest(self.content, self.answers)
            return self.suggestion
        self._index += 1
        return None

    def back(self) -> bool:
        """Go to the previous question, answers kept; False on the first question."""
        if self.suggestion is not None:
            self.suggestion = None
            return True
        if self._index == 0:
            return False
        self._index -= 1
        return True
