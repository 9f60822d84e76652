"""The ORM classes the services edit a customer base with, mapped onto ``tables.py``.

The columns, keys and indexes are written once, in ``tables.py``; here are what the ORM adds
on top: the relationships (a customer's phones and tags) and the version counter that tells
a terminal saving an outdated card what changed meanwhile.
"""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy.orm import DeclarativeBase, relationship

from retainer.db import tables
from retainer.db.tables import NAMING_CONVENTION, customer_tags

__all__ = ["NAMING_CONVENTION", "Base", "customer_tags"]  # and the classes below


class Base(DeclarativeBase):
    metadata = tables.metadata


class Customer(Base):
    __table__ = tables.customers
    __mapper_args__ = {"version_id_col": tables.customers.c.version}

    phones = relationship("CustomerPhone", back_populates="customer",
                          order_by="CustomerPhone.position", cascade="all, delete-orphan")
    tags = relationship("Tag", secondary=customer_tags, order_by="Tag.name")


class CustomerPhone(Base):
    __table__ = tables.customer_phones

    customer = relationship("Customer", back_populates="phones")


class Tag(Base):
    __table__ = tables.tags


class Purchase(Base):
    __table__ = tables.purchases


class Contact(Base):
    """A call or a message to a customer, with what came of it."""

    __table__ = tables.contacts


class Reminder(Base):
    __table__ = tables.reminders


class Feedback(Base):
    __table__ = tables.feedback


class LoyaltyTier(Base):
    __table__ = tables.loyalty_tiers


class TierChange(Base):
    """A customer moving into another loyalty tier (or out of all), by name as it was then."""

    __table__ = tables.tier_changes


class Import(Base):
    """One import of a file: what it added and changed, so it can be undone."""

    __table__ = tables.imports


class ImportChange(Base):
    """A customer's details as they were before an import updated or merged them."""

    __table__ = tables.import_changes


class ImportMapping(Base):
    """The column mapping chosen for a file's headers, offered again for the same headers."""

    __table__ = tables.import_mappings


class ModelFit(Base):
    """The BG/NBD parameters fitted over the whole base, kept until purchases change."""

    __table__ = tables.model_fits


class Counter(Base):
    """Numbers bumped on writes, so caches know when the data under them changed."""

    __table__ = tables.counters


class Setting(Base):
    __table__ = tables.settings


class DataRequest(Base):
    """One personal-data request carried out (tables.data_requests)."""

    __table__ = tables.data_requests
    EXPORT: ClassVar[str] = "export"
    ERASE: ClassVar[str] = "erase"
    CONSENT_GIVEN: ClassVar[str] = "consent_given"
    CONSENT_WITHDRAWN: ClassVar[str] = "consent_withdrawn"


class SavedSegment(Base):
    """A filter of the customer list kept under a name (tables.saved_segments)."""

    __table__ = tables.saved_segments


class Outreach(Base):
    """One message sent to many: the text, to whom, and who was left out and why."""

    __table__ = tables.outreaches


class OutreachMember(Base):
    """A customer of the segment at the time of an outreach: sent to, or left out (the reason)."""

    __table__ = tables.outreach_members
