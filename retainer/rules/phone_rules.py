"""libphonenumber's own numbering-plan rules, compiled once per country for bulk work.

``phonenumbers.parse`` + ``is_valid_number`` read the metadata afresh on every call: a
pattern look-up per rule and a dozen rules per number, 10–25 µs a number, which was most of
a 100k-row import. Here the same metadata — number patterns, possible lengths, trunk
prefixes, the regions that share a calling code — is turned once into a small object per
region, and the library's decisions are taken again in a few microseconds.

Only plain numbers are handled: digits, written with ``+`` and a country code or in the
region's national form. Whenever the library would take a path not copied here (a number
dialled with an international prefix such as 810 or 00, national numbers with leading
zeros, too short or too long input) the functions return ``None`` and the caller asks the
library itself. A test compares both on many thousands of generated numbers.
"""

from __future__ import annotations

import re
from functools import cache

from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata, region_code_for_country_code

_MIN_NSN, _MAX_NSN = 2, 17  # the library's national significant number limits
_TOO_SHORT, _POSSIBLE, _LOCAL_ONLY, _TOO_LONG, _INVALID_LENGTH = range(5)
_KEEP_UNSTRIPPED = (_TOO_SHORT, _LOCAL_ONLY, _INVALID_LENGTH)


def _desc(desc) -> tuple[frozenset[int], str] | None:
    """(possible lengths, pattern) of a number description; None never matches."""
    if desc is None or not desc.national_number_pattern:
        return None
    return frozenset(desc.possible_length), desc.national_number_pattern


def _never(_number: str) -> None:
    return None


class Rules:
    """One region's metadata, compiled."""

    def __init__(self, meta) -> None:
        self.country_code = meta.country_code
        self.code_text = str(meta.country_code)
        general = meta.general_desc
        described = _desc(general)
        self.general_lengths = described[0] if described else frozenset()
        self.general_pattern = re.compile(described[1]).fullmatch if described else None
        types = [meta.premium_rate, meta.toll_free, meta.shared_cost, meta.voip,
                 meta.personal_number, meta.pager, meta.uan, meta.voicemail, meta.fixed_line]
        if not meta.same_mobile_and_fixed_line_pattern:
            types.append(meta.mobile)  # when both patterns are the same, fixed line decides
        self.types = [d for d in map(_desc, types) if d is not None]
        self._any_type: dict[int, object] = {}
        self.lengths = sorted(general.possible_length) if general is not None else []
        self.local_lengths = (frozenset(general.possible_length_local_only) if general is not None
                              else frozenset())
        self.leading = re.compile(meta.leading_digits).match if meta.leading_digits else None
        self.international_prefix = (re.compile(meta.international_prefix).match
                                     if meta.international_prefix else None)
        prefix = meta.national_prefix_for_parsing
        self.prefix = re.compile(prefix) if prefix else None
        self.transform = meta.national_prefix_transform_rule or None

    def valid(self, national: str) -> bool:
        """is_valid_number_for_region: the general pattern and one of the number types.

        Which type matched does not matter here, so the types allowed at this length are
        tried as one alternation: a single regular-expression call.
        """
        size = len(national)
        if self.general_pattern is None or (self.general_lengths and size not in self.general_lengths):
            return False
        if not self.general_pattern(national):
            return False
        any_type = self._any_type.get(size)
        if any_type is None:
            patterns = [p for lengths, p in self.types if not lengths or size in lengths]
            any_type = re.compile("|".join(f"(?:{p})" for p in patterns)).fullmatch if patterns else _never
            self._any_type[size] = any_type
        return bool(any_type(national))

    def general_matches(self, number: str) -> bool:
        return self.general_pattern is not None and self.general_pattern(number) is not None

    def length_result(self, national: str) -> int:
        """_test_number_length against the general description."""
        if not self.lengths:
            return _INVALID_LENGTH
        size = len(national)
        if size in self.local_lengths:
            return _LOCAL_ONLY
        if self.lengths[0] == size:
            return _POSSIBLE
        if self.lengths[0] > size:
            return _TOO_SHORT
        if self.lengths[-1] < size:
            return _TOO_LONG
        return _POSSIBLE if size in self.lengths[1:] else _INVALID_LENGTH

    def strip_national_prefix(self, number: str) -> str:
        """The number without its trunk prefix (8 in Russia, 0 in Britain), where one applies."""
        if not number or self.prefix is None:
            return number
        found = self.prefix.match(number)
        if not found:
            return number
        viable = self.general_matches(number)
        groups = found.groups()
        if self.transform is None or not groups or groups[-1] is None:
            rest = number[found.end():]
        else:
            rest = self.prefix.sub(self.transform, number, count=1)
        if viable and not self.general_matches(rest):
            return number
        return rest


