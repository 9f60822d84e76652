"""What every service shares: the database, the clock, the settings and the change hub."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

    from retainer.db.change_feed import ChangeFeed

from retainer.db.engine import Database, ServerUnreachable, lost_connection, server_name
from retainer.events import EVERY_KIND, Change, ChangeHub
from retainer.rules.settings import ShopSettings
from retainer.services.undo import UndoStack

Clock = Callable[[], datetime]


class Context:
    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self.db = db
        self.clock: Clock = clock or datetime.now
        self.changes = ChangeHub()
        self.undo = UndoStack()
        self.settings = ShopSettings()
        # Set by the window: called before every write, to catch one made off its write lane.
        self.writer_check: Callable[[], None] | None = None
        # On a shared server, every change is told to the other terminals too.
        self.feed: ChangeFeed | None = None
        if not db.is_sqlite:
            from retainer.db.change_feed import ChangeFeed

            self.feed = ChangeFeed(db.engine, Change.of(*EVERY_KIND))

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    def today(self) -> date:
        return self.clock().date()

    def check_writer(self) -> None:
        if self.writer_check is not None:
            self.writer_check()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction; committed on success, rolled back on any error. A server out of
        reach is told in plain words (:class:`ServerUnreachable`)."""
        self.check_writer()
        with self._plainly(writing=True), self.db.sessions.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._plainly(writing=False), self.db.sessions() as session:
            yield session

    @contextmanager
    def read_rows(self) -> Iterator[Connection]:
        """A read with SQLAlchemy Core alone, no ORM session: what the window's first page
        uses (services/customer_list.py), so that it does not wait for the ORM to load."""
        with self._plainly(writing=False), self.db.engine.connect() as connection:
            yield connection

    @contextmanager
    def _plainly(self, writing: bool) -> Iterator[None]:
        try:
            yield
        except DBAPIError as exc:
            if not lost_connection(exc):
                raise
            raise ServerUnreachable(server_name(self.db.location), exc.orig,
                                    writing=writing) from exc

    def announce(self, change: Change) -> None:
        if self.feed is not None:
            self.feed.send(change)
        self.changes.publish(change)
