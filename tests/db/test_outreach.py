"""Outreach: a message to a segment, only to those who agreed, logged for the quiet time."""

import csv
import os
from datetime import date, datetime, timedelta

import openpyxl
import pytest

from retainer.rules import messages
from retainer.rules.dates import format_date
from retainer.rules.validation import CustomerForm
from retainer.services import CustomerQuery
from retainer.services.outreach import (
    NO_CONSENT,
    NO_EMAIL,
    NO_PHONE,
    RECENT,
    NobodyToMessage,
    OutreachFileProblem,
)
from tests.conftest import NOW

TEMPLATE = "Hi {first_name}! {days_since_last_purchase} since {last_purchase_date}. {tier}: {discount}"


@pytest.fixture
def shop(services):
    def add(name, phone, email="", consent=True, bought=None, spent=0, city="Vilnius"):
        cid = services.customers.create(CustomerForm(
            name=name, phones=[phone] if phone else [], email=email, consent_to_messages=consent,
            city=city))
        if bought is not None:
            services.purchases.record(cid, spent, bought)
        return cid

    services.ids = {
        "anna": add("Anna Petrova", "8 912 345-67-89", "anna@example.com", bought=datetime(2026, 5, 1, 9),
                    spent=40000),
        "boris": add("Boris Orlov", "+7 912 000 11 22", consent=False, bought=datetime(2026, 6, 14, 9)),
        "chloe": add("Chloe", "", "chloe@example.com", bought=datetime(2026, 6, 10, 9)),
        "dan": add("Dan", "+7 912 111 22 33", city="Kaunas"),
    }
    return services


def test_each_customer_gets_their_own_text_and_only_those_who_agreed_get_it(shop):
    plan = shop.outreach.plan(CustomerQuery(city="Vilnius"), TEMPLATE)
    by_name = {line.name: line for line in plan.lines}
    assert [line.name for line in plan.recipients] == ["Anna Petrova"]
    anna = by_name["Anna Petrova"]
    assert anna.address == "+79123456789"
    # No tier yet (one purchase): the tier and discount are empty.
    assert anna.text == f"Hi Anna! 45 days since {format_date(date(2026, 5, 1))}. :"
    assert by_name["Boris Orlov"].left_out == NO_CONSENT
    assert by_name["Chloe"].left_out == NO_PHONE
    assert plan.reasons() == {NO_CONSENT: 1, NO_PHONE: 1}


def test_by_e_mail_the_address_is_the_e_mail(shop):
    plan = shop.outreach.plan(CustomerQuery(city="Vilnius"), "Hello {name}", channel="email")
    assert [(line.name, line.address) for line in plan.recipients] == [
        ("Anna Petrova", "anna@example.com"), ("Chloe", "chloe@example.com")]
    assert [line.text for line in plan.recipients] == ["Hello Anna Petrova", "Hello Chloe"]
    dan = shop.outreach.plan(CustomerQuery(city="Kaunas"), "Hi", channel="email").lines[0]
    assert dan.left_out == NO_EMAIL


def test_an_unknown_placeholder_is_named_before_anything_is_sent(shop):
    with pytest.raises(messages.TemplateProblem, match="“{firstname}” is not a placeholder"):
        shop.outreach.plan(CustomerQuery(city="Vilnius"), "Hi {firstname}")
    assert messages.problems("Hi {first_name") != []
    assert messages.problems("Braces {{like this}} are fine, {first_name}") == []


def test_a_segment_of_nobody_says_so_plainly(shop):
    with pytest.raises(NobodyToMessage, match="No customer is in this segment"):
        shop.outreach.plan(CustomerQuery(city="Riga"), "Hi")


