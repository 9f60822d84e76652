"""The tables of a customer base, as plain SQLAlchemy Core tables.

Money is kept in integer cents and dates also as day numbers (``date.toordinal()``) so that
status rules are plain integer arithmetic that SQLite and PostgreSQL evaluate alike.

The schema is written once, here. ``models.py`` maps the ORM classes the services edit with
onto these same tables; the window's first page (``services/customer_list.py``) reads them
with Core alone, so it does not wait for the ORM to load.
"""

from __future__ import annotations

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

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _customer_key(name: str, ondelete: str = "CASCADE", **kw) -> Column:
    return Column(name, Integer, ForeignKey("customers.id", ondelete=ondelete), **kw)


customers = Table(
    "customers", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("email", String(254)),
    Column("birthday", Date),
    Column("city", String(120)),
    Column("address", String(300)),
    Column("card_number", String(64), unique=True),
    Column("source", String(120)),
    _customer_key("referred_by_id", ondelete="SET NULL"),
    Column("consent_to_messages", Boolean, nullable=False, default=False),
    Column("consent_date", Date),
    Column("do_not_call", Boolean, nullable=False, default=False),
    Column("notes", Text),
    Column("created_at", DateTime, nullable=False),
    Column("archived_at", DateTime),
    # No index: nearly every row is NULL, and an index here lures SQLite away from walking
    # the sort index, which is what lets a search page stop after the first 200 matches.
    Column("deleted_at", DateTime),
    Column("lost_at", Date),
    Column("churn_reason", String(40)),
    # Summary figures, kept correct on every purchase write (services/summary.py).
    Column("first_purchase_at", DateTime),
    Column("last_purchase_at", DateTime),
    Column("first_purchase_day", Integer),
    Column("last_purchase_day", Integer, index=True),
    Column("purchase_count", Integer, nullable=False, default=0, index=True),
    Column("purchase_days", Integer, nullable=False, default=0, server_default="0"),
    Column("total_spent_cents", Integer, nullable=False, default=0, index=True),
    Column("median_gap_days", Float),
    # Display caches kept with the phones and tags, so a page of the list is one query.
    Column("primary_phone", String(32)),
    Column("tag_list", String(500), nullable=False, default=""),
    # Lower-cased name, e-mail, card, phone digits and tags: one column to search.
    Column("search_text", Text, nullable=False, default=""),
    # The import that added this customer. A plain column, not a foreign key: adding it
    # to an existing base is then instant, where a key would make SQLite copy the table.
    Column("import_id", Integer, index=True),
    Column("sort_name", String(200), nullable=False, default=""),
    # The customer's code or card number in the shop's own files (a cash register's export,
    # a loyalty-card system), by which a later import finds them again.
    Column("code", String(64), index=True),
    # The name was made from the code ("Customer 00123"): any name found later replaces it.
    Column("name_from_code", Boolean, nullable=False, default=False, server_default="0"),
    # The opening history: what a list with totals said of purchases made before Retainer
    # (docs/figures.md, "Opening history"). The summary figures above include it.
    Column("opening_count", Integer, nullable=False, default=0, server_default="0"),
    Column("opening_spent_cents", Integer, nullable=False, default=0, server_default="0"),
    Column("opening_first_day", Integer),
    Column("opening_last_day", Integer),
    # Raised by every change made to the row through the ORM (a card saved, moved to the
    # trash): a terminal saving a card it read at an older version is told what changed.
    Column("version", Integer, nullable=False, server_default="1"),
    # Erased on the customer's request: the personal fields are blank, the figures stay.
    Column("erased_at", DateTime),
    # The loyalty tier the customer is in (services/loyalty.py keeps it right); a plain
    # column like import_id, so adding it to a base is instant.
    Column("tier_id", Integer, index=True),
    # The list walks this index in name order and tests the search text (and the trash flag)
    # inside it, so a search reads only index pages and stops after a page of matches.
    Index("ix_customers_list", "sort_name", "search_text", "deleted_at"),
)

