"""The PostgreSQL server out of reach: at start, and in the middle of the work."""

import pytest

from retainer.db.engine import ServerUnreachable
from retainer.rules.validation import CustomerForm
from retainer.services import CustomerQuery, open_retainer
from tests import pg
from tests.conftest import NOW


@pytest.fixture
def cable(base):
    through = pg.Cable(base)
    yield through
    through.close()


@pytest.mark.postgresql_only
def test_at_start_the_owner_is_told_in_plain_words(base, cable):
    cable.cut()
    with pytest.raises(ServerUnreachable) as away:
        open_retainer(cable.address)
    said = str(away.value)
    assert "cannot be reached" in said and "127.0.0.1" in said
    assert "sqlalche" not in said and "Traceback" not in said and "[SQL" not in said


@pytest.mark.postgresql_only
def test_a_save_while_the_server_is_away_fails_plainly_saves_nothing_and_works_once_it_is_back(
        base, cable):
    services = open_retainer(cable.address, clock=lambda: NOW)
    try:
        cid = services.customers.create(CustomerForm(name="Anna Petrova"))
        card = services.customers.card(cid)
        cable.cut()
        from dataclasses import replace

        with pytest.raises(ServerUnreachable, match="nothing was saved"):
            services.customers.update(cid, replace(card.form, city="Kaunas"), card)
        with pytest.raises(ServerUnreachable, match="try again in a moment"):
            services.customers.count(CustomerQuery())
        cable.mend()
        services.customers.update(cid, replace(card.form, city="Kaunas"), card)
        assert services.customers.card(cid).form.city == "Kaunas"
    finally:
        services.close()


@pytest.mark.postgresql_only
def test_an_error_of_the_statement_itself_is_not_called_the_server_away(services):
    from sqlalchemy import text
    from sqlalchemy.exc import ProgrammingError

    with pytest.raises(ProgrammingError), services.ctx.read() as s:
        s.execute(text("SELECT no_such_column FROM customers"))
