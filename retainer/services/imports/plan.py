"""What an import is made of: the layout found in a file, the owner's plan, the report.

Plain data, shared by the import's steps, the wizard and the command line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from retainer.excel.columns import IDENTIFYING
from retainer.excel.rows import Problem
from retainer.i18n import tr

SKIP, UPDATE, MERGE = "skip", "update", "merge"


@dataclass
class LinkedSheet:
    """A purchases sheet whose rows point at their customer by code, phone or e-mail."""

    sheet: str
    header_row: int
    mapping: dict[int, str]


@dataclass(frozen=True)
class Layout:
    """What the import service found in a file: sheets, header row, columns, first rows.

    Frozen: a different header row or purchases sheet is a new layout, asked of the service
    (or made with ``dataclasses.replace`` for a choice that needs no reading)."""

    path: str
    sheets: list[str]
    sheet: str
    header_row: int           # 0-based
    headers: list[str]
    mapping: dict[int, str]
    remembered: bool          # the mapping was chosen before for these headers
    sample: list[list[Any]]   # rows after the header, raw
    restore: dict[str, tuple[str, int]] | None = None  # set for a workbook Retainer exported
    purchases: LinkedSheet | None = None  # a sheet of purchases found beside the customers

    def plan(self, **choices) -> Plan:
        purchases = self.purchases
        if self.restore:
            sheet, row = self.restore["Purchases"]
            purchases = LinkedSheet(sheet, row, dict(RESTORE_PURCHASES))
        return Plan(self.path, self.sheet, self.header_row, dict(self.mapping),
                    purchases=purchases, restore=self.restore, **choices)


@dataclass
class Plan:
    path: str
    sheet: str | None
    header_row: int
    mapping: dict[int, str]
    duplicates: str = SKIP
    row_choices: dict[int, str] = field(default_factory=dict)  # file row -> skip/update/merge
    purchases: LinkedSheet | None = None
    restore: dict[str, tuple[str, int]] | None = None  # a Retainer workbook: its tables
    region: str | None = None  # phones without a code are from here (default: the base's)


# A workbook exported by Retainer is read by its tables' names and column order, whatever
# language its headers are in, so an export imported into an empty base gives the base back.
RESTORE_CUSTOMERS = {0: "restore_id", 1: "name", 2: "phone", 3: "phone2", 4: "email",
                     5: "birthday", 6: "city", 7: "address", 8: "card_number", 9: "tags",
                     10: "source", 11: "referred_by_code", 12: "consent", 13: "do_not_call",
                     14: "notes", 15: "created_at", 22: "customer_code", 23: "purchase_count",
                     24: "total_spent", 25: "first_purchase", 26: "last_purchase"}
RESTORE_PURCHASES = {0: "restore_id", 3: "purchase_date", 4: "amount", 5: "items"}


@dataclass
class Duplicate:
    row: int
    key: str
    name: str
    existing_name: str
    in_base: bool  # False: an earlier row of the same file


@dataclass
class Progress:
    done: int
    total: int


@dataclass
class Report:
    rows: int = 0
    customers_added: int = 0
    customers_updated: int = 0
    purchases_added: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    import_id: int | None = None
    dry_run: bool = False

    @property
    def rows_with_problems(self) -> int:
        return len({p.row for p in self.problems})

    def outcome(self) -> str:
        """"3 customers added, 1 updated, 0 skipped; 5 purchases added", in the user's words."""
        return tr("{added}, {updated}, {skipped}; {purchases}").format(
            added=tr("%Ln customers added", "", self.customers_added),
            updated=tr("%Ln updated", "customers …", self.customers_updated),
            skipped=tr("%Ln skipped", "customers …", self.skipped),
            purchases=tr("%Ln purchases added", "", self.purchases_added))


@dataclass(frozen=True)
class ImportRecord:
    id: int
    file_name: str
    imported_at: datetime
    rows: int
    customers_added: int
    customers_updated: int
    purchases_added: int
    undone_at: datetime | None


def plan_problem(mapping: dict[int, str]) -> str | None:
    fields = set(mapping.values())
    if not fields & set(IDENTIFYING):
        return tr("Choose which column holds the name, the phone, the e-mail, the customer's "
                  "code or the card number.")
    if "amount" in fields and "purchase_date" not in fields:
        return tr("Purchases need a date: choose the column with the purchase date, or do not "
                  "import the amount.")
    return None
