"""Unsaved card changes kept when Retainer is closed without a chance to ask: a shutdown or
logout (SIGTERM, the session manager's end of session). They are offered back on the next
start of the same base ("You were editing Anna Petrova when Retainer closed…").

One small JSON file in the data folder, beside the base's other per-machine files, written
whole to a temporary file and then renamed over the old one, so a crash mid-write leaves
the previous drafts, never half a file. The fields are kept exactly as typed — a phone that
does not read yet is still the owner's typing — and checked only when the card is saved.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

FILE_NAME = "unsaved-cards.json"


@dataclass
class Draft:
    customer_id: int | None  # None: a new customer, not saved yet
    name: str  # the name as typed, or as saved when the name field was left alone
    fields: dict[str, object] = field(default_factory=dict)


class DraftStore:
    def __init__(self, folder: Path, location: str) -> None:
        self.path = folder / FILE_NAME
        self.location = location  # drafts belong to one base

    def _read_all(self) -> dict[str, list[dict]]:
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("unsaved card changes could not be read from %s: %s", self.path, exc)
            return {}
        return stored if isinstance(stored, dict) else {}

    def load(self) -> list[Draft]:
        drafts = []
        for item in self._read_all().get(self.location, []):
            try:
                drafts.append(Draft(item.get("customer_id"), str(item.get("name", "")),
                                    dict(item.get("fields", {}))))
            except (AttributeError, TypeError, ValueError):
                log.warning("an unreadable unsaved card was skipped: %r", item)
        return drafts

    def save(self, drafts: list[Draft]) -> None:
        """Replace this base's drafts (an empty list forgets them)."""
        stored = self._read_all()
        if drafts:
            stored[self.location] = [asdict(d) for d in drafts]
        else:
            stored.pop(self.location, None)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        with open(temporary, "w", encoding="utf-8") as out:
            json.dump(stored, out, ensure_ascii=False, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, self.path)

    def clear(self) -> None:
        self.save([])
