"""Translation hook shared by the core and the UI.

The core must not import Qt, yet its messages (validation errors, status reasons) are shown
to the user. Every user-visible string goes through ``tr``; the UI installs Qt's translator
at start-up with :func:`install`, the command line keeps the identity.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    return text


_translate: Translator = _identity


def install(translate: Translator) -> None:
    global _translate
    _translate = translate


def tr(text: str, context: str = "Retainer") -> str:
    return _translate(context, text)


def pseudo(text: str) -> str:
    """Pseudo-locale: about 40 % longer, so truncated layouts show up in screenshots."""
    if not text:
        return text
    pad = max(2, len(text) * 2 // 5)
    return "[" + text + "~" * pad + "]"
