"""A question with the owner's own choices as buttons (never bare Yes and No)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton


def question_box(parent, title: str, text: str, choices: list[str]) -> QMessageBox:
    """A warning with one button per choice, the first the default, the last on Esc."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    buttons: list[QPushButton] = []
    for number, label in enumerate(choices):
        role = (QMessageBox.ButtonRole.AcceptRole if number == 0
                else QMessageBox.ButtonRole.RejectRole)
        buttons.append(box.addButton(label, role))
    box.setDefaultButton(buttons[0])
    box.setEscapeButton(buttons[-1])
    box.choices = buttons
    return box


def choose(parent, title: str, text: str, choices: list[str]) -> int:
    """Ask with one button per choice; returns the index chosen (the last one on Esc)."""
    box = question_box(parent, title, text, choices)
    buttons = box.choices
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else len(choices) - 1
