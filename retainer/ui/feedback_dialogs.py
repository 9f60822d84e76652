"""Small dialogs of the card: an NPS answer or complaint, its resolution, a customer who left."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from retainer.i18n import tr
from retainer.rules import labels
from retainer.services import Retainer
from retainer.services.feedback import CHURN_REASONS
from retainer.ui.customer_form import FieldError
from retainer.ui.tasks import Tasks


class _Dialog(QDialog):
    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = FieldError()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def failed(self, exc: Exception) -> None:
        self.error.show_message(" ".join(getattr(exc, "errors", {}).values()) or str(exc))

    def save(self) -> None:  # pragma: no cover - each dialog has its own
        raise NotImplementedError


class AnswerDialog(_Dialog):
    """'How likely are you to recommend us to a friend, 0 to 10?' — and what they said."""

    def __init__(self, services: Retainer, tasks: Tasks, customer_id: int, parent=None) -> None:
        super().__init__(tr("Feedback"), parent)
        self.services, self.tasks, self.customer_id = services, tasks, customer_id
        self.score = QComboBox()
        self.score.addItem(tr("not asked"), None)
        for score in range(10, -1, -1):
            self.score.addItem(str(score), score)
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(tr("what they said, in their words"))
        self.complaint = QCheckBox(tr("This is a complaint"))
        question = QLabel(tr("How likely are you to recommend us to a friend, from 0 to 10?"))
        question.setWordWrap(True)
        self.form.addRow(question)
        self.form.addRow(tr("Score"), self.score)
        self.form.addRow(tr("Comment"), self.comment)
        self.form.addRow("", self.complaint)

    def save(self) -> None:
        cid, score = self.customer_id, self.score.currentData()
        comment, complaint = self.comment.text(), self.complaint.isChecked()
        feedback = self.services.feedback
        self.tasks.write(self, lambda: feedback.record(cid, score, comment, complaint)) \
            .success(lambda _: self.accept()).failure(self.failed).run()


class ResolveDialog(_Dialog):
    def __init__(self, services: Retainer, tasks: Tasks, feedback_id: int, complaint: str,
                 parent=None) -> None:
        super().__init__(tr("Resolve the complaint"), parent)
        self.services, self.tasks, self.feedback_id = services, tasks, feedback_id
        said = QLabel(complaint or tr("(no comment)"))
        said.setWordWrap(True)
        self.resolution = QLineEdit()
        self.resolution.setPlaceholderText(tr("what you did about it"))
        self.form.addRow(tr("Complaint"), said)
        self.form.addRow(tr("Resolution"), self.resolution)

    def save(self) -> None:
        fid, text = self.feedback_id, self.resolution.text()
        feedback = self.services.feedback
        self.tasks.write(self, lambda: feedback.resolve(fid, text)) \
            .success(lambda _: self.accept()).failure(self.failed).run()


class LostDialog(_Dialog):
    def __init__(self, services: Retainer, tasks: Tasks, customer_id: int, parent=None) -> None:
        super().__init__(tr("The customer has left"), parent)
        self.services, self.tasks, self.customer_id = services, tasks, customer_id
        self.reason = QComboBox()
        self.reason.addItem(tr("— choose —"), None)
        for code in CHURN_REASONS:
            self.reason.addItem(labels.churn_reason(code), code)
        self.comment = QLineEdit()
        note = QLabel(tr("Their status becomes Lost and their waiting calls are closed. If they "
                         "come back, press “Won back” on the card."))
        note.setWordWrap(True)
        self.form.addRow(tr("Why did they leave?"), self.reason)
        self.form.addRow(tr("Comment"), self.comment)
        self.form.addRow(note)

    def save(self) -> None:
        cid, reason, comment = self.customer_id, self.reason.currentData(), self.comment.text()
        feedback = self.services.feedback
        self.tasks.write(self, lambda: feedback.mark_lost(cid, reason or "", comment)) \
            .success(lambda _: self.accept()).failure(self.failed).run()
