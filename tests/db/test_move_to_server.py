"""``retainer move-to``: a SQLite base onto the PostgreSQL server, whole or not at all."""

import json

import pytest
from sqlalchemy import func, select

from retainer import preferences
from retainer.cli import main
from retainer.db import move
from retainer.db.engine import open_database
from retainer.db.models import Base, Customer
from retainer.demo import make_demo
from retainer.rules.validation import CustomerForm
from retainer.services import open_retainer
from tests import pg
from tests.conftest import NOW


@pytest.fixture
def server():
    return pg.require_server()


@pytest.fixture
def shop(tmp_path):
    path = tmp_path / "shop.sqlite"
    make_demo(str(path), 300, 2, seed=5)
    return path


@pytest.fixture
def empty_database(server):
    """The address of a database that does not exist yet on the server."""
    address = pg.new_database(server, migrated=False)
    pg.drop_database(server, address)
    yield address
    pg.drop_database(server, address)


def counts(location: str) -> dict[str, int]:
    db = open_database(location)
    try:
        with db.engine.connect() as conn:
            return {t.name: conn.execute(select(func.count()).select_from(t)).scalar()
                    for t in Base.metadata.sorted_tables}
    finally:
        db.dispose()


def metrics_of(location: str, capsys) -> dict:
    assert main(["metrics", "--db", location, "--as-of", "2026-06-15", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_base_arrives_whole_and_this_computer_opens_the_server_from_then_on(
        shop, empty_database, capsys):
    before = counts(str(shop))
    assert main(["move-to", empty_database, "--db", str(shop)]) == 0
    said = capsys.readouterr().out
    assert "300 customers" in said and f'retainer use "{empty_database}"' in said
    assert counts(empty_database) == before and before["purchases"] > 1000
    assert preferences.load()["base"] == empty_database
    assert metrics_of(str(shop), capsys) == metrics_of(empty_database, capsys)
    # Who referred whom came along, and a new customer takes the next free id.
    with open_database(str(shop)).sessions() as s:
        referrals = s.execute(select(Customer.id, Customer.referred_by_id)
                              .where(Customer.referred_by_id.is_not(None))).all()
    services = open_retainer(empty_database, clock=lambda: NOW)
    try:
        with services.ctx.read() as s:
            assert s.execute(select(Customer.id, Customer.referred_by_id)
                             .where(Customer.referred_by_id.is_not(None))).all() == referrals
        assert services.customers.create(CustomerForm(name="Boris Orlov")) == 301
    finally:
        services.close()


def test_a_database_that_holds_customers_is_refused_and_left_alone(shop, server, capsys):
    address = pg.new_database(server)
    try:
        services = open_retainer(address)
        services.customers.create(CustomerForm(name="Anna Petrova"))
        services.close()
        assert main(["move-to", address, "--db", str(shop)]) == 1
        assert "already holds customers (1)" in capsys.readouterr().err
        assert counts(address)["customers"] == 1
        assert "base" not in preferences.load()
    finally:
        pg.drop_database(server, address)


def test_a_move_failing_half_way_leaves_the_server_empty(shop, empty_database, monkeypatch):
    real = move._rows

    def rows(source, table):
        if table.name == "purchases":
            raise OSError("the network went away")
        return real(source, table)

    monkeypatch.setattr(move, "_rows", rows)
    source = open_database(str(shop))
    target = move.open_target(empty_database)
    with pytest.raises(OSError):
        move.move(source, target)
    source.dispose()
    target.dispose()
    assert counts(empty_database)["customers"] == 0


@pytest.mark.parametrize("url", ["sqlite:///elsewhere.sqlite", "mysql://shop@server/retainer",
                                 "postgresql+psycopg://shop@127.0.0.1:1"])
def test_an_address_that_is_not_a_server_database_is_refused(shop, url, capsys):
    assert main(["move-to", url, "--db", str(shop)]) == 1
    assert "not the address of a database on a PostgreSQL server" in capsys.readouterr().err


def test_an_unreachable_server_is_named_in_plain_words(shop, capsys):
    assert main(["move-to", "postgresql+psycopg://shop@127.0.0.1:1/retainer", "--db", str(shop)]) == 1
    said = capsys.readouterr().err
    assert "127.0.0.1" in said and "Traceback" not in said


def test_each_till_points_at_the_server_once(server, shop, empty_database, capsys):
    assert main(["move-to", empty_database, "--db", str(shop)]) == 0
    preferences.save(base=None)
    assert main(["use", empty_database]) == 0
    assert preferences.database_location() == empty_database
    assert main(["use", "postgresql+psycopg://shop@127.0.0.1:1/retainer"]) == 1
    assert preferences.database_location() == empty_database
