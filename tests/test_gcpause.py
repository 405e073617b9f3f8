"""The cycle collector is held off while content is read, and comes back as it was."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from contentkit import MakeContent

from kiosk.content.gcpause import collection_paused
from kiosk.content.load import load_content


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_and_back_after_even_on_error() -> None:
    seen = []

    @collection_paused
    def read(fail: bool) -> None:
        seen.append(gc.isenabled())
        if fail:
            raise ValueError("bad file")

    read(False)
    with pytest.raises(ValueError):
        read(True)
    assert seen == [False, False]
    assert gc.isenabled()


def test_nested_and_concurrent_reads_restore_the_collector() -> None:
    started = threading.Event()
    release = threading.Event()

    @collection_paused
    def slow() -> None:
        started.set()
        release.wait(5)

    worker = threading.Thread(target=slow)

    @collection_paused
    def outer() -> bool:
        worker.start()
        started.wait(5)
        return collection_paused(gc.isenabled)()  # nested

    assert outer() is False
    assert not gc.isenabled()  # the read in the other thread is still going
    release.set()
    worker.join(5)
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(make_content: MakeContent) -> None:
    gc.disable()
    assert load_content(make_content()).content is not None
    assert not gc.isenabled()
