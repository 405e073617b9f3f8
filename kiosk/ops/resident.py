"""Resident memory of this process, now and at its peak, on Linux, Windows and macOS: what the
bench reports for the kiosk it runs, and `spa-kiosk soak` samples over simulated days."""

from __future__ import annotations

import ctypes
import os
import sys

if sys.platform == "win32":
    from ctypes import wintypes
else:
    import resource


def rss_mib() -> float:
    """Resident memory of this process now."""
    if sys.platform.startswith("linux"):
        with open("/proc/self/statm", "rb") as stream:
            pages = int(stream.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    if sys.platform == "win32":
        return _windows_memory()[0]
    return peak_rss_mib()


def peak_rss_mib() -> float:
    """The most resident memory this process has used so far."""
    if sys.platform == "win32":
        return _windows_memory()[1]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


if sys.platform == "win32":

    class _Counters(ctypes.Structure):
        """PROCESS_MEMORY_COUNTERS of the Windows API (psapi.h)."""

        _fields_ = [
            ("cb", wintypes.DWORD),
            ("PageFaultCount", wintypes.DWORD),
            ("PeakWorkingSetSize", ctypes.c_size_t),
            ("WorkingSetSize", ctypes.c_size_t),
            ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
            ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
            ("PagefileUsage", ctypes.c_size_t),
            ("PeakPagefileUsage", ctypes.c_size_t),
        ]

    def _windows_memory() -> tuple[float, float]:
        """The working set now and at its peak, in MiB (Windows)."""
        counters = _Counters()
        counters.cb = ctypes.sizeof(counters)
        windll = ctypes.windll  # type: ignore[attr-defined]
        process = windll.kernel32.GetCurrentProcess()
        windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb)
        return counters.WorkingSetSize / 2**20, counters.PeakWorkingSetSize / 2**20
