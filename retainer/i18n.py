"""Translation hook shared by the core and the UI.

The core must not import Qt, yet its messages (validation errors, status reasons) are shown
to the user. Every user-visible string goes through ``tr``; the UI installs Qt's translator
at start-up with :func:`install`, the command line keeps the identity.

The strings are extracted with Qt's own ``lupdate`` (``tools/translations.py``), which reads
a bare ``tr("…")`` as a message of the empty context, its second argument as the
disambiguation and a third as the number of a plural ("%n customers"); strings kept in
tables and translated later are marked with :func:`QT_TR_NOOP`.
"""

from __future__ import annotations

from collections.abc import Callable

# (context, source, disambiguation, n) -> text, as QCoreApplication.translate takes them.
Translator = Callable[[str, str, "str | None", int], str]
CONTEXT = ""  # the context lupdate gives a bare tr() call


def _identity(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return text.replace("%n", str(n)) if n >= 0 else text


_translate: Translator = _identity


def install(translate: Translator) -> None:
    global _translate
    _translate = translate


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the window's language. ``disambiguation`` tells two meanings of the same
    English apart ("Date" of a purchase, "Date" of a call); with ``n`` the text is a plural
    whose "%n" becomes the number, in the language's own forms (1 клиент, 2 клиента, 5
    клиентов)."""
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
