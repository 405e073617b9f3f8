"""The kiosk's own words (buttons, headings), in every language staff are likely to choose.

Staff write their content; these few strings come with the kiosk. A language not listed here
falls back to English for them.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "tap_to_begin": "Tap to find your session",
        "next": "Next",
        "see_suggestion": "See my suggestion",
        "back": "Back",
        "start_over": "Start over",
        "step": "Question {step} of {total}",
        "pick_one": "Choose one",
        "pick_up_to": "Choose up to {most}",
        "pick_any": "Choose all that apply",
        "optional": "You may skip this one",
        "your_suggestion": "Our suggestion for you",
        "because": "Because you told us",
        "also_good": "Also good",
        "desk_code": "Show this code at the front desk",
        "scan_to_book": "Scan to book",
        "minutes": "{minutes} min",
        "more_time": "This session takes {minutes} minutes, a little more than the time you have. "
        "Our front desk can help you find a moment.",
        "done": "Done",
        "still_there": "Still there?",
        "reset_soon": "We will start over in {seconds} seconds to keep your answers private.",
        "need_more_time": "I need more time",
        "language": "Language",
    },
    "es": {
        "tap_to_begin": "Toca para encontrar tu sesión",
        "next": "Siguiente",
        "see_suggestion": "Ver mi sugerencia",
        "back": "Atrás",
        "start_over": "Empezar de nuevo",
        "step": "Pregunta {step} de {total}",
        "pick_one": "Elige una opción",
        "pick_up_to": "Elige hasta {most}",
        "pick_any": "Elige todas las que quieras",
        "optional": "Puedes saltar esta pregunta",
        "your_suggestion": "Nuestra sugerencia para ti",
        "because": "Porque nos dijiste",
        "also_good": "También te puede gustar",
        "desk_code": "Muestra este código en recepción",
        "scan_to_book": "Escanea para reservar",
        "minutes": "{minutes} min",
        "more_time": "Esta sesión dura {minutes} minutos, algo más del tiempo que tienes. "
        "En recepción te ayudarán a encontrar un momento.",
        "done": "Listo",
        "still_there": "¿Sigues ahí?",
        "reset_soon": "Empezaremos de nuevo en {seconds} segundos para proteger tus respuestas.",
        "need_more_time": "Necesito más tiempo",
        "language": "Idioma",
    },
    "de": {
        "tap_to_begin": "Tippen Sie, um Ihre Behandlung zu finden",
        "next": "Weiter",
        "see_suggestion": "Meinen Vorschlag ansehen",
        "back": "Zurück",
        "start_over": "Neu beginnen",
        "step": "Frage {step} von {total}",
        "pick_one": "Bitte eine Antwort wählen",
        "pick_up_to": "Bis zu {most} wählen",
        "pick_any": "Alles Zutreffende wählen",
        "optional": "Diese Frage können Sie überspringen",
        "your_suggestion": "Unser Vorschlag für Sie",
        "because": "Weil Sie uns sagten",
        "also_good": "Auch passend",
        "desk_code": "Zeigen Sie diesen Code am Empfang",
        "scan_to_book": "Zum Buchen scannen",
        "minutes": "{minutes} Min.",
        "more_time": "Diese Behandlung dauert {minutes} Minuten, etwas länger als Ihre Zeit. "
        "Der Empfang hilft Ihnen gern, einen Termin zu finden.",
        "done": "Fertig",
        "still_there": "Sind Sie noch da?",
        "reset_soon": "In {seconds} Sekunden beginnen wir neu, "
        "damit Ihre Antworten privat bleiben.",
        "need_more_time": "Ich brauche mehr Zeit",
        "language": "Sprache",
    },
    "fr": {
        "tap_to_begin": "Touchez pour trouver votre séance",
        "next": "Suivant",
        "see_suggestion": "Voir ma suggestion",
        "back": "Retour",
        "start_over": "Recommencer",
        "step": "Question {step} sur {total}",
        "pick_one": "Choisissez une réponse",
        "pick_up_to": "Choisissez-en jusqu'à {most}",
        "pick_any": "Choisissez tout ce qui s'applique",
        "optional": "Vous pouvez passer cette question",
        "your_suggestion": "Notre suggestion pour vous",
        "because": "Parce que vous nous avez dit",
        "also_good": "Aussi adapté",
        "desk_code": "Montrez ce code à l'accueil",
        "scan_to_book": "Scannez pour réserver",
        "minutes": "{minutes} min",
        "more_time": "Cette séance dure {minutes} minutes, un peu plus que votre temps. "
        "L'accueil vous aidera à trouver un moment.",
        "done": "Terminé",
        "still_there": "Vous êtes toujours là ?",
        "reset_soon": "Nous recommencerons dans {seconds} secondes "
        "pour garder vos réponses privées.",
        "need_more_time": "J'ai besoin de plus de temps",
        "language": "Langue",
    },
}

LANGUAGE_NAMES = {
    "en": "English",
    "es": "Español",
    "de": "Deutsch",
    "fr": "Français",
    "it": "Italiano",
    "pt": "Português",
    "nl": "Nederlands",
    "pl": "Polski",
    "sv": "Svenska",
    "da": "Dansk",
    "fi": "Suomi",
    "no": "Norsk",
    "nb": "Norsk",
    "cs": "Čeština",
    "tr": "Türkçe",
    "el": "Ελληνικά",
    "ru": "Русский",
    "uk": "Українська",
    "ja": "日本語",
    "zh": "中文",
    "ko": "한국어",
    "ar": "العربية",
}


def words(language: str) -> dict[str, str]:
    """Every kiosk string in `language`, English where a translation is missing."""
    base = WORDS["en"]
    chosen = WORDS.get(language.split("-")[0].split("_")[0], {})
    return {key: chosen.get(key, value) for key, value in base.items()}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code.split("-")[0].split("_")[0], code.upper())
