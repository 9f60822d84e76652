"""The window's first page waits for nothing it does not show: read with SQLAlchemy Core, it
is painted before the ORM (and the services built on it) has loaded; the filters' choices
and the start-up work follow it, and then load the rest on their lanes."""

import os
import subprocess
import sys

from retainer.demo import make_demo

# Runs the app as `retainer --db … --quit-when-ready` does, and says, when the first page is
# shown (before anything that follows it has started), whether the ORM had been loaded by
# then and how many rows the page shows.
START = """
import sys
from retainer.ui import customers_screen

shown = customers_screen.CustomersScreen._loaded
seen = []

def noted(self):
    if not seen:  # the first page is in the model, and nothing that follows it has started
        seen.append(1)
        rows = self.model.rowCount()
        print("rows", rows, "orm" if "sqlalchemy.orm" in sys.modules else "core", flush=True)
    shown(self)

customers_screen.CustomersScreen._loaded = noted
from retainer.cli import main

sys.exit(main(["--db", sys.argv[1], "--quit-when-ready"]))
"""


def start(path, tmp_path) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RETAINER_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", START, str(path)], capture_output=True,
                            text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_the_first_page_is_painted_before_the_orm_loads(tmp_path):
    path = tmp_path / "shop.sqlite"
    make_demo(str(path), 300, 1.0, seed=3)
    words = start(path, tmp_path)
    assert words[:3] == ["rows", "200", "core"], words  # a full page, the ORM not yet loaded


def test_an_empty_base_opens_on_core_alone_too(tmp_path):
    # The very first start builds the schema (Alembic) and writes the shop's default
    # settings; every start after it shows the empty list without the ORM.
    path = tmp_path / "new.sqlite"
    assert start(path, tmp_path)[:2] == ["rows", "0"]
    words = start(path, tmp_path)
    assert words[:3] == ["rows", "0", "core"], words


def test_the_list_reads_need_no_orm(tmp_path):
    path = tmp_path / "shop.sqlite"
    make_demo(str(path), 300, 1.0, seed=3)
    code = ("import sys\n"
            "from retainer.services import CustomerQuery, open_retainer\n"
            "r = open_retainer(sys.argv[1])\n"
            "lists = r.customer_list\n"
            "q = CustomerQuery(segment='Champions', sort='tier')\n"
            "print(len(lists.page(CustomerQuery(), 0, 50)), lists.count(q) >= 0,\n"
            "      len(lists.tags()) > 0, len(lists.status_counts()),\n"
            "      'sqlalchemy.orm' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                         timeout=120, check=True).stdout.split()
    assert out == ["50", "True", "True", "6", "False"], out
