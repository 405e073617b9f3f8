"""The Qt Quick guest app: view-models over the pure layers, and the QML screens.

Every module here uses PySide6, so it is imported here first, and shiboken's layer over Python's
import statement taken off at once (`kiosk.ops.bindings.plain_imports`): it would read the source
of each module named by an import statement after it, ~13 ms on the way to the first frame.

The content model, the guest's journey (attract loop, questions, suggestion, idle watch) and
asyncio are imported just after the first frame: a start from unchanged content shows it from
`kiosk.content.opening`.
"""

import PySide6.QtCore  # noqa: F401

from kiosk.ops.bindings import plain_imports

plain_imports()
