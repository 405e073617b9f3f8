"""The view-models QML binds to are thin and typed: one per screen, values QML tooling can read."""

from __future__ import annotations

from kioskkit import Guest
from PySide6.QtCore import QObject

# Plain maps on purpose: the slide (the cross-fade keeps a copy of the one going off screen)
# and the kiosk's own phrases by key.
PLAIN_MAPS = {"slide", "words"}


def own_properties(model: QObject) -> dict[str, str]:
    meta = model.metaObject()
    found = (meta.property(i) for i in range(meta.propertyOffset(), meta.propertyCount()))
    return {str(p.name()): str(p.typeName()) for p in found}


def test_each_screen_has_its_own_model_and_no_untyped_maps(guest: Guest) -> None:
    controller = guest.controller
    screens = controller.screens
    models = [controller, screens.attract, screens.questions, screens.result, screens.idle]
    for model in models:
        for name, kind in own_properties(model).items():
            assert kind != "QVariantMap" or name in PLAIN_MAPS, (type(model).__name__, name)
    guest.tap("tapToBegin")
    question = screens.questions.property("question")
    assert question.property("prompt") == guest.text("questionPrompt")
    option = question.property("options")[0]
    assert {"id", "label", "icon", "exclusive"} <= set(own_properties(option))
    assert question.property("progress") == guest.text("progressText")
