"""A large, valid content set for the benchmark, generated so anyone can reproduce the figures.

500 slides (each with its own picture, half PNG and half SVG, some with schedules), 100 questions
of 6 options (with icons, `show_if`, time and screening questions; the screening has a seventh,
'Not sure', that raises `consult`), 100 packages with pictures, in two languages. Images are
small on purpose: the set is about how many files the kiosk reads and checks, not about decoding
one huge photo. Pure Python (no Qt), so it can be written before any Qt process starts.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

SLIDES = 500
QUESTIONS = 100
OPTIONS = 6
PACKAGES = 100
ICONS = 60
CONCERNS = ("pain", "tension", "stress", "sleep", "recovery", "circulation", "skin", "energy",
            "neck", "back", "legs", "gentle", "deep")
FLAGS = ("pregnancy", "heart", "unwell", "low_sensation", "recent_injury")
SLIDE_PNG = (640, 360)
PACKAGE_PNG = (320, 320)


def write_large_set(root: Path) -> Path:
    """Write `root/content/*.yaml` and `root/assets/...`; returns the content folder."""
    content = root / "content"
    assets = root / "assets"
    for sub in ("slides", "icons", "packages"):
        (assets / sub).mkdir(parents=True, exist_ok=True)
    content.mkdir(parents=True, exist_ok=True)
    (assets / "logo.svg").write_text(_svg(0, "logo"), encoding="utf-8")
    for i in range(ICONS):
        (assets / "icons" / f"icon-{i:02d}.svg").write_text(_svg(i, "icon"), encoding="utf-8")
    for i in range(SLIDES):
        if i % 2:
            (assets / "slides" / f"slide-{i:03d}.svg").write_text(_svg(i, "slide"), "utf-8")
        else:
            _write_png(assets / "slides" / f"slide-{i:03d}.png", *SLIDE_PNG, seed=i)
    for i in range(PACKAGES):
        _write_png(assets / "packages" / f"package-{i:03d}.png", *PACKAGE_PNG, seed=1000 + i)
    files = {
        "kiosk.yaml": _kiosk_yaml(),
        "slides.yaml": _slides_yaml(),
        "questionnaire.yaml": _questionnaire_yaml(),
        "packages.yaml": _packages_yaml(),
    }
    for name, text in files.items():
        (content / name).write_text(text, encoding="utf-8")
    return content


def _q(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def _text(en: str, es: str) -> str:
    return "{en: " + _q(en) + ", es: " + _q(es) + "}"


def _kiosk_yaml() -> str:
    return (
        "spa_name: " + _text("Benchmark Infrared Spa", "Spa de Infrarrojos de Prueba") + "\n"
        "languages: [en, es]\n"
        "theme:\n"
        '  background: "#1A1210"\n'
        '  surface: "#261A17"\n'
        '  text: "#FBF3EA"\n'
        '  accent: "#E8643C"\n'
        "  logo: logo.svg\n"
        "timing: {slide_seconds: 8, idle_seconds: 45, warning_seconds: 20, result_seconds: 90}\n"
        'booking: {url: "https://book.example-spa.com/?package={package}"}\n'
        "disclaimer: "
        + _text("For relaxation only, not medical advice.",
                "Solo para relajarse; no es consejo médico.")
        + "\n"
    )


def _slides_yaml() -> str:
    days = ("[mon, tue, wed, thu, fri]", "[sat, sun]", "[fri, sat, sun]")
    lines = ["slides:"]
    for i in range(SLIDES):
        image = f"slides/slide-{i:03d}.{'svg' if i % 2 else 'png'}"
        lines += [
            f"  - id: slide_{i:03d}",
            "    title: " + _text(f"Warmth that stays with you, {i}", f"Calor que se queda, {i}"),
            "    body: " + _text(
                f"Many guests find that slow, deep warmth loosens the day ({i}).",
                f"Muchos invitados sienten que el calor lento y profundo suelta el día ({i}).",
            ),
            f"    image: {image}",
        ]
        if i % 7 == 3:
            lines.append("    seconds: 10")
        if i % 10 == 5:
            lines += ["    show:", f"      days: {days[i % 3]}", '      hours: "09:00-21:00"']
        if i % 25 == 12:
            lines += ["    show:", "      from: 2026-01-01", "      until: 2027-12-31"]
    return "\n".join(lines) + "\n"


def _questionnaire_yaml() -> str:
    lines = ["questions:"]
    for qi in range(QUESTIONS):
        qid = f"q{qi:03d}"
        time_question = qi == QUESTIONS - 2
        screening = qi == QUESTIONS - 1
        multiple = not time_question and (screening or qi % 3 == 0)
        lines += [
            f"  - id: {qid}",
            "    prompt: " + _text(f"What matters to you today ({qi})?",
                                   f"¿Qué te importa hoy ({qi})?"),
            "    help: " + _text("Pick what fits you best.", "Elige lo que mejor te va."),
            f"    kind: {'multiple' if multiple else 'single'}",
        ]
        if multiple and not screening:
            lines.append("    max: 2")
        if qi % 5 == 4 and not (time_question or screening):
            lines.append("    optional: true")
        if qi % 10 == 1:
            lines.append(f"    show_if: {{question: q{qi - 1:03d}, any_of: [q{qi - 1:03d}_o0]}}")
        lines.append("    options:")
        for oi in range(OPTIONS):
            oid = f"{qid}_o{oi}"
            label = _text(f"Answer {oi + 1} to {qi}", f"Respuesta {oi + 1} a {qi}")
            icon = f"icons/icon-{(qi * OPTIONS + oi) % ICONS:02d}.svg"
            entry = f"      - {{id: {oid}, label: {label}, icon: {icon}"
            if time_question:
                entry += f", minutes: {(30, 45, 60, 75, 90, 120)[oi]}"
            elif screening:
                if oi < len(FLAGS):
                    entry += f", flags: [{FLAGS[oi]}]"
                else:
                    entry += ", exclusive: true"
            else:
                first = CONCERNS[(qi + oi) % len(CONCERNS)]
                second = CONCERNS[(qi * 3 + oi * 5) % len(CONCERNS)]
                weights = {first: 1 + (qi + oi) % 3}
                if second != first:
                    weights[second] = 1
                entry += ", concerns: {" + ", ".join(f"{k}: {v}" for k, v in weights.items()) + "}"
            lines.append(entry + "}")
        if screening:  # check requires an answer that leads to the therapist
            label = _text("Not sure", "No estoy seguro")
            lines.append(f"      - {{id: {qid}_unsure, label: {label}, flags: [consult]}}")
    return "\n".join(lines) + "\n"


def _packages_yaml() -> str:
    lines = ["packages:"]
    for pi in range(PACKAGES):
        addresses = {CONCERNS[(pi + k * 4) % len(CONCERNS)]: 1 + (pi + k) % 3 for k in range(4)}
        avoid = [FLAGS[(pi + k) % len(FLAGS)] for k in range(1 + pi % 3)]
        lines += [
            f"  - id: package_{pi:03d}",
            "    name: " + _text(f"Warm Session {pi}", f"Sesión Cálida {pi}"),
            f"    minutes: {(30, 45, 60, 75, 90, 120)[pi % 6]}",
            f'    price: "€{39 + pi}"',
            f"    code: IR-{pi:03d}",
            "    summary: " + _text(
                f"Deep infrared warmth with a slow, thorough massage ({pi}).",
                f"Calor infrarrojo profundo con un masaje lento y minucioso ({pi}).",
            ),
            f"    image: packages/package-{pi:03d}.png",
            "    addresses: {" + ", ".join(f"{k}: {v}" for k, v in addresses.items()) + "}",
            f"    avoid_if: [{', '.join(dict.fromkeys(avoid))}]",
        ]
    lines += [
        "consult:",
        "  title: " + _text("Let's talk first", "Hablemos primero"),
        "  body: " + _text("Please have a quick word with our therapist.",
                           "Habla un momento con nuestro terapeuta."),
    ]
    return "\n".join(lines) + "\n"


def _svg(seed: int, kind: str) -> str:
    hue = (seed * 37) % 360
    if kind == "icon":
        return (
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96">'
            f'<circle cx="48" cy="48" r="{20 + seed % 16}" fill="hsl({hue},70%,55%)"/>'
            '<path d="M28 37 A22 22 0 0 1 67 37" stroke="#FBF3EA" stroke-width="4" fill="none"/>'
            "</svg>\n"
        )
    circles = "".join(
        f'<circle cx="{(seed * 53 + k * 131) % 800}" cy="{(seed * 29 + k * 97) % 450}" '
        f'r="{40 + (seed + k * 17) % 90}" fill="hsl({(hue + k * 40) % 360},70%,55%)" '
        'fill-opacity="0.6"/>'
        for k in range(6)
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 450" width="800" height="450">'
        '<defs><radialGradient id="g"><stop offset="0" stop-color="#FF8A50"/>'
        '<stop offset="1" stop-color="#1A1210"/></radialGradient></defs>'
        f'<rect width="800" height="450" fill="url(#g)"/>{circles}</svg>\n'
    )


def _write_png(path: Path, width: int, height: int, seed: int) -> None:
    """A smooth RGB gradient with a band that moves with `seed`: small, real, fully decodable."""
    rows = []
    band = seed * 7 % width
    for y in range(height):
        shade = (y * 255 // max(1, height - 1) + seed) % 256
        pixel = bytes((shade, (shade + 80) % 256, (255 - shade) % 256))
        row = bytearray(pixel * width)
        start = 3 * ((band + y) % width)
        row[start : start + 30] = b"\xff\xe0\xc0" * 10
        rows.append(b"\x00" + bytes(row[: 3 * width]))
    raw = zlib.compress(b"".join(rows), 6)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    )
