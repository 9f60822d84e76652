"""Customers → Message…: one message to the customers shown, for the shop's SMS or e-mail service.

The owner writes the text once with placeholders and sees, as it is typed, each customer's own
text, who gets it and who is left out and why (services/outreach.py). Saving writes the
recipients to an .xlsx or .csv the service takes, and logs a contact on every recipient's card,
so the Today list's quiet time counts it. A customer written to within the quiet time is asked
about first. Undoable with Ctrl+Z (the record, not the file).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
)

from retainer.i18n import grouped, tr
from retainer.rules import messages
from retainer.services import CustomerQuery, Retainer
from retainer.services.outreach import EMAIL, SMS, NobodyToMessage, OutreachFileProblem, reason_text
from retainer.ui.questions import choose
from retainer.ui.style import colour, set_role
from retainer.ui.tasks import Tasks
from retainer.ui.transfer import documents_folder

PLAN_AFTER_MS = 300
NAME, ADDRESS, TEXT, LEFT_OUT = range(4)


def default_template() -> str:
    return tr("Hello, {first_name}! We have not seen you for {days_since_last_purchase}. "
              "Come by this week, we will be glad to see you.")


class PlanModel(QAbstractTableModel):
    """The plan's lines: name, address, own text, and why a customer is left out (greyed)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.lines: list = []
        self.channel = SMS

    def show(self, lines: list, channel: str) -> None:
        self.beginResetModel()
        self.lines, self.channel = lines, channel
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        to = tr("Phone") if self.channel == SMS else tr("E-mail")
        return (tr("Name"), to, tr("Message"), tr("Left out because"))[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == LEFT_OUT:
                return reason_text(line.left_out) if line.left_out else ""
            return (line.name, line.address, line.text)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and line.left_out:
            return QColor(colour("grey"))
        return None


class OutreachDialog(QDialog):
    """Shown with ``open()``; ``sent`` carries the line for the status bar once saved."""

    sent = Signal(str)

    def __init__(self, services: Retainer, tasks: Tasks, query: CustomerQuery,
                 segment_name: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.query, self.segment_name = query, segment_name
        self.plan = None
        self._asked = 0  # the newest plan asked for; older answers are dropped
        self.setWindowTitle(tr("Message to “{segment}”").format(segment=segment_name)
                            if segment_name else tr("Message to the customers shown"))
        self.resize(1000, 640)

        self.sms = QRadioButton(tr("SMS"))
        self.email = QRadioButton(tr("E-mail"))
        self.sms.setChecked(True)
        channels = QButtonGroup(self)
        for button in (self.sms, self.email):
            channels.addButton(button)
            button.toggled.connect(self._edited)
        channel_row = QHBoxLayout()
        channel_row.addWidget(QLabel(tr("Send by:")))
        channel_row.addWidget(self.sms)
        channel_row.addWidget(self.email)
        channel_row.addStretch(1)

        self.template = QPlainTextEdit(default_template())
        self.template.setTabChangesFocus(True)
        self.template.setFixedHeight(96)
        self.template.textChanged.connect(self._edited)
        insert_row = QHBoxLayout()
        insert_row.addWidget(QLabel(tr("Insert:")))
        for field, description in messages.PLACEHOLDERS.items():
            button = QToolButton()
            button.setText("{" + field + "}")
            button.setToolTip(tr(description))
            button.clicked.connect(lambda _on=False, f=field: self.insert(f))
            insert_row.addWidget(button)
        insert_row.addStretch(1)

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        set_role(self.problem, "error")
        self.problem.hide()
        self.summary = QLabel(tr("Reading the customers…"))
        self.summary.setWordWrap(True)
        set_role(self.summary, "note")

        self.model = PlanModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(NAME, 190)
        header.resizeSection(ADDRESS, 160)
        header.resizeSection(LEFT_OUT, 190)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self.read_out(
            current.row()))
        self.full = QLabel()  # the chosen customer's whole text, as their phone shows it
        self.full.setWordWrap(True)
        self.full.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        hint = QLabel(tr("Retainer does not send the messages itself: it saves the recipients "
                         "and their texts to a file for your SMS or e-mail service. Only "
                         "customers who agreed to messages are in it."))
        hint.setWordWrap(True)
        set_role(hint, "hint")
        self.save_button = QPushButton(tr("Save recipients…"))
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(lambda: self.save())
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(channel_row)
        layout.addWidget(QLabel(tr("Message:")))
        layout.addWidget(self.template)
        layout.addLayout(insert_row)
        layout.addWidget(self.problem)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.full)
        layout.addLayout(buttons)

        self._timer = QTimer(self, singleShot=True, interval=PLAN_AFTER_MS, timeout=self.replan)
        outreach = services.outreach
        self.tasks.read(self, outreach.last_template).success(self._last_template).run()

    # Writing -------------------------------------------------------------------------------
    def channel(self) -> str:
        return EMAIL if self.email.isChecked() else SMS

    def insert(self, field: str) -> None:
        self.template.insertPlainText("{" + field + "}")
        self.template.setFocus()

    def _last_template(self, last) -> None:
        """The message written last time is offered again; a new shop starts from ours."""
        if last is not None:
            text, channel = last
            self.template.blockSignals(True)
            self.template.setPlainText(text)
            self.template.blockSignals(False)
            (self.email if channel == EMAIL else self.sms).setChecked(True)
        self.replan()

    def _edited(self, *_args) -> None:
        self.save_button.setEnabled(False)
        self._timer.start()

    def replan(self) -> None:
        """Name what is wrong with the template at once; else read each customer's text."""
        self._asked += 1
        template = self.template.toPlainText()
        found = messages.problems(template)
        self.problem.setText("\n".join(found))
        self.problem.setVisible(bool(found))
        if found:
            self.plan = None
            self.save_button.setEnabled(False)
            return
        asked, channel = self._asked, self.channel()
        outreach, query, name = self.services.outreach, self.query, self.segment_name
        self.tasks.read(self, lambda: outreach.plan(query, template, channel, name)) \
            .success(lambda plan: self._planned(asked, plan)) \
            .failure(lambda exc: self._not_planned(asked, exc)).run()

    def _planned(self, asked: int, plan) -> None:
        if asked != self._asked:
            return
        self.plan = plan
        self.model.show(plan.lines, plan.channel)
        self.summary.setText(self.describe(plan))
        self.save_button.setEnabled(bool(plan.recipients))
        first = next((row for row, line in enumerate(plan.lines) if line.left_out is None), 0)
        self.table.setCurrentIndex(self.model.index(first, NAME))
        self.read_out(first)

    def read_out(self, row: int) -> None:
        """The whole text one customer gets, under the list (the column cuts long ones)."""
        lines = self.model.lines
        if not 0 <= row < len(lines):
            self.full.clear()
            return
        line = lines[row]
        self.full.setText(tr("{name} gets: {text}").format(name=line.name, text=line.text)
                          if line.left_out is None else
                          tr("{name} gets nothing: {why}.").format(name=line.name,
                                                                  why=reason_text(line.left_out)))

    def _not_planned(self, asked: int, exc: BaseException) -> None:
        if asked != self._asked:
            return
        if not isinstance(exc, NobodyToMessage | messages.TemplateProblem):
            self.tasks.report(exc)
            return
        self.plan = None
        self.model.show([], self.channel())
        self.full.clear()
        self.summary.setText(str(exc))
        self.save_button.setEnabled(False)

    @staticmethod
    def describe(plan) -> str:
        parts = [tr("Goes to %Ln customers.", "", len(plan.recipients))]
        reasons = plan.reasons()
        if reasons:
            why = "; ".join(f"{reason_text(code)}: {grouped(n)}" for code, n in reasons.items())
            parts.append(tr("Left out: %Ln ({why}).", "", len(plan.left_out)).format(why=why))
        if plan.recent:
            parts.append(tr("%Ln of them were contacted within the quiet time; you will be "
                            "asked about them.", "", len(plan.recent)))
        if not plan.recipients:
            parts.append(tr("Nobody here can be sent this message."))
        return " ".join(parts)

    # Saving --------------------------------------------------------------------------------
    def save(self, path: str | None = None) -> None:
        """Ask about customers written to lately, then where to save, then save and log."""
        plan = self.plan
        if plan is None or not plan.recipients:
            return
        if plan.recent:
            text = tr("%Ln of these customers were called or written to within the quiet time "
                      "(Settings → Quiet time after a call). Another message so soon can annoy "
                      "them.", "", len(plan.recent))
            answer = choose(self, tr("Written to lately"), text,
                            [tr("Leave them out"), tr("Write to them too"), tr("Cancel")])
            if answer == 2:
                return
            if answer == 0:
                plan = plan.without_recent()
                if not plan.recipients:
                    self.summary.setText(tr("Everybody here was contacted within the quiet "
                                            "time, so nobody is left to write to."))
                    return
        if path is None:
            path = self.ask_path()
            if not path:
                return
        outreach = self.services.outreach
        self.save_button.setEnabled(False)
        self.tasks.write(self, lambda: outreach.send(plan, path)) \
            .success(self._saved).failure(self._not_saved).run()

    def ask_path(self) -> str:
        stem = tr("Recipients {date}").format(date=date.today().isoformat())
        excel, csv = tr("Excel workbook (*.xlsx)"), tr("CSV for an SMS or e-mail service (*.csv)")
        path, chosen = QFileDialog.getSaveFileName(
            self, tr("Save the recipients"), str(documents_folder() / f"{stem}.xlsx"),
            f"{excel};;{csv}")
        if path and Path(path).suffix.lower() not in (".xlsx", ".csv"):
            path += ".csv" if chosen == csv else ".xlsx"
        return path

    def _saved(self, sent) -> None:
        self.sent.emit(tr("Saved %Ln recipients to {file} and logged the message on their "
                          "cards. Ctrl+Z takes the log back.", "", sent.sent).format(
                              file=sent.path))
        self.accept()

    def _not_saved(self, exc: BaseException) -> None:
        self.save_button.setEnabled(self.plan is not None)
        if isinstance(exc, OutreachFileProblem | NobodyToMessage):
            self.problem.setText(str(exc))
            self.problem.show()
        else:
            self.tasks.report(exc)
