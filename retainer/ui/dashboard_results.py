"""The Dashboard's "Did it work?": of the drifting customers called or written to in the period,
how many bought again within 30 days, against those on the Today list nobody reached; and the
same for each saved segment's messages (services/results.py, docs/figures.md)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from retainer.i18n import decimal, grouped, percent, tr
from retainer.rules.results import WINDOW_DAYS, Comparison, Group
from retainer.ui.records_model import Column, RecordsModel, table_with_empty_text
from retainer.ui.style import set_role


def share_text(g: Group) -> str:
    return "—" if g.share is None else percent(g.share)


def came_back_text(g: Group) -> str:
    """"12 of 40 (30 %)", and how many are still within their 30 days."""
    if not g.customers:
        return "—"
    text = tr("{back} of {n} ({share})").format(back=grouped(g.came_back), n=grouped(g.decided),
                                                share=share_text(g))
    if g.waiting:
        text += tr(", {n} still waiting").format(n=grouped(g.waiting))
    return text


def difference_text(c: Comparison) -> str:
    if c.difference is None:
        return ""
    sign = "+" if c.difference >= 0 else "−"
    return tr("{amount} pp against those not reached").format(
        amount=sign + decimal(abs(c.difference), 0))


class _Figure(QFrame):
    def __init__(self, title: str, hint: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setToolTip(hint)
        self.title, self.value, self.detail = QLabel(title), QLabel("—"), QLabel()
        set_role(self.title, "note")
        set_role(self.value, "figure")
        set_role(self.detail, "hint")
        layout = QVBoxLayout(self)
        for label in (self.title, self.value, self.detail):
            label.setWordWrap(True)
            label.setMinimumWidth(40)
            layout.addWidget(label)


class ResultsBox(QWidget):
    """Shown under the charts; ``show_saved`` carries a saved segment to list in Customers."""

    show_saved = Signal(object)  # services.saved_segments.Segment

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.segments_by_id: dict[int, object] = {}
        title = QLabel("<b>" + tr("Did it work?") + "</b>")
        explain = QLabel(tr(
            "Of the customers put on the Today list in the period for drifting away, how many "
            "bought again within %Ln days of a call or a message — against those nobody "
            "reached, counted from the day they were put on the list.", "", WINDOW_DAYS))
        explain.setWordWrap(True)
        set_role(explain, "hint")
        self.reached = _Figure(tr("Called or written to"), tr(
            "Bought on the day of the first call or message in the period, or in the 30 days "
            "after. A customer whose 30 days are not over and who has not bought yet is still "
            "waiting, and not in the share."))
        self.not_reached = _Figure(tr("Not reached"), tr(
            "On the list, with no call or message in the period: bought within 30 days of "
            "being put on the list."))
        self.difference = QLabel()
        set_role(self.difference, "note")
        figures = QGridLayout()
        figures.addWidget(self.reached, 0, 0)
        figures.addWidget(self.not_reached, 0, 1)
        figures.addWidget(self.difference, 1, 0, 1, 2)

        self.model = RecordsModel([
            Column(tr("Segment"), lambda r: r.name or tr("customers shown, not saved")),
            Column(tr("Customers today"),
                   lambda r: "" if r.customers_today is None else grouped(r.customers_today),
                   right=True),
            Column(tr("Messages"), lambda r: grouped(r.outreaches), right=True),
            Column(tr("Written to: bought again"),
                   lambda r: came_back_text(r.comparison.reached), right=True),
            Column(tr("Left out: bought again"),
                   lambda r: came_back_text(r.comparison.not_reached), right=True)], self)
        table, self.view = table_with_empty_text(self.model, tr(
            "No saved segments yet. In Customers, choose filters and save them as a segment: "
            "it is listed here with what its messages brought."))
        self.view.setMinimumHeight(24 * 6 + 30)
        self.view.setToolTip(tr("Double-click a segment to list its customers"))
        self.view.doubleClicked.connect(self._open)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addLayout(figures)
        layout.addWidget(QLabel("<b>" + tr("Messages to saved segments") + "</b>"))
        layout.addWidget(table)

    def show_results(self, today_list: Comparison | None, segments: list) -> None:
        c = today_list or Comparison(Group(), Group())
        for figure, g in ((self.reached, c.reached), (self.not_reached, c.not_reached)):
            figure.value.setText(share_text(g))
            figure.detail.setText(came_back_text(g) if g.customers else tr("nobody in the period"))
        self.difference.setText(difference_text(c))
        self.model.set_records(segments)

    def _open(self, index) -> None:
        record = self.model.records[index.row()]
        if record.segment is not None:
            self.show_saved.emit(record.segment)
