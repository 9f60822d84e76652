"""Connects the core's tr() to Qt's translators; RETAINER_PSEUDO=1 lengthens every string."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication

from retainer import i18n


def install() -> None:
    if os.environ.get("RETAINER_PSEUDO") == "1":
        i18n.install(lambda ctx, text: i18n.pseudo(QCoreApplication.translate(ctx, text)))
    else:
        i18n.install(QCoreApplication.translate)
