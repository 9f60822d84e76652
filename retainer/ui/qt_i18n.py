"""Connects the core's tr() to Qt's translators, in the language of the system (or of
RETAINER_LANGUAGE); RETAINER_PSEUDO=1 lengthens every string instead.

The catalogs are ``resources/i18n/retainer_<language>.qm``, built from the Linguist sources
by ``tools/translations.py build``. A checkout that has not built them still speaks its
language: the missing or outdated ones are built with Qt's lrelease into the data folder,
once. Qt's own catalog (the buttons of its standard dialogs) is loaded beside Retainer's.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from retainer import i18n
from retainer.paths import data_dir, resources_dir

log = logging.getLogger(__name__)
LANGUAGES = i18n.LANGUAGES
_installed: list[QTranslator] = []  # kept alive as long as they are installed


def _translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)


def system_language() -> str:
    """The language to speak: the chosen one, else the system's, if Retainer has it."""
    return i18n.system_language(*QLocale.system().uiLanguages())


def catalog(language: str, name: str = "retainer") -> Path | None:
    """The .qm file of ``language``: the built one, or one built now from its .ts. ``name``
    "qt" is the catalog of Qt's own buttons and menus for a language Qt has none for."""
    folder = resources_dir() / "i18n"
    source, built = folder / f"{name}_{language}.ts", folder / f"{name}_{language}.qm"
    # A frozen app carries both, built together; files copied into a bundle lose their order.
    frozen = getattr(sys, "frozen", False)
    if built.exists() and (frozen or not source.exists()
                           or built.stat().st_mtime >= source.stat().st_mtime):
        return built
    if not source.exists():
        return None
    cached = data_dir() / "translations" / built.name
    if cached.exists() and cached.stat().st_mtime >= source.stat().st_mtime:
        return cached
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    program = str(lrelease) if lrelease.exists() else shutil.which("pyside6-lrelease")
    if program is None:
        return None
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([program, "-silent", str(source), "-qm", str(cached)], check=True,
                       capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        log.warning("could not build the %s translation", language, exc_info=True)
        return None
    return cached


def install(language: str | None = None) -> str:
    """Speak ``language`` (default: the system's); returns the language now spoken."""
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    language = language or system_language()
    if os.environ.get("RETAINER_PSEUDO") == "1":
        i18n.install(lambda *args: i18n.pseudo(_translate(*args)), language)
        return language
    if app is not None:
        found = catalog(language)
        qt_base = QTranslator()
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if language != "en" and not qt_base.load(QLocale(language), "qtbase", "_", qt_folder):
            # Qt has no Lithuanian: its buttons and menus (Save, Cancel, Copy…) come from ours.
            ours_of_qt = catalog(language, "qt")
            if ours_of_qt is None or not qt_base.load(str(ours_of_qt)):
                qt_base = None
        if language != "en" and qt_base is not None:
            app.installTranslator(qt_base)
            _installed.append(qt_base)
        ours = QTranslator()
        if found is not None and ours.load(str(found)):
            app.installTranslator(ours)
            _installed.append(ours)
    QLocale.setDefault(QLocale(language))
    i18n.install(_translate, language)
    return language
