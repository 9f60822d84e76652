"""Everything to Excel in one click: a sheet per kind of record and a Summary with charts.

openpyxl's write-only mode streams rows to disk, so memory stays flat however large the
base; it keeps Excel tables and native charts, provided each table's columns are named by
hand (otherwise Excel calls the file damaged). Table names stay in English — the import
recognises a Retainer workbook by them — while sheet titles and headers follow the UI language.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from retainer.db.models import Contact, Customer, Feedback, Purchase, Reminder
from retainer.excel.writer import (
    DATE,
    DATETIME,
    FORMULA_STARTS,
    MONEY,
    NUMBER,
    TEXT,
    Column,
    clean_text,
    number_formats,
    save_atomically,
    sheet_title,
)
from retainer.i18n import tr
from retainer.rules import labels, phones
from retainer.rules.status import PurchaseRhythm, status_of
from retainer.services import loyalty
from retainer.services.base import Context

BATCH = 5000
TABLES = ("Customers", "Purchases", "Contacts", "Feedback", "Reminders")


@dataclass
class ExportReport:
    customers: int = 0
    purchases: int = 0
    contacts: int = 0
    feedback: int = 0
    reminders: int = 0
    removed_characters: int = 0

    def saved_line(self, file: object) -> str:
        """"Saved base.xlsx: 3 customers, 5 purchases." in the user's words."""
        return tr("Saved {file}: {customers}, {purchases}.").format(
            file=file, customers=tr("%Ln customers", "saved …", self.customers),
            purchases=tr("%Ln purchases", "saved …", self.purchases))


@dataclass
class Step:
    done: int
    total: int
    what: str


