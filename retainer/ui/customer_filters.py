"""The Customers screen's further filters, and its saved segments one click away.

:class:`MoreFilters` is the row under the search bar: when they last bought (days ago), what
they spent, whether they agreed to messages, their city and where they came from.
:class:`SegmentChips` is the row of saved segments, each a button with its count today; the
chip of the filters on screen is pressed, and a right click offers to delete it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from retainer.i18n import grouped, tr
from retainer.rules.money import SYMBOLS
from retainer.services import CustomerQuery, Retainer
from retainer.ui.lanes import BACKGROUND
from retainer.ui.style import set_role
from retainer.ui.tasks import Tasks

ANY = -1  # a spin box at its lowest: no bound on that side


def _bound(spin: QSpinBox) -> int | None:
    return None if spin.value() == ANY else spin.value()


def _spin(maximum: int, tip: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(ANY, maximum)
    spin.setValue(ANY)
    spin.setSpecialValueText(tr("any"))
    spin.setToolTip(tip)
    spin.setAccelerated(True)
    return spin


class MoreFilters(QWidget):
    """The filters beyond status, segment, tag and tier; ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, currency: str, parent=None) -> None:
        super().__init__(parent)
        self.last_from = _spin(36500, tr("Bought last at least this many days ago"))
        self.last_to = _spin(36500, tr("Bought last at most this many days ago"))
        self.spent_from = _spin(1_000_000, tr("Spent at least this much in all"))
        self.spent_to = _spin(1_000_000, tr("Spent at most this much in all"))
        symbol = SYMBOLS.get(currency, currency)
        for spin in (self.spent_from, self.spent_to):
            spin.setSuffix("\u00a0" + symbol if symbol else "")
            spin.setSingleStep(10)
        self.consent = QComboBox()
        for text, value in ((tr("Messages: either"), None), (tr("Agreed to messages"), True),
                            (tr("Did not agree to messages"), False)):
            self.consent.addItem(text, value)
        self.city = QComboBox()
        self.city.addItem(tr("All cities"), None)
        self.source = QComboBox()
        for combo in (self.consent, self.city, self.source):  # long names never widen the window
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.source.setToolTip(tr("Where they came from"))
        self.source.addItem(tr("All sources"), None)
        self.clear_button = QPushButton(tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)

        # Two rows, so that the longer words of a translation never widen the window.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        ranges, choices = QHBoxLayout(), QHBoxLayout()
        for widget in (QLabel(tr("Last purchase")), self.last_from, QLabel("–"), self.last_to,
                       QLabel(tr("days ago")), QLabel(tr("Spent")), self.spent_from, QLabel("–"),
                       self.spent_to):
            ranges.addWidget(widget)
        ranges.addStretch(1)
        for widget in (self.consent, self.city, self.source):
            choices.addWidget(widget, 1)
        choices.addStretch(1)
        choices.addWidget(self.clear_button)
        rows.addLayout(ranges)
        rows.addLayout(choices)
        for spin in (self.last_from, self.last_to, self.spent_from, self.spent_to):
            spin.valueChanged.connect(self.changed)
        for combo in (self.consent, self.city, self.source):
            combo.currentIndexChanged.connect(self.changed)

    def narrow(self, query: CustomerQuery) -> CustomerQuery:
        """``query`` with these filters."""
        spent_from, spent_to = _bound(self.spent_from), _bound(self.spent_to)
        return replace(
            query, last_days_min=_bound(self.last_from), last_days_max=_bound(self.last_to),
            spent_min_cents=None if spent_from is None else spent_from * 100,
            spent_max_cents=None if spent_to is None else spent_to * 100,
            consent=self.consent.currentData(), city=self.city.currentData(),
            source=self.source.currentData())

    def show_query(self, query: CustomerQuery) -> None:
        """Set the filters to ``query``'s, without a ``changed`` for each."""
        self.blockSignals(True)
        try:
            self.last_from.setValue(ANY if query.last_days_min is None else query.last_days_min)
            self.last_to.setValue(ANY if query.last_days_max is None else query.last_days_max)
            self.spent_from.setValue(ANY if query.spent_min_cents is None
                                     else query.spent_min_cents // 100)
            self.spent_to.setValue(ANY if query.spent_max_cents is None
                                   else -(-query.spent_max_cents // 100))
            self.consent.setCurrentIndex(max(0, self.consent.findData(query.consent)))
            for combo, value in ((self.city, query.city), (self.source, query.source)):
                if value and combo.findData(value) < 0:
                    combo.addItem(value, value)  # a segment's city no customer has any more
                combo.setCurrentIndex(max(0, combo.findData(value)))
        finally:
            self.blockSignals(False)

    def clear(self) -> None:
        self.show_query(CustomerQuery())
        self.changed.emit()

    def set_places(self, cities: list[str], sources: list[str]) -> None:
        for combo, values in ((self.city, cities), (self.source, sources)):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(value, value)
            if current and combo.findData(current) < 0:
                combo.addItem(current, current)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def is_narrowed(self) -> bool:
        return self.narrow(CustomerQuery()) != CustomerQuery()


class SegmentChips(QWidget):
    """The saved segments as a row of buttons: one click shows a segment's customers."""

    chosen = Signal(object)  # the segment (services.saved_segments.Segment)
    save_requested = Signal()

    def __init__(self, services: Retainer, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.segments: list = []
        self._buttons: list[QToolButton] = []
        self.title = QLabel(tr("Segments:"))
        set_role(self.title, "note")
        self.none = QLabel(tr("none yet"))
        self.none.setToolTip(tr("Choose filters, then save them as a segment"))
        set_role(self.none, "hint")
        self.save_button = QPushButton(tr("Save as segment…"))
        self.save_button.setToolTip(tr("Keep the filters on screen under a name, one click away"))
        self.save_button.clicked.connect(self.save_requested)
        inner = QWidget()
        self.chips = QHBoxLayout(inner)
        self.chips.setContentsMargins(0, 0, 0, 0)
        self.chips.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setBackgroundRole(QPalette.ColorRole.Window)  # the chips sit on the window
        scroll.viewport().setAutoFillBackground(False)
        inner.setAutoFillBackground(False)
        self.inner = inner
        scroll.hide()  # until the segments are read
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title)
        row.addWidget(self.none, 1)  # with no chip, the hint takes the room
        row.addWidget(scroll, 1)
        row.addWidget(self.save_button)
        self.scroll = scroll

    def refresh(self, current: CustomerQuery | None = None) -> None:
        services = self.services  # the segments' service is made on the lane, not here
        self.tasks.read(self, lambda: services.segments.counts(), lane=BACKGROUND).success(
            lambda counted: self._fill(counted, current)).run()

    def _fill(self, counted, current: CustomerQuery | None) -> None:
        for button in self._buttons:
            self.chips.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        self.segments = [s for s, _n in counted]
        for segment, count in counted:
            button = QToolButton()
            button.setText(f"{segment.name}  {grouped(count)}")
            button.setToolTip(tr("%Ln customers today. Right-click to delete.", "", count))
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.clicked.connect(lambda _on, s=segment: self.chosen.emit(s))
            button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            button.customContextMenuRequested.connect(
                lambda _pos, s=segment, b=button: self._menu(s, b))
            self.chips.insertWidget(self.chips.count() - 1, button)
            self._buttons.append(button)
        self.none.setVisible(not counted)
        self.scroll.setVisible(bool(counted))
        # As tall as a chip, and its scroll bar when the chips run wider than the row.
        chip = max((b.sizeHint().height() for b in self._buttons), default=0)
        self.scroll.setFixedHeight(chip + self.scroll.horizontalScrollBar().sizeHint().height())
        if current is not None:
            self.mark(current)

    def mark(self, query: CustomerQuery) -> None:
        """Press the chip of the segment whose filters are on screen, and only that one."""
        plain = replace(query, trash=False, sort=CustomerQuery().sort, descending=False)
        for segment, button in zip(self.segments, self._buttons, strict=True):
            button.setChecked(segment.query == plain)

    def named(self, query: CustomerQuery) -> str | None:
        plain = replace(query, trash=False, sort=CustomerQuery().sort, descending=False)
        return next((s.name for s in self.segments if s.query == plain), None)

    def _menu(self, segment, button: QToolButton) -> None:
        menu = QMenu(self)
        menu.addAction(tr("Delete the segment “{name}”").format(name=segment.name),
                       lambda: self._delete(segment))
        menu.exec(button.mapToGlobal(button.rect().bottomLeft()))

    def _delete(self, segment) -> None:
        segments = self.services.segments
        self.tasks.write(self, lambda: segments.delete(segment.id)).run()

    def ask_name(self, query: CustomerQuery) -> SaveSegmentDialog:
        """The dialog that keeps the filters on screen under a name (shown, not waited for)."""
        dialog = SaveSegmentDialog(self.services, self.tasks, query, self)
        dialog.open()
        return dialog


class SaveSegmentDialog(QDialog):
    """A name for the filters on screen; what is wrong with it is said under the field."""

    def __init__(self, services: Retainer, tasks: Tasks, query: CustomerQuery, parent=None) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.query = services, tasks, query
        self.setWindowTitle(tr("Save as segment"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("e.g. Lapsed regulars"))
        self.name.setMaxLength(200)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        set_role(self.problem, "error")
        self.problem.hide()
        self.count = QLabel()
        set_role(self.count, "note")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("A name for the filters on screen. The segment keeps the "
                                   "filters, so it names today's customers each time.")))
        layout.addWidget(self.name)
        layout.addWidget(self.problem)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.resize(max(460, self.sizeHint().width()), self.sizeHint().height())
        customers = services.customers
        self.tasks.read(self, lambda: customers.count(query)).success(
            lambda n: self.count.setText(tr("%Ln customers match them today.", "", n))).run()

    def save(self) -> None:
        segments, name, query = self.services.segments, self.name.text(), self.query
        self.save_button.setEnabled(False)
        self.tasks.write(self, lambda: segments.save(name, query)) \
            .success(lambda _segment: self.accept()).failure(self._refused).run()

    def _refused(self, exc: BaseException) -> None:
        from retainer.services.saved_segments import SegmentProblem

        self.save_button.setEnabled(True)
        if not isinstance(exc, SegmentProblem):
            self.tasks.report(exc)
            return
        self.problem.setText(str(exc))
        self.problem.show()
        self.name.setFocus()
