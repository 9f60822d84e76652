"""Which country a file's phone numbers are from, when the base's country does not fit them.

A base set to the United States reads a Russian list's ``8 (916) …`` as American numbers and
rejects most of them. When many numbers written without a country code fail, the country of
the window's language and the countries of the numbers written with ``+`` in the same file
are tried, then (if none of them fits) every other country Retainer knows, and the one under
which most numbers are valid is proposed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import phonenumbers

from retainer.excel import values
from retainer.i18n import tr
from retainer.rules import phones

SAMPLE = 5000        # numbers looked at: enough to tell, quick on any file
FAILING_SHARE = 0.1  # from this share of failing numbers on, other countries are tried
FAILING_LEAST = 3


@dataclass(frozen=True)
class CountryGuess:
    current: str        # the base's country
    current_valid: int  # numbers without a code valid under it
    region: str         # the country proposed
    valid: int          # numbers without a code valid under that one
    total: int          # numbers written without a country code

    def sentence(self) -> str:
        return tr("{bad} of %Ln phone numbers written without a country code are not valid "
                  "for {current}; read as numbers from {country}, {valid} of them are.", "",
                  self.total).format(
                      bad=self.total - self.current_valid,
                      current=phones.region_name(self.current),
                      country=phones.region_name(self.region), valid=self.valid)


def _written_with_code(raw: str) -> bool:
    return raw.startswith(("+", "00"))


def _valid(raw: Any, region: str) -> bool:
    try:
        values.phone(raw, region)
    except ValueError:
        return False
    return True


def guess_country(cells: Iterable[Any], current: str, language_region: str | None) -> CountryGuess | None:
    """The country to propose for these phone cells, or None when the base's fits them."""
    national, abroad = [], set()
    for cell in cells:
        if values.is_blank(cell):
            continue
        raw = values.text(cell)
        if _written_with_code(raw):
            try:
                region = phonenumbers.region_code_for_number(phonenumbers.parse(raw, None))
            except phonenumbers.NumberParseException:
                continue
            if region in phones.SUPPORTED_REGIONS:
                abroad.add(region)
        else:
            national.append(cell)
        if len(national) >= SAMPLE:
            break
    if not national:
        return None
    current_valid = sum(_valid(c, current) for c in national)
    failing = len(national) - current_valid
    if failing < max(FAILING_LEAST, FAILING_SHARE * len(national)):
        return None
    likely = ({language_region} | abroad) & set(phones.SUPPORTED_REGIONS) - {current}
    others = set(phones.SUPPORTED_REGIONS) - likely - {current}
    # The likely countries first; every other one Retainer knows only if none of them fits.
    for candidates in (likely, others):
        scored = sorted(((sum(_valid(c, r) for c in national), r) for r in candidates), reverse=True)
        if scored and scored[0][0] > current_valid:
            valid, region = scored[0]
            return CountryGuess(current, current_valid, region, valid, len(national))
    return None