customer_phones = Table(
    "customer_phones", metadata,
    Column("id", Integer, primary_key=True),
    _customer_key("customer_id", nullable=False, index=True),
    Column("number", String(32), nullable=False, index=True),  # E.164
    Column("position", Integer, nullable=False, default=0),
)

tags = Table(
    "tags", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(60), nullable=False, unique=True),
)

customer_tags = Table(
    "customer_tags", metadata,
    Column("customer_id", ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_customer_tags_tag_id", "tag_id"),
)

purchases = Table(
    "purchases", metadata,
    Column("id", Integer, primary_key=True),
    _customer_key("customer_id", nullable=False),
    Column("purchased_at", DateTime, nullable=False, index=True),
    Column("day", Integer, nullable=False),
    Column("amount_cents", Integer, nullable=False),
    Column("items", Text),
    Column("comment", Text),
    Column("import_id", Integer, index=True),  # as on customers
    Index("ix_purchases_customer_id_day", "customer_id", "day"),
)

# A call or a message to a customer, with what came of it.
contacts = Table(
    "contacts", metadata,
    Column("id", Integer, primary_key=True),
    _customer_key("customer_id", nullable=False, index=True),
    Column("contacted_at", DateTime, nullable=False, index=True),
    Column("channel", String(20), nullable=False),  # call, sms, email, visit, messenger
    Column("outcome", String(20), nullable=False),  # reached, no_answer, call_back, ...
    Column("satisfied", Boolean),
    Column("satisfaction_comment", Text),
    Column("wished_offer", Text),
    Column("referral_note", Text),
    Column("notes", Text),
    # The message sent to many at once that this contact is part of (a plain column, as
    # customers.import_id, so adding it to a base is instant).
    Column("outreach_id", Integer, index=True),
)

reminders = Table(
    "reminders", metadata,
    Column("id", Integer, primary_key=True),
    _customer_key("customer_id", nullable=False, index=True),
    Column("due_on", Date, nullable=False),
    Column("reason", String(20), nullable=False),  # lapsed, at_risk, birthday, manual, ...
    Column("note", Text),
    Column("state", String(20), nullable=False, default="open"),  # open/snoozed/done/dismissed
    Column("snoozed_until", Date),
    Column("contact_id", Integer, ForeignKey("contacts.id", ondelete="SET NULL")),
    Column("created_at", DateTime, nullable=False),
    Column("closed_at", DateTime),
    Column("closed_by", String(20)),  # contact, purchase, user
    Index("ix_reminders_state_due_on", "state", "due_on"),
)

feedback = Table(
    "feedback", metadata,
    Column("id", Integer, primary_key=True),
    _customer_key("customer_id", nullable=False, index=True),
    Column("given_on", Date, nullable=False, index=True),
    Column("nps_score", Integer),
    Column("comment", Text),
    Column("is_complaint", Boolean, nullable=False, default=False),
    Column("resolution", Text),
    Column("resolved_on", Date),
    Column("churn_reason", String(40)),
    Column("contact_id", Integer, ForeignKey("contacts.id", ondelete="SET NULL")),
)

loyalty_tiers = Table(
    "loyalty_tiers", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(60), nullable=False),
    Column("min_total_spent_cents", Integer),
    Column("min_tenure_days", Integer),
    Column("discount_percent", Float, nullable=False, default=0.0),
    # The tiers' order, lowest first (rules/loyalty.py), and the number of purchases asked.
    Column("position", Integer, nullable=False, default=0, server_default="0"),
    Column("min_purchases", Integer),
    UniqueConstraint("name"),
)

# A customer moving into another loyalty tier (or out of all), by name as it was then.
tier_changes = Table(
    "tier_changes", metadata,
    Column("id", Integer, primary_key=True),
    _customer_key("customer_id", nullable=False, index=True),
    Column("changed_at", DateTime, nullable=False),
    Column("from_tier", String(60)),
    Column("to_tier", String(60)),
)

