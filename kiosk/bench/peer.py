"""The browser kiosk the kiosk is measured against: an HTML page of the same attract loop,
shown full screen by Chromium (or Chrome).

The page is built from the same content folder: every slide the kiosk plays now, with its
title, body and picture in the kiosk's first language; the theme's colours; its Inter font
files from assets/fonts; each slide's time on screen and the same 800 ms cross-fade; laid out
as the kiosk lays out a slide (words left, picture right in a soft glow, the spa's name above,
"tap to begin" and the disclaimer below). Nothing of Qt is used here.
"""

from __future__ import annotations

import html
import json
import os
import shutil
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from kiosk.content.model import Content, Slide
from kiosk.guest.schedule import showing_now
from kiosk.ui.phrases import words

CROSSFADE_MS = 800  # Style.qml's crossfade (without reduced motion)
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
FONT_WEIGHTS = (("Regular", 400), ("Medium", 500), ("SemiBold", 600))


def find_browser(name: str) -> str | None:
    """The browser program for `--peer NAME` ("chromium" finds Chrome too), or None."""
    candidates = BROWSERS if name in ("chromium", "chrome") else (name,)
    for candidate in candidates:
        found = shutil.which(candidate)
        if found is not None:
            return found
    return None


def browser_command(browser: str, page: Path, profile: Path, size: tuple[int, int]) -> list[str]:
    """Chromium as a kiosk: full screen, a fresh profile, and nothing that would reach out to
    a network (the kiosk PC may have none) or ask anything on the first run."""
    command = [
        browser,
        "--kiosk", "--start-fullscreen", f"--window-size={size[0]},{size[1]}",
        "--window-position=0,0",
        f"--user-data-dir={profile}",
        "--no-first-run", "--no-default-browser-check", "--noerrdialogs",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-quic", "--disable-translate", "--disable-features=Translate,MediaRouter",
        "--password-store=basic", "--autoplay-policy=no-user-gesture-required",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    return [*command, page.as_uri()]


def slides_now(content: Content, now: datetime | None = None) -> list[Slide]:
    """The slides the kiosk plays at `now` (a slide's `show:` may limit it to some hours or
    days), in their order; all of them where none would play."""
    return showing_now(content.slides, now or datetime.now()) or list(content.slides)


def slide_seconds(content: Content, slides: Sequence[Slide]) -> list[float]:
    """How long each of `slides` stays on screen, as the kiosk plays them."""
    default = float(content.kiosk.timing.slide_seconds)
    return [float(s.seconds) if s.seconds is not None else default for s in slides]


def font_files(content: Content) -> list[tuple[Path, int]]:
    """The Inter files (regular, medium, semibold) the kiosk draws with, from assets/fonts."""
    folder = content.assets / "fonts"
    if content.kiosk.theme.font:
        folder = (content.assets / content.kiosk.theme.font).parent
    found = []
    for word, weight in FONT_WEIGHTS:
        for suffix in (".otf", ".ttf"):
            path = folder / f"Inter-{word}{suffix}"
            if path.is_file():
                found.append((path, weight))
                break
    return found


def build_page(content: Content, target: Path, now: datetime | None = None) -> Path:
    """Write the attract loop of `content`, as the kiosk plays it at `now`, as one HTML file
    at `target`."""
    language = content.default_language
    theme = content.kiosk.theme
    fonts = "\n".join(
        f'@font-face {{ font-family: "Inter"; font-weight: {weight}; '
        f'src: url("{path.resolve().as_uri()}"); }}'
        for path, weight in font_files(content)
    )
    sections = []
    slides = slides_now(content, now)
    timings = slide_seconds(content, slides)
    for index, (slide, seconds) in enumerate(zip(slides, timings, strict=True)):
        picture = ""
        if slide.image:
            uri = (content.assets / slide.image).resolve().as_uri()
            picture = f'<div class="picture"><img src="{html.escape(uri)}" alt=""></div>'
        body = content.text(slide.body, language)
        sections.append(
            f'<section class="slide{" shown" if index == 0 else ""}"'
            f' id="slide-{html.escape(slide.id)}" data-seconds="{seconds:g}">'
            f'<div class="words"><h1>{html.escape(content.text(slide.title, language))}</h1>'
            + (f'<hr><p>{html.escape(body)}</p>' if body else "")
            + f"</div>{picture}</section>"
        )
    logo = ""
    if theme.logo:
        uri = (content.assets / theme.logo).resolve().as_uri()
        logo = f'<img class="logo" src="{html.escape(uri)}" alt="">'
    page = PAGE.format(
        language=html.escape(language),
        fonts=fonts,
        background=theme.background, surface=theme.surface, text=theme.text,
        muted=theme.muted, accent=theme.accent,
        crossfade=CROSSFADE_MS,
        logo=logo,
        spa_name=html.escape(content.text(content.kiosk.spa_name, language)),
        slides="\n".join(sections),
        tap=html.escape(words(language, content.kiosk.words, language)["tap_to_begin"]),
        disclaimer=html.escape(content.text(content.kiosk.disclaimer, language)),
        seconds=json.dumps(timings),
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")
    return target


PAGE = """<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<title>Spa kiosk (browser peer)</title>
<style>
{fonts}
:root {{ --background: {background}; --surface: {surface}; --text: {text}; --muted: {muted};
        --accent: {accent}; --crossfade: {crossfade}ms; }}
html, body {{ margin: 0; height: 100%; overflow: hidden; cursor: none; }}
body {{ background: var(--background); color: var(--text); font-family: "Inter", sans-serif; }}
header {{ position: absolute; left: 5vw; top: 2.5vw; display: flex; align-items: center;
         gap: 24px; z-index: 3; }}
.logo {{ width: 64px; height: 64px; }}
.spa-name {{ font-size: 30px; font-weight: 500; letter-spacing: 1.5px; color: var(--muted); }}
.glow {{ position: absolute; left: 45%; top: 50%; width: min(55vw, 100vh); height: min(55vw, 100vh);
        transform: translate(calc((55vw - 100%) / 2), -50%) scale(1.05); border-radius: 50%;
        background: linear-gradient(rgba(255, 138, 80, 0.16), rgba(194, 54, 43, 0)); }}
.slide {{ position: absolute; inset: 0; opacity: 0;
          transition: opacity var(--crossfade) ease-in-out; }}
.slide.shown {{ opacity: 1; }}
.words {{ position: absolute; left: 96px; top: 50%; width: calc(45% - 96px);
         transform: translateY(-60%); }}
h1 {{ font-size: 88px; font-weight: 600; line-height: 1.05; margin: 0 0 36px 0; }}
hr {{ width: 96px; height: 4px; border: 0; border-radius: 2px; background: var(--accent);
     margin: 0 0 36px 0; }}
p {{ font-size: 40px; line-height: 1.35; margin: 0; }}
.picture {{ position: absolute; left: calc(45% + 48px); top: 144px; right: 96px; bottom: 300px;
           display: flex; align-items: center; justify-content: center; }}
.picture img {{ max-width: 100%; max-height: 100%; }}
.tap {{ position: absolute; left: 50%; bottom: 132px; transform: translateX(-50%); z-index: 3;
       height: 106px; padding: 0 48px; border-radius: 53px; background: var(--accent);
       color: var(--background); font-size: 36px; font-weight: 600; display: flex;
       align-items: center; }}
.disclaimer {{ position: absolute; left: 96px; right: 96px; bottom: 38px; text-align: center;
              font-size: 24px; color: var(--muted); z-index: 3; }}
</style>
</head>
<body>
<header>{logo}<span class="spa-name">{spa_name}</span></header>
<div class="glow"></div>
{slides}
<div class="tap">{tap}</div>
<div class="disclaimer">{disclaimer}</div>
<script>
// The attract loop: each slide for its own seconds, then an {crossfade} ms cross-fade.
const seconds = {seconds};
const slides = Array.from(document.querySelectorAll(".slide"));
let shown = 0;
function next() {{
  slides[shown].classList.remove("shown");
  shown = (shown + 1) % slides.length;
  slides[shown].classList.add("shown");
  setTimeout(next, seconds[shown] * 1000);
}}
if (slides.length > 1) setTimeout(next, seconds[0] * 1000);
</script>
</body>
</html>
"""


def peer_names() -> Sequence[str]:
    """What `--peer` accepts."""
    return ("chromium",)
