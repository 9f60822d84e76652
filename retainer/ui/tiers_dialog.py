"""Settings → Loyalty tiers: the shop's tiers, edited in a table, with how many customers each
rule would place shown as it is typed, and a contradiction named in its own row before
anything is saved (rules/loyalty.py, services/loyalty.py). Saving is undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from retainer.i18n import grouped, tr
from retainer.rules.loyalty import Tier
from retainer.rules.money import format_amount, parse_amount
from retainer.services import Retainer
from retainer.ui.style import colour, set_role
from retainer.ui.tasks import Tasks

NAME, DISCOUNT, SPENT, PURCHASES, DAYS, PLACED = range(6)


class TierTypo(ValueError):
    def __init__(self, row: int, text: str) -> None:
        self.row = row
        super().__init__(text)


def _number(text: str, row: int, what: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit():
        raise TierTypo(row, tr("“{value}” is not a whole number of {what}.").format(
            value=text, what=what))
    return int(text)


class TiersDialog(QDialog):
    def __init__(self, services: Retainer, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.setWindowTitle(tr("Loyalty tiers"))
        self.resize(980, 380)
        hint = QLabel(tr("A customer is in the highest tier whose every condition they meet. "
                         "Leave a condition empty to not ask for it. Purchases and spending "
                         "from imported totals count too."))
        hint.setWordWrap(True)
        set_role(hint, "hint")
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            tr("Tier", "a loyalty tier"), tr("Discount, %"), tr("Spent at least"),
            tr("Purchases at least"), tr("Days with us at least"), tr("Customers now")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._edited)
        self.problem = QLabel()
        set_role(self.problem, "error")
        self.problem.setWordWrap(True)
        add, remove = QPushButton(tr("Add a tier")), QPushButton(tr("Remove"))
        up, down = QPushButton(tr("Move up")), QPushButton(tr("Move down"))
        add.clicked.connect(lambda: self.add_row(Tier("")))
        remove.clicked.connect(self.remove_row)
        up.clicked.connect(lambda: self.move_row(-1))
        down.clicked.connect(lambda: self.move_row(+1))
        row_buttons = QHBoxLayout()
        for b in (add, remove, up, down):
            row_buttons.addWidget(b)
        row_buttons.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._preview = QTimer(self, singleShot=True, interval=250, timeout=self.preview)
        self.problems: dict[int, str] = {}
        loyalty = services.loyalty
        tasks.read(self, loyalty.tiers).success(self.show_tiers).run()

    # The table ---------------------------------------------------------------------------
    def show_tiers(self, stored) -> None:
        # Highest first, as the owner reads a ladder; saved lowest first.
        for t in reversed([s.tier for s in stored]):
            self.add_row(t)
        self.preview()

    def add_row(self, tier: Tier, at: int | None = None) -> None:
        row = self.table.rowCount() if at is None else at
        self.table.blockSignals(True)
        self.table.insertRow(row)
        spent = format_amount(tier.min_spent_cents).strip() if tier.min_spent_cents is not None else ""
        values = [tier.name, f"{tier.discount_percent:g}", spent,
                  "" if tier.min_purchases is None else str(tier.min_purchases),
                  "" if tier.min_tenure_days is None else str(tier.min_tenure_days), ""]
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column == PLACED:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if column != NAME:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self._edited()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._edited()

    def move_row(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        tier = self._row_tier(row, strict=False)
        self.table.removeRow(row)
        self.add_row(tier, target)
        self.table.selectRow(target)

    def _row_tier(self, row: int, strict: bool = True) -> Tier:
        def text(column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item else ""

        try:
            discount = float(text(DISCOUNT).replace(",", ".").strip() or 0)
        except ValueError:
            if strict:
                raise TierTypo(row, tr("“{value}” is not a discount in per cent.").format(
                    value=text(DISCOUNT))) from None
            discount = 0.0
        try:
            spent = parse_amount(text(SPENT)) if text(SPENT).strip() else None
        except ValueError as exc:
            if strict:
                raise TierTypo(row, str(exc)) from None
            spent = None
        try:
            purchases = _number(text(PURCHASES), row, tr("purchases"))
            days = _number(text(DAYS), row, tr("days"))
        except TierTypo:
            if strict:
                raise
            purchases = days = None
        return Tier(text(NAME), discount, spent, purchases, days)

    def tiers(self) -> list[Tier]:
        """Lowest first, as the rules read them; raises TierTypo for a cell that is no number."""
        return [self._row_tier(row) for row in reversed(range(self.table.rowCount()))]

    # Live preview ------------------------------------------------------------------------
    def _edited(self, *_args) -> None:
        self._preview.start()

    def _typed(self) -> list[Tier] | None:
        """The tiers as typed, or None after naming a cell that is no number in its row."""
        try:
            return self.tiers()
        except TierTypo as typo:
            self.show_problems({self.table.rowCount() - 1 - typo.row: str(typo)}, [])
            return None

    def preview(self) -> None:
        tiers = self._typed()
        if tiers is None:
            return
        loyalty = self.services.loyalty
        self.tasks.read(self, lambda: loyalty.preview(tiers)).success(
            lambda found: self.show_problems(*found)).run()

    def show_problems(self, found: dict[int, str], counts: list[int]) -> None:
        """``found`` and ``counts`` are by tier, lowest first; the table shows highest first."""
        self.problems = found
        rows = self.table.rowCount()
        self.table.blockSignals(True)
        for index in range(rows):
            row = rows - 1 - index
            placed = self.table.item(row, PLACED)
            placed.setText(grouped(counts[index]) if counts and index < len(counts) else "")
            wrong = found.get(index)
            for column in range(6):
                item = self.table.item(row, column)
                item.setBackground(QColor(colour("problem-row")) if wrong else QColor(0, 0, 0, 0))
                item.setToolTip(wrong or "")
        self.table.blockSignals(False)
        self.problem.setText("\n".join(found[i] for i in sorted(found, reverse=True)))
        self.problem.setVisible(bool(found))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not found)

    # Saving ------------------------------------------------------------------------------
    def save(self) -> None:
        tiers = self._typed()
        if tiers is None:
            return
        loyalty = self.services.loyalty

        def saved(moved: int) -> None:
            self.accept()
            say = getattr(self.parent(), "say", None)
            if say is not None:
                say(tr("Loyalty tiers saved: %Ln customers changed tier (Ctrl+Z undoes it).", "",
                       moved))

        def failed(exc) -> None:
            found = getattr(exc, "found", None)
            if found is not None:
                self.show_problems(found, [])
            else:
                self.problem.setText(str(exc))
                self.problem.show()

        self.tasks.write(self, lambda: loyalty.save(tiers)).success(saved).failure(failed).run()