class SheetWriter:
    """Appends typed rows to a write-only sheet and makes it one Excel table."""

    def __init__(self, book, title: str, table: str, columns: list[Column], report: ExportReport,
                 currency: str = ""):
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        self.ws = book.create_sheet(sheet_title(title))
        self.table, self.columns, self.report = table, columns, report
        self.rows = 0
        for i, column in enumerate(columns, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = column.width
        self.ws.freeze_panes = "A2"
        from openpyxl.cell import WriteOnlyCell

        self._cell = WriteOnlyCell
        bold = Font(bold=True)
        header = []
        for column in columns:
            cell = WriteOnlyCell(self.ws, value=column.header)
            cell.font = bold
            header.append(cell)
        self.ws.append(header)
        formats = number_formats(currency)
        # One cell per formatted column, reused for every row: a write-only sheet serialises a
        # row the moment it is appended, so the cell is free again for the next row, and its
        # number format is resolved once instead of a million times.
        self._typed: list[Any] = []
        for column in columns:
            if column.kind in formats:
                cell = WriteOnlyCell(self.ws)
                cell.number_format = formats[column.kind]
                self._typed.append(cell)
            else:
                self._typed.append(None)

    def append(self, values: list[Any]) -> None:
        row: list[Any] = []
        add = row.append
        for index, value in enumerate(values):
            if value is None or value == "":
                add(None)
                continue
            cell = self._typed[index]
            if cell is not None and value.__class__ is not str:
                cell.value = value  # this column's one formatted cell, written as soon as sent
                add(cell)
                continue
            if value.__class__ is not str and self.columns[index].kind != TEXT:
                add(value)
                continue
            text = clean_text(value if value.__class__ is str else str(value), self.report)
            if text.startswith(FORMULA_STARTS):
                unsafe = self._cell(self.ws, value=text)
                unsafe.data_type = "s"  # stored as text: Excel never runs it
                add(unsafe)
            else:
                add(text)
        self.ws.append(row)
        self.rows += 1

    def finish(self) -> None:
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.table import Table, TableStyleInfo

        last = get_column_letter(len(self.columns))
        table = Table(displayName=self.table, ref=f"A1:{last}{self.rows + 1 if self.rows else 2}")
        table._initialise_columns()
        for column, spec in zip(table.tableColumns, self.columns, strict=True):
            column.name = spec.header
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        with warnings.catch_warnings():
            # openpyxl warns that write-only tables need their columns named: they are, above.
            warnings.simplefilter("ignore", UserWarning)
            self.ws.add_table(table)


class ExportService:
    def __init__(self, ctx: Context, metrics) -> None:
        self.ctx = ctx
        self.metrics = metrics

    def export_all(self, path: str) -> Generator[Step, None, ExportReport]:
        """Writes the workbook beside ``path`` and renames it into place when complete."""
        from openpyxl import Workbook

        target = Path(path)
        report = ExportReport()
        book = Workbook(write_only=True)
        try:
            with self.ctx.read() as session:
                total = sum(session.execute(select(func_count(m))).scalar_one()
                            for m in (Customer, Purchase, Contact, Feedback, Reminder))
                done = 0
                summary = book.create_sheet(tr("Summary"))
                for what, writer_step in self._sheets(book, session, report):
                    for n in writer_step:
                        done += n
                        yield Step(done, total, what)
            from retainer.services.export_summary import write_summary

            write_summary(summary, self.metrics, self.ctx)
            yield Step(total, total, tr("Saving"))
            save_atomically(book, target)
        except BaseException:
            # Cancelled or failed: finish the half-written sheets' temporary files quietly.
            for sheet in book.worksheets:
                try:
                    sheet.close()
                except Exception:  # noqa: BLE001 - already failing: the first error is the one to report
                    pass
            raise
        return report

    def export_list(self, customers, query, path: str) -> int:
        """The customer list as filtered on screen, as one Excel table."""
        from openpyxl import Workbook

        report = ExportReport()
        book = Workbook(write_only=True)
        sheet = SheetWriter(book, tr("Customers"), "CustomerList", [
            Column(tr("Name"), width=28), Column(tr("Phone"), width=18), Column(tr("Status"), width=10),
            Column(tr("Last purchase"), DATE, 13), Column(tr("Purchases"), NUMBER, 10),
            Column(tr("Total spent"), MONEY, 12), Column(tr("Tags"), width=24)], report,
            self.ctx.settings.currency)
        offset = 0
        while True:
            rows = customers.page(query, offset, BATCH)
            for r in rows:
                sheet.append([r.name, phones.display(r.phone), r.status.label,
                              r.last_purchase_at.date() if r.last_purchase_at else None,
                              r.purchase_count, r.total_spent_cents / 100, r.tags])
            offset += len(rows)
            if len(rows) < BATCH:
                break
        sheet.finish()
        save_atomically(book, Path(path))
        return sheet.rows

    def export_all_to_end(self, path: str) -> ExportReport:
        steps = self.export_all(path)
        while True:
            try:
                next(steps)
            except StopIteration as done:
                return done.value

    def _sheets(self, book, session, report: ExportReport):
        s = self.ctx.settings
        today = self.ctx.today()
        names = {}
        yes, no = tr("yes"), tr("no")

        def stream(stmt) -> Iterable[list]:
            result = session.connection().execution_options(yield_per=BATCH).execute(stmt)
            yield from result.partitions(BATCH)

        customers = SheetWriter(book, tr("Customers"), "Customers", [
            Column(tr("Code"), NUMBER, 9), Column(tr("Name"), width=28), Column(tr("Phone"), width=18),
            Column(tr("Second phone"), width=18), Column(tr("E-mail"), width=28),
            Column(tr("Birthday"), DATE, 12), Column(tr("City"), width=16), Column(tr("Address"), width=28),
            Column(tr("Card number"), width=14), Column(tr("Tags"), width=20),
            Column(tr("Came from"), width=16),
            Column(tr("Referred by (code)"), NUMBER, 10), Column(tr("Agreed to messages"), width=10),
            Column(tr("Do not call"), width=10), Column(tr("Notes"), width=30),
            Column(tr("Customer since"), DATE, 12), Column(tr("Status"), width=10),
            Column(tr("Purchases"), NUMBER, 10), Column(tr("Total spent"), MONEY, 12),
            Column(tr("First purchase"), DATE, 12), Column(tr("Last purchase"), DATE, 12),
            Column(tr("Churn reason"), width=16),
            # The shop's own code, and the opening history a list with totals brought
            # (docs/figures.md): read back by an import, so the round trip keeps them.
            Column(tr("Code in your files"), width=12),
            Column(tr("Purchases before Retainer"), NUMBER, 10),
            Column(tr("Spent before Retainer"), MONEY, 12),
            Column(tr("First purchase before Retainer"), DATE, 12),
            Column(tr("Last purchase before Retainer"), DATE, 12),
            Column(tr("Tier", "a loyalty tier"), width=12)], report, self.ctx.settings.currency)
        tiers = {i: t.tier.name for i, t in loyalty.tier_names(session).items()}
        from retainer.db.models import CustomerPhone

        def customer_rows():
            phone_rows = session.execute(select(CustomerPhone.customer_id, CustomerPhone.number)
                                         .order_by(CustomerPhone.customer_id, CustomerPhone.position))
            numbers: dict[int, list[str]] = {}
            for cid, number in phone_rows:
                numbers.setdefault(cid, []).append(number)
            # Plain rows, streamed: ORM objects for the whole base would all stay in memory.
            stmt = (select(*Customer.__table__.c).where(Customer.deleted_at.is_(None),
                                                        Customer.erased_at.is_(None))
                    .order_by(Customer.id))
            for part in stream(stmt):
                for c in part:
                    own = numbers.pop(c.id, [])
                    shown = [phones.display(n) for n in own]
                    # Every linked sheet repeats the name and phone: formatted once, here.
                    names[c.id] = (c.name, shown[0] if shown else "")
                    status = status_of(PurchaseRhythm(c.purchase_count, c.last_purchase_day,
                                                      c.median_gap_days, c.lost_at is not None),
                                       today, s.lapse_days, s.risk_factor)
                    customers.append([
                        c.id, c.name, shown[0] if shown else "", ", ".join(shown[1:]), c.email,
                        c.birthday, c.city, c.address, c.card_number, c.tag_list, c.source,
                        c.referred_by_id, yes if c.consent_to_messages else no,
                        yes if c.do_not_call else no, c.notes, c.created_at.date(),
                        status.label, c.purchase_count, c.total_spent_cents / 100,
                        c.first_purchase_at.date() if c.first_purchase_at else None,
                        c.last_purchase_at.date() if c.last_purchase_at else None,
                        labels.churn_reason(c.churn_reason), c.code,
                        c.opening_count or None,
                        c.opening_spent_cents / 100 if c.opening_spent_cents else None,
                        _day(c.opening_first_day), _day(c.opening_last_day),
                        tiers.get(c.tier_id)])
                    report.customers += 1
                yield len(part)
            customers.finish()

        yield tr("Customers"), customer_rows()

        def linked(title: str, table: str, columns: list[Column], stmt, row: Callable, counter: str):
            sheet = SheetWriter(book, title, table, [
                Column(tr("Customer code"), NUMBER, 10), Column(tr("Customer"), width=26),
                Column(tr("Phone"), width=18)] + columns, report, self.ctx.settings.currency)

            def rows():
                for part in stream(stmt):
                    for r in part:
                        if r.customer_id not in names:
                            continue  # a customer in the trash
                        name, phone = names[r.customer_id]
                        sheet.append([r.customer_id, name, phone] + row(r))
                        setattr(report, counter, getattr(report, counter) + 1)
                    yield len(part)
                sheet.finish()

            return title, rows()

        yield linked(tr("Purchases"), "Purchases", [
            Column(tr("Date"), DATETIME, 17), Column(tr("Amount"), MONEY, 12),
            Column(tr("What they bought"), width=30), Column(tr("Comment"), width=30)],
            select(Purchase.customer_id, Purchase.purchased_at, Purchase.amount_cents, Purchase.items,
                   Purchase.comment).order_by(Purchase.customer_id, Purchase.purchased_at),
            lambda r: [r.purchased_at, r.amount_cents / 100, r.items, r.comment], "purchases")
        yield linked(tr("Calls"), "Contacts", [
            Column(tr("When"), DATETIME, 17), Column(tr("How"), width=10), Column(tr("Outcome"), width=16),
            Column(tr("Satisfied"), width=10), Column(tr("Why not"), width=28),
            Column(tr("Could offer"), width=24), Column(tr("Recommended"), width=24),
            Column(tr("Notes"), width=30)],
            select(Contact).order_by(Contact.contacted_at).with_only_columns(
                Contact.customer_id, Contact.contacted_at, Contact.channel, Contact.outcome,
                Contact.satisfied, Contact.satisfaction_comment, Contact.wished_offer,
                Contact.referral_note, Contact.notes),
            lambda r: [r.contacted_at, labels.channel(r.channel), labels.outcome(r.outcome),
                       "" if r.satisfied is None else (tr("yes") if r.satisfied else tr("no")),
                       r.satisfaction_comment, r.wished_offer, r.referral_note, r.notes], "contacts")
        yield linked(tr("Feedback"), "Feedback", [
            Column(tr("Date"), DATE, 12), Column(tr("Score (0–10)"), NUMBER, 10),
            Column(tr("Comment"), width=36), Column(tr("Complaint"), width=10),
            Column(tr("Resolution"), width=30), Column(tr("Churn reason"), width=18)],
            select(Feedback.customer_id, Feedback.given_on, Feedback.nps_score, Feedback.comment,
                   Feedback.is_complaint, Feedback.resolution, Feedback.churn_reason)
            .order_by(Feedback.given_on),
            lambda r: [r.given_on, r.nps_score, r.comment, tr("yes") if r.is_complaint else "",
                       r.resolution, labels.churn_reason(r.churn_reason)], "feedback")
        yield linked(tr("Reminders"), "Reminders", [
            Column(tr("Due"), DATE, 12), Column(tr("Why"), width=16), Column(tr("State"), width=12),
            Column(tr("Snoozed until"), DATE, 12), Column(tr("Note"), width=36)],
            select(Reminder.customer_id, Reminder.due_on, Reminder.reason, Reminder.state,
                   Reminder.snoozed_until, Reminder.note).order_by(Reminder.due_on),
            lambda r: [r.due_on, labels.reminder_reason(r.reason), labels.reminder_state(r.state),
                       r.snoozed_until, r.note], "reminders")


def func_count(model):
    from sqlalchemy import func

    return func.count(model.id)


def _day(number: int | None) -> date | None:
    return date.fromordinal(number) if number else None
