"""Every string the UI passes through tr()/translate() has a Simplified Chinese translation."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "counter_app_zh_CN.ts"


def _lupdate() -> str:
    found = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    if not Path(found).exists():
        pytest.skip("pyside6-lupdate is not installed")
    return found


def test_no_ui_string_is_left_untranslated(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "counter_app" / "ui").rglob("*.py"))
    subprocess.run(
        [_lupdate(), "-no-obsolete", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    unfinished = []
    for context in ET.parse(copy).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") == "unfinished" or not (translation.text or "").strip():
                unfinished.append(f"{context.findtext('name')}: {message.findtext('source')}")
    assert unfinished == [], "run 'make i18n-update' and translate:\n" + "\n".join(unfinished)
