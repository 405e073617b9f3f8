"""Checks across the whole content set, after each file has been read and validated on its own.

Errors stop content from being used; warnings are things a careful spa manager wants to know.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from kiosk.content.assets import AssetFolder, FileVerifier, kind_of, looks_like_font_file
from kiosk.content.colour import contrast_ratio
from kiosk.content.model import (
    KioskFile,
    Model,
    PackagesFile,
    QuestionnaireFile,
    SlidesFile,
    Text,
)
from kiosk.content.problems import did_you_mean, has_errors, quote_list
from kiosk.content.reach import package_reach
from kiosk.content.scoring import CONSULT_FLAG
from kiosk.content.sources import Sources
from kiosk.content.yamlread import KeyPath
from kiosk.i18n.catalogue import KEYS
from kiosk.i18n.languages import chain, falling_back

M = TypeVar("M", bound=Model)

MIN_CONTRAST = 4.5
# Matched against lower-case text (twice as quick as asking the pattern to ignore case).
HEALTH_WORDS = re.compile(
    r"\b(detox\w*|desintox\w*|cur(e|es|ed|ing|a|ar|an)|treat(s|ed|ing|ment|ments)?|"
    r"trat(a|an|ar|amiento)\w*|heal(s|ed|ing)?|san(a|an|ar)|immun\w*|inmun\w*|"
    r"weight[- ]loss|lose weight|perder peso|adelgaz\w*)\b"
)
# Longest text, in characters, that the screens can show at full or shrunk size.
TEXT_LIMITS = {"title": 70, "body": 260, "prompt": 110, "help": 160, "label": 40, "name": 48,
               "summary": 220}


def check_sources(sources: Sources, verify: FileVerifier | None) -> None:
    """Every check whose files could be read, so that one broken file hides nothing else."""
    kiosk = _model(sources, "kiosk.yaml", KioskFile)
    slides = _model(sources, "slides.yaml", SlidesFile)
    questionnaire = _model(sources, "questionnaire.yaml", QuestionnaireFile)
    packages = _model(sources, "packages.yaml", PackagesFile)

    _unique_ids(sources, slides, questionnaire, packages)
    if questionnaire:
        _questions(sources, questionnaire)
    if kiosk:
        _theme(sources, kiosk)
    _assets(sources, kiosk, slides, questionnaire, packages, verify)
    if kiosk:
        _translations(sources, kiosk, slides, questionnaire, packages)
        _kiosk_words(sources, kiosk)
    if questionnaire and packages:
        _flags_and_concerns(sources, questionnaire, packages)
    if slides:
        _health_wording(sources, slides)
        _schedules(sources, slides)
    _lengths(sources, kiosk, slides, questionnaire, packages)
    if kiosk and slides and questionnaire and packages and not has_errors(sources.problems):
        _winners(sources, kiosk, questionnaire, packages)


def _model(sources: Sources, name: str, kind: type[M]) -> M | None:
    model = sources.files[name].model
    return model if isinstance(model, kind) else None


def _unique_ids(
    sources: Sources, slides: SlidesFile | None, questionnaire: QuestionnaireFile | None,
    packages: PackagesFile | None,
) -> None:
    groups: list[tuple[str, KeyPath, list[str]]] = []
    if slides:
        groups.append(("slides.yaml", ("slides",), [s.id for s in slides.slides]))
    if questionnaire:
        questions = questionnaire.questions
        groups.append(("questionnaire.yaml", ("questions",), [q.id for q in questions]))
        for qi, question in enumerate(questions):
            options = [o.id for o in question.options]
            groups.append(("questionnaire.yaml", ("questions", qi, "options"), options))
    if packages:
        groups.append(("packages.yaml", ("packages",), [p.id for p in packages.packages]))
    for name, base, ids in groups:
        seen: dict[str, int] = {}
        for index, item_id in enumerate(ids):
            if item_id in seen:
                first = f"{base[-1]}[{seen[item_id]}]"
                sources.error(
                    name, (*base, index, "id"), f"duplicate id '{item_id}' (also {first})"
                )
            seen.setdefault(item_id, index)
    codes: dict[str, int] = {}
    listed = packages.packages if packages else ()
    for index, package in enumerate(listed):
        earlier = codes.get(package.desk_code)
        if earlier is not None and (package.code or listed[earlier].code):
            # Without any 'code', equal desk codes are equal ids, reported above.
            if package.code is None:
                why = " (a package without 'code' uses its id)"
            elif listed[earlier].code is None:
                why = f" (packages[{earlier}] has no 'code', so its id is its desk code)"
            else:
                why = ""
            sources.error(
                "packages.yaml", ("packages", index, "code" if package.code else "id"),
                f"desk code '{package.desk_code}' is also used by packages[{earlier}]{why}",
            )
        codes.setdefault(package.desk_code, index)


def _questions(sources: Sources, questionnaire: QuestionnaireFile) -> None:
    earlier: dict[str, list[str]] = {}
    all_ids = [q.id for q in questionnaire.questions]
    for qi, question in enumerate(questionnaire.questions):
        here: KeyPath = ("questions", qi)
        if question.kind == "single" and question.max is not None:
            sources.error("questionnaire.yaml", (*here, "max"), "'max' is only for kind: multiple")
        elif question.max is not None and question.max > len(question.options):
            sources.warning(
                "questionnaire.yaml", (*here, "max"),
                f"max is {question.max} but the question has only {len(question.options)} options",
            )
        rule = question.show_if
        if rule is not None:
            if rule.question not in earlier:
                if rule.question == question.id:
                    why = "show_if names this same question; it can only look at an earlier one"
                elif rule.question in all_ids:
                    why = f"question '{rule.question}' comes later; show_if can only look back"
                else:
                    why = f"no question '{rule.question}'{did_you_mean(rule.question, earlier)}"
                sources.error("questionnaire.yaml", (*here, "show_if", "question"), why)
            else:
                options = earlier[rule.question]
                for ai, option_id in enumerate(rule.any_of):
                    if option_id not in options:
                        hint = did_you_mean(option_id, options)
                        hint = hint or f" (its options: {quote_list(options)})"
                        sources.error(
                            "questionnaire.yaml", (*here, "show_if", "any_of", ai),
                            f"question '{rule.question}' has no option '{option_id}'{hint}",
                        )
        exclusive = [o for o in question.options if o.exclusive]
        if exclusive and len(exclusive) == len(question.options):
            sources.warning(
                "questionnaire.yaml", (*here, "options"),
                "every option is exclusive; then the question works like kind: single",
            )
        earlier[question.id] = [o.id for o in question.options]


def _theme(sources: Sources, kiosk: KioskFile) -> None:
    theme = kiosk.theme
    pairs = [
        ("text", "background", "text on background"),
        ("text", "surface", "text on surface (cards)"),
        ("muted", "background", "muted text on background"),
        ("background", "accent", "background-coloured text on the accent (buttons)"),
    ]
    written = _values(sources)
    for fore, back, what in pairs:
        ratio = contrast_ratio(getattr(theme, fore), getattr(theme, back))
        if ratio >= MIN_CONTRAST:
            continue
        # Point at the colour staff wrote (the key, where the theme line starts); name the
        # house colour they did not write, so they know which line to add.
        ours = [name for name in (fore, back) if ("theme", name) not in written]
        where: KeyPath = next(
            (("theme", name) for name in (fore, back) if ("theme", name) in written), ("theme",)
        )
        house = "".join(
            f"; theme.{name} is not set and uses the house colour {getattr(theme, name)}"
            for name in ours
        ) if len(ours) == 1 else ""
        sources.warning(
            "kiosk.yaml", where,
            f"{what} has contrast {_floor(ratio)}:1; guests need at least {MIN_CONTRAST}:1{house}",
            key=True, subject=("theme",),
        )


def _floor(ratio: float) -> str:
    return f"{int(ratio * 10) / 10:.1f}"


def _values(sources: Sources) -> dict[KeyPath, tuple[int, int]]:
    document = sources.files["kiosk.yaml"].document
    return document.values if document else {}


def _assets(
    sources: Sources, kiosk: KioskFile | None, slides: SlidesFile | None,
    questionnaire: QuestionnaireFile | None, packages: PackagesFile | None,
    verify: FileVerifier | None,
) -> None:
    refs: list[tuple[str, KeyPath, str]] = []
    if kiosk and kiosk.theme.logo:
        refs.append(("kiosk.yaml", ("theme", "logo"), kiosk.theme.logo))
    if kiosk and kiosk.theme.font and looks_like_font_file(kiosk.theme.font):
        refs.append(("kiosk.yaml", ("theme", "font"), kiosk.theme.font))
    for i, slide in enumerate(slides.slides if slides else ()):
        if slide.image:
            refs.append(("slides.yaml", ("slides", i, "image"), slide.image))
    for qi, question in enumerate(questionnaire.questions if questionnaire else ()):
        refs += [
            ("questionnaire.yaml", ("questions", qi, "options", oi, "icon"), o.icon)
            for oi, o in enumerate(question.options)
            if o.icon
        ]
    for i, package in enumerate(packages.packages if packages else ()):
        if package.image:
            refs.append(("packages.yaml", ("packages", i, "image"), package.image))
    # Many options share an icon: each distinct path is looked up once.
    resolved: dict[str, tuple[Path | None, str | None, str]] = {}
    folder = AssetFolder(sources.assets)
    for _, _, relative in refs:
        if relative not in resolved:
            resolved[relative] = (*folder.resolve(relative), kind_of(relative))
    verified = _verified(
        {relative: path for relative, (path, why, _) in resolved.items() if path and not why},
        verify,
    )
    for name, where, relative in refs:
        path, why, kind = resolved[relative]
        if why is None and path is not None:
            wanted = "font" if where[-1] == "font" else "image"
            if kind != wanted:
                expected = "a font file (.ttf, .otf)" if wanted == "font" else "an image"
                why = f"'{relative}' is not {expected}"
            elif verified.get(relative) is not None:
                why = f"'{relative}' {verified[relative]}"
        if why is not None:
            sources.error(name, where, why)


def _verified(
    files: dict[str, Path], verify: FileVerifier | None
) -> dict[str, str | None]:
    """What `verify` says of each file, by the name staff wrote."""
    if verify is None:
        return {}
    names = list(files)
    return dict(zip(names, verify([files[name] for name in names]), strict=True))


def _texts(
    kiosk: KioskFile | None, slides: SlidesFile | None, questionnaire: QuestionnaireFile | None,
    packages: PackagesFile | None,
) -> Iterator[tuple[str, KeyPath, Text]]:
    """Every guest-facing text with its file and key path (of the files that could be read)."""
    if kiosk:
        yield "kiosk.yaml", ("spa_name",), kiosk.spa_name
        yield "kiosk.yaml", ("disclaimer",), kiosk.disclaimer
    for i, slide in enumerate(slides.slides if slides else ()):
        yield "slides.yaml", ("slides", i, "title"), slide.title
        if slide.body:
            yield "slides.yaml", ("slides", i, "body"), slide.body
    for qi, q in enumerate(questionnaire.questions if questionnaire else ()):
        yield "questionnaire.yaml", ("questions", qi, "prompt"), q.prompt
        if q.help:
            yield "questionnaire.yaml", ("questions", qi, "help"), q.help
        for oi, option in enumerate(q.options):
            yield "questionnaire.yaml", ("questions", qi, "options", oi, "label"), option.label
    if packages is None:
        return
    for i, package in enumerate(packages.packages):
        yield "packages.yaml", ("packages", i, "name"), package.name
        if package.summary:
            yield "packages.yaml", ("packages", i, "summary"), package.summary
    yield "packages.yaml", ("consult", "title"), packages.consult.title
    yield "packages.yaml", ("consult", "body"), packages.consult.body


def _translations(
    sources: Sources, kiosk: KioskFile, slides: SlidesFile | None,
    questionnaire: QuestionnaireFile | None, packages: PackagesFile | None,
) -> None:
    languages = list(dict.fromkeys(kiosk.languages))
    for index, code in enumerate(kiosk.languages):
        if kiosk.languages.index(code) != index:
            sources.error("kiosk.yaml", ("languages", index), f"language '{code}' is listed twice")
    default = languages[0]
    known = set(languages)
    for name, where, text in _texts(kiosk, slides, questionnaire, packages):
        if text.is_plain:
            if len(languages) > 1 and _written(sources, name, where):
                others = languages[1:]
                example = ", ".join(f"{code}: ..." for code in languages)
                sources.warning(
                    name, where,
                    f"missing {'translation' if len(others) == 1 else 'translations'}: "
                    f"{quote_list(others)}; guests see this same text in every language "
                    f"(write it as {{{example}}})",
                )
            continue
        written = text.languages
        missing = [code for code in languages if code not in written]
        unknown = sorted(written - known)
        if missing and _written(sources, name, where):
            fallback = f"'{default}'" if default in text.languages else "first written"
            sources.warning(
                name, where,
                f"missing {'translation' if len(missing) == 1 else 'translations'}: "
                f"{quote_list(missing)}; guests see the {fallback} text instead",
            )
        if unknown and _written(sources, name, where):
            sources.warning(
                name, where,
                f"{quote_list(unknown)} {'is' if len(unknown) == 1 else 'are'} not in the "
                f"kiosk.yaml languages ({', '.join(languages)}), so guests never see it",
            )


def _kiosk_words(sources: Sources, kiosk: KioskFile) -> None:
    """A chosen language the kiosk has no words of its own in (buttons, headings) shows those
    in the main language or English; staff can write them under `words:` (docs/languages.md)."""
    main = kiosk.default_language
    for index, code in enumerate(kiosk.languages):
        instead = falling_back(code, kiosk.words, main)
        if not instead:
            continue
        seen = []
        for language, keys in instead.items():
            which = (
                f"all {len(keys)} of its phrases" if len(keys) == len(KEYS) else quote_list(keys)
            )
            seen.append(f"{which} in {'English' if language == 'en' else repr(language)}")
        sources.warning(
            "kiosk.yaml", ("languages", index),
            f"the kiosk has no words of its own in '{code}': guests see {' and '.join(seen)} "
            f"(buttons, headings, the idle warning); write them under 'words: {code}:' "
            "(see docs/languages.md)",
        )
    read = {looked for language in kiosk.languages for looked in chain(language, main)}
    for code in kiosk.words:
        if code not in read:  # e.g. `en` words are read by every language that falls back
            sources.warning(
                "kiosk.yaml", ("words", code),
                f"'{code}' is not in the kiosk.yaml languages ({', '.join(kiosk.languages)}), "
                "so guests never see these words",
            )


def _written(sources: Sources, name: str, where: KeyPath) -> bool:
    """Whether staff wrote this text (a built-in default needs no translation warning)."""
    document = sources.files[name].document
    return document is not None and where in document.values


def _flags_and_concerns(
    sources: Sources, questionnaire: QuestionnaireFile, packages: PackagesFile
) -> None:
    avoided = {flag for p in packages.packages for flag in p.avoid_if}
    addressed = {c for p in packages.packages for c, weight in p.addresses.items() if weight}
    raised: dict[str, None] = {}  # in questionnaire order, for the messages
    for qi, q in enumerate(questionnaire.questions):
        for oi, option in enumerate(q.options):
            here: KeyPath = ("questions", qi, "options", oi)
            for fi, flag in enumerate(option.flags):
                raised.setdefault(flag)
                if flag != CONSULT_FLAG and flag not in avoided:
                    sources.warning(
                        "questionnaire.yaml", (*here, "flags", fi),
                        f"flag '{flag}' is not in any package's avoid_if, so it changes nothing"
                        f"{did_you_mean(flag, avoided)}",
                    )
            for concern in option.concerns:
                if concern not in addressed:
                    sources.warning(
                        "questionnaire.yaml", (*here, "concerns", concern),
                        f"concern '{concern}' is not addressed by any package"
                        f"{did_you_mean(concern, addressed)}",
                        key=True,
                    )
    _safety_gates(sources, packages, list(raised))


def _safety_gates(sources: Sources, packages: PackagesFile, raised: list[str]) -> None:
    """Errors, not warnings: a screening that cannot work must not reach guests (for example a
    questionnaire.yaml cut short before its screening question by a slow copy)."""
    others = [flag for flag in raised if flag != CONSULT_FLAG]
    if others:
        valid = f"; the answers raise {quote_list(others)}"
    else:
        but = f" but '{CONSULT_FLAG}'" if CONSULT_FLAG in raised else ""
        valid = f"; no answer raises any flag{but} (is the screening question missing?)"
    for pi, package in enumerate(packages.packages):
        for fi, flag in enumerate(package.avoid_if):
            if flag != CONSULT_FLAG and flag not in raised:
                sources.error(
                    "packages.yaml", ("packages", pi, "avoid_if", fi),
                    f"no answer in questionnaire.yaml raises the flag '{flag}', so this package "
                    f"would be suggested even to guests who should avoid it"
                    f"{did_you_mean(flag, others)}{valid}",
                )
    if CONSULT_FLAG not in raised:
        sources.error(
            "questionnaire.yaml", ("questions",),
            f"no answer raises the flag '{CONSULT_FLAG}', so no guest would ever be asked to "
            "talk to the therapist (is the screening question missing?); add "
            f"flags: [{CONSULT_FLAG}] to the answer that needs the therapist, such as 'Not sure'",
            key=True,
        )


def _health_wording(sources: Sources, slides: SlidesFile) -> None:
    for i, slide in enumerate(slides.slides):
        if slide.source:
            continue
        for part, text in (("title", slide.title), ("body", slide.body)):
            found = HEALTH_WORDS.finditer(" ".join(_all(text)).lower())
            words = sorted({m.group(0) for m in found})
            if words:
                sources.warning(
                    "slides.yaml", ("slides", i, part),
                    f"health claim wording ({quote_list(words)}) without a 'source'; rephrase as "
                    "what guests feel, or add source: with where the claim comes from",
                )


def _schedules(sources: Sources, slides: SlidesFile) -> None:
    for i, slide in enumerate(slides.slides):
        show = slide.show
        if show is None:
            continue
        if show.from_ is not None and show.until is not None and show.until < show.from_:
            sources.error(
                "slides.yaml", ("slides", i, "show", "until"),
                f"until {show.until.isoformat()} is before from {show.from_.isoformat()}, "
                "so the slide would never play",
            )
        if show.days is not None and not show.days:
            sources.error(
                "slides.yaml", ("slides", i, "show", "days"),
                "no days listed, so the slide would never play; "
                "leave days out to show it every day",
            )


def _all(text: Text | None) -> Iterable[str]:
    return () if text is None else text.all()


def _lengths(
    sources: Sources, kiosk: KioskFile | None, slides: SlidesFile | None,
    questionnaire: QuestionnaireFile | None, packages: PackagesFile | None,
) -> None:
    for name, where, text in _texts(kiosk, slides, questionnaire, packages):
        limit = TEXT_LIMITS.get(str(where[-1]))
        if limit is None:
            continue
        longest = max((len(value) for value in text.all()), default=0)
        if longest > limit:
            sources.warning(
                name, where,
                f"text is {longest} characters; at most {limit} fit on the screen, "
                "the rest is cut with '...'",
            )


def _winners(
    sources: Sources, kiosk: KioskFile, questionnaire: QuestionnaireFile, packages: PackagesFile
) -> None:
    reach = package_reach(questionnaire.questions, packages.packages)
    for pi, package in enumerate(packages.packages):
        if package.id not in reach.never:
            continue  # it can win, or the search gave up on it: say nothing rather than guess
        shadow = reach.never[package.id]
        if shadow is None:
            why = (
                "no combination of answers makes it the best fit (check its addresses, minutes "
                "and avoid_if)"
            )
        else:
            why = (
                f"'{shadow}' is listed before it, scores at least as much for every answer and "
                f"is offered whenever '{package.id}' is (check their addresses, minutes and "
                "avoid_if)"
            )
        sources.warning(
            "packages.yaml", ("packages", pi), f"package '{package.id}' is never suggested: {why}"
        )


__all__ = ["check_sources"]