# One import of a file: what it added and changed, so it can be undone.
imports = Table(
    "imports", metadata,
    Column("id", Integer, primary_key=True),
    Column("file_name", String(400), nullable=False),
    Column("sheet", String(200)),
    Column("imported_at", DateTime, nullable=False),
    Column("rows", Integer, nullable=False, default=0),
    Column("customers_added", Integer, nullable=False, default=0),
    Column("customers_updated", Integer, nullable=False, default=0),
    Column("purchases_added", Integer, nullable=False, default=0),
    Column("skipped", Integer, nullable=False, default=0),
    Column("undone_at", DateTime),
)

# A customer's details as they were before an import updated or merged them.
import_changes = Table(
    "import_changes", metadata,
    Column("id", Integer, primary_key=True),
    Column("import_id", Integer, ForeignKey("imports.id", ondelete="CASCADE"), nullable=False,
           index=True),
    _customer_key("customer_id", nullable=False),
    Column("before", Text, nullable=False),  # JSON
)

# The column mapping chosen for a file's headers, offered again for the same headers.
import_mappings = Table(
    "import_mappings", metadata,
    Column("headers_key", String(64), primary_key=True),
    Column("mapping", Text, nullable=False),  # JSON: header -> field
    Column("used_at", DateTime, nullable=False),
)

# The BG/NBD parameters fitted over the whole base, kept until purchases change.
model_fits = Table(
    "model_fits", metadata,
    Column("id", Integer, primary_key=True),
    Column("fitted_at", DateTime, nullable=False),
    Column("as_of", Date, nullable=False),
    Column("purchases_version", Integer, nullable=False),
    Column("customers", Integer, nullable=False),
    Column("repeat_customers", Integer, nullable=False),
    Column("r", Float),
    Column("alpha", Float),  # in days
    Column("a", Float),
    Column("b", Float),
    Column("log_likelihood", Float),
)

# Numbers bumped on writes, so caches know when the data under them changed.
counters = Table(
    "counters", metadata,
    Column("name", String(40), primary_key=True),
    Column("value", Integer, nullable=False, default=0),
)

settings = Table(
    "settings", metadata,
    Column("key", String(80), primary_key=True),
    Column("value", Text, nullable=False),  # JSON
)

# One personal-data request carried out: an export of what is held about a customer, an
# erasure, a consent recorded or withdrawn. No personal data is kept here, only what was
# done, to which customer number, and when.
data_requests = Table(
    "data_requests", metadata,
    Column("id", Integer, primary_key=True),
    Column("made_at", DateTime, nullable=False),
    Column("action", String(20), nullable=False),
    Column("customer_id", Integer, nullable=False, index=True),
    Column("detail", Text, nullable=False, default="", server_default=""),
)

# A filter of the customer list kept under a name ("Regulars in Vilnius"); the query is
# JSON (services/saved_segments.py), so the list it names is always today's.
saved_segments = Table(
    "saved_segments", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(80), nullable=False),
    Column("query", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    UniqueConstraint("name"),
)

# One message sent to many: the text, to whom, and who was left out and why.
outreaches = Table(
    "outreaches", metadata,
    Column("id", Integer, primary_key=True),
    Column("made_at", DateTime, nullable=False, index=True),
    Column("segment_name", String(80)),
    Column("channel", String(20), nullable=False),  # sms, email
    Column("template", Text, nullable=False),
    Column("file_name", String(400), nullable=False),
    Column("sent", Integer, nullable=False, default=0),
    Column("left_out", Integer, nullable=False, default=0),
)

# A customer of the segment at the time of an outreach: sent to, or left out (the reason).
outreach_members = Table(
    "outreach_members", metadata,
    Column("outreach_id", Integer, ForeignKey("outreaches.id", ondelete="CASCADE"),
           primary_key=True),
    _customer_key("customer_id", primary_key=True, index=True),
    Column("left_out", String(20)),  # None: sent
)
