"""The tables of a customer base.

Money is kept in integer cents and dates also as day numbers (``date.toordinal()``) so that
status rules are plain integer arithmetic that SQLite and PostgreSQL evaluate alike.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


customer_tags = Table(
    "customer_tags",
    Base.metadata,
    Column("customer_id", ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_customer_tags_tag_id", "tag_id"),
)


class Customer(Base):
    __tablename__ = "customers"
    # The list walks this index in name order and tests the search text (and the trash flag)
    # inside it, so a search reads only index pages and stops after a page of matches.
    __table_args__ = (Index("ix_customers_list", "sort_name", "search_text", "deleted_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    birthday: Mapped[date | None] = mapped_column(Date)
    city: Mapped[str | None] = mapped_column(String(120))
    address: Mapped[str | None] = mapped_column(String(300))
    card_number: Mapped[str | None] = mapped_column(String(64), unique=True)
    source: Mapped[str | None] = mapped_column(String(120))
    referred_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("customers.id", ondelete="SET NULL")
    )
    consent_to_messages: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_date: Mapped[date | None] = mapped_column(Date)
    do_not_call: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    archived_at: Mapped[datetime | None] = mapped_column(DateTime)
    # No index: nearly every row is NULL, and an index here lures SQLite away from walking
    # the sort index, which is what lets a search page stop after the first 200 matches.
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    lost_at: Mapped[date | None] = mapped_column(Date)
    churn_reason: Mapped[str | None] = mapped_column(String(40))

    # Summary figures, kept correct on every purchase write (see purchases service).
    first_purchase_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_purchase_at: Mapped[datetime | None] = mapped_column(DateTime)
    first_purchase_day: Mapped[int | None] = mapped_column(Integer)
    last_purchase_day: Mapped[int | None] = mapped_column(Integer, index=True)
    purchase_count: Mapped[int] = mapped_column(Integer, default=0, index=True)
    purchase_days: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    total_spent_cents: Mapped[int] = mapped_column(Integer, default=0, index=True)
    median_gap_days: Mapped[float | None] = mapped_column(Float)

    # Display caches kept with the phones and tags, so a page of the list is one query.
    primary_phone: Mapped[str | None] = mapped_column(String(32))
    tag_list: Mapped[str] = mapped_column(String(500), default="")
    # Lower-cased name, e-mail, card, phone digits and tags: one column to search.
    search_text: Mapped[str] = mapped_column(Text, default="")
    # The import that added this customer. A plain column, not a foreign key: adding it
    # to an existing base is then instant, where a key would make SQLite copy the table.
    import_id: Mapped[int | None] = mapped_column(Integer, index=True)
    sort_name: Mapped[str] = mapped_column(String(200), default="")
    # The customer's code or card number in the shop's own files (a cash register's export,
    # a loyalty-card system), by which a later import finds them again.
    code: Mapped[str | None] = mapped_column(String(64), index=True)
    # The name was made from the code ("Customer 00123"): any name found later replaces it.
    name_from_code: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # The opening history: what a list with totals said of purchases made before Retainer
    # (docs/figures.md, "Opening history"). The summary figures above include it.
    opening_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    opening_spent_cents: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    opening_first_day: Mapped[int | None] = mapped_column(Integer)
    opening_last_day: Mapped[int | None] = mapped_column(Integer)

    # Raised by every change made to the row through the ORM (a card saved, moved to the
    # trash): a terminal saving a card it read at an older version is told what changed.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    # Erased on the customer's request: the personal fields are blank, the figures stay.
    erased_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The loyalty tier the customer is in (services/loyalty.py keeps it right); a plain
    # column like import_id, so adding it to a base is instant.
    tier_id: Mapped[int | None] = mapped_column(Integer, index=True)

    __mapper_args__ = {"version_id_col": version}

    phones: Mapped[list[CustomerPhone]] = relationship(
        back_populates="customer",
        order_by="CustomerPhone.position",
        cascade="all, delete-orphan",
    )
    tags: Mapped[list[Tag]] = relationship(secondary=customer_tags, order_by="Tag.name")


class CustomerPhone(Base):
    __tablename__ = "customer_phones"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(String(32), index=True)  # E.164
    position: Mapped[int] = mapped_column(Integer, default=0)

    customer: Mapped[Customer] = relationship(back_populates="phones")


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)


class Purchase(Base):
    __tablename__ = "purchases"
    __table_args__ = (Index("ix_purchases_customer_id_day", "customer_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    purchased_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    day: Mapped[int] = mapped_column(Integer)
    amount_cents: Mapped[int] = mapped_column(Integer)
    items: Mapped[str | None] = mapped_column(Text)
    comment: Mapped[str | None] = mapped_column(Text)
    import_id: Mapped[int | None] = mapped_column(Integer, index=True)  # as on customers


class Contact(Base):
    """A call or a message to a customer, with what came of it."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    contacted_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    channel: Mapped[str] = mapped_column(String(20))  # call, sms, email, visit, messenger
    outcome: Mapped[str] = mapped_column(String(20))  # reached, no_answer, call_back, ...
    satisfied: Mapped[bool | None] = mapped_column(Boolean)
    satisfaction_comment: Mapped[str | None] = mapped_column(Text)
    wished_offer: Mapped[str | None] = mapped_column(Text)
    referral_note: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    # The message sent to many at once that this contact is part of (a plain column, as
    # customers.import_id, so adding it to a base is instant).
    outreach_id: Mapped[int | None] = mapped_column(Integer, index=True)


