"""The installer's prerequisite check: ldd output → missing libraries → Debian packages.

The parser is tested on canned ``ldd`` output (a fresh Debian machine without
libxcb-icccm4 and libxcb-keysyms1); the table is checked against what the xcb plugin of the
installed PySide6 really links, and the README and CI against the package list.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_check() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "check_prereqs", ROOT / "installer" / "check_prereqs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check = load_check()

FRESH_DEBIAN_LDD = """\
\tlinux-vdso.so.1 (0x00007ffd0b5f8000)
\tlibQt6XcbQpa.so.6 => /opt/venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f1c2a000000)
\tlibxkbcommon-x11.so.0 => /lib/x86_64-linux-gnu/libxkbcommon-x11.so.0 (0x00007f1c29ff0000)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f1c29fe0000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007f1c29fd0000)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-image.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f1c29c00000)
\t/lib64/ld-linux-x86-64.so.2 (0x00007f1c2a2b0000)
"""


def test_missing_libraries_are_read_from_ldd_output_each_once() -> None:
    assert check.missing_sonames(FRESH_DEBIAN_LDD) == [
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
        "libxcb-image.so.0",
    ]
    assert check.missing_sonames("\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x1)\n") == []


def test_missing_libraries_map_to_their_debian_packages() -> None:
    packages, unknown = check.packages_for(
        ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0", "libfoo.so.9"]
    )
    assert packages == ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"]
    assert unknown == ["libfoo.so.9"]
    assert check.SONAME_PACKAGES["libX11-xcb.so.1"] == "libx11-xcb1"
    assert check.SONAME_PACKAGES["libxkbcommon-x11.so.0"] == "libxkbcommon-x11-0"


def test_the_message_names_the_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check.sys, "platform", "linux")
    monkeypatch.setattr(check, "qt_libraries", lambda: [Path("libqxcb.so")])
    monkeypatch.setattr(check.shutil, "which", lambda name: "/usr/bin/ldd")
    monkeypatch.setattr(
        check.subprocess,
        "run",
        lambda *a, **k: subprocess.CompletedProcess(a, 0, FRESH_DEBIAN_LDD, ""),
    )
    problem = check.xcb_plugin_problem()
    assert problem is not None
    assert "libxcb-icccm.so.4" in problem
    assert "sudo apt-get install libxcb-icccm4 libxcb-image0 libxcb-keysyms1" in problem
    with pytest.raises(SystemExit):
        check.fail(problem)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd and xcb are Linux only")
def test_every_library_the_xcb_plugin_links_has_a_known_package() -> None:
    """When PySide6 is upgraded and links something new, the table must learn its package."""
    if shutil.which("ldd") is None:
        pytest.skip("ldd is not available")
    libraries = check.qt_libraries()
    if not libraries:
        pytest.skip("this PySide6 has no xcb platform plugin")
    qt = str(libraries[0].parents[2])
    unknown = set()
    for library in libraries:
        output = subprocess.run(["ldd", str(library)], capture_output=True, text=True).stdout
        for line in output.splitlines():
            if "=>" not in line:
                continue  # the vDSO and the dynamic loader
            soname, target = (part.strip() for part in line.split("=>", 1))
            if target.startswith(qt):
                continue  # Qt's own libraries, inside the wheel
            if soname not in check.SONAME_PACKAGES:
                unknown.add(soname)
    assert not unknown, f"add the Debian package of {sorted(unknown)} to SONAME_PACKAGES"


def test_readme_and_ci_install_every_package() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for package in (*check.DEBIAN_PACKAGES, "xvfb"):
        assert package in ci, f".ci/run does not install {package}"
    for package in check.DEBIAN_PACKAGES:
        assert package in readme, f"README.md does not list {package}"
