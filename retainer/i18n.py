"""Translation hook shared by the core, the window and the command line.

The core must not import Qt, yet its messages (validation errors, status reasons) are shown
to the user. Every user-visible string goes through ``tr``; the window installs Qt's
translator at start-up (``retainer.ui.qt_i18n``), the command line installs the same
catalogs read here without Qt (:func:`speak`).

The strings are extracted with Qt's own ``lupdate`` (``tools/translations.py``), which reads
a bare ``tr("…")`` as a message of the empty context, its second argument as the
disambiguation and a third as the number of a plural ("%Ln customers"); strings kept in
tables and translated later are marked with :func:`QT_TR_NOOP`.

Plurals take Qt's numerus rules for each language (:func:`plural_form`): English has two
forms, Russian and Lithuanian three (1 клиент / 2 клиента / 5 клиентов; 1 klientas /
2 klientai / 10 klientų). ``%Ln`` is the number grouped the language's way (1 234 in Russian
and Lithuanian, 1,234 in English), ``%n`` the bare number.
"""

from __future__ import annotations

import locale
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from retainer.paths import resources_dir

# (context, source, disambiguation, n) -> text, as QCoreApplication.translate takes them.
Translator = Callable[[str, str, "str | None", int], str]
CONTEXT = ""  # the context lupdate gives a bare tr() call
LANGUAGES = ("en", "ru", "lt")
LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "lt": "Lietuvių"}
# Thousands are grouped with a no-break space in Russian and Lithuanian, as Qt's locales do.
GROUP = {"en": ",", "ru": "\u00a0", "lt": "\u00a0"}
_spoken = "en"


def plural_form(language: str, n: int) -> int:
    """Which of the language's plural forms ``n`` takes, numbered as in Qt's catalogs."""
    n = abs(n)
    if language == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return 0
        return 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2
    if language == "lt":
        if n % 10 == 1 and n % 100 != 11:
            return 0
        return 1 if n % 10 >= 2 and not 10 <= n % 100 < 20 else 2
    return 0 if n == 1 else 1


def grouped(n: int, language: str | None = None) -> str:
    """``n`` with its thousands grouped the language's way."""
    return f"{n:,}".replace(",", GROUP.get(language or _spoken, ","))


def decimal(value: float, digits: int = 1, language: str | None = None) -> str:
    """A fraction the language's way: 1,234.5 in English, 1 234,5 in Russian and Lithuanian."""
    text = f"{value:,.{digits}f}"
    if (language or _spoken) == "en":
        return text
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", GROUP[language or _spoken])


def percent(value: float, digits: int = 0, language: str | None = None) -> str:
    """A share (0.125) as the language writes it: 12.5% in English, 12,5 % in Russian."""
    number = decimal(value * 100, digits, language)
    return number + ("%" if (language or _spoken) == "en" else "\u00a0%")


def _number(text: str, n: int, language: str) -> str:
    return text.replace("%Ln", grouped(n, language)).replace("%n", str(n)) if n >= 0 else text


def _identity(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return _number(text, n, "en")


_translate: Translator = _identity


def install(translate: Translator, language: str = "en") -> None:
    global _translate, _spoken
    _translate, _spoken = translate, language


def spoken() -> str:
    """The language ``tr`` speaks now."""
    return _spoken


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the user's language. ``disambiguation`` tells two meanings of the same
    English apart ("Date" of a purchase, "Date" of a call); with ``n`` the text is a plural
    whose "%Ln" becomes the number, in the language's own forms."""
    return _translate(CONTEXT, text, disambiguation, n)


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks a string kept in a table for translation; ``tr`` translates it when shown."""
    return text


def pseudo(text: str) -> str:
    """Pseudo-locale: about 40 % longer, so truncated layouts show up in screenshots."""
    if not text:
        return text
    pad = max(2, len(text) * 2 // 5)
    return "[" + text + "~" * pad + "]"


# -- the catalogs without Qt ------------------------------------------------------------------

Message = tuple[str, "str | None"]  # (source, disambiguation)


def catalog_source(language: str) -> Path:
    """The Linguist source of ``language``: resources/i18n/retainer_<language>.ts."""
    return resources_dir() / "i18n" / f"retainer_{language}.ts"


def read_catalog(path: Path) -> dict[Message, str | tuple[str, ...]]:
    """The translations of a .ts, as lrelease takes them: every non-empty translation, a
    tuple of forms for a plural; obsolete and vanished messages left out."""
    found: dict[Message, str | tuple[str, ...]] = {}
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("obsolete", "vanished"):
            continue
        key = (message.findtext("source") or "", message.findtext("comment") or None)
        if message.get("numerus") == "yes":
            forms = tuple(f.text or "" for f in translation.iter("numerusform"))
            if any(forms):
                found[key] = forms
        elif translation.text:
            found[key] = translation.text
    return found


_read: dict[str, dict[Message, str | tuple[str, ...]]] = {}


def catalog_of(language: str) -> dict[Message, str | tuple[str, ...]]:
    """The translations of ``language``, read once."""
    if language not in _read:
        source = catalog_source(language)
        try:
            _read[language] = read_catalog(source) if source.exists() else {}
        except (OSError, ET.ParseError):
            _read[language] = {}
    return _read[language]


def in_every_language(text: str, disambiguation: str | None = None) -> set[str]:
    """``text`` and its translation in each of Retainer's languages, to read a word back
    whatever language wrote it (an export made in Russian, imported in English)."""
    found = {text}
    for language in LANGUAGES:
        word = catalog_of(language).get((text, disambiguation or None))
        if isinstance(word, str):
            found.add(word)
    return found


def catalog_translator(language: str, messages: dict[Message, str | tuple[str, ...]]) -> Translator:
    def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        found = messages.get((text, disambiguation or None), text)
        if isinstance(found, tuple):
            form = plural_form(language, n)
            found = found[form] if form < len(found) and found[form] else found[0] or text
        return _number(found, n, language)

    return translate


def chosen_language() -> str | None:
    """The language asked for: RETAINER_LANGUAGE, else the one chosen in Settings."""
    from retainer import preferences

    for wanted in (os.environ.get("RETAINER_LANGUAGE"), preferences.load().get("language")):
        if language_of(wanted):
            return language_of(wanted)
    return None


def system_language(*system: str | None) -> str:
    """The language to speak, if Retainer speaks it, else English: the chosen one, then the
    ``system`` names a front end knows (Qt's UI languages), then LC_ALL / LC_MESSAGES / LANG,
    then the system locale ("ru_RU", or Windows' "Russian_Russia")."""
    candidates = [chosen_language(), *system, os.environ.get("LC_ALL"),
                  os.environ.get("LC_MESSAGES"), os.environ.get("LANG")]
    try:
        candidates.append(locale.getlocale()[0])
    except ValueError:
        pass
    return next((lang for lang in map(language_of, candidates) if lang), "en")


def language_of(name: str | None) -> str | None:
    """"ru_RU.UTF-8" / "Russian_Russia" / "lt" -> the language Retainer speaks, or None."""
    if not name or name in ("C", "POSIX"):
        return None
    head = name.split(".")[0].replace("-", "_").split("_")[0].lower()
    head = {"russian": "ru", "lithuanian": "lt", "english": "en"}.get(head, head)
    return head if head in LANGUAGES else None


def speak(language: str | None = None) -> str:
    """Install the catalog of ``language`` (default: the user's) for a front end without Qt;
    returns the language now spoken."""
    language = language or system_language()
    install(catalog_translator(language, catalog_of(language)), language)
    return language
