"""Loading the UI language: Simplified Chinese by default, English available.

Source strings are English in ``tr()`` calls; ``resources/translations/counter_app_zh_CN.ts``
holds the Chinese, compiled to ``.qm`` by ``make translations`` (pyside6-lrelease). Qt's own
dialog strings come from Qt's bundled translations when present.

Labels that come from data rather than code — queue category names written in the ``[queue]``
table, for instance — cannot go through ``tr()``; they carry one form per language and the
screens pick one with ``current_language()``/``localized()``. The English UI loads no ``.qm``
at all, so a Chinese literal in code would show unchanged there: every label needs both forms.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import platformdirs
import PySide6
from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from counter_app.ui.early_config import APP_NAME

log = logging.getLogger(__name__)


def _translations_dir() -> Path:
    """``counter_app/_data/translations`` in a wheel or a frozen bundle (copied there from
    ``resources/translations`` at build time), else ``resources/translations`` of the checkout."""
    packaged = Path(str(resources.files("counter_app") / "_data" / "translations"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources" / "translations"


def _qm_file(language: str) -> Path:
    """The compiled translation for ``language``.

    ``make translations`` builds the ``.qm`` (it is not kept in version control) and a wheel
    or bundle carries it. When a package was built without it, the ``.ts`` source it also
    carries is compiled once with PySide6's ``lrelease`` into the user cache folder.
    """
    qm = TRANSLATIONS_DIR / f"counter_app_{language}.qm"
    ts = qm.with_suffix(".ts")
    if qm.is_file() or not ts.is_file():
        return qm
    cached = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / qm.name
    if cached.is_file() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    tool = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
    lrelease = str(tool) if tool.is_file() else shutil.which("pyside6-lrelease")
    if lrelease is None:
        return qm
    cached.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(cached)], check=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not compile %s: %s", ts, exc)
        return qm
    return cached


TRANSLATIONS_DIR = _translations_dir()
DEFAULT_LANGUAGE = "en"  # what tr() shows when no translator is installed
_installed: list[QTranslator] = []
_language = DEFAULT_LANGUAGE


def current_language() -> str:
    """The language the UI speaks now: ``"zh_CN"`` once its translation is loaded, else ``"en"``."""
    return _language


def localized(forms: Mapping[str, str], fallback: str = "") -> str:
    """The form of a data label for the current language (``{"zh_CN": …, "en": …}``).

    A missing form falls back to English, then to any form, then to ``fallback``.
    """
    for language in (_language, "en"):
        text = forms.get(language)
        if text:
            return text
    return next((text for text in forms.values() if text), fallback)


def install_translators(app: QApplication, language: str) -> bool:
    """Install the translators for ``language``; return False if ours could not be loaded."""
    global _language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language = DEFAULT_LANGUAGE
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_translator = QTranslator(app)
    if qt_translator.load(
        "qtbase_" + language, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    ours = QTranslator(app)
    qm = _qm_file(language)
    if not ours.load(str(qm)):
        log.warning("translation %s is missing; run 'make translations'. Using English.", qm)
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    _language = language
    return True