class Reminder(Base):
    __tablename__ = "reminders"
    __table_args__ = (Index("ix_reminders_state_due_on", "state", "due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    due_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(20))  # lapsed, at_risk, birthday, manual, ...
    note: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), default="open")  # open/snoozed/done/dismissed
    snoozed_until: Mapped[date | None] = mapped_column(Date)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_by: Mapped[str | None] = mapped_column(String(20))  # contact, purchase, user


class Feedback(Base):
    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    given_on: Mapped[date] = mapped_column(Date, index=True)
    nps_score: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    is_complaint: Mapped[bool] = mapped_column(Boolean, default=False)
    resolution: Mapped[str | None] = mapped_column(Text)
    resolved_on: Mapped[date | None] = mapped_column(Date)
    churn_reason: Mapped[str | None] = mapped_column(String(40))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))


class LoyaltyTier(Base):
    __tablename__ = "loyalty_tiers"
    __table_args__ = (UniqueConstraint("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    min_total_spent_cents: Mapped[int | None] = mapped_column(Integer)
    min_tenure_days: Mapped[int | None] = mapped_column(Integer)
    discount_percent: Mapped[float] = mapped_column(Float, default=0.0)
    # The tiers' order, lowest first (rules/loyalty.py), and the number of purchases asked.
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    min_purchases: Mapped[int | None] = mapped_column(Integer)


class TierChange(Base):
    """A customer moving into another loyalty tier (or out of all), by name as it was then."""

    __tablename__ = "tier_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    from_tier: Mapped[str | None] = mapped_column(String(60))
    to_tier: Mapped[str | None] = mapped_column(String(60))


class Import(Base):
    """One import of a file: what it added and changed, so it can be undone."""

    __tablename__ = "imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(400))
    sheet: Mapped[str | None] = mapped_column(String(200))
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    rows: Mapped[int] = mapped_column(Integer, default=0)
    customers_added: Mapped[int] = mapped_column(Integer, default=0)
    customers_updated: Mapped[int] = mapped_column(Integer, default=0)
    purchases_added: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)


class ImportChange(Base):
    """A customer's details as they were before an import updated or merged them."""

    __tablename__ = "import_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("imports.id", ondelete="CASCADE"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    before: Mapped[str] = mapped_column(Text)  # JSON


class ImportMapping(Base):
    """The column mapping chosen for a file's headers, offered again for the same headers."""

    __tablename__ = "import_mappings"

    headers_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    mapping: Mapped[str] = mapped_column(Text)  # JSON: header -> field
    used_at: Mapped[datetime] = mapped_column(DateTime)


class ModelFit(Base):
    """The BG/NBD parameters fitted over the whole base, kept until purchases change."""

    __tablename__ = "model_fits"

    id: Mapped[int] = mapped_column(primary_key=True)
    fitted_at: Mapped[datetime] = mapped_column(DateTime)
    as_of: Mapped[date] = mapped_column(Date)
    purchases_version: Mapped[int] = mapped_column(Integer)
    customers: Mapped[int] = mapped_column(Integer)
    repeat_customers: Mapped[int] = mapped_column(Integer)
    r: Mapped[float | None] = mapped_column(Float)
    alpha: Mapped[float | None] = mapped_column(Float)  # in days
    a: Mapped[float | None] = mapped_column(Float)
    b: Mapped[float | None] = mapped_column(Float)
    log_likelihood: Mapped[float | None] = mapped_column(Float)


class Counter(Base):
    """Numbers bumped on writes, so caches know when the data under them changed."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class DataRequest(Base):
    """One personal-data request carried out: an export of what is held about a customer, an
    erasure, a consent recorded or withdrawn. No personal data is kept here, only what was
    done, to which customer number, and when."""

    __tablename__ = "data_requests"
    EXPORT: ClassVar[str] = "export"
    ERASE: ClassVar[str] = "erase"
    CONSENT_GIVEN: ClassVar[str] = "consent_given"
    CONSENT_WITHDRAWN: ClassVar[str] = "consent_withdrawn"

    id: Mapped[int] = mapped_column(primary_key=True)
    made_at: Mapped[datetime] = mapped_column(DateTime)
    action: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[int] = mapped_column(Integer, index=True)
    detail: Mapped[str] = mapped_column(Text, default="", server_default="")


class SavedSegment(Base):
    """A filter of the customer list kept under a name ("Regulars in Vilnius"); the query is
    JSON (services/saved_segments.py), so the list it names is always today's."""

    __tablename__ = "saved_segments"
    __table_args__ = (UniqueConstraint("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    query: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Outreach(Base):
    """One message sent to many: the text, to whom, and who was left out and why."""

    __tablename__ = "outreaches"

    id: Mapped[int] = mapped_column(primary_key=True)
    made_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    segment_name: Mapped[str | None] = mapped_column(String(80))
    channel: Mapped[str] = mapped_column(String(20))  # sms, email
    template: Mapped[str] = mapped_column(Text)
    file_name: Mapped[str] = mapped_column(String(400))
    sent: Mapped[int] = mapped_column(Integer, default=0)
    left_out: Mapped[int] = mapped_column(Integer, default=0)


class OutreachMember(Base):
    """A customer of the segment at the time of an outreach: sent to, or left out (the reason)."""

    __tablename__ = "outreach_members"

    outreach_id: Mapped[int] = mapped_column(
        ForeignKey("outreaches.id", ondelete="CASCADE"), primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True, index=True)
    left_out: Mapped[str | None] = mapped_column(String(20))  # None: sent
