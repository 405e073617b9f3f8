"""The kiosk's phrases read through Qt's translator: plural forms chosen per number, fallbacks,
the spa's own wording from kiosk.yaml, and the screens showing them in a guest's journey."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from kioskkit import KIOSK_YAML, FakeClock, Guest, load_test_content, write_test_content

from kiosk.i18n.catalogue import BY_KEY, PHRASES
from kiosk.i18n.languages import shipped
from kiosk.ui.phrases import words

RESET = "reset_soon"
PRIVATE = "to keep your answers private."


def test_english_says_one_second() -> None:
    en = words("en")
    assert en.say(RESET, seconds=1) == f"We will start over in 1 second {PRIVATE}"
    assert en.say(RESET, seconds=2) == f"We will start over in 2 seconds {PRIVATE}"
    assert en.say("step", step=2, total=5) == "Question 2 of 5"
    assert en.say("pick_up_to", most=3) == "Choose up to 3"
    assert en["next"] == "Next"


def test_arabic_has_six_forms() -> None:
    ar = words("ar")
    said = {n: ar.say("minutes", minutes=n) for n in (0, 1, 2, 3, 10, 11, 99, 100, 102)}
    assert said[1] == "دقيقة واحدة"
    assert said[2] == "دقيقتان"
    assert said[3] == "3 دقائق" and said[10] == "10 دقائق"
    assert said[11] == "11 دقيقة" and said[99] == "99 دقيقة"
    assert said[100] == "100 دقيقة"
    forms = {ar.say(RESET, seconds=n).replace(str(n), "#") for n in (0, 1, 2, 3, 11, 100)}
    assert len(forms) == 5  # 11-99 and 100+ read the same for seconds; six forms kept


def test_french_counts_zero_and_one_as_singular_and_japanese_has_one_form() -> None:
    fr = words("fr")
    assert "1 seconde " in fr.say(RESET, seconds=1)
    assert "2 secondes " in fr.say(RESET, seconds=2)
    assert words("ja").say(RESET, seconds=1).count("1秒") == 1
    assert words("it").say(RESET, seconds=1).startswith("Ricominceremo tra 1 secondo ")


@pytest.mark.parametrize("code", sorted(shipped() - {"en"}))
def test_every_shipped_language_reads_every_phrase(code: str) -> None:
    """Through the compiled file: no phrase comes out in English (their source)."""
    said = words(code)
    for phrase in PHRASES:
        if phrase.counted:
            text = said.say(phrase.key, **{name: 7 for name in phrase.names})
            assert "%" not in text and "7" in text, (code, phrase.key)
        elif phrase.names:
            text = said.say(phrase.key, **{name: 7 for name in phrase.names})
            assert text != phrase.english.replace("%1", "7").replace("%2", "7"), (code, phrase.key)
        else:
            assert said[phrase.key] != phrase.english, (code, phrase.key)


def test_regional_codes_and_languages_without_words() -> None:
    assert words("pt-BR")["back"] == "Voltar"
    assert words("es-MX")["next"] == "Siguiente"
    assert words("pl")["next"] == "Next"
    assert words("zh-TW")["next"] == "Next"  # not Simplified Chinese
    assert words("zh-CN")["next"] == "下一步"
    assert words("pl", main="de")["next"] == "Weiter"  # the spa's main language, as its texts
    assert words("pl", main="pl")["next"] == "Next"


def test_the_spas_words_come_first() -> None:
    overrides = MappingProxyType({
        "it": MappingProxyType({"next": "Continua", RESET: "Ancora {seconds} s, poi da capo"}),
        "pl": MappingProxyType({"next": "Dalej"}),
        "en": MappingProxyType({"back": "Go back"}),
        "pt": MappingProxyType({"done": "Pronto"}),
    })
    it = words("it", overrides)
    assert it["next"] == "Continua"
    assert it["back"] == "Indietro"  # the kiosk's own Italian
    assert it.say(RESET, seconds=1) == "Ancora 1 s, poi da capo"
    pl = words("pl", overrides)
    assert (pl["next"], pl["back"], pl["done"]) == ("Dalej", "Go back", "Done")
    assert words("pt-BR", overrides)["done"] == "Pronto"  # the base language's override


def test_the_screens_get_phrases_without_numbers() -> None:
    shown = words("de").for_screens()
    assert shown["next"] == "Weiter"
    assert set(shown) == {p.key for p in PHRASES if not p.names}
    with pytest.raises(KeyError, match="say"):
        words("de")[RESET]
    assert BY_KEY[RESET].names == ("seconds",)


ITALIAN = KIOSK_YAML.replace("languages: [en, es]", "languages: [it, en]").replace(
    "es: Spa de Prueba", "it: Spa di Prova"
) + "words:\n  it:\n    start_over: Da capo\n"


def test_an_italian_guest_sees_italian_words_and_one_second(
    start_kiosk: Callable[..., Guest], tmp_path: Path
) -> None:
    guest: Any = start_kiosk(load_test_content(write_test_content(tmp_path, kiosk=ITALIAN)))
    clock = guest.clock
    assert isinstance(clock, FakeClock)
    assert guest.text("tapToBegin") == "Tocca per trovare il tuo trattamento"
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    assert guest.text("progressText") == "Domanda 1 di 3"
    assert guest.text("questionHow") == "Scegline fino a 2"
    assert guest.text("startOverButton") == "Da capo"  # the spa's own word
    guest.answer("aches", next_=False)
    clock.advance(31.5)
    guest.item("idleOverlay")
    assert guest.text("stillThere") == "Ci sei ancora?"
    assert guest.text("resetSoon").startswith("Ricominceremo tra 19 secondi ")
    clock.advance(18)
    guest.qtbot.waitUntil(lambda: guest.text("idleCountdown") == "1")
    assert guest.text("resetSoon") == (
        "Ricominceremo tra 1 secondo per mantenere riservate le tue risposte."
    )


def test_english_idle_warning_at_one_second(guest: Guest) -> None:
    clock = guest.clock
    assert isinstance(clock, FakeClock)
    guest.tap("tapToBegin")
    guest.answer("aches", next_=False)
    clock.advance(49.5)
    guest.qtbot.waitUntil(lambda: guest.text("idleCountdown") == "1")
    assert guest.text("resetSoon") == f"We will start over in 1 second {PRIVATE}"
