"""A press from assistive technology goes through Qt's accessibility layer (the item's
Accessible.onPressAction), not through the screen's taps: it must obey the same hold after a
change of screen as a tap does (TapGuard.qml), and act once the screen takes taps."""

from __future__ import annotations

from kioskkit import Guest
from PySide6.QtGui import QAccessible, QAccessibleActionInterface


def press(guest: Guest, name: str) -> None:
    """What a screen reader's "activate" does: the item's accessible press action."""
    item = guest.item(name)
    interface = QAccessible.queryAccessibleInterface(item)
    assert interface is not None, f"{name} is not accessible"
    actions = interface.actionInterface()
    assert actions is not None, f"{name} has no actions"
    assert QAccessibleActionInterface.pressAction() in actions.actionNames()
    actions.doAction(QAccessibleActionInterface.pressAction())


def test_a_press_just_after_a_change_of_screen_is_held_back(guest: Guest) -> None:
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    guest.wait_settled()
    guest.tap("option_stress")
    guest.tap("nextButton")  # the next question is on screen now, and taps are held back
    assert not guest.settled()
    press(guest, "startOverButton")
    assert guest.controller.screen == "question"

    guest.wait_settled()
    press(guest, "startOverButton")
    assert guest.controller.screen == "attract"


def test_options_are_pressed_and_say_whether_they_are_chosen(guest: Guest) -> None:
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    guest.wait_settled()
    press(guest, "option_sleep")
    assert guest.chosen() == ["sleep"]
    interface = QAccessible.queryAccessibleInterface(guest.item("option_sleep"))
    assert interface.role() == QAccessible.Role.CheckBox
    assert interface.state().checked and interface.state().checkable
    assert interface.text(QAccessible.Text.Name) == "Sleep"
