"""Check the system prerequisites and say exactly what is missing (used by the Makefile).

Before install: a Python new enough to build the environment. After install: that Qt's
libraries load and a CJK font exists, with the Debian/Ubuntu package names to install.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

DEBIAN_PACKAGES = "libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-wqy-microhei"


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
            f"On Debian/Ubuntu: sudo apt-get install {DEBIAN_PACKAGES}"
        )
    if sys.platform.startswith("linux") and shutil.which("fc-list"):
        fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
        if not fonts.strip():
            fail("no Chinese font.\nOn Debian/Ubuntu: sudo apt-get install fonts-wqy-microhei")


if __name__ == "__main__":
    if "--after-install" in sys.argv:
        after_install()
    else:
        before_install()
