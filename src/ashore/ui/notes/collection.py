"""What the notes pane adds for a collector's contact: the fields in the editor (who called whom,
from which number, who else they contacted, the abuse heard) and the red chips naming each rule
of the collection standard (GB/T 45251) a contact broke. The rules live in
``ashore.services.collection``; this only words and shows them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ashore.domain.records import ABUSE_KINDS, DIRECTIONS, CallNote
from ashore.ui.widgets.style import ERROR, ERROR_BG
from ashore.ui.widgets.words import _tr

COLLECTION_STYLE = f"""
QLabel#breachChip {{ background: {ERROR_BG}; color: {ERROR}; border: 1px solid {ERROR};
                    border-radius: 8px; padding: 1px 8px; font-weight: 600; }}
QLabel#collectorChip {{ background: #fde8d7; color: #8a3b00; border-radius: 8px;
                       padding: 1px 8px; }}
QLabel#breachCount {{ color: {ERROR}; font-weight: 600; }}
"""


def rule_text(rule: str) -> str:
    """A broken rule in the user's words, for the chips and the complaint."""
    names = {
        "night_call": _tr("Night call (22:00–08:00)"),
        "too_many_calls": _tr("More than 3 calls that day"),
        "third_party": _tr("Contacted someone else"),
        "abuse": _tr("Threats or abuse"),
    }
    return names.get(rule, rule)


def abuse_text(kind: str) -> str:
    names = {
        "threat": _tr("Threat"),
        "insult": _tr("Insult"),
        "impersonation": _tr("Impersonation (police, court, lawyer)"),
        "disclosure": _tr("Told others about the debt"),
        "other": _tr("Other abuse"),
    }
    return names.get(kind, kind)


def direction_text(direction: str) -> str:
    names = {
        "incoming": _tr("They contacted me"),
        "outgoing": _tr("I contacted them"),
    }
    return names.get(direction, direction)


class CollectionFields(QWidget):
    """The editor's collection part: direction, number, third party and the abuse heard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.direction = QComboBox()
        for direction in DIRECTIONS:
            self.direction.addItem(direction_text(direction), direction)
        self.from_number = QLineEdit()
        self.from_number.setPlaceholderText(self.tr("the number that called, e.g. 171 0000 1111"))
        self.third_party = QLineEdit()
        self.third_party.setPlaceholderText(
            self.tr("family, friends, employer they called or messaged; empty if nobody")
        )
        self.abuse: dict[str, QCheckBox] = {}
        boxes = QGridLayout()
        boxes.setContentsMargins(0, 0, 0, 0)
        for i, kind in enumerate(ABUSE_KINDS):
            box = QCheckBox(abuse_text(kind))
            self.abuse[kind] = box
            boxes.addWidget(box, i // 3, i % 3)
        who = QHBoxLayout()
        who.setContentsMargins(0, 0, 0, 0)
        who.addWidget(self.direction)
        who.addWidget(self.from_number, 1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Collector"), who)
        form.addRow(self.tr("Also contacted"), self.third_party)
        form.addRow(self.tr("Heard"), boxes)

    def clear(self, direction: str = "incoming") -> None:
        self.direction.setCurrentIndex(max(0, self.direction.findData(direction)))
        self.from_number.clear()
        self.third_party.clear()
        for box in self.abuse.values():
            box.setChecked(False)

    def load(self, note: CallNote) -> None:
        self.clear(note.direction or "incoming")
        self.from_number.setText(note.from_number)
        self.third_party.setText(note.third_party)
        for kind in note.abuse:
            if kind in self.abuse:
                self.abuse[kind].setChecked(True)

    def chosen_abuse(self) -> tuple[str, ...]:
        return tuple(kind for kind in ABUSE_KINDS if self.abuse[kind].isChecked())


def collector_summary(note: CallNote) -> str:
    """One line for the card: who contacted whom, from which number, who else, what was heard."""
    parts = [direction_text(note.direction)]
    if note.from_number:
        parts.append(_tr("from {number}").format(number=note.from_number))
    if note.third_party:
        parts.append(_tr("also contacted: {who}").format(who=note.third_party))
    if note.abuse:
        joined = _tr(", ").join(map(abuse_text, note.abuse))  # "、" in Chinese
        parts.append(_tr("heard: {what}").format(what=joined))
    return " · ".join(parts)


def breach_chips(rules: list[str]) -> QHBoxLayout:
    """A row of red chips, one per broken rule."""
    row = QHBoxLayout()
    row.setSpacing(6)
    for rule in rules:
        chip = QLabel(rule_text(rule))
        chip.setObjectName("breachChip")
        chip.setProperty("rule", rule)
        row.addWidget(chip)
    row.addStretch(1)
    return row
