"""Several terminals on one PostgreSQL server: each hears what the others changed.

Every announcement of a change (events.Change) is also sent to the server with ``NOTIFY`` on
one channel, as a short JSON text: who sent it, the kinds of rows, and the customers (or none,
meaning "any": a large change). Each window listens on its own connection, in a plain thread,
and hands what it hears to the same change hub its own writes use, so the list, Today and the
open cards refresh within about a second. A terminal ignores its own announcements.

The connection that listens is separate from the engine's pool; when the server goes away it
is opened again every few seconds, and after a gap the terminal refreshes everything, since
announcements sent meanwhile were lost. SQLite has no such feed: a SQLite base has one window.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable

from sqlalchemy import Engine, text

from retainer.db.engine import SERVER_TIMEOUTS
from retainer.events import Change

log = logging.getLogger(__name__)

CHANNEL = "retainer_changes"
# A NOTIFY payload must stay under 8000 bytes; a change of more customers names none.
MOST_NAMED = 500
WAIT = 0.2       # seconds between looks at the stop flag while waiting for a notification
RECONNECT = 3.0  # seconds between attempts while the server cannot be reached


def payload(sender: str, change: Change) -> str:
    ids = sorted(change.customer_ids)
    return json.dumps({"from": sender, "kinds": sorted(change.kinds),
                       "customers": ids if len(ids) <= MOST_NAMED else None})


def change_of(text_: str, me: str) -> Change | None:
    """The change a notification announces; None for this terminal's own or a garbled one."""
    try:
        data = json.loads(text_)
        if data.get("from") == me:
            return None
        kinds = [str(k) for k in data["kinds"]]
        customers = data.get("customers") or []
        return Change.of(*kinds, customer_ids=[int(i) for i in customers])
    except (ValueError, KeyError, TypeError):
        log.warning("a notification that is not a change: %.200s", text_)
        return None


class ChangeFeed:
    """Sends this terminal's changes, and (once started) listens for the others'."""

    def __init__(self, engine: Engine, everything: Change) -> None:
        self.engine = engine
        self.me = uuid.uuid4().hex
        self.everything = everything  # what to refresh after a gap in listening
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.heard = 0

    def send(self, change: Change) -> None:
        """Announce a change to the other terminals (after its transaction has committed)."""
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT pg_notify(:channel, :payload)"),
                             {"channel": CHANNEL, "payload": payload(self.me, change)})
                conn.commit()
        except Exception:  # noqa: BLE001 - the change is saved; only the others' refresh waits
            log.warning("could not tell the other terminals of a change", exc_info=True)

    def start(self, heard: Callable[[Change], None]) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._listen, args=(heard,),
                                        name="other terminals", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop listening. Not waited for beyond a moment (closing the window must be quick):
        the thread sees the flag within WAIT seconds and hands nothing over after it."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(0.05)
            self._thread = None

    def _connect(self):
        import psycopg

        url = self.engine.url.set(drivername="postgresql")
        conn = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True,
                               **SERVER_TIMEOUTS)
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def _listen(self, heard: Callable[[Change], None]) -> None:
        gap = False
        while not self._stop.is_set():
            try:
                conn = self._connect()
            except Exception:  # noqa: BLE001 - the server is away: try again shortly
                gap = True
                self._stop.wait(RECONNECT)
                continue
            try:
                if gap:  # announcements sent while away were lost: refresh everything
                    heard(self.everything)
                    gap = False
                while not self._stop.is_set():
                    for note in conn.notifies(timeout=WAIT):
                        change = change_of(note.payload, self.me)
                        if change is not None and not self._stop.is_set():
                            self.heard += 1
                            heard(change)
            except Exception:  # noqa: BLE001 - the connection broke: open it again
                log.info("lost the connection that hears other terminals", exc_info=True)
                gap = True
            finally:
                try:
                    conn.close()
                except Exception:  # noqa: BLE001 - already gone
                    pass
