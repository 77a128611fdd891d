"""The notes pane beside a loan (or across a lender's loans): a timeline of calls, newest first.

Each card shows both times, channel, who, what was said, the outcome, promises, the follow-up,
and its evidence (an audio player, screenshot thumbnails, documents). Ctrl+N writes a new note;
edits become revisions and deletions tombstones through ``services.notes``. Files are copied in a
worker thread with a progress bar and Cancel. A red banner names any note whose record no longer
matches its hash.
"""

from __future__ import annotations

import re
import tempfile
from collections import deque
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeyEvent, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ashore.app.errors import AshoreError
from ashore.domain.records import CHANNELS, Attachment, CallNote, Loan
from ashore.services import Ledger
from ashore.services.collection import breaches_by_note
from ashore.services.notes import Notes, StoredFile
from ashore.ui.audio.player import AudioPlayer
from ashore.ui.notes import dialogs as notes_dialogs
from ashore.ui.notes.collection import (
    COLLECTION_STYLE,
    CollectionFields,
    breach_chips,
    collector_summary,
)
from ashore.ui.notes.worker import AttachThread
from ashore.ui.widgets.fields import user_message
from ashore.ui.widgets.style import ACCENT, BORDER, ERROR, ERROR_BG, MARGIN, MUTED, SPACING, TEXT

CARD_STYLE = f"""
QFrame#noteCard {{ background: #ffffff; border: 1px solid {BORDER}; border-radius: 8px; }}
QFrame#noteCard[deleted="true"] {{ background: #f3f4f5; border-style: dashed; }}
QFrame#noteCard[broken="true"] {{ border: 2px solid {ERROR}; }}
QFrame#noteCard[dropping="true"] {{ border: 2px solid {ACCENT}; background: #f0f7fa; }}
QLabel#noteWhen {{ font-weight: 600; color: {TEXT}; }}
QLabel#noteChannel {{ background: #e3edf3; color: #24506a; border-radius: 8px;
                     padding: 1px 8px; }}
QLabel#noteLabel {{ color: {MUTED}; }}
QLabel#noteFollowUp {{ background: #fff4dc; color: #7a4d00; border-radius: 8px;
                      padding: 1px 8px; }}
QLabel#noteFollowUp[overdue="true"] {{ background: {ERROR_BG}; color: {ERROR}; }}
QLabel#tombstone {{ color: {ERROR}; }}
QLabel#intact {{ color: #1e6b40; }}
QLabel#brokenNote {{ color: {ERROR}; font-weight: 600; }}
QLabel#fileName {{ color: {TEXT}; }}
QFrame#noteEditor {{ background: #ffffff; border: 1px solid {ACCENT}; border-radius: 8px; }}
QFrame#history {{ background: #f7f8f9; border-left: 3px solid {BORDER}; }}
QToolButton#thumb {{ border: 1px solid {BORDER}; border-radius: 4px; background: #fafafa; }}
QFrame#noteCard[breach="true"] {{ border-left: 4px solid {ERROR}; }}
"""

THUMB_W, THUMB_H = 240, 180
COLLECTOR_KEY = "Ctrl+Shift+N"
_NOTE_IN_PROBLEM = re.compile(r"^loan (?P<loan>\S+): note (?P<note>\S+): (?P<what>.*)$")


def channel_text(channel: str) -> str:
    def tr(text: str) -> str:
        return QCoreApplication.translate("", text)  # lupdate files these under ""

    names = {
        "phone": tr("Phone"),
        "app_chat": tr("App chat"),
        "sms": tr("SMS"),
        "email": tr("Email"),
        "in_person": tr("In person"),
        "letter": tr("Letter"),
        "other": tr("Other"),
    }
    return names.get(channel, channel)


def _local(value: datetime) -> datetime:
    """A time the app set (written, revised, deleted), shown in this computer's zone."""
    return value.astimezone()


