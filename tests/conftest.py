import os
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402 - after QT_QPA_PLATFORM is set, before Qt can load

# tests/display runs on a real X display in a process of its own, started by
# tests/ui/test_real_display.py; the offscreen run leaves it to that one test.
if os.environ.get("QT_QPA_PLATFORM") != "xcb":
    collect_ignore = ["display"]

from retainer.services import Retainer, open_retainer  # noqa: E402 - after QT_QPA_PLATFORM is set

NOW = datetime(2026, 6, 15, 12, 0, 0)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    """No test touches the real user data folder or a RETAINER_DB from the environment."""
    monkeypatch.setenv("RETAINER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("RETAINER_DB", raising=False)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "shop.sqlite"


@pytest.fixture
def services(db_path) -> Retainer:
    r = open_retainer(str(db_path), clock=lambda: NOW)
    r.change_settings(default_region="RU", currency="EUR")
    yield r
    r.close()
