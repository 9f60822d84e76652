"""A customer's requests about their personal data: export everything, erase, consent."""

import json
from dataclasses import replace
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from retainer.db.models import Contact, Customer, Feedback, ImportChange, Purchase
from retainer.rules.validation import CustomerForm
from retainer.services import CustomerQuery, NotFound
from retainer.services.personal_data import ExportProblem
from tests.conftest import NOW


@pytest.fixture
def anna(services):
    cid = services.customers.create(CustomerForm(
        name="Anna Petrova", phones=["+37061234567"], email="anna@example.com", city="Vilnius",
        birthday=date(1990, 3, 4), card_number="1001", tags=["VIP"], notes="Oat milk",
        consent_to_messages=True))
    for month, cents in ((1, 450), (2, 700), (3, 300)):
        services.purchases.record(cid, cents, datetime(2026, month, 1, 10), comment="for Anna")
    return cid


def metrics_json(services) -> dict:
    from retainer.services.metrics import dashboard

    board = dashboard(services.metrics, services.customers, date(2026, 1, 1), date(2026, 6, 1))
    return {"retention": board.retention, "headline": board.headline, "months": board.months}


def test_everything_held_is_exported_as_a_workbook_and_json_and_logged(services, anna, tmp_path):
    done = services.personal_data.export(anna, tmp_path)
    data = json.loads(done.json.read_text(encoding="utf-8"))
    assert data["customer"]["name"] == "Anna Petrova" and data["phones"] == ["+370 612 34567"]
    assert data["customer"]["consent_to_messages"] is True
    assert data["customer"]["consent_date"] == NOW.date().isoformat()
    assert [p["amount_cents"] for p in data["purchases"]] == [450, 700, 300]
    assert data["tags"] == ["VIP"]
    book = load_workbook(done.workbook)
    assert book.sheetnames[:2] == ["Customer", "Purchases"]
    cells = {row[0].value: row[1].value for row in book["Customer"].iter_rows()}
    assert cells["name"] == "Anna Petrova" and cells["phones"] == "+370 612 34567"
    assert book["Purchases"].max_row == 4
    logged = services.personal_data.logged(anna)
    assert [r.action for r in logged] == ["export", "consent_given"]
    assert "Anna" not in logged[0].detail  # the log names files by number, not by person
    assert done.workbook.name == f"customer-{anna}-personal-data.xlsx"


def test_an_export_that_cannot_be_written_is_refused_and_not_logged(services, anna, tmp_path):
    folder = tmp_path / "locked"
    folder.write_text("a file where the folder would be (root ignores read-only folders)")
    with pytest.raises(ExportProblem, match="locked"):
        services.personal_data.export(anna, folder)
    assert folder.is_file() and not list(tmp_path.glob("*personal-data*"))
    assert [r.action for r in services.personal_data.logged(anna)] == ["consent_given"]


def test_erasing_clears_the_person_and_keeps_the_anonymous_figures(services, anna, tmp_path):
    before = metrics_json(services)
    services.personal_data.erase(anna)
    with services.ctx.read() as s:
        c = s.get(Customer, anna)
        assert c.name == f"Erased customer {anna}" and c.erased_at == NOW
        assert (c.email, c.birthday, c.city, c.card_number, c.notes) == (None,) * 5
        assert c.phones == [] and c.tags == [] and not c.consent_to_messages and c.do_not_call
        assert c.search_text == "" and c.primary_phone is None
        purchases = s.execute(select(Purchase.amount_cents, Purchase.comment)
                              .where(Purchase.customer_id == anna)).all()
        assert purchases == [(450, None), (700, None), (300, None)]
        assert c.purchase_count == 3 and c.total_spent_cents == 1450
    assert metrics_json(services) == before  # the figures of the past did not move
    assert services.customers.count(CustomerQuery()) == 0
    assert services.customers.count(CustomerQuery(trash=True)) == 0
    assert services.customers.count(CustomerQuery(text="anna")) == 0
    assert services.customers.count(CustomerQuery(text="1001")) == 0
    with pytest.raises(NotFound):
        services.personal_data.export(anna, tmp_path)
    assert [r.action for r in services.personal_data.logged(anna)][:1] == ["erase"]
    assert services.undo_label() is None  # final: nothing to undo onto the erased row


def test_a_customer_in_the_trash_is_erased_out_of_it(services, anna):
    services.customers.trash([anna])
    assert services.customers.count(CustomerQuery(trash=True)) == 1
    services.personal_data.erase(anna)
    assert services.customers.count(CustomerQuery(trash=True)) == 0
    with services.ctx.read() as s:
        assert s.get(Customer, anna).deleted_at is None  # counted in the figures again


def test_an_erased_customer_is_in_no_later_export(services, anna, tmp_path):
    other = services.customers.create(CustomerForm(name="Boris Orlov", phones=["+37061234568"]))
    services.purchases.record(other, 500, datetime(2026, 5, 1, 10))
    services.personal_data.erase(anna)
    path = tmp_path / "all.xlsx"
    report = services.exports.export_all_to_end(str(path))
    assert report.customers == 1
    book = load_workbook(path, read_only=True)
    text = " ".join(str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                    for cell in row if cell is not None)
    assert "Boris Orlov" in text and "Erased customer" not in text and "Anna" not in text


def test_free_text_about_the_customer_goes_with_the_erasure(services, anna):
    with services.ctx.write() as s:
        s.add(Contact(customer_id=anna, channel="call", outcome="reached", contacted_at=NOW,
                      notes="Anna's husband answered"))
        s.add(Feedback(customer_id=anna, given_on=NOW.date(), nps_score=9, comment="Anna loves it"))
        s.add(ImportChange(import_id=_an_import(s), customer_id=anna, before='{"name": "Anna"}'))
    services.personal_data.erase(anna)
    with services.ctx.read() as s:
        assert s.execute(select(Contact.outcome, Contact.notes)
                         .where(Contact.customer_id == anna)).all()[-1] == ("reached", None)
        assert s.execute(select(Feedback.nps_score, Feedback.comment)
                         .where(Feedback.customer_id == anna)).all() == [(9, None)]
        assert s.execute(select(ImportChange).where(ImportChange.customer_id == anna)).all() == []


def _an_import(session) -> int:
    from retainer.db.models import Import

    made = Import(file_name="list.xlsx", imported_at=NOW)
    session.add(made)
    session.flush()
    return made.id


def test_erasing_twice_or_a_missing_customer_is_refused(services, anna):
    services.personal_data.erase(anna)
    with pytest.raises(NotFound):
        services.personal_data.erase(anna)
    with pytest.raises(NotFound):
        services.personal_data.erase(9999)


def test_consent_given_and_withdrawn_on_the_card_is_logged_with_its_date(services, anna):
    card = services.customers.card(anna)
    assert card.consent_date == NOW.date()
    services.customers.update(anna, replace(card.form, consent_to_messages=False), card)
    card = services.customers.card(anna)
    assert card.consent_date is None
    services.customers.update(anna, replace(card.form, consent_to_messages=True), card)
    assert [r.action for r in services.personal_data.logged(anna)] == [
        "consent_given", "consent_withdrawn", "consent_given"][::-1]
    assert services.customers.card(anna).consent_date == NOW.date()
