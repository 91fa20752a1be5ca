"""Check the system prerequisites and say exactly what is missing (used by the Makefile).

Before install: a Python new enough to build the environment. After install: that Qt's
libraries load, that the X11 (xcb) platform plugin finds every system library it links
(checked with ``ldd``, so it works without a display, e.g. headless or in CI), and that a
CJK font exists — each time with the Debian/Ubuntu package names to install.

Importing QtWidgets is not enough: the xcb plugin is loaded only when a window opens, and a
missing ``libxcb-icccm4`` then aborts the start ("could not load the Qt platform plugin").
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

# The Debian 12 package of every system library that `ldd` lists for PySide6's xcb platform
# plugin and libQt6XcbQpa (and Qt's GUI, widget and printing libraries), found with `dpkg -S`
# and checked with `apt-cache show`.
SONAME_PACKAGES = {
    "libbrotlicommon.so.1": "libbrotli1",
    "libbrotlidec.so.1": "libbrotli1",
    "libbsd.so.0": "libbsd0",
    "libc.so.6": "libc6",
    "libcap.so.2": "libcap2",
    "libdbus-1.so.3": "libdbus-1-3",
    "libdl.so.2": "libc6",
    "libEGL.so.1": "libegl1",
    "libexpat.so.1": "libexpat1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libgcc_s.so.1": "libgcc-s1",
    "libgcrypt.so.20": "libgcrypt20",
    "libGL.so.1": "libgl1",
    "libGLdispatch.so.0": "libglvnd0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libGLX.so.0": "libglx0",
    "libgpg-error.so.0": "libgpg-error0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "liblz4.so.1": "liblz4-1",
    "liblzma.so.5": "liblzma5",
    "libm.so.6": "libc6",
    "libmd.so.0": "libmd0",
    "libpcre2-8.so.0": "libpcre2-8-0",
    "libpng16.so.16": "libpng16-16",
    "libpthread.so.0": "libc6",
    "libstdc++.so.6": "libstdc++6",
    "libsystemd.so.0": "libsystemd0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libXdmcp.so.6": "libxdmcp6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}
# What a fresh Debian/Ubuntu desktop installs for counter-app (README, .ci/run): the X11, xcb,
# OpenGL and font libraries above that a minimal system may lack (apt adds their own
# dependencies), and a CJK font. Base libraries every system has (zlib, expat …) are left out.
DEBIAN_PACKAGES = (
    "libegl1",
    "libgl1",
    "libglib2.0-0",
    "libfontconfig1",
    "libdbus-1-3",
    "libx11-xcb1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "fonts-wqy-microhei",
)

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$")


def missing_sonames(ldd_output: str) -> list[str]:
    """The sonames that ``ldd`` reports as ``not found``, in order, each once."""
    found: list[str] = []
    for line in ldd_output.splitlines():
        match = _NOT_FOUND.match(line)
        if match and match.group(1) not in found:
            found.append(match.group(1))
    return found


def packages_for(sonames: Iterable[str]) -> tuple[list[str], list[str]]:
    """(Debian packages providing ``sonames``, sonames with no known package), each sorted."""
    packages = {SONAME_PACKAGES[s] for s in sonames if s in SONAME_PACKAGES}
    unknown = {s for s in sonames if s not in SONAME_PACKAGES}
    return sorted(packages), sorted(unknown)


def qt_libraries() -> list[Path]:
    """The xcb platform plugin and the Qt library it loads (libQt6XcbQpa), if installed."""
    import PySide6  # the wheel's own Qt; no QtGui import, so nothing is loaded yet

    qt = Path(PySide6.__file__).resolve().parent / "Qt"
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        return []
    return [plugin, *sorted(qt.glob("lib/libQt6XcbQpa.so*"))[:1]]


def xcb_plugin_problem() -> str | None:
    """Why the xcb platform plugin would not load (missing libraries and their packages)."""
    if not sys.platform.startswith("linux"):
        return None
    libraries = qt_libraries()
    if not libraries:
        return None  # a Qt without the xcb plugin (e.g. a Wayland-only build): nothing to check
    if shutil.which("ldd") is None:
        return None
    missing: list[str] = []
    for library in libraries:
        result = subprocess.run(["ldd", str(library)], capture_output=True, text=True)
        missing += [s for s in missing_sonames(result.stdout) if s not in missing]
    if not missing:
        return None
    packages, unknown = packages_for(missing)
    message = (
        "the Qt X11 platform plugin cannot load: "
        + ", ".join(missing)
        + (" not found" if len(missing) > 1 else " is not found")
    )
    if packages:
        message += f".\nOn Debian/Ubuntu: sudo apt-get install {' '.join(packages)}"
    if unknown:
        message += f"\n(no known package for {', '.join(unknown)}: apt-file search <name>)"
    return message


def fail(message: str) -> None:
    print(f"\nprerequisite missing: {message}\n", file=sys.stderr)
    raise SystemExit(1)


def before_install() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036  (runs on whatever python3 the system has)
        fail(f"Python 3.11 or newer is needed, this is {sys.version.split()[0]}")
    try:
        import ensurepip  # noqa: F401
        import venv  # noqa: F401
    except ImportError:
        fail("the Python venv module (Debian: sudo apt-get install python3-venv)")


def after_install() -> None:
    probe = subprocess.run(
        [sys.executable, "-c", "from PySide6 import QtGui, QtWidgets"],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        last = (probe.stderr.strip().splitlines() or ["unknown error"])[-1]
        fail(
            f"Qt's runtime libraries do not load ({last}).\n"
            f"On Debian/Ubuntu: sudo apt-get install {' '.join(DEBIAN_PACKAGES)}"
        )
    problem = xcb_plugin_problem()
    if problem:
        fail(problem)
    if sys.platform.startswith("linux") and shutil.which("fc-list"):
        fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
        if not fonts.strip():
            fail("no Chinese font.\nOn Debian/Ubuntu: sudo apt-get install fonts-wqy-microhei")


if __name__ == "__main__":
    if "--after-install" in sys.argv:
        after_install()
    elif "--packages" in sys.argv:  # the Debian packages of the desktop runtime, one line
        print(" ".join(DEBIAN_PACKAGES))
    else:
        before_install()
