"""malloc tuning for the kiosk's picture buffers: applied on glibc, harmless everywhere."""

from __future__ import annotations

from kiosk.ops import memory


def test_tune_malloc_applies_on_glibc_only_and_can_be_called_again() -> None:
    applied = memory.tune_malloc()
    assert applied == (memory._glibc() is not None)
    assert memory.tune_malloc() == applied