def _offset_text(value: datetime) -> str:
    """``UTC+8`` style, for a time recorded in another zone than this computer's."""
    offset = value.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def when_text(value: datetime, locale: QLocale) -> str:
    """When a call happened, as the user recorded it (in its own zone, which is named when it is
    not this computer's), so the card reads the same as the exported log."""
    # the date pattern is translated: Chinese reads "2026年11月20日 周五"
    pattern = QCoreApplication.translate("", "ddd d MMM yyyy")
    day = locale.toString(QDate(value.year, value.month, value.day), pattern)
    text = f"{day} · {value:%H:%M}"
    # this computer's zone on that day (a summer-time change does not make it "another" zone)
    if value.utcoffset() != value.astimezone().utcoffset():
        text += f" ({_offset_text(value)})"
    return text


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def duration_text(ms: int | None) -> str:
    if ms is None:
        return ""
    seconds = ms // 1000
    return f"{seconds // 60}:{seconds % 60:02d}"


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def viewable_path(notes: Notes, attachment: Attachment) -> Path:
    """The stored file under its original name, for players and the desktop to recognise.

    The store keeps files under their hash with no suffix; a link named like the original (in
    the temp folder) lets the system's player pick the right program. Where links cannot be made,
    the stored file itself.
    """
    stored = notes.file_path(attachment.sha256)
    folder = Path(tempfile.gettempdir()) / "ashore-view" / attachment.sha256[:16]
    link = folder / (Path(attachment.name).name or "file")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if link.is_symlink() and link.resolve() == stored.resolve():
            return link
        link.unlink(missing_ok=True)
        link.symlink_to(stored)
    except OSError:
        return stored
    return link


