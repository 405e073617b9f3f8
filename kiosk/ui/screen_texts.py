"""The words a question or a suggestion shows, in the language in use, as the typed values the
screens read (kiosk.ui.views): the staff's texts, the kiosk's own phrases and the pictures' URLs.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.content.model import Consult, Text
from kiosk.guest.journey import Journey
from kiosk.guest.recommend import Suggestion
from kiosk.ui.phrases import Words
from kiosk.ui.views import OptionText, QuestionText, SuggestionText

InLanguage = Callable[[Text | None], str]
"""A staff text in the language in use ("" for none)."""
AssetUrl = Callable[[str | None], str]
"""The URL the screens load an asset from ("" when there is none)."""


def question_text(
    journey: Journey, text: InLanguage, asset_url: AssetUrl, words: Words
) -> QuestionText:
    """The question on screen, with how many may be chosen and where it is in the journey."""
    question = journey.question
    progress = journey.progress
    if question.kind == "single":
        how = words["pick_one"]
    elif question.most < len(question.options):
        how = words.say("pick_up_to", most=question.most)
    else:
        how = words["pick_any"]
    if question.optional:
        how += " · " + words["optional"]
    return QuestionText(
        id=question.id,
        prompt=text(question.prompt),
        help=text(question.help),
        how=how,
        multiple=question.kind == "multiple",
        options=tuple(
            OptionText(
                id=option.id,
                label=text(option.label),
                icon=asset_url(option.icon),
                exclusive=option.exclusive,
            )
            for option in question.options
        ),
        step=progress.step,
        total=progress.total,
        progress=words.say("step", step=progress.step, total=progress.total),
        first=journey.is_first,
        last=journey.is_last,
    )


def suggestion_text(
    suggestion: Suggestion,
    consult: Consult,
    text: InLanguage,
    asset_url: AssetUrl,
    words: Words,
    qr: str,
) -> SuggestionText:
    """The suggested package with its reasons and desk code (`qr`: the booking link's QR code
    as a data URL, or ""), or the consult screen's words when the outcome is "talk to us"."""
    package = suggestion.package
    if package is None:
        return SuggestionText(
            outcome=suggestion.outcome,
            consult_title=text(consult.title),
            consult_body=text(consult.body),
        )
    runner = suggestion.runner_up
    return SuggestionText(
        outcome=suggestion.outcome,
        consult_title=text(consult.title),
        consult_body=text(consult.body),
        name=text(package.name),
        minutes=words.say("minutes", minutes=package.minutes),
        price=package.price or "",
        summary=text(package.summary),
        image=asset_url(package.image),
        reasons=tuple(text(reason.option.label) for reason in suggestion.reasons),
        also_good=f"{text(runner.name)} · {words.say('minutes', minutes=runner.minutes)}"
        if runner
        else "",
        code=package.desk_code,
        qr=qr,
        more_time=words.say("more_time", minutes=package.minutes)
        if suggestion.needs_more_time
        else "",
    )
