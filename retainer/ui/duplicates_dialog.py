"""Edit → Find duplicates…: likely pairs of cards of one person, reviewed side by side and merged.

On the left, the likely pairs with why they look alike (services/duplicates.py). On the
right, the chosen pair field by field: where the two cards differ, the owner picks whose value
stays; phones and tags of both are always kept, and the purchases add up. *Merge* keeps the
left card with the values chosen and moves everything of the right one onto it; Ctrl+Z undoes
it. *Swap* keeps the other card instead; *Not the same person* skips the pair for now.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from retainer.i18n import grouped, tr
from retainer.rules import phones
from retainer.rules.dates import format_date
from retainer.rules.money import format_amount
from retainer.services import Retainer
from retainer.services.duplicates import FIELDS, MergeProblem, reason_text
from retainer.ui.records_model import Column, RecordsModel, table_with_empty_text
from retainer.ui.style import set_role
from retainer.ui.tasks import Tasks

# Not offered as a choice: who referred them is kept from the card kept; "do not call" is
# kept when either card asks it.
CHOSEN = tuple(f for f in FIELDS if f not in ("referred_by_id", "do_not_call"))


def label(field: str) -> str:
    return {"name": tr("Name"), "email": tr("E-mail"), "birthday": tr("Birthday"),
            "city": tr("City"), "address": tr("Address"), "card_number": tr("Card number"),
            "source": tr("Source"), "consent_to_messages": tr("Agreed to messages"),
            "notes": tr("Notes")}[field]


def value_text(field: str, value) -> str:
    if value is None or value == "":
        return tr("(empty)")
    if field == "birthday":
        return format_date(value)
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    return str(value)


class DuplicatesDialog(QDialog):
    merged = Signal(str)  # the line for the status bar

    def __init__(self, services: Retainer, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.setWindowTitle(tr("Find duplicates"))
        self.resize(1100, 620)
        self.pair = None
        self.swapped = False
        self.skipped: set[tuple[int, int]] = set()
        self.choices: dict[str, QButtonGroup] = {}
        self.model = RecordsModel([
            Column(tr("Card"), lambda p: p.first.values["name"]),
            Column(tr("Looks like"), lambda p: p.second.values["name"]),
            Column(tr("Because of"), lambda p: reason_text(p.reason))], self)
        table, self.view = table_with_empty_text(self.model, tr(
            "No likely duplicates: no two cards share a phone number or an e-mail, or have "
            "similar names with the same birthday or city."))
        self.table = table
        table.hide()  # until the first search is done: "no duplicates" is not known yet
        self.looking = QLabel(tr("Looking for cards of the same person…"))
        self.looking.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.looking, "empty")
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _old: self.show_pair(current.row()))
        self.side = QWidget()
        self.grid = QGridLayout(self.side)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.side)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        set_role(self.problem, "error")
        self.problem.hide()
        self.swap_button = QPushButton(tr("Swap: keep the other card"))
        self.swap_button.clicked.connect(self.swap)
        self.skip_button = QPushButton(tr("Not the same person"))
        self.skip_button.setToolTip(tr("Leave these two cards as they are, and go to the next pair"))
        self.skip_button.clicked.connect(self.skip)
        self.merge_button = QPushButton(tr("Merge"))
        self.merge_button.setDefault(True)
        self.merge_button.clicked.connect(self.merge)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.swap_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(close)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(scroll, 1)
        right_layout.addWidget(self.problem)
        right_layout.addLayout(buttons)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.looking)
        left_layout.addWidget(table)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([470, 630])
        hint = QLabel(tr("Where the two cards differ, choose what stays. Phones and tags of "
                         "both are kept; every purchase, call, answer and reminder moves to the "
                         "card kept, and the other goes to the trash, empty. Ctrl+Z undoes a "
                         "merge."))
        hint.setWordWrap(True)
        set_role(hint, "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(split, 1)
        self.set_enabled(False)
        self.find()

    def find(self) -> None:
        duplicates = self.services.duplicates
        self.tasks.read(self, duplicates.find).success(self.show_pairs).run()

    def show_pairs(self, pairs) -> None:
        self.looking.hide()
        self.table.show()
        shown = [p for p in pairs if (p.first.id, p.second.id) not in self.skipped]
        self.model.set_records(shown)
        if shown:
            self.view.setCurrentIndex(self.model.index(0, 0))
            self.show_pair(0)
        else:
            self.pair = None
            self.clear_sides()
            self.set_enabled(False)

    def set_enabled(self, on: bool) -> None:
        for button in (self.swap_button, self.skip_button, self.merge_button):
            button.setEnabled(on)

    def clear_sides(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # at once: deleteLater waits for the event loop
                item.widget().deleteLater()
        self.choices = {}

    def sides(self):
        if self.pair is None:
            return None, None
        return (self.pair.second, self.pair.first) if self.swapped else (self.pair.first,
                                                                         self.pair.second)

    def show_pair(self, row: int) -> None:
        if not 0 <= row < len(self.model.records):
            return
        if self.pair is not self.model.records[row]:
            self.pair, self.swapped = self.model.records[row], False
        self.problem.hide()
        self.clear_sides()
        keep, other = self.sides()
        currency = self.services.settings.currency
        for column, title in ((1, tr("Kept")), (2, tr("Merged into it"))):
            self.grid.addWidget(QLabel("<b>" + title + "</b>"), 0, column)
        row_at = 1
        for field in CHOSEN:
            mine, theirs = keep.values[field], other.values[field]
            self.grid.addWidget(QLabel(label(field)), row_at, 0)
            if mine == theirs or theirs in (None, ""):
                self.grid.addWidget(QLabel(value_text(field, mine)), row_at, 1, 1, 2)
            else:
                group = QButtonGroup(self.side)
                for column, value in ((1, mine), (2, theirs)):
                    button = QRadioButton(value_text(field, value))
                    group.addButton(button, column)
                    self.grid.addWidget(button, row_at, column)
                group.button(2 if mine in (None, "") else 1).setChecked(True)
                self.choices[field] = group
            row_at += 1
        both = [(tr("Phones"), ", ".join(phones.display(n) for n in dict.fromkeys(
                    keep.phones + other.phones)) or tr("(empty)")),
                (tr("Tags"), ", ".join(dict.fromkeys(keep.tags + other.tags)) or tr("(empty)")),
                (tr("Purchases"), tr("{a} + {b} = {total}").format(
                    a=grouped(keep.purchases), b=grouped(other.purchases),
                    total=grouped(keep.purchases + other.purchases))),
                (tr("Spent"), tr("{a} + {b} = {total}").format(
                    a=format_amount(keep.spent_cents, currency),
                    b=format_amount(other.spent_cents, currency),
                    total=format_amount(keep.spent_cents + other.spent_cents, currency)))]
        for title, text in both:
            self.grid.addWidget(QLabel(title), row_at, 0)
            value = QLabel(text)
            value.setWordWrap(True)
            self.grid.addWidget(value, row_at, 1, 1, 2)
            row_at += 1
        self.grid.setRowStretch(row_at, 1)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.set_enabled(True)

    def taken(self) -> set[str]:
        """The fields whose value comes from the card merged in."""
        return {field for field, group in self.choices.items() if group.checkedId() == 2}

    def choose(self, field: str, from_other: bool) -> None:
        self.choices[field].button(2 if from_other else 1).setChecked(True)

    def swap(self) -> None:
        self.swapped = not self.swapped
        self.show_pair(self.view.currentIndex().row())

    def skip(self) -> None:
        if self.pair is not None:
            self.skipped.add((self.pair.first.id, self.pair.second.id))
            self.show_pairs(self.model.records)

    def merge(self) -> None:
        keep, other = self.sides()
        if keep is None:
            return
        take, duplicates = self.taken(), self.services.duplicates
        self.set_enabled(False)
        self.tasks.write(self, lambda: duplicates.merge(keep.id, other.id, take)) \
            .success(lambda name: self._merged(name, other.values["name"])) \
            .failure(self._refused).run()

    def _merged(self, kept: str, other: str) -> None:
        self.merged.emit(tr("Merged {other} into {kept}. Ctrl+Z undoes it.").format(
            other=other, kept=kept))
        self.pair = None
        self.find()

    def _refused(self, exc: BaseException) -> None:
        self.set_enabled(True)
        if isinstance(exc, MergeProblem):
            self.problem.setText(str(exc))
            self.problem.show()
        else:
            self.tasks.report(exc)


def open_for(window) -> DuplicatesDialog:
    """The dialog over the main window, its merges said in the status bar."""
    dialog = DuplicatesDialog(window.services, window.tasks, window)
    dialog.merged.connect(window.say)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    window.duplicates_dialog = dialog
    return dialog
