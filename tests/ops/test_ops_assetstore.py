"""The kiosk's content-addressed copies of the pictures it shows (kiosk/ops/assetstore.py)."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from kiosk.content.assets import MAX_ASSET_BYTES
from kiosk.ops import assetstore


def test_a_copy_is_named_by_its_bytes_and_made_once(tmp_path: Path) -> None:
    store = tmp_path / "store"
    picture = tmp_path / "Photo.PNG"
    picture.write_bytes(b"picture one")
    copy = assetstore.keep(picture, store)
    assert copy == store / (hashlib.sha256(b"picture one").hexdigest() + ".png")
    assert copy.read_bytes() == b"picture one"
    (tmp_path / "again.png").write_bytes(b"picture one")
    assert assetstore.keep(tmp_path / "again.png", store) == copy
    picture.write_bytes(b"picture two")  # replaced under the same name: a new copy
    assert assetstore.keep(picture, store) != copy
    assert sorted(p.name.startswith(".part-") for p in store.iterdir()) == [False, False]


def test_a_named_pipe_or_a_folder_is_not_copied_and_nothing_waits(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.png")
    (tmp_path / "folder.png").mkdir()
    for name in ("pipe.png", "folder.png"):
        with pytest.raises(assetstore.NotCopied, match="not a regular file"):
            assetstore.keep(tmp_path / name, tmp_path / "store")
    assert not list((tmp_path / "store").glob("*"))


def test_a_file_too_large_is_not_copied(tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    with big.open("wb") as stream:
        stream.truncate(MAX_ASSET_BYTES + 1)
    with pytest.raises(assetstore.NotCopied, match="too large"):
        assetstore.keep(big, tmp_path / "store")


def test_copies_no_set_uses_are_dropped_once_old(tmp_path: Path) -> None:
    store = tmp_path / "store"
    used, unused, new = (tmp_path / name for name in ("used.png", "unused.png", "new.png"))
    for path in (used, unused, new):
        path.write_bytes(path.name.encode())
    copies = {path.name: assetstore.keep(path, store) for path in (used, unused, new)}
    hour_ago = time.time() - 3600
    for name in ("used.png", "unused.png"):
        os.utime(copies[name], (hour_ago, hour_ago))
    assert assetstore.drop_unused(store, {copies["used.png"]}) == 1
    assert sorted(p.name for p in store.iterdir()) == sorted(
        copies[name].name for name in ("used.png", "new.png")  # new: perhaps not handed over yet
    )
    assetstore.keep(used, store)  # found again by a check: in use again, not old
    assert assetstore.drop_unused(store, set()) == 0
    assert assetstore.drop_unused(tmp_path / "nowhere", set()) == 0  # never raises


def test_the_store_is_in_the_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPA_KIOSK_DATA_DIR", str(tmp_path / "data"))
    assert assetstore.store_dir() == tmp_path / "data" / assetstore.FOLDER
