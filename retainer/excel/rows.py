"""From a sheet's rows to clean customers and purchases, with every problem named.

Pure Python, no database: the import service feeds rows in and gets records and problems out,
so the preview, the test run and the import all read a file the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from retainer.excel import values
from retainer.excel.columns import OPENING_FIELDS, PURCHASE_FIELDS, field_label
from retainer.i18n import tr
from retainer.rules import labels, phones
from retainer.rules.dates import format_date
from retainer.rules.validation import MAX_AMOUNT_CENTS

_EMAIL_OK = __import__("re").compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


@dataclass
class Problem:
    row: int        # as Excel numbers it (1 = the first row of the sheet)
    column: str     # the column's header in the file
    value: str
    message: str


@dataclass
class RowRecord:
    """One file row, cleaned: the customer it describes and, maybe, a purchase."""

    row: int
    name: str = ""
    phones: list[str] = field(default_factory=list)
    email: str | None = None
    birthday: date | None = None
    city: str | None = None
    address: str | None = None
    card_number: str | None = None
    tags: list[str] = field(default_factory=list)
    source: str | None = None
    notes: str | None = None
    consent: bool | None = None
    do_not_call: bool | None = None
    customer_code: str | None = None
    referred_by_code: str | None = None
    created_at: datetime | None = None
    purchased_at: datetime | None = None
    amount_cents: int | None = None
    items: str | None = None
    # The opening history of a list with totals (rules/opening.py).
    opening_count: int = 0
    opening_spent_cents: int = 0
    opening_first: date | None = None
    opening_last: date | None = None
    name_from_code: bool = False  # no name in the file: "Customer 00123"
    restore_id: str | None = None  # a Retainer export's own code, linking its sheets

    def keys(self) -> list[str]:
        """What identifies the customer: phones, e-mail, the file's own code; else the card
        number, else the name."""
        found = [f"phone:{p}" for p in self.phones]
        if self.email:
            found.append(f"email:{self.email}")
        if self.restore_id:
            found.append(f"restore:{self.restore_id}")
        if self.customer_code:
            found.append(f"code:{self.customer_code}")
        if not found and self.card_number:
            found.append(f"card:{self.card_number}")
        if not found and self.name:
            found.append(f"name:{self.name.casefold()}")
        return found

    @property
    def has_opening(self) -> bool:
        return bool(self.opening_count or self.opening_spent_cents or self.opening_first
                    or self.opening_last)

    @property
    def has_purchase(self) -> bool:
        return self.amount_cents is not None



class RowReader:
    """Turns raw rows into RowRecords with a fixed column mapping."""

    def __init__(self, headers: list[str], mapping: dict[int, str], region: str, today: date,
                 linked: bool = False) -> None:
        """``linked``: a purchases sheet, whose rows only point at their customer."""
        self.headers = headers
        self.mapping = {i: f for i, f in mapping.items() if f}
        self.region, self.today = region, today
        self.linked = linked
        self.partial = False  # the preview's reader: a row with problems keeps what was read
        self.flat = linked or bool(set(self.mapping.values()) & set(PURCHASE_FIELDS))
        self.opening = bool(set(self.mapping.values()) & set(OPENING_FIELDS))
        self._column_of = {f: i for i, f in self.mapping.items()}

    def header(self, index: int) -> str:
        if index < len(self.headers) and self.headers[index]:
            return self.headers[index]
        return field_label(self.mapping.get(index, ""))

    def read(self, rows: Iterable[tuple[int, list[Any]]]) -> Iterator[tuple[RowRecord | None, list[Problem]]]:
        """(record, problems) per non-blank row; record is None when the row cannot be used."""
        pairs = list(self.mapping.items())
        blank = values.is_blank
        for number, row in rows:
            size = len(row)
            cells = {f: row[i] for i, f in pairs if i < size}
            if all(blank(v) for v in cells.values()):
                continue
            yield self._record(number, row, cells)

    # The row being read, for _get and _problem (a closure per row costs more).
    _number: int
    _row: list[Any]
    _cells: dict[str, Any]
    _problems: list[Problem]

    def _problem(self, field_name: str, message: str) -> None:
        index = self._column_of[field_name]
        value = self._row[index] if index < len(self._row) else ""
        self._problems.append(Problem(self._number, self.header(index), values.text(value), message))

    def _get(self, field_name: str, reader):
        value = self._cells.get(field_name)
        if value is None or (value.__class__ is str and not value.strip()):
            return None
        try:
            return reader(value)
        except ValueError as exc:  # PhoneError is a ValueError too
            self._problem(field_name, str(exc))
            return None

    def _phone(self, value: Any) -> str:
        return values.phone(value, self.region)

    def _day(self, value: Any) -> date:
        return values.day(value, self.today)

    def _moment(self, value: Any) -> datetime:
        return values.moment(value, self.today)

    @staticmethod
    def _email(value: Any) -> str:
        return values.text(value).lower()

    def _record(self, number: int, row: list[Any], cells: dict[str, Any]):
        record = RowRecord(row=number)
        problems: list[Problem] = []
        self._number, self._row, self._cells, self._problems = number, row, cells, problems
        get, problem = self._get, self._problem

        # Only the columns the file has are read: most files map a handful of fields.
        name = get("name", values.text) or "" if "name" in cells else ""
        if not name:
            parts = [get(f, values.text) for f in ("last_name", "first_name", "middle_name") if f in cells]
            name = " ".join(p for p in parts if p)
        record.name = " ".join(name.split())[:200]
        for f in ("phone", "phone2"):
            if f not in cells:
                continue
            number_ = get(f, self._phone)
            if number_ and number_ not in record.phones:
                record.phones.append(number_)
        email = get("email", self._email) if "email" in cells else None
        if email:
            if _EMAIL_OK.match(email):
                record.email = email
            else:
                problem("email", tr("“{value}” is not an e-mail address.").format(value=email))
        birthday = get("birthday", self._day) if "birthday" in cells else None
        if birthday is not None:
            if birthday > self.today or birthday.year < 1900:
                problem("birthday", tr("A birthday cannot be {date}.").format(
                    date=format_date(birthday)))
            else:
                record.birthday = birthday
        for f in ("city", "address", "card_number", "source", "notes", "customer_code",
                  "referred_by_code", "restore_id"):
            if f in cells:
                setattr(record, f, get(f, values.text) or None)
        if "tags" in cells:
            record.tags = get("tags", values.tag_list) or []
        if "consent" in cells:
            record.consent = get("consent", values.flag)
        if "do_not_call" in cells:
            record.do_not_call = get("do_not_call", values.flag)
        if "created_at" in cells:
            created = get("created_at", self._moment)
            if created is not None and created.date() <= self.today:
                record.created_at = created
        if self.flat:
            self._purchase(record, get, problem)
        if self.opening:
            self._opening(record, get, problem, cells)
        if self.linked:
            if not record.keys():
                problems.append(Problem(number, self.header(next(iter(self.mapping))), "",
                                        tr("The purchase does not say whose it is.")))
            elif record.amount_cents is None and not problems:
                problems.append(Problem(number, self.header(next(iter(self.mapping))), "",
                                        tr("The purchase has no amount.")))
            return (None if problems and not self.partial else record), problems
        code = record.customer_code or record.card_number
        if code and record.name.endswith(code) and record.name == labels.code_name(code):
            record.name_from_code = True  # a name Retainer made, exported and read back
        if not record.name:
            if record.phones or record.email:
                record.name = phones.display(record.phones[0]) if record.phones else record.email
            elif code:
                record.name, record.name_from_code = labels.code_name(code), True
            elif not problems:
                problems.append(Problem(number, self.header(next(iter(self.mapping))), "",
                                        tr("The row has no name, phone, e-mail, code or card "
                                           "number.")))
        return (None if problems and not self.partial else record), problems

    def _opening(self, record: RowRecord, get, problem, cells) -> None:
        """Totals instead of purchases: the customer's opening history."""
        spent = get("total_spent", values.money) if "total_spent" in cells else None
        if spent is not None:
            if spent < 0:
                problem("total_spent", tr("The total spent is below zero."))
            elif spent > MAX_AMOUNT_CENTS * 100:
                problem("total_spent", tr("The total is too large; check for an extra zero."))
            else:
                record.opening_spent_cents = spent
        count = get("purchase_count", values.count) if "purchase_count" in cells else None
        if count is not None:
            record.opening_count = count
        for name, field_name in (("opening_first", "first_purchase"), ("opening_last", "last_purchase")):
            when = get(field_name, self._day) if field_name in cells else None
            if when is None:
                continue
            if when > self.today:
                problem(field_name, tr("The date {date} is in the future.").format(
                    date=format_date(when)))
            elif when.year < 1990:
                problem(field_name, tr("The date {date} is too far in the past.").format(
                    date=format_date(when)))
            else:
                setattr(record, name, when)
        if record.opening_first and record.opening_last and record.opening_first > record.opening_last:
            problem("first_purchase", tr("The first purchase is after the last one."))
            record.opening_first = record.opening_last = None
        if record.opening_first is None and record.created_at is not None and record.has_opening:
            record.opening_first = record.created_at.date()  # "Клиент с": the first visit
    def _purchase(self, record: RowRecord, get, problem) -> None:
        amount = get("amount", values.money)
        when = get("purchase_date", self._moment)
        if amount is not None:
            if amount < 0:  # 0 is a visit (points, a free service); below is a return
                problem("amount", tr("The amount is below zero, like a return; only purchases "
                                     "and visits are imported."))
            elif amount > MAX_AMOUNT_CENTS:
                problem("amount", tr("The amount is too large; check for an extra zero."))
            else:
                record.amount_cents = amount
        if when is not None:
            if when.date() > self.today:
                problem("purchase_date", tr("The purchase date is in the future."))
            elif when.year < 1990:
                problem("purchase_date", tr("The purchase date is too far in the past."))
            else:
                record.purchased_at = when
        if record.amount_cents is not None and record.purchased_at is None and "purchase_date" in \
                set(self.mapping.values()) and when is None:
            problem("purchase_date", tr("The purchase has an amount but no date."))
        record.items = get("items", values.text) or None


SLICE = 10_000  # rows cleaned between two progress reports


def clean_slices(headers: list[str], mapping: dict[int, str], region: str, today: date,
                 rows: list[tuple[int, list[Any]]], linked: bool = False):
    """Cleans every row, yielding each slice's results in file order, so progress can be shown.

    One process does it all: with phone numbers checked by compiled rules (phone_rules) a
    row costs about 10 µs, less than handing it to a worker process would.
    """
    reader = RowReader(headers, mapping, region, today, linked)
    for start in range(0, len(rows), SLICE):
        yield list(reader.read(rows[start:start + SLICE]))
