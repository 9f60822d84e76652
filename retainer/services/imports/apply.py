"""Writing an import inside its transaction, step by step: group the rows into customers,
find who is in the base already, check card numbers, update or add the customers, then add
their purchases. Each step that can take long reports progress, and a closed generator
(Cancel) stops between steps; the caller rolls the transaction back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from retainer.db.bulk import bulk_insert, indexes_deferred
from retainer.db.models import Customer, CustomerPhone, Import, ImportChange, Purchase, Tag, customer_tags
from retainer.events import PURCHASES
from retainer.excel.rows import Problem, RowRecord
from retainer.i18n import tr
from retainer.rules.opening import Opening
from retainer.services.imports.plan import SKIP, UPDATE, Duplicate, Plan, Report
from retainer.services.imports.restore import restore_history
from retainer.services.reminders import close_automatic_on_purchase
from retainer.services.summary import (
    bump,
    purchase_figures,
    refresh_purchase_summary,
    refresh_search,
    search_text_for,
)

CHUNK = 5000  # keys per lookup query: well inside SQLite's and PostgreSQL's parameter limits
DEFER_INDEXES_FROM = 20_000  # new customers; from here rebuilding the indexes once is cheaper
INSERT_CHUNK = 5000  # new customers inserted between two progress reports
DETAIL_FIELDS = ("email", "birthday", "city", "address", "card_number", "source", "notes")
OPENING = ("opening_count", "opening_spent_cents", "opening_first", "opening_last")


@dataclass
class ImportRun:
    """One import under way: its session and transaction, the plan, and the report it fills."""

    session: Session
    plan: Plan
    report: Report
    flat: bool        # one row per purchase (a purchase log), not one per customer
    batch: Import
    now: datetime
    today: date


@dataclass
class Group:
    record: RowRecord
    purchases: list[RowRecord] = field(default_factory=list)
    existing_id: int | None = None


def _fill(target: RowRecord, other: RowRecord, overwrite: bool) -> None:
    if target.name_from_code and not other.name_from_code and other.name:
        target.name, target.name_from_code = other.name, False
    for name in ("name",) + DETAIL_FIELDS + ("consent", "do_not_call", "customer_code"):
        value = getattr(other, name)
        if value not in (None, "", []) and (overwrite or getattr(target, name) in (None, "", [])):
            if name == "name" and other.name_from_code and not target.name_from_code:
                continue  # "Customer 00123" never replaces a real name
            setattr(target, name, value)
    if other.has_opening and (overwrite or not target.has_opening):
        for name in OPENING:
            setattr(target, name, getattr(other, name))
    for number in other.phones:
        if number not in target.phones:
            target.phones.append(number)
    for tag in other.tags:
        if tag.casefold() not in {t.casefold() for t in target.tags}:
            target.tags.append(tag)


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def apply_records(run: ImportRun, records: list[RowRecord], linked: list[RowRecord] = (),
                  extras: dict | None = None) -> Iterator[int]:
    """Write the cleaned rows; yields how many of ``len(records)`` are done, as it goes."""
    n = len(records)
    work = group_rows(run, records, linked)
    yield n // 4
    find_in_base(run, work)
    yield n // 2
    check_cards(run, work)
    update_in_base(run, work)
    yield (n * 5) // 8
    new = max(len(work.new_groups), 1)
    for added in add_new(run, work):
        # Progress (and a chance to cancel) after every chunk, not once at the end.
        yield (n * 5) // 8 + (n * added) // (8 * new)
    yield (n * 6) // 8
    add_purchases(run, work)
    # A Retainer export links its sheets by its own code; any other file by the shop's code.
    codes = {g.record.restore_id or g.record.customer_code: g.existing_id for g in work.groups
             if g.record.restore_id or g.record.customer_code}
    _link_referrals(run.session, work.groups, codes)
    if extras:
        restore_history(run.session, extras, codes, run.report)
    yield n


@dataclass
class Work:
    """What the steps hand on to each other."""

    groups: list[Group] = field(default_factory=list)
    by_key: dict[str, Group] = field(default_factory=dict)
    orphans: list[RowRecord] = field(default_factory=list)  # linked purchases of no row's customer
    base_groups: dict[int, Group] = field(default_factory=dict)  # their customers in the base
    found: dict[str, int] = field(default_factory=dict)  # key -> customer id in the base
    names: dict[int, str] = field(default_factory=dict)
    ours: set[int] = field(default_factory=set)  # added by an earlier slice of this same file
    unnamed: set[int] = field(default_factory=set)  # in the base as "Customer 00123"
    in_base: list[Group] = field(default_factory=list)  # rows of customers already in the base
    base_is_empty: bool = False

    @property
    def new_groups(self) -> list[Group]:
        return [g for g in self.groups if g.existing_id is None]


def group_rows(run: ImportRun, records: list[RowRecord], linked: list[RowRecord]) -> Work:
    """Rows -> customers. In a purchase log the same customer comes back row after row."""
    work, plan, report = Work(), run.plan, run.report
    by_key = work.by_key
    for record in records:
        keys = record.keys()
        group = next((by_key[k] for k in keys if k in by_key), None) if by_key else None
        if group is None:
            group = Group(record)
            work.groups.append(group)
        elif run.flat:
            _fill(group.record, record, overwrite=False)
        else:
            policy = plan.row_choices.get(record.row, plan.duplicates)
            report.duplicates.append(Duplicate(record.row, record.keys()[0], record.name,
                                               group.record.name, in_base=False))
            if policy == SKIP:
                report.skipped += 1
                continue
            _fill(group.record, record, overwrite=policy == UPDATE)
        for key in keys:
            by_key.setdefault(key, group)
        if run.flat and record.has_purchase:
            group.purchases.append(record)
    # Purchases from a separate sheet join their customer by code, phone or e-mail.
    for record in linked:
        group = next((by_key[k] for k in record.keys() if k in by_key), None)
        if group is not None:
            group.purchases.append(record)
        else:
            work.orphans.append(record)
    return work


def find_in_base(run: ImportRun, work: Work) -> None:
    """Who is already in the base: the same phone, e-mail, or a name with neither."""
    session = run.session
    # The first import goes into an empty base: nothing to look up.
    work.base_is_empty = session.execute(select(Customer.id).limit(1)).first() is None
    orphan_keys = set() if work.base_is_empty else {k for r in work.orphans for k in r.keys()}
    keys = () if work.base_is_empty else (*work.by_key, *orphan_keys)
    phone_keys = sorted({k[6:] for k in keys if k.startswith("phone:")})
    email_keys = sorted({k[6:] for k in keys if k.startswith("email:")})
    name_keys = sorted({k[5:] for k in keys if k.startswith("name:")})
    code_keys = sorted({k[5:] for k in keys if k.startswith("code:")})
    card_keys = sorted({k[5:] for k in keys if k.startswith("card:")})
    alive = Customer.deleted_at.is_(None)
    lookups = (
        ("phone", phone_keys, lambda part: select(
            CustomerPhone.customer_id, CustomerPhone.number, Customer.name, Customer.import_id,
            Customer.name_from_code)
            .join(Customer, Customer.id == CustomerPhone.customer_id)
            .where(CustomerPhone.number.in_(part), alive)),
        ("email", email_keys, lambda part: select(
            Customer.id, Customer.email, Customer.name, Customer.import_id, Customer.name_from_code)
            .where(Customer.email.in_(part), alive)),
        ("name", name_keys, lambda part: select(
            Customer.id, Customer.sort_name, Customer.name, Customer.import_id, Customer.name_from_code)
            .where(Customer.sort_name.in_(part), Customer.primary_phone.is_(None),
                   Customer.email.is_(None), alive)),
        ("code", code_keys, lambda part: select(
            Customer.id, Customer.code, Customer.name, Customer.import_id, Customer.name_from_code)
            .where(Customer.code.in_(part), alive)),
        ("card", card_keys, lambda part: select(
            Customer.id, Customer.card_number, Customer.name, Customer.import_id, Customer.name_from_code)
            .where(Customer.card_number.in_(part), alive)),
    )
    found = work.found
    for prefix, wanted, query in lookups:
        for part in _chunks(wanted):
            for cid, key, name, source, from_code in session.execute(query(part)):
                found.setdefault(f"{prefix}:{key}", cid)
                work.names[cid] = name
                if from_code:
                    work.unnamed.add(cid)
                if source == run.batch.id:
                    work.ours.add(cid)
    for group in work.groups if found else ():
        group.existing_id = next((found[k] for k in group.record.keys() if k in found), None)
    work.in_base = [g for g in work.groups if g.existing_id is not None]
    for record in work.orphans:
        cid = next((found[k] for k in record.keys() if k in found), None)
        if cid is None:
            run.report.problems.append(Problem(
                record.row, tr("Purchases"), record.keys()[0].split(":", 1)[-1],
                tr("No customer with this code, card number, phone or e-mail.")))
            continue
        holder = work.base_groups.get(cid) or next((g for g in work.groups if g.existing_id == cid), None)
        if holder is None:
            holder = work.base_groups[cid] = Group(RowRecord(row=record.row), existing_id=cid)
        holder.purchases.append(record)


def check_cards(run: ImportRun, work: Work) -> None:
    """A card number belongs to one customer: a second claim is reported, not imported."""
    cards = [g.record.card_number for g in work.groups if g.record.card_number]
    owners: dict[str, int] = {}
    for part in _chunks([] if work.base_is_empty else cards):
        owners.update(dict(run.session.execute(
            select(Customer.card_number, Customer.id).where(Customer.card_number.in_(part))).all()))
    seen_cards: dict[str, int] = {}
    for group in work.groups:
        card = group.record.card_number
        if not card:
            continue
        owner = owners.get(card)
        if (owner is not None and owner != group.existing_id) or card in seen_cards:
            run.report.problems.append(Problem(group.record.row, tr("Card number"), card, tr(
                "This card number already belongs to another customer; the customer was "
                "imported without it.")))
            group.record.card_number = None
        else:
            seen_cards[card] = group.record.row


def update_in_base(run: ImportRun, work: Work) -> None:
    """Customers already in the base: skip, update or merge their details."""
    plan, report = run.plan, run.report
    for group in work.in_base:
        policy = plan.row_choices.get(group.record.row, plan.duplicates)
        if not run.flat or policy != SKIP:
            report.duplicates.append(Duplicate(group.record.row, group.record.keys()[0],
                                               group.record.name, work.names.get(group.existing_id, ""),
                                               in_base=group.existing_id not in work.ours))
        if policy == SKIP and group.existing_id in work.unnamed and not group.record.name_from_code:
            # Known only by a code until now: the file's name and details fill in the blanks.
            _update_existing(run.session, group, False, run.batch.id)
            report.customers_updated += 1
        elif policy == SKIP:
            if not run.flat:
                report.skipped += 1
        else:
            _update_existing(run.session, group, policy == UPDATE, run.batch.id)
            report.customers_updated += 1


def add_new(run: ImportRun, work: Work) -> Iterator[int]:
    """New customers, in bulk, with their summary figures; yields how many are added."""
    session = run.session
    new_groups = work.new_groups
    tags = _tag_ids(session, {t for g in new_groups for t in g.record.tags})
    many = len(new_groups) >= DEFER_INDEXES_FROM
    connection = session.connection()
    with indexes_deferred(connection, "customers", many), \
            indexes_deferred(connection, "customer_phones", many):
        for part in _chunks(new_groups, INSERT_CHUNK):
            rows = [_customer_row(g, run.now, run.batch.id, run.today) for g in part]
            # Plain executemany, then the new ids in insertion order: RETURNING through the ORM's
            # bulk path is quadratic in SQLAlchemy 2.x, and this reads back the same ids in order.
            newest = session.execute(select(func.max(Customer.id))).scalar() or 0
            bulk_insert(session.connection(), Customer.__table__, rows)
            ids = session.scalars(select(Customer.id).where(Customer.import_id == run.batch.id,
                                                            Customer.id > newest)
                                  .order_by(Customer.id)).all()
            phones, links = [], []
            for group, cid in zip(part, ids, strict=True):
                group.existing_id = cid
                phones.extend({"customer_id": cid, "number": n, "position": i}
                              for i, n in enumerate(group.record.phones))
                links.extend({"customer_id": cid, "tag_id": tags[t.casefold()]} for t in group.record.tags)
            if phones:
                bulk_insert(session.connection(), CustomerPhone.__table__, phones)
            if links:
                session.execute(insert(customer_tags), links)
            run.report.customers_added += len(part)
            yield run.report.customers_added


def add_purchases(run: ImportRun, work: Work) -> None:
    """Purchases; for customers already in the base, none that is there already."""
    session, report = run.session, run.report
    in_base = work.in_base + list(work.base_groups.values())
    groups = work.groups + list(work.base_groups.values())
    known: dict[int, set[tuple[datetime, int]]] = {}
    for part in _chunks([g.existing_id for g in in_base if g.purchases]):
        for cid, at, cents in session.execute(
                select(Purchase.customer_id, Purchase.purchased_at, Purchase.amount_cents)
                .where(Purchase.customer_id.in_(part))):
            known.setdefault(cid, set()).add((at, cents))
    rows = []
    touched: set[int] = set()
    in_base_ids = {id(g) for g in in_base}
    for group in groups:
        seen = known.get(group.existing_id, set())
        for p in group.purchases:
            if (p.purchased_at, p.amount_cents) in seen:
                continue
            seen.add((p.purchased_at, p.amount_cents))
            rows.append({"customer_id": group.existing_id, "purchased_at": p.purchased_at,
                         "day": p.purchased_at.date().toordinal(), "amount_cents": p.amount_cents,
                         "items": p.items, "import_id": run.batch.id})
            if id(group) in in_base_ids:
                touched.add(group.existing_id)
    for part in _chunks(rows, 20000):
        bulk_insert(session.connection(), Purchase.__table__, part)
    report.purchases_added += len(rows)
    for cid in touched:
        refresh_purchase_summary(session, session.get(Customer, cid))
        close_automatic_on_purchase(session, cid, run.now)
    if rows:
        bump(session, PURCHASES)


def start_batch(session: Session, plan: Plan, now: datetime) -> Import:
    batch = Import(file_name=str(plan.path)[-400:], sheet=plan.sheet, imported_at=now, rows=0)
    session.add(batch)
    session.flush()
    return batch


def finish_batch(batch: Import, report: Report) -> None:
    batch.rows = report.rows
    batch.customers_added = report.customers_added
    batch.customers_updated = report.customers_updated
    batch.purchases_added = report.purchases_added
    batch.skipped = report.skipped


def _link_referrals(session: Session, groups: list[Group], codes: dict[str, int]) -> None:
    for group in groups:
        code = group.record.referred_by_code
        if code and code in codes and codes[code] != group.existing_id:
            session.execute(update(Customer).where(Customer.id == group.existing_id,
                                                   Customer.referred_by_id.is_(None))
                            .values(referred_by_id=codes[code]))


def _tag_ids(session, names: set[str]) -> dict[str, int]:
    existing = {t.name.casefold(): t.id for t in session.scalars(select(Tag))}
    for name in sorted(names, key=str.casefold):
        if name.casefold() not in existing:
            tag = Tag(name=name[:60])
            session.add(tag)
            session.flush()
            existing[name.casefold()] = tag.id
    return existing


def opening_of(r: RowRecord) -> Opening:
    """The record's opening history, settled as the customer row keeps it."""
    return Opening(r.opening_count, r.opening_spent_cents,
                   r.opening_first.toordinal() if r.opening_first else None,
                   r.opening_last.toordinal() if r.opening_last else None).settled()


