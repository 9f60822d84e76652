"""The customer cards open beside the main window: one per customer, none ever lost.

- Opening a customer whose card is open brings that card forward (a double-click, Enter and
  a chart's click-through all end here).
- Cards are windows of their own, not modal: the main window, its menus and Ctrl+Q work
  while they are open. Quitting asks each card with changes first.
- When Retainer is closed without a chance to ask (a shutdown or logout: SIGTERM, the
  session manager's end of session), unsaved changes are kept as drafts (``retainer.services.drafts``)
  and offered back on the next start of the same base.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from retainer.events import CUSTOMERS, Change
from retainer.i18n import tr
from retainer.paths import data_dir
from retainer.services.drafts import Draft, DraftStore

if TYPE_CHECKING:
    from retainer.ui.customer_card import CustomerCardDialog

log = logging.getLogger(__name__)


class OpenCards:
    def __init__(self, window) -> None:
        self.window = window
        self.cards: list[CustomerCardDialog] = []
        self.drafts = DraftStore(data_dir(), window.services.ctx.db.location)

    def find(self, customer_id: int | None) -> CustomerCardDialog | None:
        if customer_id is None:
            return None
        return next((c for c in self.cards if c.customer_id == customer_id), None)

    def open(self, customer_id: int | None, focus_purchase: bool = False) -> CustomerCardDialog:
        card = self.find(customer_id)
        if card is not None:
            card.showNormal()
            card.raise_()
            card.activateWindow()
            if focus_purchase:
                card.focus_purchase()
            return card
        window = self.window
        from retainer.ui.customer_card import CustomerCardDialog  # loaded with the first card

        card = CustomerCardDialog(window.services, window.tasks, customer_id, window,
                                  focus_purchase=focus_purchase)
        card.setWindowModality(Qt.WindowModality.NonModal)
        card.addAction(window.quit_action)
        card.finished.connect(lambda _result, c=card: self._closed(c))
        self.cards.append(card)
        card.show()
        return card

    def _closed(self, card: CustomerCardDialog) -> None:
        if card in self.cards:
            self.cards.remove(card)
            card.deleteLater()

    def changed(self, change: Change, origin) -> None:
        """Cards of the customers a change concerns show it, unless they made it."""
        for card in self.cards:
            if card.customer_id is None:
                continue
            if origin is card or (isinstance(origin, QWidget) and card.isAncestorOf(origin)):
                continue
            concerned = card.customer_id in change.customer_ids or (
                CUSTOMERS in change.kinds and not change.customer_ids)
            if concerned:
                card.reload()

    # Quitting -------------------------------------------------------------------------------
    def ready_to_quit(self, retry: Callable[[], None]) -> bool:
        """Ask every card with changes. False: not now — cancelled, or saving first (then
        ``retry`` runs once the save has landed; a failed save shows why and quits nothing)."""
        for card in list(self.cards):
            if not card.dirty:
                continue
            card.showNormal()
            card.raise_()
            card.activateWindow()
            answer = QMessageBox.question(
                card, tr("Unsaved changes"),
                tr("You changed {name}'s details. Save the changes before Retainer closes?").format(
                    name=card.display_name()),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            if answer == QMessageBox.StandardButton.Save:
                card.save(then=retry)
                return False
            card.dirty = False
        return True

    def close_all(self) -> None:
        for card in list(self.cards):
            card.close_without_asking()

    # Drafts ---------------------------------------------------------------------------------
    def keep_drafts(self) -> int:
        drafts = [Draft(card.customer_id, card.display_name(), card.form.typed())
                  for card in self.cards if card.dirty]
        try:
            self.drafts.save(drafts)
        except OSError as exc:
            log.error("unsaved card changes could not be kept in %s: %s", self.drafts.path, exc)
            return 0
        log.info("kept %d unsaved card(s) for the next start", len(drafts))
        return len(drafts)

    def offer_drafts(self) -> None:
        drafts = self.drafts.load()
        if not drafts:
            return
        for draft in drafts:
            answer = QMessageBox.question(
                self.window, tr("Unsaved changes"),
                tr("You were editing {name} when Retainer closed: restore your changes?").format(
                    name=draft.name or tr("a new customer")),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes)
            if answer == QMessageBox.StandardButton.Yes:
                self.open(draft.customer_id).restore_draft(draft.fields)
        try:
            self.drafts.clear()
        except OSError as exc:
            log.error("offered drafts could not be forgotten: %s", exc)
