"""The locked-down kiosk under a real X server: with openbox around it, and with nothing.

Issue 26, item 5: with openbox, Super+D showed the desktop, Ctrl+Alt+Right moved to a desktop
without the kiosk, Alt+Space opened the window menu over it. The kiosk (`spa-kiosk run`, full
screen) must stay, or come back, in front: mapped, on the desktop in view, active, on top,
covering the screen, with no menu over it.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from kioskkit import write_test_content
from xkit import Display, openbox, start_kiosk, wait_until, xvfb

pytestmark = pytest.mark.ui

ALL_DESKTOPS = 0xFFFFFFFF


def kiosk_in_front(display: Display) -> bool:
    """The kiosk window is in view, active, on top of the stack and covers the screen."""
    windows = display.visible_windows("Spa Kiosk")
    if len(windows) != 1:
        return False
    window = windows[0]
    if display.geometry(window) != (0, 0, display.width, display.height):
        return False
    if display.others_in_view(window):
        return False  # a menu or another window over it
    if display.root("_NET_SUPPORTING_WM_CHECK") == "":
        return True  # bare X: nothing else to ask
    active = display.root("_NET_ACTIVE_WINDOW") or "0x0"
    stacking = display.root("_NET_CLIENT_LIST_STACKING").replace(",", " ").split()
    desktop = int(display.prop(window, "_NET_WM_DESKTOP") or ALL_DESKTOPS)
    return (
        int(active, 16) == window
        and bool(stacking) and int(stacking[-1], 16) == window
        and desktop in (ALL_DESKTOPS, int(display.root("_NET_CURRENT_DESKTOP")))
        and display.root("_NET_SHOWING_DESKTOP") in ("", "0")
    )


def stays_in_front(display: Display, what: str) -> None:
    """In front within two seconds, and still so for the second after."""
    wait_until(lambda: kiosk_in_front(display), 2.0, f"the kiosk back in front after {what}")
    for _ in range(10):
        assert kiosk_in_front(display), f"the kiosk left the front after {what}"
        subprocess.run(["sleep", "0.1"], check=True)


@pytest.fixture
def kiosk_under_openbox(tmp_path: Path) -> Iterator[Display]:
    content = write_test_content(tmp_path / "spa")
    with xvfb() as display, openbox(display):
        kiosk = start_kiosk(display, tmp_path, content)
        try:
            wait_until(lambda: kiosk_in_front(display), 20, "the kiosk in front at start")
            yield display
            kiosk.stop()
        finally:
            kiosk.close()


@pytest.mark.parametrize(
    "keys", ["super+d", "ctrl+alt+Right", "alt+space"]
)
def test_window_manager_shortcuts_do_not_get_a_guest_out(
    kiosk_under_openbox: Display, keys: str
) -> None:
    display = kiosk_under_openbox
    display.run("xdotool", "key", keys)
    stays_in_front(display, keys)
    assert display.root("_NET_CURRENT_DESKTOP") in ("0", "")


def test_the_kiosk_follows_to_another_desktop_and_out_of_minimised(
    kiosk_under_openbox: Display,
) -> None:
    """What no key grab stops (a pager, a script, a second keyboard): it takes itself back."""
    display = kiosk_under_openbox
    display.run("xdotool", "set_desktop", "2")
    stays_in_front(display, "a switch to desktop 3")
    (window,) = display.visible_windows("Spa Kiosk")
    display.run("xdotool", "windowminimize", str(window))
    stays_in_front(display, "being minimised")


def test_on_bare_x_the_kiosk_covers_the_screen(tmp_path: Path) -> None:
    """X with no window manager (docs/kiosk-session.md): full screen all the same."""
    content = write_test_content(tmp_path / "spa")
    with xvfb(1024, 768) as display:
        kiosk = start_kiosk(display, tmp_path, content)
        try:
            wait_until(lambda: kiosk_in_front(display), 20, "the kiosk covering the screen")
            display.run("xdotool", "key", "super+d", "alt+F4", "Escape")
            stays_in_front(display, "keys on bare X")
            output = kiosk.stop()
        finally:
            kiosk.close()
        assert kiosk.returncode == 0, output
