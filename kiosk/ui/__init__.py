"""The Qt Quick guest app: view-models over the pure layers, and the QML screens.

The pure layers the screens stand on are imported here, before any module of the package imports
PySide6. Once PySide6 is loaded it reads the source of every module imported after it (looking
for its `__feature__` switches). Forgetting one here only costs a little time, never correctness.

The content model, the guest's journey (attract loop, questions, suggestion, idle watch) and
asyncio are not among them: the kiosk needs none of them before its first frame (a start from
unchanged content shows it from `kiosk.content.opening`), and loads them just after it, which
costs more then (~1.7x) but keeps them off the way to the first frame.
"""

import kiosk.content.opening
import kiosk.ops.instance
import kiosk.ops.logs
import kiosk.ops.staff
import kiosk.ops.status
import kiosk.ops.usage
import kiosk.ui.wording  # noqa: F401
