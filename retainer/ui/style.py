"""The window's look: resources/style/retainer.qss, with its named colours.

The stylesheet names each colour once (``@colour name #rrggbb;``) and uses it as ``@name``;
:func:`sheet` is the stylesheet with the names replaced, :func:`colour` gives the same colours
to what a stylesheet does not reach (list cells, charts, the icon).

The sheet goes on the widgets that have a role (:func:`set_role`), not on the whole
application: an application-wide stylesheet makes Qt draw every other widget (spin boxes,
combo boxes) through its stylesheet style, no longer quite as the system draws them.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtWidgets import QWidget

from retainer.paths import resources_dir

_COLOUR = re.compile(r"^@colour\s+([a-z][a-z0-9-]*)\s+(#[0-9a-fA-F]{6})\s*;.*$", re.MULTILINE)


@cache
def _parsed() -> tuple[str, dict[str, str]]:
    text = (resources_dir() / "style" / "retainer.qss").read_text(encoding="utf-8")
    colours = {name: value for name, value in _COLOUR.findall(text)}
    rules = re.sub(r"/\*.*?\*/", "", _COLOUR.sub("", text), flags=re.DOTALL)
    for name in sorted(colours, key=len, reverse=True):  # chart-green before green
        rules = rules.replace("@" + name, colours[name])
    return rules, colours


def sheet() -> str:
    return _parsed()[0]


def colour(name: str) -> str:
    return _parsed()[1][name]


def set_role(widget: QWidget, role: str) -> None:
    """Give ``widget`` the look the stylesheet has for ``role``, at once if it is shown."""
    if widget.property("role") == role:
        return
    widget.setProperty("role", role)
    if widget.styleSheet() != sheet():
        widget.setStyleSheet(sheet())
    else:  # a new role under the same sheet: Qt looks at the property again on a re-polish
        widget.style().unpolish(widget)
        widget.style().polish(widget)
