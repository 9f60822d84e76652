"""The compiled numbering-plan rules decide exactly as libphonenumber does.

Numbers are generated from the library's own example numbers for every type in many
countries, written in the ways shops write them, then damaged digit by digit; for each one
and several home regions the fast answer, when there is one, must equal the library's.
"""

from __future__ import annotations

import random

import phonenumbers as lib
import pytest

from retainer.rules import phone_rules, phones

COUNTRIES = ("RU", "LT", "GB", "US", "LV", "EE", "PL", "DE", "BY", "UA", "KZ", "AR", "BR", "MX",
             "IT", "FR", "CN", "IN", "JP", "AU", "CA", "GG", "IM", "JE", "SM", "VA", "CI", "NZ")
HOMES = ("RU", "LT", "GB", "US", "KZ", "AR", "BR", "IT", "DE")
TYPES = [t for t in vars(lib.PhoneNumberType).values() if isinstance(t, int)]


def library(text: str, region: str) -> str | None:
    try:
        number = lib.parse(text, region)
    except lib.NumberParseException:
        return None
    return lib.format_number(number, lib.PhoneNumberFormat.E164) if lib.is_valid_number(number) else None


def _spaced(rng: random.Random, digits: str) -> str:
    out = []
    for ch in digits:
        out.append(ch)
        if rng.random() < 0.25:
            out.append(rng.choice([" ", "-", ".", " - "]))
    return "".join(out).strip(" -.")


def _damaged(rng: random.Random, digits: str) -> str:
    d = list(digits)
    move = rng.randrange(3)
    if move == 0 and d:
        d[rng.randrange(len(d))] = str(rng.randrange(10))
    elif move == 1:
        d.insert(rng.randrange(len(d) + 1), str(rng.randrange(10)))
    elif len(d) > 1:
        del d[rng.randrange(len(d))]
    return "".join(d)


def samples(seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    texts: list[str] = []
    for region in COUNTRIES:
        for kind in TYPES:
            example = lib.example_number_for_type(region, kind)
            if example is None:
                continue
            nsn = lib.national_significant_number(example)
            code = str(example.country_code)
            national = lib.format_number(example, lib.PhoneNumberFormat.NATIONAL)
            for _ in range(6):
                body = _damaged(rng, nsn) if rng.random() < 0.6 else nsn
                texts += [
                    "+" + code + body,
                    "+" + code + " " + _spaced(rng, body),
                    code + body,
                    national,
                    _spaced(rng, rng.choice(["8", "0", "1", "00", "810", "011", ""]) + body),
                    body,
                    f"({body[:3]}) {body[3:]}",
                ]
    for _ in range(4000):  # plain noise of every length
        texts.append(rng.choice(["", "+", "8", "0", "00", "7", "370"])
                     + "".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 17))))
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return samples()


def test_fast_answers_match_the_library(texts):
    answered = agree = 0
    for text in texts:
        for region in HOMES:
            fast = phones._fast(text, region)
            if fast is None:
                continue
            answered += 1
            assert fast == library(text, region), (text, region)
            agree += 1
    assert agree == answered > 20_000


def test_most_plain_valid_numbers_take_the_fast_path(texts):
    plain = [t for t in texts if phones._PLAIN.match(t) and library(t, "RU")]
    fast = [t for t in plain if phones._fast(t, "RU") is not None]
    assert len(plain) > 1000
    assert len(fast) / len(plain) > 0.9


def test_normalise_is_unchanged_for_every_sample(texts):
    for text in texts[::7]:
        try:
            got = phones.normalise(text, "LT")
        except phones.PhoneError:
            got = None
        stripped = text.strip()
        written = "+" + stripped[2:] if stripped.startswith("00") else stripped
        expected = library(written, "LT") if stripped else None
        assert got == expected, text


@pytest.mark.parametrize("country_code,national,valid", [
    (7, "9161234567", True),          # Russia, mobile
    (7, "7710009998", True),          # Kazakhstan shares +7: claimed by its leading digits
    (44, "7400123456", True),
    (44, "7924123456", True),         # Isle of Man shares +44
    (1, "2125550123", True),
    (7, "916123456", False),          # one digit short
    (800, "12345678", True),          # a non-geographic calling code
])
def test_validity_of_known_numbers(country_code, national, valid):
    number = lib.PhoneNumber(country_code=country_code, national_number=int(national))
    assert lib.is_valid_number(number) is valid
    assert phone_rules.is_valid(country_code, national) is valid


def test_display_of_stored_numbers_is_the_librarys(texts):
    shown = 0
    for text in texts:
        stored = library(text, "RU")
        if stored is None:
            continue
        expected = lib.format_number(lib.parse(stored, None), lib.PhoneNumberFormat.INTERNATIONAL)
        assert phones.display(stored) == expected, stored
        shown += 1
    assert shown > 1000
