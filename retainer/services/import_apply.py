"""Writing an import: group rows into customers, find them in the base, insert in bulk."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable

from sqlalchemy import func, insert, select

from retainer.db.bulk import bulk_insert, indexes_deferred
from retainer.db.models import Customer, CustomerPhone, Import, ImportChange, Purchase, Tag, customer_tags
from retainer.events import PURCHASES
from retainer.i18n import tr
from retainer.excel.rows import Problem, RowRecord
from retainer.services.reminders import close_automatic_on_purchase
from retainer.services.summary import bump, refresh_purchase_summary, refresh_search, search_text_for
from retainer.status import median_gap

CHUNK = 5000  # keys per lookup query: well inside SQLite's and PostgreSQL's parameter limits
DEFER_INDEXES_FROM = 20_000  # new customers; from here rebuilding the indexes once is cheaper
INSERT_CHUNK = 5000  # new customers inserted between two progress reports
DETAIL_FIELDS = ("email", "birthday", "city", "address", "card_number", "source", "notes")


@dataclass
class Group:
    record: RowRecord
    purchases: list[RowRecord] = field(default_factory=list)
    existing_id: int | None = None


def _fill(target: RowRecord, other: RowRecord, overwrite: bool) -> None:
    for name in ("name",) + DETAIL_FIELDS + ("consent", "do_not_call", "customer_code"):
        value = getattr(other, name)
        if value not in (None, "", []) and (overwrite or getattr(target, name) in (None, "", [])):
            setattr(target, name, value)
    for number in other.phones:
        if number not in target.phones:
            target.phones.append(number)
    for tag in other.tags:
        if tag.casefold() not in {t.casefold() for t in target.tags}:
            target.tags.append(tag)


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def apply_records(writer, records: list[RowRecord], linked: list[RowRecord] = (),
                  extras: dict | None = None) -> Iterable[int]:
    from retainer.services.imports import SKIP, UPDATE, Duplicate

    session, plan, report, now, batch = writer.session, writer.plan, writer.report, writer.now, writer.batch

    # 1. Rows -> customers. In a purchase log the same customer comes back row after row.
    groups: list[Group] = []
    by_key: dict[str, Group] = {}
    for record in records:
        keys = record.keys()
        group = next((by_key[k] for k in keys if k in by_key), None) if by_key else None
        if group is None:
            group = Group(record)
            groups.append(group)
        elif writer.flat:
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
        if writer.flat and record.has_purchase:
            group.purchases.append(record)
    # Purchases from a separate sheet join their customer by code, phone or e-mail.
    orphans: list[RowRecord] = []
    for record in linked:
        group = next((by_key[k] for k in record.keys() if k in by_key), None)
        if group is not None:
            group.purchases.append(record)
        else:
            orphans.append(record)
    yield len(records) // 4

    # 2. Who is already in the base (same phone, e-mail, or a name with neither).
    found: dict[str, int] = {}
    names: dict[int, str] = {}
    ours: set[int] = set()  # added by an earlier slice of this same file
    # The first import goes into an empty base: nothing to look up.
    base_is_empty = session.execute(select(Customer.id).limit(1)).first() is None
    orphan_keys = set() if base_is_empty else {k for r in orphans for k in r.keys()}
    keys = () if base_is_empty else (*by_key, *orphan_keys)
    phone_keys = sorted({k[6:] for k in keys if k.startswith("phone:")})
    email_keys = sorted({k[6:] for k in keys if k.startswith("email:")})
    name_keys = sorted({k[5:] for k in keys if k.startswith("name:")})
    alive = Customer.deleted_at.is_(None)
    lookups = (
        ("phone", phone_keys, lambda part: select(
            CustomerPhone.customer_id, CustomerPhone.number, Customer.name, Customer.import_id)
            .join(Customer, Customer.id == CustomerPhone.customer_id)
            .where(CustomerPhone.number.in_(part), alive)),
        ("email", email_keys, lambda part: select(
            Customer.id, Customer.email, Customer.name, Customer.import_id)
            .where(Customer.email.in_(part), alive)),
        ("name", name_keys, lambda part: select(
            Customer.id, Customer.sort_name, Customer.name, Customer.import_id)
            .where(Customer.sort_name.in_(part), Customer.primary_phone.is_(None),
                   Customer.email.is_(None), alive)),
    )
    for prefix, wanted, query in lookups:
        for part in _chunks(wanted):
            for cid, key, name, source in session.execute(query(part)):
                found.setdefault(f"{prefix}:{key}", cid)
                names[cid] = name
                if source == batch.id:
                    ours.add(cid)
    for group in groups if found else ():
        group.existing_id = next((found[k] for k in group.record.keys() if k in found), None)
    base_groups: dict[int, Group] = {}
    for record in orphans:
        cid = next((found[k] for k in record.keys() if k in found), None)
        if cid is None:
            report.problems.append(Problem(record.row, tr("Purchases"), record.keys()[0].split(":", 1)[-1],
                                           tr("No customer with this code, phone or e-mail.")))
            continue
        holder = base_groups.get(cid) or next((g for g in groups if g.existing_id == cid), None)
        if holder is None:
            holder = base_groups[cid] = Group(RowRecord(row=record.row), existing_id=cid)
        holder.purchases.append(record)
    yield len(records) // 2

    # 3. Card numbers belong to one customer.
    cards = [g.record.card_number for g in groups if g.record.card_number]
    owners: dict[str, int] = {}
    for part in _chunks([] if base_is_empty else cards):
        owners.update(dict(session.execute(
            select(Customer.card_number, Customer.id).where(Customer.card_number.in_(part))).all()))
    seen_cards: dict[str, int] = {}
    for group in groups:
        card = group.record.card_number
        if not card:
            continue
        owner = owners.get(card)
        if (owner is not None and owner != group.existing_id) or card in seen_cards:
            report.problems.append(Problem(group.record.row, tr("Card number"), card, tr(
                "This card number already belongs to another customer; the customer was "
                "imported without it.")))
            group.record.card_number = None
        else:
            seen_cards[card] = group.record.row

    # 4. Customers already in the base: skip, update or merge their details.
    existing_groups = [g for g in groups if g.existing_id is not None]
    touched_purchases: set[int] = set()
    for group in existing_groups:
        policy = plan.row_choices.get(group.record.row, plan.duplicates)
        if not writer.flat or policy != SKIP:
            report.duplicates.append(Duplicate(group.record.row, group.record.keys()[0],
                                               group.record.name, names.get(group.existing_id, ""),
                                               in_base=group.existing_id not in ours))
        if policy == SKIP:
            if not writer.flat:
                report.skipped += 1
        else:
            _update_existing(session, group, policy == UPDATE, batch.id)
            report.customers_updated += 1
    yield (len(records) * 5) // 8

    # 5. New customers, in bulk, with their summary figures.
    tags = _tag_ids(session, {t for g in groups if g.existing_id is None for t in g.record.tags})
    new_groups = [g for g in groups if g.existing_id is None]
    many = len(new_groups) >= DEFER_INDEXES_FROM
    today = writer.service.ctx.today()
    connection = session.connection()
    with indexes_deferred(connection, "customers", many), \
            indexes_deferred(connection, "customer_phones", many):
        for part in _chunks(new_groups, INSERT_CHUNK):
            rows = [_customer_row(g, now, batch.id, today) for g in part]
            # Plain executemany, then the new ids in insertion order: RETURNING through the ORM's
            # bulk path is quadratic in SQLAlchemy 2.x, and this reads back the same ids in order.
            newest = session.execute(select(func.max(Customer.id))).scalar() or 0
            bulk_insert(session.connection(), Customer.__table__, rows)
            ids = session.scalars(select(Customer.id).where(Customer.import_id == batch.id,
                                                            Customer.id > newest)
                                  .order_by(Customer.id)).all()
            phones, links = [], []
            for group, cid in zip(part, ids):
                group.existing_id = cid
                phones.extend({"customer_id": cid, "number": n, "position": i}
                              for i, n in enumerate(group.record.phones))
                links.extend({"customer_id": cid, "tag_id": tags[t.casefold()]} for t in group.record.tags)
            if phones:
                bulk_insert(session.connection(), CustomerPhone.__table__, phones)
            if links:
                session.execute(insert(customer_tags), links)
            report.customers_added += len(part)
            # Progress (and a chance to cancel) after every chunk, not once at the end.
            yield (len(records) * 5) // 8 + (len(records) * report.customers_added) // (8 * len(new_groups))
    yield (len(records) * 6) // 8

    # 6. Purchases; for customers already in the base, none that is there already.
    existing_groups = existing_groups + list(base_groups.values())
    groups = groups + list(base_groups.values())
    known: dict[int, set[tuple[datetime, int]]] = {}
    existing_ids = [g.existing_id for g in existing_groups if g.purchases]
    for part in _chunks(existing_ids):
        for cid, at, cents in session.execute(
                select(Purchase.customer_id, Purchase.purchased_at, Purchase.amount_cents)
                .where(Purchase.customer_id.in_(part))):
            known.setdefault(cid, set()).add((at, cents))
    rows = []
    for group in groups:
        seen = known.get(group.existing_id, set())
        for p in group.purchases:
            if (p.purchased_at, p.amount_cents) in seen:
                continue
            seen.add((p.purchased_at, p.amount_cents))
            rows.append({"customer_id": group.existing_id, "purchased_at": p.purchased_at,
                         "day": p.purchased_at.date().toordinal(), "amount_cents": p.amount_cents,
                         "items": p.items, "import_id": batch.id})
            if group in existing_groups:
                touched_purchases.add(group.existing_id)
    for part in _chunks(rows, 20000):
        bulk_insert(session.connection(), Purchase.__table__, part)
    report.purchases_added += len(rows)
    for cid in touched_purchases:
        customer = session.get(Customer, cid)
        refresh_purchase_summary(session, customer)
        close_automatic_on_purchase(session, cid, now)
    if rows:
        bump(session, PURCHASES)
    codes = {g.record.customer_code: g.existing_id for g in groups if g.record.customer_code}
    _link_referrals(session, groups, codes)
    if extras:
        from retainer.services.import_restore import restore_history

        restore_history(session, extras, codes, report)
    yield len(records)


def start_batch(session, plan, now: datetime) -> Import:
    batch = Import(file_name=str(plan.path)[-400:], sheet=plan.sheet, imported_at=now, rows=0)
    session.add(batch)
    session.flush()
    return batch


def finish_batch(session, batch: Import, report) -> None:
    batch.rows = report.rows
    batch.customers_added = report.customers_added
    batch.customers_updated = report.customers_updated
    batch.purchases_added = report.purchases_added
    batch.skipped = report.skipped


def _link_referrals(session, groups: list[Group], codes: dict[str, int]) -> None:
    from sqlalchemy import update

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


def _customer_row(group: Group, now: datetime, import_id: int, today) -> dict:
    r = group.record
    purchases = [p for p in group.purchases if p.purchased_at is not None]
    if purchases:
        moments = sorted(p.purchased_at for p in purchases)
        days = [m.date().toordinal() for m in moments]
        figures = {
            "first_purchase_at": moments[0], "last_purchase_at": moments[-1],
            "first_purchase_day": days[0], "last_purchase_day": days[-1],
            "purchase_count": len(moments), "purchase_days": len(set(days)),
            "total_spent_cents": sum(p.amount_cents for p in purchases),
            "median_gap_days": median_gap(days),
        }
        created = r.created_at or moments[0]
    else:
        figures = _NO_PURCHASES
        created = r.created_at or now
    tags = sorted(r.tags, key=str.casefold) if r.tags else r.tags
    return {
        "name": r.name, "email": r.email, "birthday": r.birthday, "city": r.city,
        "address": r.address, "card_number": r.card_number, "source": r.source, "notes": r.notes,
        "consent_to_messages": bool(r.consent), "consent_date": today if r.consent else None,
        "do_not_call": bool(r.do_not_call), "created_at": created, **figures,
        "primary_phone": r.phones[0] if r.phones else None, "tag_list": ", ".join(tags),
        "search_text": search_text_for(r.name, r.email, r.card_number, r.phones, tags),
        "sort_name": r.name.casefold(), "import_id": import_id,
    }


_NO_PURCHASES = {
    "first_purchase_at": None, "last_purchase_at": None, "first_purchase_day": None,
    "last_purchase_day": None, "purchase_count": 0, "purchase_days": 0, "total_spent_cents": 0,
    "median_gap_days": None,
}


def snapshot(customer: Customer) -> str:
    return json.dumps({
        **{name: getattr(customer, name) for name in ("name",) + DETAIL_FIELDS
           + ("consent_to_messages", "do_not_call")},
        "birthday": customer.birthday.isoformat() if customer.birthday else None,
        "phones": [p.number for p in customer.phones],
        "tags": [t.name for t in customer.tags],
    }, ensure_ascii=False)


def _update_existing(session, group: Group, overwrite: bool, import_id: int) -> None:
    customer = session.get(Customer, group.existing_id)
    session.add(ImportChange(import_id=import_id, customer_id=customer.id, before=snapshot(customer)))
    r = group.record
    for name in ("name",) + DETAIL_FIELDS:
        value = getattr(r, name)
        if value not in (None, "") and (overwrite or getattr(customer, name) in (None, "")):
            setattr(customer, name, value)
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
