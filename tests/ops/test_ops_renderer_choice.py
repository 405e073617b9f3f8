"""The renderer decision: overrides, cheap machine facts, then OpenGL's own strings (faked here;
tests/ui/test_renderer.py runs the real probe)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from kiosk import cli
from kiosk.ops.renderer_choice import (
    REQUESTS,
    GlInfo,
    Renderer,
    RendererChoice,
    choose,
    gpu_device_nodes,
)

LLVMPIPE = GlInfo("Mesa/X.org", "llvmpipe (LLVM 15.0.6, 256 bits)", "4.5 Mesa 22.3.6")
INTEL = GlInfo("Intel", "Mesa Intel(R) UHD Graphics 620 (KBL GT2)", "4.6 Mesa 23.2.1")
RENDER_NODE = ["/dev/dri/renderD128"]


class Machine:
    """Fakes at the probe's boundary; counts what the decision asked."""

    def __init__(self, devices: Sequence[str] = RENDER_NODE, gl: GlInfo | None = INTEL) -> None:
        self.devices = list(devices)
        self.gl = gl
        self.asked: list[str] = []

    def gpu_devices(self) -> list[str]:
        self.asked.append("devices")
        return self.devices

    def probe_gl(self) -> GlInfo | None:
        self.asked.append("gl")
        return self.gl

    def choose(self, requested: str = "auto", **environ: str) -> RendererChoice:
        return choose(requested, environ, self.gpu_devices, self.probe_gl)


def test_llvmpipe_means_the_software_renderer_and_says_why() -> None:
    machine = Machine(gl=LLVMPIPE)
    choice = machine.choose()
    assert choice.renderer is Renderer.SOFTWARE and choice.software
    assert choice.reason == "OpenGL is llvmpipe (software): using Qt's software renderer"
    assert choice.gl == LLVMPIPE
    assert machine.asked == ["devices", "gl"]
    assert choice.as_json() == {
        "renderer": "software", "reason": choice.reason, "gl_vendor": "Mesa/X.org",
        "gl_renderer": "llvmpipe (LLVM 15.0.6, 256 bits)", "gl_version": "4.5 Mesa 22.3.6",
    }


@pytest.mark.parametrize(
    ("vendor", "renderer", "name"),
    [
        ("Mesa", "softpipe", "softpipe"),
        ("Mesa Project", "Software Rasterizer", "Mesa's software rasteriser"),
        ("Mesa", "swrast", "swrast"),
        ("Google Inc.", "Google SwiftShader", "SwiftShader"),
        ("Google Inc.", "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device))", "SwiftShader"),
        ("Microsoft Corporation", "Microsoft Basic Render Driver", "Microsoft Basic Render Driver"),
        ("Microsoft Corporation", "GDI Generic", "GDI Generic"),
        ("VMware, Inc.", "LLVMPIPE (LLVM 12.0.0, 256 bits)", "llvmpipe"),
    ],
)
def test_every_software_rasteriser_means_the_software_renderer(
    vendor: str, renderer: str, name: str
) -> None:
    choice = Machine(gl=GlInfo(vendor, renderer)).choose()
    assert choice.renderer is Renderer.SOFTWARE
    assert choice.reason.startswith(f"OpenGL is {name} (software):")


@pytest.mark.parametrize(
    "gl",
    [
        INTEL,
        GlInfo("AMD", "AMD Radeon Graphics (radeonsi, renoir, LLVM 15.0.7, DRM 3.49)"),
        GlInfo("NVIDIA Corporation", "NVIDIA GeForce GT 1030/PCIe/SSE2"),
        GlInfo("Broadcom", "V3D 4.2"),
        GlInfo("Mesa", "virgl (Intel(R) UHD Graphics 620)"),  # a VM drawing on the host's GPU
    ],
)
def test_a_real_gpu_is_used(gl: GlInfo) -> None:
    choice = Machine(gl=gl).choose()
    assert choice.renderer is Renderer.GPU
    assert choice.reason == f"OpenGL is {gl.renderer} ({gl.vendor}): using the GPU"


def test_no_usable_opengl_means_the_software_renderer() -> None:
    for gl in (None, GlInfo("", "")):
        choice = Machine(gl=gl).choose()
        assert choice.renderer is Renderer.SOFTWARE
        assert choice.reason == "no usable OpenGL: using Qt's software renderer"


def test_without_a_gpu_device_opengl_is_not_even_asked() -> None:
    """Asking OpenGL loads Mesa's llvmpipe (tens of ms, tens of MiB): not where no GPU exists."""
    machine = Machine(devices=[])
    choice = machine.choose()
    assert choice.renderer is Renderer.SOFTWARE
    assert choice.reason.startswith("no GPU device (/dev/dri/renderD*")
    assert machine.asked == ["devices"]


def test_libgl_always_software_means_software_without_asking() -> None:
    machine = Machine()
    assert machine.choose(LIBGL_ALWAYS_SOFTWARE="1").renderer is Renderer.SOFTWARE
    assert machine.asked == []
    assert Machine().choose(LIBGL_ALWAYS_SOFTWARE="0").renderer is Renderer.GPU


def test_the_technician_can_force_either_without_any_probe() -> None:
    machine = Machine(gl=LLVMPIPE)
    gpu = machine.choose("gpu")
    assert gpu.renderer is Renderer.GPU and gpu.reason.startswith("--renderer gpu:")
    machine = Machine(gl=INTEL)
    software = machine.choose("software")
    assert software.renderer is Renderer.SOFTWARE
    assert software.reason == "--renderer software: using Qt's software renderer"
    assert machine.asked == []


def test_qt_quick_backend_set_by_hand_wins_over_everything() -> None:
    machine = Machine(gl=INTEL)
    choice = machine.choose("gpu", QT_QUICK_BACKEND="software")
    assert choice.renderer is Renderer.SOFTWARE
    assert choice.reason == (
        "QT_QUICK_BACKEND=software set by hand, over --renderer gpu: "
        "using Qt's software renderer"
    )
    other = machine.choose("software", QT_QUICK_BACKEND="rhi")
    assert other.renderer is Renderer.GPU and "'rhi'" in other.reason
    assert machine.asked == []
    assert machine.choose(QT_QUICK_BACKEND="").renderer is Renderer.GPU  # empty: not set


def test_an_unknown_request_is_refused() -> None:
    with pytest.raises(ValueError, match="auto, software, gpu"):
        Machine().choose("vulkan")


def test_the_command_line_offers_exactly_the_requests() -> None:
    args = cli.parse(["run"])
    assert args.renderer == "auto"
    for request in REQUESTS:
        assert cli.parse(["run", "--renderer", request]).renderer == request
        assert cli.parse(["--renderer", request]).renderer == request
    with pytest.raises(SystemExit):
        cli.parse(["run", "--renderer", "vulkan"])


def test_gpu_device_nodes_are_render_nodes_and_nvidias(tmp_path: Path) -> None:
    (tmp_path / "dri").mkdir()
    (tmp_path / "dri" / "card0").touch()  # a display only (simpledrm, bochs): no 3D
    assert gpu_device_nodes(str(tmp_path)) == []
    (tmp_path / "dri" / "renderD128").touch()
    (tmp_path / "nvidia0").touch()
    (tmp_path / "nvidiactl").touch()
    assert gpu_device_nodes(str(tmp_path)) == [
        f"{tmp_path}/dri/renderD128", f"{tmp_path}/nvidia0"
    ]
