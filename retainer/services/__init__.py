"""The use cases: the only API the UI calls. Each call opens and closes its own session."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from sqlalchemy import insert, select

from retainer.db import tables
from retainer.db.engine import DamagedBase, Database, DatabaseError, ServerUnreachable, open_database
from retainer.events import SETTINGS, Change
from retainer.rules import settings as keys
from retainer.rules.settings import ShopSettings
from retainer.services.base import Clock, Context
from retainer.services.conflicts import EditConflict
from retainer.services.customer_list import CustomerList, CustomerQuery, NotFound

if TYPE_CHECKING:
    from retainer.services.backups import BackupService
    from retainer.services.calls import CallService
    from retainer.services.customers import CustomerService
    from retainer.services.duplicates import DuplicateService
    from retainer.services.exports import ExportService
    from retainer.services.feedback import FeedbackService
    from retainer.services.imports import ImportService
    from retainer.services.loyalty import LoyaltyService
    from retainer.services.metrics import MetricsService
    from retainer.services.outreach import OutreachService
    from retainer.services.personal_data import PersonalDataService
    from retainer.services.purchases import PurchaseService
    from retainer.services.radar import RadarService
    from retainer.services.reminders import ReminderService
    from retainer.services.results import ResultsService
    from retainer.services.saved_segments import SegmentService
    from retainer.services.today import TodayService

# DatabaseError: the base cannot be opened, in words for the owner (what the window shows);
# DamagedBase: its file is damaged, and a backup can take its place.
__all__ = ["Retainer", "CustomerQuery", "DamagedBase", "DatabaseError", "EditConflict", "NotFound",
           "ServerUnreachable", "open_retainer"]


class Retainer:
    """Everything the shop owner can do, over one customer base."""

    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self.ctx = Context(db, clock)
        # The list's reads: all the window's first page needs, with SQLAlchemy Core alone.
        self.customer_list = CustomerList(self.ctx)
        self._made: dict[str, object] = {}
        self._making = threading.RLock()  # a service made may ask for another
        self.ctx.settings = self.load_settings()

    # The other services are made when first asked for (from any thread, once): each service
    # module loaded before the first page, and the ORM under them, is time the owner waits for.
    def _service(self, name: str, make):
        with self._making:
            found = self._made.get(name)
            if found is None:
                found = self._made[name] = make()
            return found

    @property
    def customers(self) -> CustomerService:
        """Cards and edits, and the list's reads too (customer_list.py)."""
        from retainer.services.customers import CustomerService

        segments = self.customer_list.segments  # one cache of the RFM cut points
        return self._service("customers", lambda: CustomerService(self.ctx, segments))

    @property
    def purchases(self) -> PurchaseService:
        from retainer.services.purchases import PurchaseService

        return self._service("purchases", lambda: PurchaseService(self.ctx))

    @property
    def reminders(self) -> ReminderService:
        from retainer.services.reminders import ReminderService

        return self._service("reminders", lambda: ReminderService(self.ctx))

    @property
    def loyalty(self) -> LoyaltyService:
        from retainer.services.loyalty import LoyaltyService

        return self._service("loyalty", lambda: LoyaltyService(self.ctx))

    @property
    def segments(self) -> SegmentService:
        from retainer.services.saved_segments import SegmentService

        customers = self.customers
        return self._service("segments", lambda: SegmentService(self.ctx, customers))

    @property
    def outreach(self) -> OutreachService:
        from retainer.services.outreach import OutreachService

        customers = self.customers
        return self._service("outreach", lambda: OutreachService(self.ctx, customers))

    @property
    def duplicates(self) -> DuplicateService:
        """Two cards of one person, found and merged (services/duplicates.py)."""
        from retainer.services.duplicates import DuplicateService

        return self._service("duplicates", lambda: DuplicateService(self.ctx))

    @property
    def results(self) -> ResultsService:
        """Did it work: who came back after a call or a message (services/results.py)."""
        from retainer.services.results import ResultsService

        return self._service("results", lambda: ResultsService(self.ctx))

    @property
    def personal_data(self) -> PersonalDataService:
        from retainer.services.personal_data import PersonalDataService

        return self._service("personal_data", lambda: PersonalDataService(self.ctx))

    @property
    def radar(self) -> RadarService:
        from retainer.services.radar import RadarService

        return self._service("radar", lambda: RadarService(self.ctx))

    @property
    def today(self) -> TodayService:
        from retainer.services.today import TodayService

        radar = self.radar
        return self._service("today", lambda: TodayService(self.ctx, radar))

    @property
    def calls(self) -> CallService:
        from retainer.services.calls import CallService

        return self._service("calls", lambda: CallService(self.ctx))

    @property
    def feedback(self) -> FeedbackService:
        from retainer.services.feedback import FeedbackService

        return self._service("feedback", lambda: FeedbackService(self.ctx))

    @property
    def imports(self) -> ImportService:
        from retainer.services.imports import ImportService

        return self._service("imports", lambda: ImportService(self.ctx))

    @property
    def metrics(self) -> MetricsService:
        from retainer.services.metrics import MetricsService

        return self._service("metrics", lambda: MetricsService(self.ctx))

    @property
    def exports(self) -> ExportService:
        from retainer.services.exports import ExportService

        metrics = self.metrics
        return self._service("exports", lambda: ExportService(self.ctx, metrics))

    @property
    def backups(self) -> BackupService:
        from retainer.services.backups import BackupService

        return self._service("backups", lambda: BackupService(self.ctx))

    @property
    def changes(self):
        return self.ctx.changes

    @property
    def settings(self) -> ShopSettings:
        return self.ctx.settings

    def load_settings(self) -> ShopSettings:
        # With Core: the settings are read at every start, before the first page.
        kept = tables.settings.c
        with self.ctx.read_rows() as connection:
            stored = dict(connection.execute(select(kept.key, kept.value)).all())
        if not stored:
            for name, value in keys.first_run_defaults().items():
                key = next(k for k in keys.ALL_KEYS if k.name == name)
                stored[name] = keys.encode(key, value)
            with self.ctx.write() as session:
                session.execute(insert(tables.settings),
                                [{"key": k, "value": v} for k, v in stored.items()])
        return ShopSettings(**{k.name: keys.decode(k, stored.get(k.name)) for k in keys.ALL_KEYS})

    def change_settings(self, **values) -> ShopSettings:
        by_name = {k.name: k for k in keys.ALL_KEYS}
        encoded = {name: keys.encode(by_name[name], value) for name, value in values.items()}
        from retainer.db.models import Setting

        with self.ctx.write() as session:
            for name, value in encoded.items():
                session.merge(Setting(key=name, value=value))
        self.ctx.settings = self.load_settings()
        self.ctx.announce(Change.of(SETTINGS))
        return self.ctx.settings

    def now(self):
        """The shop's clock (fixed in tests)."""
        return self.ctx.now()

    def is_empty(self) -> bool:
        with self.ctx.read() as session:
            return session.execute(select(tables.customers.c.id).limit(1)).first() is None

    def undo_label(self) -> str | None:
        return self.ctx.undo.peek_label()

    def undo(self) -> str | None:
        """Revert the newest change; returns what was undone, or None when nothing is left."""
        step = self.ctx.undo.pop()
        if step is None:
            return None
        with self.ctx.write() as session:
            change = step.revert(session)
        self.ctx.announce(change)
        return step.label

    def network_drive(self) -> str | None:
        """The kind of network drive the base's file is on (smbfs, nfs, a mapped drive), or
        None: SQLite is not safe there, and the window says so."""
        from retainer.db.network_drive import network_kind

        path = self.backups.base_path
        return network_kind(path) if path is not None else None

    def follow_other_terminals(self) -> bool:
        """On a shared server, start hearing the other terminals' changes: each comes to the
        change hub like this terminal's own, within about a second (db/change_feed.py). The
        window calls it; a command-line run only tells the others. False on SQLite."""
        if self.ctx.feed is None:
            return False
        self.ctx.feed.start(self._heard)
        return True

    def _heard(self, change: Change) -> None:
        """Another terminal's change (on the feed's thread)."""
        if SETTINGS in change.kinds:
            self.ctx.settings = self.load_settings()
        self.ctx.changes.publish(change)

    def close(self) -> None:
        if self.ctx.feed is not None:
            self.ctx.feed.stop()
        self.ctx.db.dispose()


def open_retainer(location: str, clock: Clock | None = None) -> Retainer:
    return Retainer(open_database(location), clock)
