"""Where Retainer keeps its files. Every location has an environment override."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Retainer"


def data_dir() -> Path:
    override = os.environ.get("RETAINER_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / "retainer.sqlite"


def resources_dir() -> Path:
    """The icons, the stylesheet and the translations (resources/ at the top of the project).

    A frozen app carries them in its bundle; an installed wheel inside the package
    (retainer/resources, mapped in pyproject.toml); a checkout or an editable install beside
    the package. RETAINER_RESOURCES overrides all three.
    """
    override = os.environ.get("RETAINER_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    packaged = Path(__file__).resolve().parent / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"
