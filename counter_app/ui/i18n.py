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
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
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
    qm = TRANSLATIONS_DIR / f"counter_app_{language}.qm"
    if not ours.load(str(qm)):
        log.warning("translation %s is missing; run 'make translations'. Using English.", qm)
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    _language = language
    return True
