"""Which renderer Qt Quick should use on this machine, and why: the decision, without Qt.

Qt Quick draws with the GPU through OpenGL by default. Where OpenGL is only a software
rasteriser (Mesa's llvmpipe, softpipe or swrast, SwiftShader, Windows' basic render driver),
that costs far more CPU and memory than Qt Quick's own software renderer, which draws straight
into the window's pixels; where there is no usable OpenGL at all, the software renderer is the
only one that works. So the kiosk looks at the machine:

1. `QT_QUICK_BACKEND` set by hand wins over everything (Qt reads it itself).
2. `--renderer software` or `--renderer gpu` (a technician's choice) comes next.
3. `LIBGL_ALWAYS_SOFTWARE` set: Mesa will rasterise in software, so software.
4. No GPU device node (`/dev/dri/renderD*`, `/dev/nvidia*`) on Linux: no OpenGL driver can
   reach a GPU, so software, without asking OpenGL (asking loads Mesa's llvmpipe: ~44 ms
   and ~40 MiB, kept for the life of the process; see docs/performance.md).
5. Otherwise OpenGL's own vendor and renderer strings decide (the probe, kiosk/ui/renderer.py).

The probe and the device listing are passed in, so tests give fakes at that boundary.
"""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass


class Renderer(enum.Enum):
    SOFTWARE = "software"
    """Qt Quick's software scene graph (QT_QUICK_BACKEND=software)."""
    GPU = "gpu"
    """Qt Quick's default: the GPU through its graphics API (OpenGL on Linux)."""


REQUESTS = ("auto", "software", "gpu")
"""What `spa-kiosk run --renderer` accepts."""


@dataclass(frozen=True)
class GlInfo:
    """What OpenGL says about itself (GL_VENDOR, GL_RENDERER, GL_VERSION)."""

    vendor: str
    renderer: str
    version: str = ""


@dataclass(frozen=True)
class RendererChoice:
    """The renderer in use and why, as the log, the staff panel and `status` show it."""

    renderer: Renderer
    reason: str
    """One line for people, e.g. "OpenGL is llvmpipe (software): using Qt's software renderer"."""
    gl: GlInfo | None = None
    """OpenGL's own description, where it was asked."""

    @property
    def software(self) -> bool:
        return self.renderer is Renderer.SOFTWARE

    def as_json(self) -> dict[str, str | None]:
        """For `status` and other reports: plain strings."""
        return {
            "renderer": self.renderer.value,
            "reason": self.reason,
            "gl_vendor": self.gl.vendor if self.gl else None,
            "gl_renderer": self.gl.renderer if self.gl else None,
            "gl_version": self.gl.version if self.gl else None,
        }


SOFTWARE_RASTERISERS = (
    ("llvmpipe", "llvmpipe"),
    ("softpipe", "softpipe"),
    ("swrast", "swrast"),
    ("software rasterizer", "Mesa's software rasteriser"),
    ("swiftshader", "SwiftShader"),
    ("lavapipe", "lavapipe"),
    ("microsoft basic render", "Microsoft Basic Render Driver"),
    ("gdi generic", "GDI Generic"),
    ("apple software renderer", "Apple Software Renderer"),
)
"""Words in GL_RENDERER (lower case) that mean no GPU, and the name the reason gives."""

_SOFTWARE = "using Qt's software renderer"
_GPU = "using the GPU"


def software_rasteriser(gl: GlInfo) -> str | None:
    """The name of the software rasteriser behind `gl`, or None when it is a GPU."""
    text = f"{gl.renderer} {gl.vendor}".lower()
    for word, name in SOFTWARE_RASTERISERS:
        if word in text:
            return name
    return None


def choose(
    requested: str,
    environ: Mapping[str, str],
    gpu_devices: Callable[[], Sequence[str]],
    probe_gl: Callable[[], GlInfo | None],
) -> RendererChoice:
    """The renderer for `requested` ("auto", "software" or "gpu") on this machine.

    `gpu_devices` lists the machine's GPU device nodes (empty: no GPU to use); `probe_gl` asks
    OpenGL (None: no usable OpenGL). Each is called only when needed, cheapest first."""
    if requested not in REQUESTS:
        raise ValueError(f"--renderer must be one of {', '.join(REQUESTS)}, got {requested!r}")
    by_hand = environ.get("QT_QUICK_BACKEND", "")
    if by_hand:
        kind = Renderer.SOFTWARE if by_hand == "software" else Renderer.GPU
        what = _SOFTWARE if kind is Renderer.SOFTWARE else f"Qt Quick's {by_hand!r} backend"
        over = f", over --renderer {requested}" if requested != "auto" else ""
        return RendererChoice(kind, f"QT_QUICK_BACKEND={by_hand} set by hand{over}: {what}")
    if requested == "software":
        return RendererChoice(Renderer.SOFTWARE, f"--renderer software: {_SOFTWARE}")
    if requested == "gpu":
        return RendererChoice(Renderer.GPU, f"--renderer gpu: {_GPU} (Qt Quick on OpenGL)")
    if environ.get("LIBGL_ALWAYS_SOFTWARE", "") not in ("", "0", "false"):
        return RendererChoice(
            Renderer.SOFTWARE, f"LIBGL_ALWAYS_SOFTWARE is set (OpenGL is software): {_SOFTWARE}"
        )
    if not gpu_devices():
        return RendererChoice(
            Renderer.SOFTWARE, f"no GPU device (/dev/dri/renderD*, /dev/nvidia*): {_SOFTWARE}"
        )
    gl = probe_gl()
    if gl is None or not gl.renderer:
        return RendererChoice(Renderer.SOFTWARE, f"no usable OpenGL: {_SOFTWARE}", gl)
    name = software_rasteriser(gl)
    if name is not None:
        return RendererChoice(Renderer.SOFTWARE, f"OpenGL is {name} (software): {_SOFTWARE}", gl)
    return RendererChoice(Renderer.GPU, f"OpenGL is {gl.renderer} ({gl.vendor}): {_GPU}", gl)


def gpu_device_nodes(dev: str = "/dev") -> list[str]:
    """The GPU device nodes an OpenGL driver could use: DRM render nodes, NVIDIA's own.

    Off Linux, where there are no such nodes to look at, a stand-in entry: OpenGL is asked."""
    if not sys.platform.startswith("linux"):
        return ["(not Linux: OpenGL is asked)"]
    nodes = []
    for folder, prefix in ((f"{dev}/dri", "renderD"), (dev, "nvidia")):
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        nodes += [
            f"{folder}/{name}"
            for name in names
            if name.startswith(prefix) and name[len(prefix):].isdigit()
        ]
    return sorted(nodes)
