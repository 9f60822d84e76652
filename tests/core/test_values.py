from datetime import date, datetime

import pytest

from retainer.rules import phones
from retainer.rules.dates import parse_date
from retainer.rules.money import format_amount, parse_amount
from retainer.rules.validation import CustomerForm, ValidationError, check_purchase, clean_customer

TODAY = date(2026, 6, 15)


@pytest.mark.parametrize("raw,region,expected", [
    ("8 (916) 123-45-67", "RU", "+79161234567"),
    ("+7 916 123 45 67", "LT", "+79161234567"),
    ("+370 612 34567", "RU", "+37061234567"),
    ("8 612 34567", "LT", "+37061234567"),
    ("0037061234567", "RU", "+37061234567"),
    ("07400 123456", "GB", "+447400123456"),
])
def test_phones_become_e164(raw, region, expected):
    assert phones.normalise(raw, region) == expected


@pytest.mark.parametrize("raw", ["12", "abc", "+7 916", ""])
def test_bad_phones_are_refused_with_the_number_in_the_message(raw):
    with pytest.raises(phones.PhoneError) as err:
        phones.normalise(raw, "RU")
    assert raw in str(err.value)


def test_phone_search_variants():
    assert phones.search_variants("916 123", "RU") == ["916123"]
    assert phones.search_variants("89161234567", "RU")[0] == "79161234567"
    # Typed the Russian way while the shop is set to Lithuania: still found.
    assert "79161234567" in phones.search_variants("89161234567", "LT") or \
        "89161234567" in phones.search_variants("89161234567", "LT")


def test_phone_display():
    assert phones.display("+79161234567") == "+7 916 123-45-67"
    assert phones.display(None) == ""


@pytest.mark.parametrize("text,cents", [
    ("1 234,50", 123450), ("1234.5", 123450), ("1 234 ₽", 123400), ("12", 1200),
    ("1,234.50", 123450), ("1.234,50", 123450), ("€ 7,05", 705),
])
def test_amounts_as_people_type_them(text, cents):
    assert parse_amount(text) == cents


@pytest.mark.parametrize("text", ["", "abc", "1,2,3.4.5", "nan", "inf"])
def test_bad_amounts(text):
    with pytest.raises(ValueError):
        parse_amount(text)


def test_amount_format_follows_the_language():
    assert format_amount(123450, "EUR", language="lt") == "1\u00a0234,50\u00a0€"
    assert format_amount(123450, "RUB", language="ru") == "1\u00a0234,50\u00a0₽"
    assert format_amount(-123450, "EUR", language="en") == "-€1,234.50"
    assert format_amount(123450, "GBP", language="en") == "£1,234.50"
    assert format_amount(500, "EUR", decimals=False, language="ru") == "5\u00a0€"


@pytest.mark.parametrize("text,expected", [
    ("31.12.2024", date(2024, 12, 31)), ("2024-12-31", date(2024, 12, 31)),
    ("1/2/1990", date(1990, 2, 1)), ("31.12.99", date(1999, 12, 31)), ("", None),
])
def test_dates(text, expected):
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["31.02.2024", "yesterday", "2024-13-01"])
def test_bad_dates(text):
    with pytest.raises(ValueError, match=text):
        parse_date(text, TODAY)


def test_customer_form_is_cleaned():
    clean = clean_customer(CustomerForm(name="  Anna   Petrova ", phones=["8 916 123 45 67", ""],
                                        email=" Anna@Example.COM ", tags=["VIP", "vip", " coffee "]),
                           "RU", TODAY)
    assert clean.name == "Anna Petrova"
    assert clean.phones == ["+79161234567"]
    assert clean.email == "anna@example.com"
    assert clean.tags == ["coffee", "VIP"]


def test_every_bad_field_is_named():
    with pytest.raises(ValidationError) as err:
        clean_customer(CustomerForm(name=" ", phones=["12"], email="anna@",
                                    birthday=date(2030, 1, 1)), "RU", TODAY)
    assert set(err.value.errors) == {"name", "phones", "email", "birthday"}


@pytest.mark.parametrize("cents,when,field", [
    (-1, datetime(2026, 6, 1), "amount"),  # 0 is a free visit; below it is not a purchase
    (-500, datetime(2026, 6, 1), "amount"),
    (100_000_001, datetime(2026, 6, 1), "amount"),
    (500, datetime(2026, 6, 16, 9), "date"),
])
def test_bad_purchases(cents, when, field):
    with pytest.raises(ValidationError) as err:
        check_purchase(cents, when, datetime(2026, 6, 15, 12))
    assert field in err.value.errors


@pytest.mark.parametrize("raw", ["+370 612 34567", "+7 (916) 123-45-67", "+44 7400 123456",
                                 "+1 212 555 0123", "+49 30 123456", "+380 44 123 4567",
                                 "+39 06 6982 1234", "+44 (0) 7400 123456"])
def test_the_fast_path_agrees_with_libphonenumber(raw):
    import phonenumbers as lib

    parsed = lib.parse(raw, "RU")
    expected = lib.format_number(parsed, lib.PhoneNumberFormat.E164) if lib.is_valid_number(parsed) else None
    try:
        got = phones.normalise(raw, "RU")
    except phones.PhoneError:
        got = None
    assert got == expected
