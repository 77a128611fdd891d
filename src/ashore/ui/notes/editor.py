"""The form in the notes pane where a note is written or edited: both times, channel, who, what
was said, the outcome, promises, the follow-up, files to attach, and a collector's fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as default
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ashore.domain.records import CHANNELS, CallNote
from ashore.ui import dialogs
from ashore.ui.notes.collection import CollectionFields
from ashore.ui.notes.formatting import channel_text, stamp_text
from ashore.ui.widgets.fields import ErrorLabel, OneTabDateEdit, TypedDateTimeEdit


@dataclass
class NoteDraft:
    """A note being written, put aside while the user looks elsewhere (another loan, the lender's
    page) and given back to the editor when they come back: every field as typed, the files picked
    for it, and which note it changes (None: a new note) on which loan."""

    loan_id: str | None
    editing: CallNote | None
    title: str
    written: str
    shown_occurred: tuple[QDateTime, datetime] | None
    fields: tuple[object, ...]
    baseline: tuple[object, ...]
    pending: list[Path] = default(default_factory=list)

    def is_dirty(self) -> bool:
        return bool(self.pending) or self.fields != self.baseline


class NoteEditor(QFrame):
    """Write a new note or change one; the written-at time is shown, never editable."""

    saveRequested = Signal()
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.editing: CallNote | None = None
        self.loan_id: str | None = None  # the loan the note is written on (set by the pane)
        self._baseline: tuple[object, ...] = ()
        self._shown_occurred: tuple[QDateTime, datetime] | None = None

        self.title = QLabel()
        self.title.setObjectName("noteWhen")
        self.occurred = TypedDateTimeEdit()  # "23:10" typed whole, not section by section
        self.occurred.setCalendarPopup(True)
        self.written = QLabel()
        self.written.setObjectName("noteLabel")
        self.channel = QComboBox()
        for channel in CHANNELS:
            self.channel.addItem(channel_text(channel), channel)
        self.counterpart = QLineEdit()
        self.counterpart.setPlaceholderText(self.tr("agent name or number, department"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("What was said, in your own words"))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.outcome = QLineEdit()
        self.outcome.setPlaceholderText(self.tr("e.g. they will review the request"))
        self.promises = QLineEdit()
        self.promises.setPlaceholderText(self.tr("who promised what, by when (either side)"))
        self.follow_check = QCheckBox(self.tr("Follow up on"))
        self.follow_date = OneTabDateEdit()
        self.follow_date.setCalendarPopup(True)
        self.follow_date.setDisplayFormat("yyyy-MM-dd")
        self.follow_date.setEnabled(False)
        self.follow_check.toggled.connect(self.follow_date.setEnabled)
        self.collection_check = QCheckBox(self.tr("A debt collector's contact"))
        self.collection_check.setToolTip(
            self.tr("Ashore checks it against the collection rules (GB/T 45251)")
        )
        self.collection = CollectionFields()
        self.collection.hide()
        self.collection_check.toggled.connect(self.collection.setVisible)
        # Recordings picked before the note is saved; attached to it once it is.
        self.pending: list[Path] = []
        # A recording (the file dialog shows audio files) and other proof (screenshots, PDFs)
        # are two actions: each dialog offers its own kind first, "All files" after it.
        self.attach_button = QPushButton(self.tr("Attach recording…"))
        self.attach_button.clicked.connect(lambda: self._pick_pending("recording"))
        self.proof_button = QPushButton(self.tr("Attach screenshot or PDF…"))
        self.proof_button.clicked.connect(lambda: self._pick_pending("proof"))
        self.pending_label = QLabel()
        self.pending_label.setObjectName("noteLabel")
        # Beside Save, two lines whose room is kept (elided, whole in the tooltip): a long
        # message wrapped to more lines and pushed Save and Cancel down under the pointer.
        self.error = ErrorLabel(lines=2)
        self.save_button = QPushButton(self.tr("Save note"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.saveRequested)
        # The platform's order and sizes (Save and Cancel each as wide as its text).
        self.button_box = QDialogButtonBox()
        self.button_box.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.button_box.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancelRequested)

        when = QHBoxLayout()
        when.addWidget(self.occurred)
        when.addSpacing(12)
        when.addWidget(self.written, 1)
        who = QHBoxLayout()
        who.addWidget(self.channel)
        who.addWidget(self.counterpart, 1)
        follow = QHBoxLayout()
        follow.addWidget(self.follow_check)
        follow.addWidget(self.follow_date)
        follow.addStretch(1)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Call at"), when)
        form.addRow(self.tr("With"), who)
        form.addRow(self.tr("Said"), self.text)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Promises"), self.promises)
        form.addRow("", follow)
        form.addRow("", self.collection_check)
        form.addRow("", self.collection)
        files = QHBoxLayout()
        files.addWidget(self.attach_button)
        files.addWidget(self.proof_button)
        files.addWidget(self.pending_label, 1)
        form.addRow("", files)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.button_box, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def start_new(self, now: datetime, today: date, *, collector: bool = False) -> None:
        """A blank note at ``now``, the cursor in the text; ``collector``: a collector calling
        now (incoming, by phone), the cursor on their number."""
        self.editing = None
        self.title.setText(self.tr("A collector is calling") if collector else self.tr("New note"))
        self.collection_check.setChecked(collector)
        self.collection.clear()
        self.pending = []
        self.pending_label.clear()
        self.attach_button.setVisible(True)
        self.proof_button.setVisible(True)
        self._set_occurred(now)
        self.written.setText(self.tr("Written-at time is set when you save"))
        self.channel.setCurrentIndex(0)
        for field in (self.counterpart, self.outcome, self.promises):
            field.clear()
        self.text.clear()
        self.follow_check.setChecked(False)
        self.follow_date.setDate(QDate(today.year, today.month, today.day).addDays(7))
        self._open()
        if collector:
            self.collection.from_number.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def start_edit(self, note: CallNote, today: date) -> None:
        self.editing = note
        self.title.setText(self.tr("Edit note — the current version is kept in its history"))
        self._set_occurred(note.occurred_at)
        when = stamp_text(note.logged_at, note.occurred_at)
        self.written.setText(self.tr("Written {when}").format(when=when))
        self.channel.setCurrentIndex(max(0, self.channel.findData(note.channel)))
        self.counterpart.setText(note.counterpart)
        self.text.setPlainText(note.text)
        self.outcome.setText(note.outcome)
        self.promises.setText(note.promises)
        self.follow_check.setChecked(note.follow_up is not None)
        self.collection_check.setChecked(note.kind == "collection")
        self.collection.load(note)
        self.pending = []
        self.pending_label.clear()
        self.attach_button.setVisible(False)  # an existing note takes files on its card
        self.proof_button.setVisible(False)
        day = note.follow_up or today
        self.follow_date.setDate(QDate(day.year, day.month, day.day))
        self._open()

    def occurred_at(self) -> datetime:
        """The call's time as typed, with this computer's offset; unchanged keeps the original."""
        shown = self.occurred.dateTime()
        if self._shown_occurred is not None and shown == self._shown_occurred[0]:
            return self._shown_occurred[1]
        value = shown.toPython()
        assert isinstance(value, datetime)
        if self._shown_occurred is not None:
            # A changed time keeps the zone the call was recorded in.
            return value.replace(tzinfo=self._shown_occurred[1].tzinfo)
        return value.astimezone()

    def follow_up(self) -> date | None:
        if not self.follow_check.isChecked():
            return None
        qd = self.follow_date.date()
        return date(qd.year(), qd.month(), qd.day())

    def collection_values(self) -> dict[str, object]:
        """The note's kind and collection fields as the notes service takes them."""
        if not self.collection_check.isChecked():
            return {
                "kind": "contact",
                "direction": "",
                "from_number": "",
                "third_party": "",
                "abuse": (),
            }
        fields = self.collection
        return {
            "kind": "collection",
            "direction": str(fields.direction.currentData()),
            "from_number": fields.from_number.text(),
            "third_party": fields.third_party.text(),
            "abuse": fields.chosen_abuse(),
        }

    def add_pending(self, paths: list[Path]) -> None:
        self.pending.extend(paths)
        self.pending_label.setText(", ".join(path.name for path in self.pending))

    def _pick_pending(self, kind: str) -> None:
        self.add_pending(dialogs.get_attach_paths(self, kind))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _set_occurred(self, value: datetime) -> None:
        local = value  # as recorded; an unchanged field keeps the original (offset and all)
        shown = QDateTime(
            QDate(local.year, local.month, local.day),
            QTime(local.hour, local.minute, local.second),
        )
        self.occurred.setDateTime(shown)
        self._shown_occurred = (self.occurred.dateTime(), value)

    # -- the draft ------------------------------------------------------------------------

    def is_open(self) -> bool:
        return not self.isHidden()

    def is_dirty(self) -> bool:
        """True when the open editor holds something the user typed or picked and did not save."""
        return self.is_open() and (bool(self.pending) or self._fields() != self._baseline)

    def draft(self) -> NoteDraft:
        """Everything in the editor, to give back later with ``restore``."""
        return NoteDraft(
            loan_id=self.loan_id,
            editing=self.editing,
            title=self.title.text(),
            written=self.written.text(),
            shown_occurred=self._shown_occurred,
            fields=self._fields(),
            baseline=self._baseline,
            pending=list(self.pending),
        )

    def restore(self, draft: NoteDraft) -> None:
        """Open the editor on a draft put aside, as it was left."""
        self.loan_id, self.editing = draft.loan_id, draft.editing
        self.title.setText(draft.title)
        self.written.setText(draft.written)
        self._shown_occurred = draft.shown_occurred
        self._set_fields(draft.fields)
        self.pending = []
        self.pending_label.clear()
        self.add_pending(draft.pending)
        self.attach_button.setVisible(draft.editing is None)
        self.proof_button.setVisible(draft.editing is None)
        self._open(baseline=draft.baseline)

    def _fields(self) -> tuple[object, ...]:
        fields = self.collection
        return (
            self.occurred.dateTime(),
            self.channel.currentIndex(),
            self.counterpart.text(),
            self.text.toPlainText(),
            self.outcome.text(),
            self.promises.text(),
            self.follow_check.isChecked(),
            self.follow_date.date(),
            self.collection_check.isChecked(),
            fields.direction.currentIndex(),
            fields.from_number.text(),
            fields.third_party.text(),
            fields.chosen_abuse(),
        )

    def _set_fields(self, values: tuple[object, ...]) -> None:
        (occurred, channel, counterpart, text, outcome, promises, follow, follow_date) = values[:8]
        (collection, direction, from_number, third_party, abuse) = values[8:]
        assert isinstance(occurred, QDateTime)
        assert isinstance(follow_date, QDate)
        assert isinstance(channel, int)
        assert isinstance(direction, int)
        assert isinstance(abuse, tuple)
        self.occurred.setDateTime(occurred)
        self.channel.setCurrentIndex(channel)
        self.counterpart.setText(str(counterpart))
        self.text.setPlainText(str(text))
        self.outcome.setText(str(outcome))
        self.promises.setText(str(promises))
        self.follow_check.setChecked(bool(follow))
        self.follow_date.setDate(follow_date)
        self.collection_check.setChecked(bool(collection))
        fields = self.collection
        fields.clear()
        fields.direction.setCurrentIndex(direction)
        fields.from_number.setText(str(from_number))
        fields.third_party.setText(str(third_party))
        for kind in abuse:
            if kind in fields.abuse:
                fields.abuse[kind].setChecked(True)

    def _open(self, baseline: tuple[object, ...] | None = None) -> None:
        self._baseline = self._fields() if baseline is None else baseline
        self.error.hide()
        self.show()
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)