def _customer_row(group: Group, now: datetime, import_id: int, today) -> dict:
    r = group.record
    opening = opening_of(r)
    figures = purchase_figures([(p.purchased_at, p.amount_cents) for p in group.purchases
                                if p.purchased_at is not None], opening)
    # Customer since: the date in the file, else the first known purchase, else today.
    created = r.created_at or figures["first_purchase_at"] or now
    tags = sorted(r.tags, key=str.casefold) if r.tags else r.tags
    return {
        "name": r.name, "email": r.email, "birthday": r.birthday, "city": r.city,
        "address": r.address, "card_number": r.card_number, "source": r.source, "notes": r.notes,
        "consent_to_messages": bool(r.consent), "consent_date": today if r.consent else None,
        "do_not_call": bool(r.do_not_call), "created_at": created, **figures,
        "primary_phone": r.phones[0] if r.phones else None, "tag_list": ", ".join(tags),
        "search_text": search_text_for(r.name, r.email, r.card_number, r.phones, tags, r.customer_code),
        "sort_name": r.name.casefold(), "import_id": import_id,
        "code": r.customer_code, "name_from_code": r.name_from_code,
        "opening_count": opening.count, "opening_spent_cents": opening.spent_cents,
        "opening_first_day": opening.first_day, "opening_last_day": opening.last_day,
    }


