"""The Qt Quick guest app: view-models over the pure layers, and the QML screens.

The pure layers the screens stand on are imported here, before any module of the package imports
PySide6. Once PySide6 is loaded it reads the source of every module imported after it (looking
for its `__feature__` switches). Forgetting one here only costs a little time, never correctness.

The content model and asyncio are not among them: the kiosk needs neither before its
first frame (a start from unchanged content shows it from `kiosk.content.opening`), and loads
them just after it.
"""

import kiosk.content.opening
import kiosk.guest.attract
import kiosk.guest.idle
import kiosk.guest.journey
import kiosk.guest.recommend
import kiosk.ops.instance
import kiosk.ops.logs
import kiosk.ops.staff
import kiosk.ops.status
import kiosk.ops.usage
import kiosk.ui.wording  # noqa: F401
