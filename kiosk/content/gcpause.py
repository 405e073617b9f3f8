"""Hold Python's cycle collector off while a content set is read and checked.

One read of a big set makes and drops tens of thousands of small containers (YAML nodes, key
paths, locations, scores). Counting them, the cycle collector would run a few hundred times per
read (about 45 ms of the bench's large set), each run holding the interpreter lock, also against
the screen when content is reloaded beside it. None of those objects form cycles, so reference
counting frees them anyway. The pause is process-wide, as the collector is; it ends with the
outermost read, and the collector then runs as usual.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_holders = 0
_was_enabled = False


def collection_paused(function: Callable[P, R]) -> Callable[P, R]:
    """Run `function` with the cycle collector off (reentrant, and safe across threads)."""

    @wraps(function)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        global _holders, _was_enabled
        with _lock:
            if _holders == 0:
                _was_enabled = gc.isenabled()
                gc.disable()
            _holders += 1
        try:
            return function(*args, **kwargs)
        finally:
            with _lock:
                _holders -= 1
                if _holders == 0 and _was_enabled:
                    gc.enable()

    return paused
