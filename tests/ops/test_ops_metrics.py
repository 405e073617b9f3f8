"""`spa-kiosk run --metrics FILE`: node_exporter's textfile format, read back with
prometheus_client's own parser, written whole (temporary file and rename) and readable by the
collector's user."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from kiosk.ops import metrics

STATUS = {
    "version": "0.1.0", "uptime_s": 125.5, "content_folder": '/srv/spa "main"\\\ncontent',
    "content_loaded_unix": 1796166928.5, "content_age_s": 60.0, "showing_default": False,
    "problems": [
        "slides.yaml:3:5: error: slides[0]: unknown field 'titel'",
        "packages.yaml:9:3: warning: packages[1]: no picture",
        "error: the content folder /srv/spa is gone; still showing the last good content",
    ],
    "renderer": "software", "rss_mib": 96.0, "frames": 1234,
    "frame_times": {"buckets": [[b, n] for b, n in zip(metrics.FRAME_BUCKETS,
                                                        [5, 9, 10, 10, 11, 11, 12], strict=True)],
                    "count": 12, "sum": 0.75},
    "last_touch_s": 30.0, "open": True,
    "today": {"journeys_started": 9, "journeys_finished": 6, "consult": 2, "abandoned": 2,
              "slides_shown": 300},
}


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def test_the_file_parses_and_says_what_the_status_says() -> None:
    text = metrics.render(STATUS)
    families = {family.name: family.type for family in text_string_to_metric_families(text)}
    assert families["spa_kiosk_frames"] == "counter"
    assert families["spa_kiosk_frame_interval_seconds"] == "histogram"
    got = samples(text)
    assert got[("spa_kiosk_up", ())] == 1
    assert got[("spa_kiosk_uptime_seconds", ())] == 125.5
    assert got[("spa_kiosk_content_age_seconds", ())] == 60
    assert got[("spa_kiosk_content_problems", (("severity", "error"),))] == 2
    assert got[("spa_kiosk_content_problems", (("severity", "warning"),))] == 1
    assert got[("spa_kiosk_journeys_today", (("outcome", "package"),))] == 4
    assert got[("spa_kiosk_journeys_today", (("outcome", "talk_to_us"),))] == 2
    assert got[("spa_kiosk_journeys_today", (("outcome", "abandoned"),))] == 2
    assert got[("spa_kiosk_journeys_started_today", ())] == 9
    assert got[("spa_kiosk_resident_memory_bytes", ())] == 96 * 2**20
    assert got[("spa_kiosk_frames_total", ())] == 1234
    assert got[("spa_kiosk_frame_interval_seconds_bucket", (("le", "0.1"),))] == 10
    assert got[("spa_kiosk_frame_interval_seconds_bucket", (("le", "+Inf"),))] == 12
    assert got[("spa_kiosk_frame_interval_seconds_count", ())] == 12
    assert got[("spa_kiosk_open", ())] == 1
    info = next(key for key in got if key[0] == "spa_kiosk_info")
    assert dict(info[1])["content_folder"] == STATUS["content_folder"]  # escaped, read back


def test_a_stopped_kiosk_and_missing_facts() -> None:
    got = samples(metrics.render({"problems": []}, up=False))
    assert got[("spa_kiosk_up", ())] == 0
    assert ("spa_kiosk_content_age_seconds", ()) not in got  # unknown: left out, not 0
    assert ("spa_kiosk_last_touch_seconds", ()) not in got


def test_written_whole_by_rename_and_readable_by_the_collector(tmp_path: Path) -> None:
    (tmp_path / "textfile").mkdir()
    target = tmp_path / "textfile" / "spa_kiosk.prom"
    target.write_text("old\n")
    before = target.stat().st_ino
    old_umask = os.umask(0o077)  # as under the kiosk's systemd unit
    try:
        assert metrics.MetricsFile(target).write(STATUS)
    finally:
        os.umask(old_umask)
    assert target.stat().st_ino != before  # a new file renamed over the old one
    assert target.stat().st_mode & 0o777 == 0o644
    assert samples(target.read_text())[("spa_kiosk_up", ())] == 1
    assert sorted(path.name for path in target.parent.iterdir()) == ["spa_kiosk.prom"]


def test_a_failed_write_leaves_no_temporary_file_and_warns_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "textfile").mkdir()
    target = tmp_path / "textfile" / "spa_kiosk.prom"
    target.mkdir()  # cannot be replaced by a file
    file = metrics.MetricsFile(target)
    with caplog.at_level(logging.INFO, "kiosk.metrics"):
        assert not file.write(STATUS)
        assert not file.write(STATUS)
        target.rmdir()
        assert file.write(STATUS)
    assert [record.levelname for record in caplog.records] == ["WARNING", "INFO"]
    assert sorted(path.name for path in target.parent.iterdir()) == ["spa_kiosk.prom"]


def test_where_the_file_is(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(metrics.ENV_METRICS, raising=False)
    assert metrics.metrics_path(None) is None
    monkeypatch.setenv(metrics.ENV_METRICS, str(tmp_path / "a.prom"))
    assert metrics.metrics_path(None) == tmp_path / "a.prom"
    assert metrics.metrics_path(str(tmp_path / "b.prom")) == tmp_path / "b.prom"