def dropped_paths(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def _is_collector_key(event: QKeyEvent) -> bool:
    return QKeySequence(event.keyCombination()) == QKeySequence(COLLECTOR_KEY)


class NoteEditor(QFrame):
    """Write a new note or change one; the written-at time is shown, never editable."""

    saveRequested = Signal()
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.editing: CallNote | None = None
        self._shown_occurred: tuple[QDateTime, datetime] | None = None

        self.title = QLabel()
        self.title.setObjectName("noteWhen")
        self.occurred = QDateTimeEdit()
        self.occurred.setCalendarPopup(True)
        self.occurred.setDisplayFormat("yyyy-MM-dd HH:mm")
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
        self.follow_date = QDateEdit()
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
        self.attach_button = QPushButton(self.tr("Attach recording…"))
        self.attach_button.clicked.connect(self._pick_pending)
        self.pending_label = QLabel()
        self.pending_label.setObjectName("noteLabel")
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.save_button = QPushButton(self.tr("Save note"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.saveRequested)
        self.cancel_button = QPushButton(self.tr("Cancel"))
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
        files.addWidget(self.pending_label, 1)
        form.addRow("", files)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
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
        local = _local(note.logged_at)
        self.written.setText(self.tr("Written {when}").format(when=f"{local:%Y-%m-%d %H:%M}"))
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

    def _pick_pending(self) -> None:
        self.add_pending(notes_dialogs.get_attach_paths(self))

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

    def _open(self) -> None:
        self.error.hide()
        self.show()
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)


class NoteCard(QFrame):
    """One note in the timeline; files dropped on it are attached to it."""

    editRequested = Signal(str, str)  # loan id, note id
    deleteRequested = Signal(str, str)
    attachRequested = Signal(str, str)
    filesDropped = Signal(str, str, list)  # loan id, note id, [Path]

    # Complexity over 10 on purpose: builds the pane's widgets in reading order; splitting it would
    # scatter the layout.
    def __init__(  # noqa: C901
        self,
        loan: Loan,
        note: CallNote,
        notes: Notes,
        today: date,
        problem: str | None,
        show_loan: bool,
        parent: QWidget | None = None,
        breaches: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noteCard")
        self.breaches = list(breaches or [])
        self.setProperty("breach", bool(self.breaches))
        self.loan_id = loan.id
        self.note = note
        self.players: list[AudioPlayer] = []
        deleted = note.deleted_at is not None
        self.setProperty("deleted", deleted)
        self.setProperty("broken", problem is not None)
        self.setAcceptDrops(not deleted)
        locale = QLocale()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(6)

        head = QHBoxLayout()
        head.setSpacing(8)
        self.when = QLabel(when_text(note.occurred_at, locale))
        self.when.setObjectName("noteWhen")
        self.channel = QLabel(channel_text(note.channel))
        self.channel.setObjectName("noteChannel")
        head.addWidget(self.when)
        head.addWidget(self.channel)
        if note.kind == "collection":
            self.collector = QLabel(self.tr("Collector"))
            self.collector.setObjectName("collectorChip")
            head.addWidget(self.collector)
        if note.counterpart:
            who = QLabel(note.counterpart)
            who.setObjectName("noteLabel")
            head.addWidget(who)
        if show_loan:
            loan_label = QLabel(self.tr("on {loan}").format(loan=loan.name))
            loan_label.setObjectName("noteLabel")
            head.addWidget(loan_label)
        head.addStretch(1)
        self.edit_button = QToolButton()
        self.edit_button.setText(self.tr("Edit"))
        self.edit_button.clicked.connect(lambda: self.editRequested.emit(loan.id, note.id))
        self.attach_button = QToolButton()
        self.attach_button.setText(self.tr("Attach…"))
        self.attach_button.setToolTip(self.tr("Attach recordings, screenshots or PDFs"))
        self.attach_button.clicked.connect(lambda: self.attachRequested.emit(loan.id, note.id))
        self.delete_button = QToolButton()
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.clicked.connect(lambda: self.deleteRequested.emit(loan.id, note.id))
        for button in (self.edit_button, self.attach_button, self.delete_button):
            button.setAutoRaise(True)
            button.setVisible(not deleted)
            head.addWidget(button)
        layout.addLayout(head)

        logged = _local(note.logged_at)
        meta = self.tr("Written {when}").format(when=f"{logged:%Y-%m-%d %H:%M}")
        if note.revisions:
            last = _local(note.revisions[-1].revised_at)
            meta += " · " + self.tr("edited {n}×, last {when}").format(
                n=len(note.revisions), when=f"{last:%Y-%m-%d %H:%M}"
            )
        self.meta = QLabel(meta)
        self.meta.setObjectName("noteLabel")
        layout.addWidget(self.meta)

        if problem is not None:
            self.broken = QLabel(self.tr("Broken record: {what}").format(what=problem))
            self.broken.setObjectName("brokenNote")
            self.broken.setWordWrap(True)
            layout.addWidget(self.broken)
        if deleted:
            assert note.deleted_at is not None
            gone = _local(note.deleted_at)
            self.tombstone = QLabel(
                self.tr("Deleted {when}. Reason: {reason}").format(
                    when=f"{gone:%Y-%m-%d %H:%M}", reason=note.deleted_reason
                )
            )
            self.tombstone.setObjectName("tombstone")
            self.tombstone.setWordWrap(True)
            layout.addWidget(self.tombstone)

        if note.kind == "collection":
            self.collection_line = QLabel(collector_summary(note))
            self.collection_line.setObjectName("noteLabel")
            self.collection_line.setWordWrap(True)
            self.collection_line.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(self.collection_line)
        if self.breaches:
            layout.addLayout(breach_chips(self.breaches))

        self.text = QLabel(note.text or self.tr("(no text)"))
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if deleted:
            font = self.text.font()
            font.setStrikeOut(True)
            self.text.setFont(font)
        layout.addWidget(self.text)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        row = 0
        for label, value in (
            (self.tr("Outcome"), note.outcome),
            (self.tr("Promises"), note.promises),
        ):
            if value:
                name = QLabel(label)
                name.setObjectName("noteLabel")
                text = QLabel(value)
                text.setWordWrap(True)
                text.setTextFormat(Qt.TextFormat.PlainText)
                grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(text, row, 1)
                row += 1
        if note.follow_up is not None:
            name = QLabel(self.tr("Follow-up"))
            name.setObjectName("noteLabel")
            overdue = note.follow_up < today and not deleted
            chip_text = note.follow_up.isoformat()
            if overdue:
                chip_text = self.tr("{day} — overdue").format(day=chip_text)
            self.follow_chip = QLabel(chip_text)
            self.follow_chip.setObjectName("noteFollowUp")
            self.follow_chip.setProperty("overdue", overdue)
            chip_row = QHBoxLayout()
            chip_row.addWidget(self.follow_chip)
            chip_row.addStretch(1)
            grid.addWidget(name, row, 0)
            grid.addLayout(chip_row, row, 1)
            row += 1
        grid.setColumnStretch(1, 1)
        if row:
            layout.addLayout(grid)

        images = [a for a in note.attachments if a.kind == "image"]
        if images:
            strip = QHBoxLayout()
            strip.setSpacing(8)
            for attachment in images:
                strip.addWidget(self._thumbnail(attachment, notes))
            strip.addStretch(1)
            layout.addLayout(strip)
        for attachment in note.attachments:
            if attachment.kind == "image":
                continue
            layout.addWidget(self._file_row(attachment, notes))

        if note.revisions:
            self.history_button = QToolButton()
            self.history_button.setAutoRaise(True)
            self.history_button.setCheckable(True)
            self.history_button.setText(
                self.tr("Show history ({n} earlier version(s))").format(n=len(note.revisions))
            )
            self.history = QFrame()
            self.history.setObjectName("history")
            box = QVBoxLayout(self.history)
            box.setContentsMargins(10, 4, 6, 4)
            for revision in reversed(note.revisions):
                until = _local(revision.revised_at)
                parts = [
                    self.tr("Until {when}:").format(when=f"{until:%Y-%m-%d %H:%M}"),
                    f"{when_text(revision.occurred_at, locale)} · "
                    f"{channel_text(revision.channel)} {revision.counterpart}".strip(),
                    revision.text,
                ]
                if revision.outcome:
                    parts.append(self.tr("Outcome: {text}").format(text=revision.outcome))
                if revision.promises:
                    parts.append(self.tr("Promises: {text}").format(text=revision.promises))
                if revision.follow_up:
                    parts.append(
                        self.tr("Follow-up: {day}").format(day=revision.follow_up.isoformat())
                    )
                item = QLabel("\n".join(parts))
                item.setWordWrap(True)
                item.setTextFormat(Qt.TextFormat.PlainText)
                box.addWidget(item)
            self.history.hide()
            self.history_button.toggled.connect(self.history.setVisible)
            layout.addWidget(self.history_button, 0, Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(self.history)

    def _thumbnail(self, attachment: Attachment, notes: Notes) -> QWidget:
        path = viewable_path(notes, attachment)
        button = QToolButton()
        button.setObjectName("thumb")
        pixmap = QPixmap(str(path))
        if pixmap.isNull():
            button.setText(attachment.name)
        else:
            scaled = pixmap.scaled(
                THUMB_W,
                THUMB_H,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            button.setIcon(scaled)
            button.setIconSize(scaled.size())
        button.setToolTip(
            f"{attachment.name} · {size_text(attachment.size)}\nSHA-256 {attachment.sha256}"
        )
        button.clicked.connect(lambda: notes_dialogs.open_file(path))
        column = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(button)
        caption = QLabel(f"{attachment.name} · {size_text(attachment.size)}")
        caption.setObjectName("noteLabel")
        column.addWidget(caption)
        return holder

    def _file_row(self, attachment: Attachment, notes: Notes) -> QWidget:
        path = viewable_path(notes, attachment)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 2, 0, 2)
        column.setSpacing(2)
        line = QHBoxLayout()
        name = QLabel(attachment.name)
        name.setObjectName("fileName")
        details = [size_text(attachment.size)]
        if attachment.duration_ms is not None:
            details.append(duration_text(attachment.duration_ms))
        details.append(f"SHA-256 {attachment.sha256[:12]}…")
        info = QLabel(" · ".join(details))
        info.setObjectName("noteLabel")
        info.setToolTip(attachment.sha256)
        line.addWidget(name)
        line.addWidget(info)
        line.addStretch(1)
        if attachment.kind != "audio":
            open_button = QToolButton()
            open_button.setAutoRaise(True)
            open_button.setText(self.tr("Open"))
            open_button.clicked.connect(lambda: notes_dialogs.open_file(path))
            line.addWidget(open_button)
        column.addLayout(line)
        if attachment.kind == "audio":
            player = AudioPlayer(holder)
            player.setAccessibleName(self.tr("Recording {name}").format(name=attachment.name))
            column.addWidget(player)
            player.load(path)
            self.players.append(player)
        return holder

    def release(self) -> None:
        for player in self.players:
            player.release()

    # -- dropping files on the note -----------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event):
            self.setProperty("dropping", True)
            _repolish(self)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QEvent) -> None:
        self.setProperty("dropping", False)
        _repolish(self)

    def dropEvent(self, event: QDropEvent) -> None:
        self.setProperty("dropping", False)
        _repolish(self)
        paths = [p for p in dropped_paths(event) if p.is_file()]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.filesDropped.emit(self.loan_id, self.note.id, paths)


class NotesPane(QWidget):
    """All notes of one loan (``set_loan``) or of all a lender's loans (``set_lender``)."""

    notesChanged = Signal()

    def __init__(
        self,
        ledger: Ledger,
        today: date,
        parent: QWidget | None = None,
        recordings: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setStyleSheet(CARD_STYLE + COLLECTION_STYLE)
        self.ledger = ledger
        self.notes = Notes(ledger)
        self.today = today
        self.loan_id: str | None = None
        self.lender_id: str | None = None
        self.cards: list[NoteCard] = []
        self.problems: list[str] = []
        self._queue: deque[tuple[str, str, Path, bool]] = deque()
        self.worker: AttachThread | None = None
        self._current: tuple[str, str, Path, bool] | None = None
        self._editing_loan: str | None = None
        self._closed = False  # after shutdown nothing more is linked

        outer = QVBoxLayout(self)
        outer.setContentsMargins(MARGIN, 8, MARGIN, 0)
        outer.setSpacing(8)

        self.title = QLabel(self.tr("Every note on this lender's loans, newest first"))
        self.title.setObjectName("noteWhen")
        self.title.hide()
        outer.addWidget(self.title)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)

        bar = QHBoxLayout()
        bar.setSpacing(SPACING)
        self.new_button = QPushButton(self.tr("New note"))
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip(
            self.tr("Write down a call or message now ({key})").format(
                key=QKeySequence("Ctrl+N").toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.new_button.clicked.connect(self.new_note)
        bar.addWidget(self.new_button)
        self.collector_button = QPushButton(self.tr("Collector calling"))
        self.collector_button.setToolTip(
            self.tr(
                "Note a debt collector's call now, while it rings: the time is filled in ({key})"
            ).format(
                key=QKeySequence(COLLECTOR_KEY).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.collector_button.clicked.connect(self.new_collector_call)
        bar.addWidget(self.collector_button)
        # The recorder loads QtMultimedia, so it is made when a loan's notes are first shown,
        # not when the window starts.
        self._recordings = recordings
        self.recorder: QWidget | None = None
        self._bar = bar
        bar.addStretch(1)
        # Says the record holds (or the banner says it does not): what a lender will ask.
        self.hint = QLabel()
        self.hint.setObjectName("intact")
        self.hint.setToolTip(self.tr("Drop recordings, screenshots or PDFs on a note to attach"))
        bar.addWidget(self.hint, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        outer.addLayout(bar)
        # How many rules this lender's collectors broke (all its loans): a complaint's headline.
        # On its own line, wrapping, so the pane never widens the window.
        self.breach_count = QLabel()
        self.breach_count.setObjectName("breachCount")
        self.breach_count.setWordWrap(True)
        self.breach_count.hide()
        outer.addWidget(self.breach_count)

        progress_row = QHBoxLayout()
        self.progress_label = QLabel()
        self.progress_label.setObjectName("hint")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_attach)
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_box = QWidget()
        self.progress_box.setLayout(progress_row)
        progress_row.setContentsMargins(0, 0, 0, 0)
        self.progress_box.hide()
        outer.addWidget(self.progress_box)

        self.editor = NoteEditor()
        self.editor.hide()
        self.editor.saveRequested.connect(self.save_editor)
        self.editor.cancelRequested.connect(self.close_editor)
        outer.addWidget(self.editor)

        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 4, MARGIN)
        self.list_layout.setSpacing(10)
        self.empty = QLabel()
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list_layout.addWidget(self.empty)
        self.list_layout.addStretch(1)
        self.timeline = QScrollArea()
        self.timeline.setWidgetResizable(True)
        self.timeline.setFrameShape(QFrame.Shape.NoFrame)
        # Cards wrap their text to the width; a sideways scroll bar would only hide the buttons.
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.timeline.setWidget(self.list_widget)
        self.timeline.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.list_widget.setObjectName("page")
        outer.addWidget(self.timeline, 1)

    # -- what is shown ------------------------------------------------------------------------

    def set_loan(self, loan_id: str) -> None:
        if loan_id != self.loan_id:
            self.close_editor()
        self.loan_id, self.lender_id = loan_id, None
        self.title.setVisible(False)
        self.new_button.setVisible(True)
        self.collector_button.setVisible(True)
        self.hint.setVisible(True)
        self._ensure_recorder()
        if self.recorder is not None:
            self.recorder.setVisible(True)
        self.refresh()

    def _ensure_recorder(self) -> None:
        if self.recorder is not None or self._recordings is None:
            return
        from ashore.ui.audio.recorder import CallRecorder

        recorder = CallRecorder(self._recordings, self, prefix="call", clock=self.notes.db.clock)
        recorder.setToolTip(self.tr("Record a call into a new note"))
        recorder.recorded.connect(self._on_recorded)
        recorder.record_button.setText(self.tr("Record call"))
        self._bar.insertWidget(1, recorder, 1)
        self.recorder = recorder

    def clear(self) -> None:
        """Show nothing (a loan not saved yet has no notes)."""
        self.close_editor()
        self.loan_id = self.lender_id = None
        self.new_button.setVisible(False)
        self.collector_button.setVisible(False)
        if self.recorder is not None:
            self.recorder.setVisible(False)
        self.refresh()
        self.empty.setText(self.tr("Save the loan first; then its calls can be noted here."))

    def set_lender(self, lender_id: str) -> None:
        self.close_editor()
        self.loan_id, self.lender_id = None, lender_id
        self.title.setVisible(True)
        self.new_button.setVisible(False)
        self.collector_button.setVisible(False)
        if self.recorder is not None:
            self.recorder.setVisible(False)
        self.refresh()

    def entries(self) -> list[tuple[Loan, CallNote]]:
        """What the timeline shows, newest contact first."""
        if self.loan_id is not None:
            loan = self.notes.loan(self.loan_id)
            pairs = [(loan, note) for note in loan.notes]
            pairs.sort(key=lambda pair: (pair[1].occurred_at, pair[1].logged_at), reverse=True)
            return pairs
        if self.lender_id is not None:
            return self.notes.lender_notes(self.lender_id)
        return []

    def refresh(self) -> None:
        """Rebuild the timeline and the broken-record banner from what is stored."""
        for card in self.cards:
            card.release()
            self.list_layout.removeWidget(card)
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        try:
            entries = self.entries()
            loan_ids = sorted({loan.id for loan, _ in entries} | self._loan_ids())
            self.problems = [p for loan_id in loan_ids for p in self.notes.problems(loan_id)]
            self.problems += self._missing_files(entries)
            breaches = self._breaches(entries)
        except AshoreError as error:
            entries, self.problems, breaches = [], [user_message(error)], {}
        broken: dict[tuple[str, str], str] = {}
        for line in self.problems:
            match = _NOTE_IN_PROBLEM.match(line)
            if match:
                broken.setdefault((match["loan"], match["note"]), match["what"])
        for position, (loan, note) in enumerate(entries):
            card = NoteCard(
                loan,
                note,
                self.notes,
                self.today,
                broken.get((loan.id, note.id)),
                show_loan=self.lender_id is not None,
                breaches=breaches.get((loan.id, note.id), []),
            )
            card.editRequested.connect(self.edit_note)
            card.deleteRequested.connect(self.delete_note)
            card.attachRequested.connect(self.ask_attach)
            card.filesDropped.connect(self.attach_files)
            self.list_layout.insertWidget(position, card)
            self.cards.append(card)
        self.empty.setVisible(not entries)
        self.empty.setText(
            self.tr(
                "No notes yet. After every call or message, press Ctrl+N and write down when "
                "it was, who you spoke to, what was said and promised. Attach the recording "
                "or a screenshot: a dated record is what holds up later."
            )
            if self.loan_id is not None
            else self.tr("No notes on this lender's loans yet.")
        )
        self._show_banner(entries)
        self._show_intact(entries)
        self._show_breach_count(breaches)

    def _lender_of_view(self) -> str | None:
        if self.lender_id is not None:
            return self.lender_id
        if self.loan_id is not None:
            return self.notes.loan(self.loan_id).lender
        return None

    def _breaches(self, entries: list[tuple[Loan, CallNote]]) -> dict[tuple[str, str], list[str]]:
        """The rules each shown contact broke, counted over all the lender's loans."""
        lender = self._lender_of_view()
        if lender is None or not any(note.kind == "collection" for _loan, note in entries):
            return {}
        return breaches_by_note(self.notes.lender_loans(lender))

    def _show_breach_count(self, breaches: dict[tuple[str, str], list[str]]) -> None:
        total = sum(len(rules) for rules in breaches.values())
        self.breach_count.setVisible(total > 0)
        if total:
            lender = self._lender_of_view()
            name = next((x.name for x in self.ledger.lenders() if x.id == lender), lender or "")
            self.breach_count.setText(
                self.tr(
                    "{lender}'s collectors broke the rules {n} time(s) in {k} contact(s)"
                ).format(lender=name, n=total, k=len(breaches))
            )
            self.breach_count.setToolTip(
                self.tr(
                    "Counted over every loan with this lender. File ▸ Export ▸ Complaint… writes "
                    "them up for the regulator (12378) or the central bank (12363)."
                )
            )

    def _show_intact(self, entries: list[tuple[Loan, CallNote]]) -> None:
        if self.problems or not entries:
            self.hint.clear()
            return
        if self.loan_id is not None:
            chain = self.notes.chain(self.loan_id)
            head = chain[-1].hash if chain else ""
            count = (
                self.tr("1 note")
                if len(entries) == 1
                else self.tr("{n} notes").format(n=len(entries))
            )
            self.hint.setText(
                self.tr("✓ Record intact · {notes} · {e} chained entries · last {h}…").format(
                    notes=count, e=len(chain), h=head[:10]
                )
            )
            self.hint.setToolTip(
                self.tr(
                    "Every note, edit and deletion is chained by SHA-256; last hash:\n{h}\n"
                    "Drop recordings, screenshots or PDFs on a note to attach them."
                ).format(h=head)
            )
        else:
            loans = len({loan.id for loan, _ in entries})
            count = (
                self.tr("1 note")
                if len(entries) == 1
                else self.tr("{n} notes").format(n=len(entries))
            )
            where = self.tr("1 loan") if loans == 1 else self.tr("{k} loans").format(k=loans)
            self.hint.setText(
                self.tr("✓ Record intact · {notes} · {loans}").format(notes=count, loans=where)
            )

    def _loan_ids(self) -> set[str]:
        return {self.loan_id} if self.loan_id is not None else set()

    def _missing_files(self, entries: list[tuple[Loan, CallNote]]) -> list[str]:
        # A quick look (exists, size) on each refresh; `ashore verify` re-hashes every byte.
        out = []
        seen: set[str] = set()
        for _loan, note in entries:
            for attachment in note.attachments:
                if attachment.sha256 in seen:
                    continue
                seen.add(attachment.sha256)
                path = self.notes.file_path(attachment.sha256)
                if not path.is_file():
                    out.append(f"evidence {attachment.name}: the stored file is missing")
                elif path.stat().st_size != attachment.size:
                    out.append(f"evidence {attachment.name}: its size changed")
        return out

    def _show_banner(self, entries: list[tuple[Loan, CallNote]]) -> None:
        if not self.problems:
            self.banner.hide()
            return
        when = {(loan.id, note.id): note.occurred_at for loan, note in entries}
        lines = [self.tr("Broken record — changed outside Ashore since it was written:")]
        for line in self.problems[:6]:
            match = _NOTE_IN_PROBLEM.match(line)
            at = when.get((match["loan"], match["note"])) if match else None
            if match and at is not None:
                # Name the note the way the user knows it (its call), and by id for verify.
                line = self.tr("the note of {when} ({note}): {what}").format(
                    when=when_text(at, QLocale()), note=match["note"], what=match["what"]
                )
            lines.append(f"• {line}")
        if len(self.problems) > 6:
            lines.append(self.tr("…and {n} more").format(n=len(self.problems) - 6))
        lines.append(self.tr("Run “ashore verify” for the full list; keep your backups."))
        self.banner.setText("\n".join(lines))
        self.banner.show()

    # -- writing ------------------------------------------------------------------------------

    def new_note(self) -> None:
        """Open the editor on a new note at the current time, the cursor in the text."""
        if self.loan_id is None:
            return
        self.editor.start_new(self.notes.db.clock.now(), self.today)
        self.timeline.verticalScrollBar().setValue(0)

    def new_collector_call(self) -> None:
        """A collector is calling: a collection note at the current time, incoming, by phone."""
        if self.loan_id is None:
            return
        self.editor.start_new(self.notes.db.clock.now(), self.today, collector=True)
        self.timeline.verticalScrollBar().setValue(0)

    def edit_note(self, loan_id: str, note_id: str) -> None:
        note = next(n for n in self.notes.notes(loan_id) if n.id == note_id)
        self._editing_loan = loan_id
        self.editor.start_edit(note, self.today)

    def close_editor(self) -> None:
        self.editor.editing = None
        self.editor.hide()

    def save_editor(self) -> None:
        editor = self.editor
        values = {
            "occurred_at": editor.occurred_at(),
            "channel": str(editor.channel.currentData()),
            "counterpart": editor.counterpart.text(),
            "text": editor.text.toPlainText(),
            "outcome": editor.outcome.text(),
            "promises": editor.promises.text(),
            "follow_up": editor.follow_up(),
            **editor.collection_values(),
        }
        added_id: str | None = None  # a new note, to attach the recordings picked for it
        try:
            if editor.editing is None:
                if self.loan_id is None:
                    return
                if not str(values["text"]).strip() and values["kind"] != "collection":
                    editor.show_error(self.tr("Write what was said before saving."))
                    return
                added_id = self.notes.add(self.loan_id, **values).id  # type: ignore[arg-type]
            else:
                loan_id = self._editing_loan or self.loan_id
                assert loan_id is not None
                self.notes.revise(loan_id, editor.editing.id, **values)  # type: ignore[arg-type]
        except AshoreError as error:
            editor.show_error(user_message(error))
            return
        pending = list(editor.pending)
        self.close_editor()
        self.refresh()
        self.notesChanged.emit()
        if added_id is not None and pending and self.loan_id is not None:
            self.attach_files(self.loan_id, added_id, pending)

    def delete_note(self, loan_id: str, note_id: str) -> None:
        note = next(n for n in self.notes.notes(loan_id) if n.id == note_id)
        label = self.tr("the note of {when}").format(when=when_text(note.occurred_at, QLocale()))
        reason = notes_dialogs.ask_delete_reason(self, label)
        if reason is None:
            return
        try:
            self.notes.delete(loan_id, note_id, reason)
        except AshoreError as error:
            self.banner.setText(user_message(error))
            self.banner.show()
            return
        self.refresh()
        self.notesChanged.emit()

    # -- attaching ----------------------------------------------------------------------------

    def ask_attach(self, loan_id: str, note_id: str) -> None:
        paths = notes_dialogs.get_attach_paths(self)
        if paths:
            self.attach_files(loan_id, note_id, paths)

    def attach_files(
        self, loan_id: str, note_id: str, paths: list[Path], remove_source: bool = False
    ) -> None:
        """Queue files for the note; they are copied one by one in the worker thread."""
        for path in paths:
            self._queue.append((loan_id, note_id, Path(path), remove_source))
        self._next()

    def is_busy(self) -> bool:
        return self.worker is not None

    def cancel_attach(self) -> None:
        """Stop the copy running now and drop the ones waiting."""
        self._queue.clear()
        if self.worker is not None:
            self.worker.cancel()

    def _next(self) -> None:
        if self.worker is not None or not self._queue:
            return
        self._current = self._queue.popleft()
        _loan_id, note_id, path, _remove = self._current
        worker = AttachThread(self.notes, path, note_id)
        worker.progress.connect(self._on_progress)
        worker.stored.connect(self._on_stored)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        self.worker = worker
        self.progress.setValue(0)
        self.progress_label.setText(self.tr("Copying {name}…").format(name=path.name))
        self.progress_box.show()
        worker.start()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(done * 1000 / total) if total else 1000)

    def _finish_worker(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.wait()  # the run has ended (it emitted its last signal): join the thread
        self.progress_box.hide()

    def _on_stored(self, stored: StoredFile) -> None:
        if self._closed:
            return  # shutdown already removed the copy nothing will point at
        self._finish_worker()
        assert self._current is not None
        loan_id, note_id, path, remove = self._current
        try:
            self.notes.link(loan_id, note_id, stored)
        except AshoreError as error:
            self.banner.setText(user_message(error))
            self.banner.show()
        else:
            if remove:
                path.unlink(missing_ok=True)
            self.refresh()
            self.notesChanged.emit()
        self._next()

    def _on_failed(self, message: str) -> None:
        self._finish_worker()
        self.banner.setText(message)
        self.banner.show()
        self._next()

    def _on_cancelled(self) -> None:
        self._finish_worker()
        self.progress_label.setText(self.tr("Cancelled: nothing was stored."))
        self._next()

    def _on_recorded(self, path: Path) -> None:
        if self.loan_id is None:
            return
        try:
            note = self.notes.add(self.loan_id, channel="phone", text=self.tr("Recorded call"))
        except AshoreError as error:
            self.banner.setText(user_message(error))
            self.banner.show()
            return
        self.refresh()
        self.attach_files(self.loan_id, note.id, [Path(path)], remove_source=True)
        self.edit_note(self.loan_id, note.id)

    # -- keys and closing ---------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Ctrl+N inside the pane means "new note", not the window's "new loan".
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            wanted = event.matches(QKeySequence.StandardKey.New) or _is_collector_key(event)
            if wanted and self.loan_id is not None:
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_collector_key(event) and self.loan_id is not None:
            self.new_collector_call()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.New) and self.loan_id is not None:
            self.new_note()
            event.accept()
            return
        super().keyPressEvent(event)

    def shutdown(self) -> None:
        """Cancel any copy, join its thread and stop the players (the pane is going away)."""
        self.cancel_attach()
        self._closed = True
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.wait()
            if worker.result is not None and worker.result.new:
                # Copied just before the cancel: no note will link it, so it must not stay.
                self.notes.db.evidence.discard(worker.result.sha256)
        for card in self.cards:
            card.release()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
