"""QR codes for the booking link, made locally by segno as a small PNG the screen shows as is.

A `data:` URL rather than a Qt image provider: a provider is a Qt Quick class, and Python's
binding of Qt Quick (with the OpenGL one it pulls in) costs every kiosk ~7 MiB and a few
milliseconds of each start, only for this picture.
"""

from __future__ import annotations

import functools

QUIET_ZONE = 4
"""Modules of white around the code, as the QR standard asks for reliable scanning."""
MODULE_PIXELS = 10
"""Pixels per module in the PNG: larger than the code is shown, so the screen only ever
scales it down (sharp, with `smooth: false`)."""


@functools.lru_cache(maxsize=16)
def qr_data_url(text: str) -> str:
    """A black-on-white QR code of `text` as a `data:image/png;base64,...` URL."""
    import segno  # only once a guest reaches a suggestion (kiosk start: +40-65 ms, +3.5 MiB)

    code = segno.make(text, error="m", micro=False)
    url: str = code.png_data_uri(scale=MODULE_PIXELS, border=QUIET_ZONE, dark="#000", light="#fff")
    return url