def test_sending_writes_the_file_and_logs_a_contact_for_each_recipient(shop, tmp_path):
    plan = shop.outreach.plan(CustomerQuery(city="Vilnius"), "Hi {first_name}", segment_name="Vilnius")
    sent = shop.outreach.send(plan, str(tmp_path / "to-send.csv"))
    assert (sent.sent, sent.left_out) == (1, 2)
    with open(tmp_path / "to-send.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows == [["Phone", "Name", "Message"], ["+79123456789", "Anna Petrova", "Hi Anna"]]
    card = shop.customers.card(shop.ids["anna"])
    assert [(c.channel, c.outcome, c.notes) for c in card.contacts] == [("sms", "sent", "Hi Anna")]
    assert shop.customers.card(shop.ids["boris"]).contacts == []
    # A second send within the quiet time warns: Anna is flagged, and can be left out.
    again = shop.outreach.plan(CustomerQuery(city="Vilnius"), "Hi again")
    assert [line.name for line in again.recent] == ["Anna Petrova"]
    assert again.without_recent().recipients == [] and \
        again.without_recent().reasons()[RECENT] == 1


def test_an_xlsx_export_holds_the_phone_as_text(shop, tmp_path):
    plan = shop.outreach.plan(CustomerQuery(city="Vilnius"), "=Hi {first_name}")
    shop.outreach.send(plan, str(tmp_path / "to-send.xlsx"))
    sheet = openpyxl.load_workbook(tmp_path / "to-send.xlsx").active
    assert [c.value for c in sheet[2]] == ["+79123456789", "Anna Petrova", "=Hi Anna"]
    assert sheet["C2"].data_type == "s"  # never a formula


def test_the_quiet_time_counts_the_message_so_today_does_not_call_them_at_once(services, tmp_path):
    def lapsed(name, consent):
        phone = "+7 912 555 00 0" + str(len(name) % 10)
        cid = services.customers.create(CustomerForm(name=name, phones=[phone],
                                                     consent_to_messages=consent, city="Riga"))
        services.purchases.record(cid, 1000, NOW - timedelta(days=100))  # lapsed after 90 days
        return cid

    written, left_out = lapsed("Written To", True), lapsed("Left Out", False)
    plan = services.outreach.plan(CustomerQuery(city="Riga"), "We miss you, {first_name}")
    services.outreach.send(plan, str(tmp_path / "x.csv"))
    services.reminders.generate()
    with services.ctx.read() as session:
        from sqlalchemy import select

        from retainer.db.models import Reminder
        reminded = set(session.scalars(select(Reminder.customer_id)))
    assert left_out in reminded and written not in reminded


def _refuse_to_write(monkeypatch):
    """A folder the shop cannot write to (as root, no folder refuses: the refusal is made)."""
    import errno

    from retainer.excel import writer

    def refused(*args, dir=None, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", dir)

    monkeypatch.setattr(writer.tempfile, "mkstemp", refused)


def test_a_read_only_folder_is_a_clear_error_and_nothing_is_logged(shop, tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    if os.geteuid() == 0:
        _refuse_to_write(monkeypatch)
    plan = shop.outreach.plan(CustomerQuery(city="Vilnius"), "Hi")
    for name in ("x.csv", "x.xlsx"):
        with pytest.raises(OutreachFileProblem, match="Permission denied. Nothing was logged as sent"):
            shop.outreach.send(plan, str(folder / name))
    assert shop.customers.card(shop.ids["anna"]).contacts == []
    assert list(folder.iterdir()) == []


def test_a_folder_that_is_not_there_is_a_clear_error_and_nothing_is_logged(shop, tmp_path):
    plan = shop.outreach.plan(CustomerQuery(city="Vilnius"), "Hi")
    with pytest.raises(OutreachFileProblem, match="Nothing was logged as sent"):
        shop.outreach.send(plan, str(tmp_path / "no such folder" / "x.xlsx"))
    assert shop.customers.card(shop.ids["anna"]).contacts == []
    assert shop.undo_label() != "Undo the message to 1 customers"


def test_undo_forgets_the_outreach_and_its_contacts(shop, tmp_path):
    plan = shop.outreach.plan(CustomerQuery(city="Vilnius"), "Hi")
    shop.outreach.send(plan, str(tmp_path / "x.csv"))
    assert shop.undo() == "Undo the message to 1 customer"
    assert shop.customers.card(shop.ids["anna"]).contacts == []


def test_the_last_message_is_offered_again(shop, tmp_path):
    assert shop.outreach.last_template() is None
    plan = shop.outreach.plan(CustomerQuery(), "Hello {first_name}", channel="email")
    shop.outreach.send(plan, str(tmp_path / "x.csv"))
    assert shop.outreach.last_template() == ("Hello {first_name}", "email")
