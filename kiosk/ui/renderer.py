"""The renderer the kiosk uses on this machine: the OpenGL probe, and the choice put to work.

kiosk/ops/renderer_choice.py decides; this module gives it what Qt knows (OpenGL's own vendor
and renderer strings) and applies the result before the first window is made: Qt Quick reads
`QT_QUICK_BACKEND` when it makes its first window. The variable rather than
`QQuickWindow.setGraphicsApi`: the kiosk leaves out the QtQuick binding (see KioskWindow).
"""

from __future__ import annotations

import logging
import os
import time

from PySide6.QtGui import QOffscreenSurface, QOpenGLContext

from kiosk.ops.renderer_choice import GlInfo, RendererChoice, choose, gpu_device_nodes

log = logging.getLogger("kiosk")
GL_VENDOR, GL_RENDERER, GL_VERSION = 0x1F00, 0x1F01, 0x1F02
_chosen: list[RendererChoice] = []


def probe_gl() -> GlInfo | None:
    """What OpenGL says it is, from a context made for the question and dropped at once; None
    where the platform gives no usable OpenGL. Needs the QGuiApplication.

    Costly where it runs: Mesa loads its driver (llvmpipe with LLVM: ~44 ms, ~40 MiB under
    Xvfb here), which is why it is the last thing the decision asks."""
    context = QOpenGLContext()
    surface = QOffscreenSurface()
    try:
        if not context.create():
            return None
        surface.setFormat(context.format())
        surface.create()
        if not context.makeCurrent(surface):
            return None
        gl = context.functions()
        info = GlInfo(
            gl.glGetString(GL_VENDOR) or "",
            gl.glGetString(GL_RENDERER) or "",
            gl.glGetString(GL_VERSION) or "",
        )
        context.doneCurrent()
        return info
    finally:
        surface.destroy()


def use(requested: str = "auto") -> RendererChoice:
    """Choose the renderer for `requested` ("auto", "software", "gpu"), once per process, put it
    to work and log it. Call with the QGuiApplication made and before any window."""
    if _chosen:
        return _chosen[0]
    started = time.perf_counter()
    choice = choose(requested, os.environ, gpu_device_nodes, probe_gl)
    if choice.software:
        os.environ.setdefault("QT_QUICK_BACKEND", "software")
    took = 1000 * (time.perf_counter() - started)
    log.info("renderer: %s (decided in %.1f ms)", choice.reason, took)
    _chosen.append(choice)
    return choice


def in_use() -> RendererChoice | None:
    """The renderer this process chose (None: it has not chosen, e.g. a test's own app)."""
    return _chosen[0] if _chosen else None