@cache
def rules_for(region: str) -> Rules | None:
    meta = PhoneMetadata.metadata_for_region(region.upper(), None)
    return Rules(meta) if meta is not None else None


@cache
def _rules_for_code(country_code: int, region: str) -> Rules | None:
    meta = PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)
    return Rules(meta) if meta is not None else None


def is_valid(country_code: int, national: str) -> bool:
    """phonenumbers.is_valid_number for +country_code national (no leading zeros)."""
    regions = COUNTRY_CODE_TO_REGION_CODE.get(country_code)
    if not regions:
        return False
    if len(regions) == 1:
        rules = _rules_for_code(country_code, regions[0])
        return rules is not None and rules.valid(national)
    for region in regions:  # the first region that claims the number decides
        rules = _rules_for_code(country_code, region)
        if rules is None:
            continue
        if rules.leading is not None:
            if rules.leading(national):
                return rules.valid(national)
        elif rules.valid(national):
            return True
    return False


def _finish(rules: Rules, national: str) -> str | None:
    """The end of parse (trunk prefix, lengths) and the validity check; E.164 or None."""
    if len(national) < _MIN_NSN:
        return None
    stripped = rules.strip_national_prefix(national)
    if rules.length_result(stripped) not in _KEEP_UNSTRIPPED:
        national = stripped
    if not _MIN_NSN <= len(national) <= _MAX_NSN or national[0] == "0":
        return None
    if not is_valid(rules.country_code, national):
        return None
    return f"+{rules.code_text}{national}"


def split_code(digits: str) -> tuple[int, str] | None:
    """The digits after a ``+`` as (calling code, the rest); calling codes are prefix-free."""
    if len(digits) <= 2 or digits[0] == "0":
        return None
    for size in (1, 2, 3):
        code = int(digits[:size])
        if code in COUNTRY_CODE_TO_REGION_CODE:
            return code, digits[size:]
    return None


def from_international(digits: str) -> str | None:
    """The digits after a ``+``: the E.164 number when the library would find it valid."""
    split = split_code(digits)
    if split is None:
        return None
    code, rest = split
    rules = _rules_for_code(code, region_code_for_country_code(code))
    return None if rules is None else _finish(rules, rest)


def from_national(digits: str, region: str) -> str | None:
    """Digits as written in ``region`` (maybe with a trunk prefix, or the country code
    without its ``+``): the E.164 number when the library would find it valid."""
    rules = rules_for(region)
    if rules is None or len(digits) < _MIN_NSN:
        return None
    if rules.international_prefix is not None and rules.international_prefix(digits):
        return None  # dialled from abroad (810..., 00...): the library's own path
    national = digits
    if digits.startswith(rules.code_text):
        # 79161234567 in Russia: the country code without its +, when that is the only reading.
        potential = rules.strip_national_prefix(digits[len(rules.code_text):])
        if ((not rules.general_matches(digits) and rules.general_matches(potential))
                or rules.length_result(digits) == _TOO_LONG):
            if region_code_for_country_code(rules.country_code) != region.upper():
                return None  # the library then reads it with the main region's rules
            national = potential
    return _finish(rules, national)
