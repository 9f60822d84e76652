import os
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402 - after QT_QPA_PLATFORM is set, before Qt can load

# tests/display runs on a real X display in a process of its own, started by
# tests/ui/test_real_display.py; the offscreen run leaves it to that one test.
if os.environ.get("QT_QPA_PLATFORM") != "xcb":
    collect_ignore = ["display"]

from retainer import i18n  # noqa: E402
from retainer.services import Retainer, open_retainer  # noqa: E402 - after QT_QPA_PLATFORM is set

# The tests read English, whatever this machine speaks: the catalog gives its plurals.
os.environ["RETAINER_LANGUAGE"] = "en"
i18n.speak("en")


def _build_catalogs() -> None:
    """The window's .qm catalogs, built once by the same script as the installers' (each test
    has a data folder of its own, where the window would otherwise build them again)."""
    import importlib.util

    folder = Path(__file__).resolve().parent.parent / "resources" / "i18n"
    stale = [ts for ts in folder.glob("*.ts")
             if not ts.with_suffix(".qm").exists()
             or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime]
    if stale:
        spec = importlib.util.spec_from_file_location("translations", folder.parent.parent / "tools"
                                                      / "translations.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.build()


_build_catalogs()

NOW = datetime(2026, 6, 15, 12, 0, 0)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    """No test touches the real user data folder or a RETAINER_DB from the environment."""
    monkeypatch.setenv("RETAINER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("RETAINER_DB", raising=False)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "shop.sqlite"


# The database and service tests (tests/db, tests/excel) run twice: on the embedded SQLite
# file and on a PostgreSQL server (tests/pg.py). The window's tests run on SQLite.
BOTH_DATABASES = ("db", "excel")


def pytest_generate_tests(metafunc):
    if "base" in metafunc.fixturenames:
        folder = metafunc.definition.path.parent.name
        marked = metafunc.definition.get_closest_marker
        if marked("postgresql_only"):
            kinds = ["postgresql"]
        elif folder in BOTH_DATABASES and marked("sqlite_only") is None:
            kinds = ["sqlite", "postgresql"]
        else:
            kinds = ["sqlite"]
        metafunc.parametrize("base", kinds, indirect=True)


@pytest.fixture
def base(request, db_path) -> str:
    """Where the test's customer base lives: a SQLite file, or a database of its own on the
    PostgreSQL server."""
    if request.param == "sqlite":
        yield str(db_path)
        return
    from tests import pg

    server = pg.require_server()
    address = pg.new_database(server)
    yield address
    pg.drop_database(server, address)


@pytest.fixture
def services(base) -> Retainer:
    r = open_retainer(base, clock=lambda: NOW)
    r.change_settings(default_region="RU", currency="EUR")
    yield r
    r.close()