SNAPSHOT_FIELDS = ("name",) + DETAIL_FIELDS + (
    "consent_to_messages", "do_not_call", "code", "name_from_code", "opening_count",
    "opening_spent_cents", "opening_first_day", "opening_last_day")


def snapshot(customer: Customer) -> str:
    return json.dumps({
        **{name: getattr(customer, name) for name in SNAPSHOT_FIELDS},
        "birthday": customer.birthday.isoformat() if customer.birthday else None,
        "phones": [p.number for p in customer.phones],
        "tags": [t.name for t in customer.tags],
    }, ensure_ascii=False)


def _update_existing(session, group: Group, overwrite: bool, import_id: int) -> None:
    customer = session.get(Customer, group.existing_id)
    session.add(ImportChange(import_id=import_id, customer_id=customer.id, before=snapshot(customer)))
    r = group.record
    if customer.name_from_code and r.name and not r.name_from_code:
        customer.name, customer.name_from_code = r.name, False  # the name is known now
    for name in ("name",) + DETAIL_FIELDS:
        value = getattr(r, name)
        if name == "name" and r.name_from_code:
            continue  # "Customer 00123" never replaces a name
        if value not in (None, "") and (overwrite or getattr(customer, name) in (None, "")):
            setattr(customer, name, value)
    if r.customer_code and (overwrite or not customer.code):
        customer.code = r.customer_code
    opening = opening_of(r)
    if not opening.empty and (overwrite or not (customer.opening_count or customer.opening_last_day)):
        customer.opening_count, customer.opening_spent_cents = opening.count, opening.spent_cents
        customer.opening_first_day, customer.opening_last_day = opening.first_day, opening.last_day
        refresh_purchase_summary(session, customer)
    for name, target in (("consent", "consent_to_messages"), ("do_not_call", "do_not_call")):
        value = getattr(r, name)
        if value is not None and (overwrite or not getattr(customer, target)):
            setattr(customer, target, value)
    numbers = [p.number for p in customer.phones]
    for number in r.phones:
        if number not in numbers:
            customer.phones.append(CustomerPhone(number=number, position=len(numbers)))
            numbers.append(number)
    have = {t.name.casefold() for t in customer.tags}
    if any(t.casefold() not in have for t in r.tags):
        ids = _tag_ids(session, set(r.tags))
        for tag in r.tags:
            if tag.casefold() not in have:
                customer.tags.append(session.get(Tag, ids[tag.casefold()]))
                have.add(tag.casefold())
    session.flush()
    refresh_search(customer)
