"""Loading the UI language: Simplified Chinese by default, English available.

Source strings are English in ``tr()`` calls; ``resources/translations/counter_app_zh_CN.ts``
holds the Chinese, compiled to ``.qm`` by ``make translations`` (pyside6-lrelease). Qt's own
dialog strings come from Qt's bundled translations when present.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
_installed: list[QTranslator] = []


def install_translators(app: QApplication, language: str) -> bool:
    """Install the translators for ``language``; return False if ours could not be loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
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
    return True
