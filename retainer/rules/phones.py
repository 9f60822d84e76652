"""Phone numbers: stored as E.164, shown in international format, searched by digits.

phonenumbers (Google's libphonenumber metadata) knows every country's trunk prefixes and
number lengths; a hand-written parser would get ``8 (916) ...`` or ``+370 6...`` wrong.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

from retainer.rules import phone_rules

SUPPORTED_REGIONS = ("RU", "LT", "GB", "US", "LV", "EE", "PL", "DE", "BY", "UA", "KZ")
_DIGITS = re.compile(r"\D+")
# What a plain number may be written with; anything else goes to the library's full parse.
_PLAIN = re.compile(r"^\+?[0-9 ().\-]{2,40}$")
_SEPARATORS = re.compile(r"[ ().\-]+")


def _fast(text: str, region: str) -> str | None:
    """A plain number decided by the compiled rules (phone_rules), or None for the library."""
    if not _PLAIN.match(text):
        return None
    compact = _SEPARATORS.sub("", text)
    if compact.startswith("+"):
        return phone_rules.from_international(compact[1:])
    return phone_rules.from_national(compact, region)


class PhoneError(ValueError):
    pass


def region_name(region: str) -> str:
    from retainer.i18n import tr

    return {"RU": tr("Russia"), "LT": tr("Lithuania"), "GB": tr("the United Kingdom"),
            "US": tr("the United States"), "LV": tr("Latvia"), "EE": tr("Estonia"),
            "PL": tr("Poland"), "DE": tr("Germany"), "BY": tr("Belarus"), "UA": tr("Ukraine"),
            "KZ": tr("Kazakhstan")}.get(region, region)


def digits(text: str) -> str:
    return _DIGITS.sub("", text or "")


def normalise(raw: str, region: str) -> str:
    """``8 (916) 123-45-67`` with region RU -> ``+79161234567``; raises PhoneError."""
    from retainer.i18n import tr

    text = (raw or "").strip()
    if not text:
        raise PhoneError(tr("The phone number is empty."))
    if text.startswith("00"):
        text = "+" + text[2:]
    fast = _fast(text, region)
    if fast is not None:
        return fast
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException as exc:
        raise PhoneError(tr("“{phone}” does not look like a phone number.").format(phone=raw)) from exc
    if not phonenumbers.is_valid_number(number):
        if text.startswith("+"):
            raise PhoneError(tr("“{phone}” is not a valid phone number.").format(phone=raw))
        raise PhoneError(
            tr("“{phone}” is not a valid phone number for {country}. Numbers from abroad "
               "start with + and the country code.").format(phone=raw, country=region_name(region))
        )
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def display(e164: str | None) -> str:
    """``+79161234567`` -> ``+7 916 123-45-67``; anything unparsable is shown as stored."""
    if not e164:
        return ""
    if e164.startswith("+") and phone_rules.from_international(e164[1:]) == e164:
        # A valid number as Retainer stores it: its parts are known without parsing it again.
        code, national = phone_rules.split_code(e164[1:])
        number = phonenumbers.PhoneNumber(country_code=code, national_number=int(national))
        return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return e164
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def search_variants(query: str, region: str) -> list[str]:
    """Digit strings under which a typed phone fragment may be stored.

    ``916 123`` -> ``["916123"]``; ``89161234567`` (a full national number with the trunk
    prefix) -> ``["79161234567", "89161234567"]``.
    """
    only = digits(query)
    if not only:
        return []
    variants = [only]
    if len(only) >= 7:
        for candidate_region in dict.fromkeys((region, *SUPPORTED_REGIONS)):
            try:
                number = phonenumbers.parse(query, candidate_region)
            except NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                full = digits(phonenumbers.format_number(number, PhoneNumberFormat.E164))
                if full not in variants:
                    variants.insert(0, full)
                break
    return variants
