"""One note in the notes pane's timeline, as a card: its times, channel, who and what, its
revisions, and its evidence (an audio player, screenshot thumbnails, documents); files dropped on
it are attached to that note.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ashore.domain.records import Attachment, CallNote, Loan
from ashore.services.notes import Notes
from ashore.ui import dialogs
from ashore.ui.audio.player import AudioPlayer
from ashore.ui.notes.collection import breach_chips, collector_summary
from ashore.ui.notes.formatting import (
    _local,
    channel_text,
    file_details,
    stamp_text,
    when_text,
)
from ashore.ui.widgets.words import day_text

THUMB_W, THUMB_H = 240, 180


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


def _details_label(attachment: Attachment) -> QLabel:
    """The line under or beside any attached file: its size (and length), its fingerprint."""
    info = QLabel(file_details(attachment))
    info.setObjectName("noteLabel")
    info.setToolTip(f"SHA-256 {attachment.sha256}")
    return info


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

        # what the note is on one line, its Edit, Attach and Delete beside it; on a narrow page
        # (``set_narrow``) under it, where beside it they ran past the page's right edge
        head = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        head.setSpacing(8)
        self._head = head
        info = QHBoxLayout()
        info.setSpacing(8)
        self.when = QLabel(when_text(note.occurred_at, locale))
        self.when.setObjectName("noteWhen")
        self.channel = QLabel(channel_text(note.channel))
        self.channel.setObjectName("noteChannel")
        info.addWidget(self.when)
        info.addWidget(self.channel)
        if note.kind == "collection":
            self.collector = QLabel(self.tr("Collector"))
            self.collector.setObjectName("collectorChip")
            info.addWidget(self.collector)
        if note.counterpart:
            who = QLabel(note.counterpart)
            who.setObjectName("noteLabel")
            info.addWidget(who)
        if show_loan:
            loan_label = QLabel(self.tr("on {loan}").format(loan=loan.name))
            loan_label.setObjectName("noteLabel")
            info.addWidget(loan_label)
        info.addStretch(1)
        head.addLayout(info, 1)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addStretch(1)  # at the right on a line of their own
        self.edit_button = QToolButton(self)
        self.edit_button.setText(self.tr("Edit"))
        self.edit_button.clicked.connect(lambda: self.editRequested.emit(loan.id, note.id))
        self.attach_button = QToolButton(self)
        self.attach_button.setText(self.tr("Attach…"))
        self.attach_button.setToolTip(self.tr("Attach recordings, screenshots or PDFs"))
        self.attach_button.clicked.connect(lambda: self.attachRequested.emit(loan.id, note.id))
        self.delete_button = QToolButton(self)
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.clicked.connect(lambda: self.deleteRequested.emit(loan.id, note.id))
        for button in (self.edit_button, self.attach_button, self.delete_button):
            button.setAutoRaise(True)
            # Shown while it has no parent, a button becomes a window of its own (an X window
            # made and dropped, milliseconds per card): parented, and only ever hidden.
            if deleted:
                button.hide()
            actions.addWidget(button)
        head.addLayout(actions)
        layout.addLayout(head)

        logged = stamp_text(note.logged_at, note.occurred_at)
        meta = self.tr("Written {when}").format(when=logged)
        if note.revisions:
            last = stamp_text(note.revisions[-1].revised_at, note.occurred_at)
            meta += " · " + self.tr("edited {n}×, last {when}").format(
                n=len(note.revisions), when=last
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
            chip_text = day_text(note.follow_up)
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
                self.tr("Show history (%n earlier version(s))", "", len(note.revisions))
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
                        self.tr("Follow-up: {day}").format(day=day_text(revision.follow_up))
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
        button.setToolTip(f"{attachment.name}\n{file_details(attachment)}")
        button.clicked.connect(lambda: dialogs.open_file(path))
        column = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(button)
        caption = QLabel(attachment.name)
        caption.setObjectName("fileName")
        column.addWidget(caption)
        column.addWidget(_details_label(attachment))  # as a recording's: with its fingerprint
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
        line.addWidget(name)
        line.addWidget(_details_label(attachment))
        line.addStretch(1)
        if attachment.kind != "audio":
            open_button = QToolButton()
            open_button.setAutoRaise(True)
            open_button.setText(self.tr("Open"))
            open_button.clicked.connect(lambda: dialogs.open_file(path))
            line.addWidget(open_button)
        column.addLayout(line)
        if attachment.kind == "audio":
            player = AudioPlayer(holder)
            player.setAccessibleName(self.tr("Recording {name}").format(name=attachment.name))
            column.addWidget(player)
            player.load(path)
            self.players.append(player)
        return holder

    def set_narrow(self, narrow: bool) -> None:
        """Edit, Attach and Delete on a line of their own under what the note is (a narrow
        page), or beside it."""
        self._head.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )

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
