"""Importing an Excel or CSV list: look at the file, preview, test run, import, undo.

The whole import is one transaction: cancelled (the generator is closed) or failed, nothing
is written. Duplicates — the same phone or e-mail twice in the file or already in the base —
are skipped, update the customer, or are merged into them, as the owner chooses.
"""

from __future__ import annotations

import gc
import json
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Generator, Iterable, Iterator

from sqlalchemy import select

from retainer.db.models import Import, ImportMapping
from retainer.events import CUSTOMERS, PURCHASES, REMINDERS, Change
from retainer.excel.columns import HeaderGuess, find_header, headers_key
from retainer.excel.reader import FileProblem, Source, open_file
from retainer.i18n import tr
from retainer.services.base import Context
from retainer.excel.rows import Problem, RowReader, RowRecord, clean_slices

SKIP, UPDATE, MERGE = "skip", "update", "merge"


@dataclass
class LinkedSheet:
    """A purchases sheet whose rows point at their customer by code, phone or e-mail."""

    sheet: str
    header_row: int
    mapping: dict[int, str]


@dataclass
class Layout:
    """What the wizard shows after choosing a file: sheets, header row, columns, first rows."""

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


# A workbook exported by Retainer is read by its tables' names and column order, whatever
# language its headers are in, so an export imported into an empty base gives the base back.
RESTORE_CUSTOMERS = {0: "customer_code", 1: "name", 2: "phone", 3: "phone2", 4: "email",
                     5: "birthday", 6: "city", 7: "address", 8: "card_number", 9: "tags",
                     10: "source", 11: "referred_by_code", 12: "consent", 13: "do_not_call",
                     14: "notes", 15: "created_at"}
RESTORE_PURCHASES = {0: "customer_code", 3: "purchase_date", 4: "amount", 5: "items"}


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
    if not fields & {"name", "first_name", "last_name", "phone", "email"}:
        return tr("Choose which column holds the name, the phone or the e-mail.")
    if "amount" in fields and "purchase_date" not in fields:
        return tr("Purchases need a date: choose the column with the purchase date, or do not "
                  "import the amount.")
    return None


