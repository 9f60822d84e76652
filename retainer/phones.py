"""Phone numbers: stored as E.164, shown in international format, searched by digits.

phonenumbers (Google's libphonenumber metadata) knows every country's trunk prefixes and
number lengths; a hand-written parser would get ``8 (916) ...`` or ``+370 6...`` wrong.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

SUPPORTED_REGIONS = ("RU", "LT", "GB", "US", "LV", "EE", "PL", "DE", "BY", "UA", "KZ")
_DIGITS = re.compile(r"\D+")
_SEPARATORS = re.compile(r"[\s().\-]+")
_INTERNATIONAL = re.compile(r"^\+[1-9]\d{6,14}$")


def _international(text: str) -> str | None:
    """A number already written with + and its country code, checked by libphonenumber.

    Country calling codes are prefix-free, so the first 1–3 digits that form one are it;
    building the number directly skips most of ``parse`` (half an import's phone time). Only
    a valid number is returned: anything else goes through the full parse, which decides.
    """
    compact = _SEPARATORS.sub("", text)
    if not _INTERNATIONAL.match(compact):
        return None
    digits = compact[1:]
    for size in (1, 2, 3):
        code = int(digits[:size])
        if code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            national = digits[size:]
            if national.startswith("0"):
                return None  # leading zeros have rules of their own: let parse handle them
            number = phonenumbers.PhoneNumber(country_code=code, national_number=int(national))
            return "+" + digits if phonenumbers.is_valid_number(number) else None
    return None


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
    if text.startswith("+"):
        fast = _international(text)
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