class ImportService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._opened: tuple[tuple, Source] | None = None
        self._opening = threading.Lock()

    def _open(self, path: str) -> Source:
        """The file, opened once for the wizard's steps: looking, preview, test run, import.

        Reading a 100k-row sheet takes half a second; a file changed on disk in between
        (same path, other size or time) is opened afresh.
        """
        try:
            stat = os.stat(path)
            key = (str(path), stat.st_size, stat.st_mtime_ns)
        except OSError:
            return open_file(path)  # open_file names what is wrong with the path
        with self._opening:
            if self._opened is not None and self._opened[0] == key:
                return self._opened[1]
            source = open_file(path)
            self._opened = (key, source)
            return source

    def forget_file(self) -> None:
        """Let go of the file opened for the wizard's steps (the wizard closed)."""
        with self._opening:
            self._opened = None

    # Looking at a file ---------------------------------------------------------------------
    def layout(self, path: str, sheet: str | None = None) -> Layout:
        source = self._open(path)
        name = sheet or source.sheet_names[0]
        head = []
        for row in source.rows(name):
            head.append(list(row))
            if len(head) >= 60:
                break
        if not any(any(not _blank(c) for c in row) for row in head):
            raise FileProblem(tr("The sheet “{sheet}” of {file} is empty.").format(
                sheet=name, file=Path(path).name))
        tables = source.tables()
        if {"Customers", "Purchases"} <= set(tables) and sheet is None:
            name = tables["Customers"][0]
            head = [list(r) for _, r in zip(range(60), source.rows(name))]
            row = tables["Customers"][1]
            return Layout(str(path), source.sheet_names, name, row, [str(c) for c in head[row]],
                          dict(RESTORE_CUSTOMERS), True, head[row + 1:row + 21], restore=tables)
        guess: HeaderGuess = find_header(head, source.merged_ranges(name))
        remembered = self.remembered_mapping(guess.headers)
        mapping = remembered if remembered is not None else guess.mapping
        layout = Layout(str(path), source.sheet_names, name, guess.row, guess.headers, mapping,
                        remembered is not None, head[guess.row + 1:guess.row + 21])
        layout.purchases = self._purchases_sheet(source, name)
        return layout

    def _purchases_sheet(self, source: Source, customers_sheet: str) -> LinkedSheet | None:
        """Another sheet whose columns say whose purchase, when and how much."""
        for name in source.sheet_names:
            if name != customers_sheet:
                found = self._linked_guess(source, name)
                if found is not None:
                    return found
        return None

    def linked_sheet(self, path: str, sheet: str) -> LinkedSheet | None:
        """The purchases on ``sheet``, if its columns name a customer, a date and an amount."""
        return self._linked_guess(self._open(path), sheet)

    def _linked_guess(self, source: Source, name: str) -> LinkedSheet | None:
        head = [list(r) for _, r in zip(range(30), source.rows(name))]
        guess = find_header(head, ())
        fields = set(guess.mapping.values())
        if {"purchase_date", "amount"} <= fields and fields & {"phone", "email", "customer_code"}:
            keep = {"phone", "phone2", "email", "customer_code", "purchase_date", "amount", "items"}
            return LinkedSheet(name, guess.row, {i: f for i, f in guess.mapping.items() if f in keep})
        return None

    def remembered_mapping(self, headers: list[str]) -> dict[int, str] | None:
        with self.ctx.read() as session:
            saved = session.get(ImportMapping, headers_key(headers))
        if saved is None:
            return None
        return {int(k): v for k, v in json.loads(saved.mapping).items()}

    def preview(self, plan: Plan, limit: int = 20) -> list[tuple[RowRecord | None, list[Problem]]]:
        """The first rows exactly as they would be saved, with their problems."""
        source = self._open(plan.path)
        headers, rows = self._rows(source, plan)
        reader = RowReader(headers, plan.mapping, self.ctx.settings.default_region, self.ctx.today())
        out = []
        for item in reader.read(rows):
            out.append(item)
            if len(out) >= limit:
                break
        return out

    # Importing -----------------------------------------------------------------------------
    def run(self, plan: Plan, dry_run: bool = False) -> Generator[Progress, None, Report]:
        """Yields progress; returns the report. Closing the generator cancels: nothing is kept."""
        problem = plan_problem(plan.mapping)
        if problem:
            raise FileProblem(problem)
        with _collector_paused():
            report = yield from self._run(plan, dry_run)
        if not dry_run:  # a test run is followed by the import itself: keep the file for it
            self.forget_file()
        if not dry_run and (report.customers_added or report.customers_updated or report.purchases_added):
            self.ctx.announce(Change.of(CUSTOMERS, PURCHASES, REMINDERS))
        return report

    def _run(self, plan: Plan, dry_run: bool) -> Generator[Progress, None, Report]:
        source = self._open(plan.path)
        headers, rows = self._rows(source, plan)
        region, today = self.ctx.settings.default_region, self.ctx.today()
        flat = RowReader(headers, plan.mapping, region, today).flat
        raw = list(rows)
        total = max(len(raw), 1)
        report = Report(dry_run=dry_run)
        slices = clean_slices(headers, plan.mapping, region, today, raw)
        del raw
        records: list[RowRecord] = []
        self.ctx.check_writer()  # a test run writes too, and rolls back
        session = self.ctx.db.sessions()
        transaction = session.begin()
        try:
            writer = _Writer(self, session, plan, report, flat)
            done = 0
            for results in slices:
                part: list[RowRecord] = []
                for record, problems in results:
                    report.rows += 1
                    report.problems.extend(problems)
                    if record is not None:
                        part.append(record)
                done += len(results)
                records.extend(part)
                yield Progress(done // 2, total)
            linked = list(self._linked(source, plan, report))
            extras = self._extras(source, plan)
            for step in writer.write(records, linked, extras):
                yield Progress(total // 2 + step // 2, total)
            writer.finish()
            if dry_run:
                transaction.rollback()
            else:
                self._remember(session, headers, plan.mapping)
                transaction.commit()
        except BaseException:
            transaction.rollback()  # cancelled (GeneratorExit) or failed: nothing is kept
            raise
        finally:
            session.close()
        return report

    def _linked(self, source: Source, plan: Plan, report: Report) -> Iterable[RowRecord]:
        """Records of the purchases sheet, if the plan has one."""
        if plan.purchases is None:
            return
        sub = Plan(plan.path, plan.purchases.sheet, plan.purchases.header_row, plan.purchases.mapping)
        headers, rows = self._rows(source, sub)
        reader = RowReader(headers, plan.purchases.mapping, self.ctx.settings.default_region,
                           self.ctx.today(), linked=True)
        for record, problems in reader.read(rows):
            report.problems.extend(problems)
            if record is not None:
                yield record

    def _extras(self, source: Source, plan: Plan) -> dict:
        """Calls and feedback of a workbook Retainer exported, as raw rows."""
        extras = {}
        for table in ("Contacts", "Feedback"):
            if plan.restore and table in plan.restore:
                sheet, row = plan.restore[table]
                extras[table] = [list(r) for i, r in enumerate(source.rows(sheet)) if i > row]
        return extras

    def run_to_end(self, plan: Plan, dry_run: bool = False) -> Report:
        steps = self.run(plan, dry_run)
        while True:
            try:
                next(steps)
            except StopIteration as done:
                return done.value

    def _rows(self, source: Source, plan: Plan):
        """The header row's titles, and the rows below it numbered as Excel numbers them."""
        rows = source.rows(plan.sheet)
        headers: list[str] = []
        for index, row in enumerate(rows):
            if index == plan.header_row:
                headers = [str(c).strip() if c is not None else "" for c in row]
                break

        def rest() -> Iterable[tuple[int, list[Any]]]:
            yield from enumerate(rows, start=plan.header_row + 2)

        return headers, rest()

    def _remember(self, session, headers: list[str], mapping: dict[int, str]) -> None:
        key = headers_key(headers)
        saved = session.get(ImportMapping, key)
        text = json.dumps({str(k): v for k, v in mapping.items()})
        if saved is None:
            session.add(ImportMapping(headers_key=key, mapping=text, used_at=self.ctx.now()))
        else:
            saved.mapping, saved.used_at = text, self.ctx.now()

    # History -------------------------------------------------------------------------------
    def history(self) -> list[ImportRecord]:
        with self.ctx.read() as session:
            return [ImportRecord(i.id, i.file_name, i.imported_at, i.rows, i.customers_added,
                                 i.customers_updated, i.purchases_added, i.undone_at)
                    for i in session.scalars(select(Import).order_by(Import.id.desc()))]

    def undo(self, import_id: int) -> ImportRecord:
        from retainer.services.import_undo import undo_import

        with self.ctx.write() as session:
            undo_import(session, import_id, self.ctx.now())
        self.ctx.announce(Change.of(CUSTOMERS, PURCHASES, REMINDERS))
        return next(r for r in self.history() if r.id == import_id)

    def save_problems(self, report: Report, path: str) -> None:
        from retainer.excel.writer import Column, write_table

        columns = [Column(tr("Row"), "number", 8), Column(tr("Column"), width=22),
                   Column(tr("Value"), width=30), Column(tr("Problem"), width=70)]
        write_table(Path(path), tr("Problems"), "Problems", columns,
                    ([p.row, p.column, p.value, p.message] for p in report.problems))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while an import builds its hundreds of thousands of
    small objects: it would otherwise walk all of them again and again (a quarter of a
    100k-row import's time). They hold no cycles; reference counting frees them."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _Writer:
    """Writes cleaned rows inside the import's transaction, in one or several batches."""

    def __init__(self, service: ImportService, session, plan: Plan, report: Report, flat: bool) -> None:
        from retainer.services.import_apply import start_batch

        self.service, self.session, self.plan, self.report, self.flat = service, session, plan, report, flat
        self.now = service.ctx.now()
        self.batch = start_batch(session, plan, self.now)
        report.import_id = self.batch.id

    def finish(self) -> None:
        from retainer.services.import_apply import finish_batch

        finish_batch(self.session, self.batch, self.report)

    def write(self, records: list[RowRecord], linked: list[RowRecord], extras: dict) -> Iterable[int]:
        from retainer.services.import_apply import apply_records

        yield from apply_records(self, records, linked, extras)
