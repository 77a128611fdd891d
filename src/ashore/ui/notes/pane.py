"""The notes pane beside a loan (or across a lender's loans): a timeline of calls, newest first.

Each card shows both times, channel, who, what was said, the outcome, promises, the follow-up,
and its evidence (an audio player, screenshot thumbnails, documents). Ctrl+Shift+N writes a new
note (Ctrl+N is the window's New loan everywhere), Ctrl+Shift+C a collector's call;
edits become revisions and deletions tombstones through ``services.notes``. Files are copied in a
worker thread with a progress bar and Cancel. A red banner names any note whose record no longer
matches its hash.

Over 500 lines because NotesPane is one widget whose timeline, editor, banner and copy queue
share the loan shown and the worker running; the editor, the card and the wording live beside it
(``notes.editor``, ``notes.card``, ``notes.formatting``).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ashore.app.errors import AshoreError
from ashore.domain.records import CallNote, Loan, NoteEvent
from ashore.services import Ledger
from ashore.services.collection import breaches_by_note
from ashore.services.notes import Notes, StoredFile, newest_first
from ashore.ui import dialogs
from ashore.ui.audio.probe import probe_duration_ms
from ashore.ui.notes.card import NoteCard
from ashore.ui.notes.collection import COLLECTION_STYLE
from ashore.ui.notes.editor import NoteDraft, NoteEditor
from ashore.ui.notes.formatting import when_text
from ashore.ui.notes.worker import AttachThread
from ashore.ui.widgets.fields import user_message
from ashore.ui.widgets.style import ACCENT, BORDER, ERROR, ERROR_BG, MARGIN, MUTED, SPACING, TEXT
from ashore.ui.widgets.workspace import NARROW_PAGE

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


# The pane's own keys: Ctrl+N is File ▸ New loan in the whole window, and one key means one
# thing in a window (Qt says "Ambiguous shortcut" and does neither when two share one).
NOTE_KEY = "Ctrl+Shift+N"
COLLECTOR_KEY = "Ctrl+Shift+C"


_NOTE_IN_PROBLEM = re.compile(r"^loan (?P<loan>\S+): note (?P<note>\S+): (?P<what>.*)$")


PAGE = 30  # the notes shown as cards at first, and how many more "Show older notes" adds


def _native(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


class NotesPane(QWidget):
    """All notes of one loan (``set_loan``) or of all a lender's loans (``set_lender``)."""

    notesChanged = Signal()
    noteSaved = Signal(object)  # the saved note (a CallNote): the window says so
    filesAttached = Signal(int, str)  # how many files, "the note of …": the window says so

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
        # The window's probe also measures recordings that are not WAV (through QtMultimedia).
        self.notes = Notes(ledger, probe_duration_ms)
        self.today = today
        self.loan_id: str | None = None
        self.lender_id: str | None = None
        self.cards: list[NoteCard] = []
        # the timeline: every note of the view, newest first, and how many are shown as cards
        self._entries: list[tuple[Loan, CallNote]] = []
        self._broken: dict[tuple[str, str], str] = {}
        self._breached: dict[tuple[str, str], list[str]] = {}
        self._chain: list[NoteEvent] = []
        self._lender: str | None = None
        self._paged: tuple[str, str] | None = None
        self._read_at: tuple[object, ...] | None = None  # the view and the writes it was read at
        self._missing: list[str] = []  # the files found missing or changed at that read
        self._wanted = PAGE
        self.problems: list[str] = []
        self._queue: deque[tuple[str, str, Path, bool]] = deque()
        self._attached: dict[tuple[str, str], int] = {}  # (loan, note) -> files linked this run
        self.worker: AttachThread | None = None
        self._current: tuple[str, str, Path, bool] | None = None
        # Notes being written, put aside per view ("loan"/"lender", id) while another is shown.
        self.drafts: dict[tuple[str, str], NoteDraft] = {}
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
            self.tr("Write down a call or message now ({key})").format(key=_native(NOTE_KEY))
        )
        self.new_button.clicked.connect(self.new_note)
        bar.addWidget(self.new_button)
        self.collector_button = QPushButton(self.tr("Collector calling"))
        self.collector_button.setToolTip(
            self.tr(
                "Note a debt collector's call now, while it rings: the time is filled in ({key})"
            ).format(key=_native(COLLECTOR_KEY))
        )
        self.collector_button.clicked.connect(self.new_collector_call)
        bar.addWidget(self.collector_button)
        self.new_note_action = self._key_action(self.tr("New note"), NOTE_KEY, self.new_note)
        self.collector_action = self._key_action(
            self.tr("Collector calling"), COLLECTOR_KEY, self.new_collector_call
        )
        # The recorder loads QtMultimedia, so it is made when a loan's notes are first shown,
        # not when the window starts.
        self._recordings = recordings
        self.recorder: QWidget | None = None
        self._bar = bar
        self._narrow = False  # on a narrow page (``fit_room``): the recorder on a line of its own
        bar.addStretch(1)
        # Says the record holds (or the banner says it does not): what a lender will ask.
        self.hint = QLabel()
        self.hint.setObjectName("intact")
        # wraps rather than widen the pane: a long record line must not push the sidebar narrower
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.hint.setToolTip(self.tr("Drop recordings, screenshots or PDFs on a note to attach"))
        bar.addWidget(self.hint, 1)
        outer.addLayout(bar)
        self._recorder_row = QHBoxLayout()  # where the recorder goes on a narrow page
        outer.addLayout(self._recorder_row)
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
        self.editor.cancelRequested.connect(self.cancel_editor)
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
        # A heavy user's lender has over a thousand notes: the newest come first as cards, the
        # rest a page at a time (a card per note made opening the lender a half-minute freeze).
        self.older_button = QPushButton()
        self.older_button.setObjectName("olderNotes")
        self.older_button.setVisible(False)
        self.older_button.clicked.connect(self.show_older)
        self.list_layout.addWidget(self.older_button, 0, Qt.AlignmentFlag.AlignHCenter)
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

    def _view(self) -> tuple[str, str] | None:
        if self.loan_id is not None:
            return ("loan", self.loan_id)
        if self.lender_id is not None:
            return ("lender", self.lender_id)
        return None

    def _put_aside(self) -> None:
        """Keep the note being written for when this view comes back; close the editor."""
        view = self._view()
        if view is not None and self.editor.is_dirty():
            self.drafts[view] = self.editor.draft()
        self.close_editor()

    def _take_back(self) -> None:
        """Reopen the note put aside on the view now shown, as it was left."""
        view = self._view()
        draft = self.drafts.pop(view, None) if view is not None else None
        if draft is not None:
            self.editor.restore(draft)

    def _switch(self, loan_id: str | None, lender_id: str | None) -> None:
        if (loan_id, lender_id) != (self.loan_id, self.lender_id):
            self._put_aside()
            self.loan_id, self.lender_id = loan_id, lender_id
            self._take_back()

    def set_loan(self, loan_id: str) -> None:
        self._switch(loan_id, None)
        self.title.setVisible(False)
        self.new_button.setVisible(True)
        self.collector_button.setVisible(True)
        self.hint.setVisible(True)
        self._ensure_recorder()
        if self.recorder is not None:
            self.recorder.setVisible(True)
        self.refresh_if_changed()

    def fit_room(self, width: int) -> None:
        """On a narrow page (800x600) the recorder goes on a line under New note and Collector
        calling, and each note's Edit, Attach and Delete under its heading: beside them they
        ran behind a sideways scroll bar."""
        narrow = width < NARROW_PAGE
        if narrow == self._narrow:
            return
        self._narrow = narrow
        self._place_recorder()
        for card in self.cards:
            card.set_narrow(narrow)

    def _place_recorder(self) -> None:
        recorder = self.recorder
        if recorder is None:
            return
        if self._narrow:
            self._bar.removeWidget(recorder)
            self._recorder_row.addWidget(recorder, 1)
        else:
            self._recorder_row.removeWidget(recorder)
            self._bar.insertWidget(1, recorder, 1)

    def _ensure_recorder(self) -> None:
        if self.recorder is not None or self._recordings is None:
            return
        from ashore.ui.audio.recorder import CallRecorder

        recorder = CallRecorder(self._recordings, self, prefix="call", clock=self.notes.db.clock)
        recorder.setToolTip(self.tr("Record a call into a new note"))
        recorder.recorded.connect(self._on_recorded)
        recorder.record_button.setText(self.tr("Record call"))
        self.recorder = recorder
        self._place_recorder()

    def clear(self) -> None:
        """Show nothing (a loan not saved yet has no notes)."""
        self._switch(None, None)
        self.new_button.setVisible(False)
        self.collector_button.setVisible(False)
        if self.recorder is not None:
            self.recorder.setVisible(False)
        self.refresh()
        self.empty.setText(self.tr("Save the loan first; then its calls can be noted here."))

    def set_lender(self, lender_id: str) -> None:
        self._switch(None, lender_id)
        self.title.setVisible(True)
        self.new_button.setVisible(False)
        self.collector_button.setVisible(False)
        if self.recorder is not None:
            self.recorder.setVisible(False)
        self.refresh_if_changed()

    def refresh(self) -> None:
        """Rebuild the timeline and the broken-record banner from what is stored: the newest
        ``PAGE`` notes as cards (as many as were shown when the view is the same), "Show older
        notes" for the rest."""
        for card in self.cards:
            card.release()
            self.list_layout.removeWidget(card)
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        if self._paged != self._view():
            self._paged, self._wanted = self._view(), PAGE
        self._chain = []
        self._read_at = self._read_key()
        try:
            entries, self.problems, lender_loans = self._read()
            self._missing = self._missing_files(entries)
            self.problems += self._missing
            breaches = self._breaches(entries, lender_loans)
        except AshoreError as error:
            entries, self.problems, breaches = [], [user_message(error)], {}
        self._entries = entries
        self._broken = {}
        for line in self.problems:
            match = _NOTE_IN_PROBLEM.match(line)
            if match:
                self._broken.setdefault((match["loan"], match["note"]), match["what"])
        self._breached = breaches
        self._add_cards(min(len(entries), self._wanted))
        self.empty.setVisible(not entries)
        self.empty.setText(
            self.tr(
                "No notes yet. After every call or message, press {key} and write down when "
                "it was, who you spoke to, what was said and promised. Attach the recording "
                "or a screenshot: a dated record is what holds up later."
            ).format(key=_native(NOTE_KEY))
            if self.loan_id is not None
            else self.tr("No notes on this lender's loans yet.")
        )
        self._show_banner(entries)
        self._show_intact(entries)
        self._show_breach_count(breaches)

    def _as_read(self) -> bool:
        """Nothing written since the view was last read, and its files as they were then: the
        timeline shown is the stored one (opening the Notes tab again rebuilt it each time)."""
        if self._read_at != self._read_key():
            return False
        try:
            return self._missing_files(self._entries) == self._missing
        except OSError:
            return False

    def _read_key(self) -> tuple[object, ...]:
        # the Ledger's database of now: a restore opens another one (an id could come back)
        db = self.ledger.db
        return (self._view(), db, db.changes.writes)

    def refresh_if_changed(self) -> None:
        """``refresh``, unless the timeline shown is still the stored one."""
        if not self._as_read():
            self.refresh()

    def _read(self) -> tuple[list[tuple[Loan, CallNote]], list[str], list[Loan] | None]:
        """The view's notes newest first, what does not hold in their record, and (for a
        lender) the lender's loans, from one read."""
        if self.loan_id is not None:
            loan, self._chain, problems = self.notes.read(self.loan_id)
            self._lender = loan.lender
            return newest_first([loan]), problems, None
        if self.lender_id is not None:
            self._lender = self.lender_id
            loans, problems = self.notes.lender_read(self.lender_id)
            return newest_first(loans), problems, loans
        self._lender = None
        return [], [], None

    def _add_cards(self, count: int) -> None:
        """Cards for the next ``count`` notes of the timeline, after those shown."""
        start = len(self.cards)
        for position in range(start, min(start + count, len(self._entries))):
            loan, note = self._entries[position]
            card = NoteCard(
                loan,
                note,
                self.notes,
                self.today,
                self._broken.get((loan.id, note.id)),
                show_loan=self.lender_id is not None,
                breaches=self._breached.get((loan.id, note.id), []),
            )
            card.set_narrow(self._narrow)
            card.editRequested.connect(self.edit_note)
            card.deleteRequested.connect(self.delete_note)
            card.attachRequested.connect(self.ask_attach)
            card.filesDropped.connect(self.attach_files)
            self.list_layout.insertWidget(position, card)
            self.cards.append(card)
        left = len(self._entries) - len(self.cards)
        self.older_button.setVisible(left > 0)
        self.older_button.setText(self.tr("Show %n older note(s)", "", min(left, PAGE)))
        self.older_button.setToolTip(self.tr("%n note(s) older than these", "", left))

    def show_older(self) -> None:
        """The next ``PAGE`` notes, under those shown (the scroll stays where it is)."""
        self._wanted = len(self.cards) + PAGE
        self._add_cards(PAGE)

    def _lender_of_view(self) -> str | None:
        return self._lender

    def _breaches(
        self, entries: list[tuple[Loan, CallNote]], lender_loans: list[Loan] | None
    ) -> dict[tuple[str, str], list[str]]:
        """The rules each shown contact broke, counted over all the lender's loans."""
        lender = self._lender_of_view()
        if lender is None or not any(note.kind == "collection" for _loan, note in entries):
            return {}
        return breaches_by_note(
            lender_loans if lender_loans is not None else self.notes.lender_loans(lender)
        )

    def _show_breach_count(self, breaches: dict[tuple[str, str], list[str]]) -> None:
        total = sum(len(rules) for rules in breaches.values())
        self.breach_count.setVisible(total > 0)
        if total:
            lender = self._lender_of_view()
            name = next((x.name for x in self.ledger.lenders() if x.id == lender), lender or "")
            self.breach_count.setText(
                self.tr("{lender}'s collectors broke the rules {times} in {contacts}").format(
                    lender=name,
                    times=self.tr("%n time(s)", "", total),
                    contacts=self.tr("%n contact(s)", "", len(breaches)),
                )
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
        # Plain words on the line (how many notes, and that none was changed since written);
        # the fingerprints, for whoever checks them, in the tooltip.
        if self.loan_id is not None:
            chain = self._chain
            head = chain[-1].hash if chain else ""
            kept = self.tr(
                "✓ %n note(s), kept as written; every change is on record", "", len(entries)
            )
            self.hint.setText(kept)
            self.hint.setToolTip(
                self.tr(
                    "Ashore keeps a fingerprint (SHA-256) of every note, edit and deletion, in "
                    "order, so a change made outside Ashore shows here. Latest fingerprint:\n{h}\n"
                    "Drop recordings, screenshots or PDFs on a note to attach them."
                ).format(h=head)
            )
        else:
            loans = len({loan.id for loan, _ in entries})
            self.hint.setText(
                self.tr("✓ {notes} on {loans}, kept as written").format(
                    notes=self.tr("%n note(s)", "", len(entries)),
                    loans=self.tr("%n loan(s)", "", loans),
                )
            )
            self.hint.setToolTip("")

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
        if self.loan_id is None or not self.may_replace_draft():
            return
        self.editor.loan_id = self.loan_id
        self.editor.start_new(self.notes.db.clock.now(), self.today)
        self.timeline.verticalScrollBar().setValue(0)

    def new_collector_call(self) -> None:
        """A collector is calling: a collection note at the current time, incoming, by phone."""
        if self.loan_id is None or not self.may_replace_draft():
            return
        self.editor.loan_id = self.loan_id
        self.editor.start_new(self.notes.db.clock.now(), self.today, collector=True)
        self.timeline.verticalScrollBar().setValue(0)

    def edit_note(self, loan_id: str, note_id: str) -> None:
        if not self.may_replace_draft():
            return
        note = next(n for n in self.notes.notes(loan_id) if n.id == note_id)
        self.editor.loan_id = loan_id
        self.editor.start_edit(note, self.today)

    def may_replace_draft(self) -> bool:
        """True when the editor may take another note: it holds nothing unsaved, or the user
        saved it (and the save went through) or let it go."""
        if not self.editor.is_dirty():
            return True
        answer = dialogs.ask_unsaved_note(self)
        if answer == "save":
            return self.save_editor()
        return answer == "discard"

    def cancel_editor(self) -> None:
        """The editor's Cancel: what was typed goes only when the user says so."""
        if self.editor.is_dirty() and not dialogs.confirm(
            self,
            self.tr("Unsaved note"),
            self.tr("Discard the note you are writing?"),
            self.tr("Discard note"),
        ):
            return
        self.close_editor()

    def close_editor(self) -> None:
        self.editor.editing = None
        self.editor.pending = []
        self.editor.hide()

    def unsaved_drafts(self) -> int:
        """How many notes are being written and not saved: the open one and those put aside."""
        return int(self.editor.is_dirty()) + len(self.drafts)

    def discard_drafts(self) -> None:
        self.drafts.clear()
        self.close_editor()

    def save_drafts(self) -> bool:
        """Save the note open in the editor and every one put aside; False (the failing one open
        in the editor if it is this view's, else put aside again, and the error said) at the
        first that cannot be saved."""
        if self.editor.is_dirty() and not self.save_editor():
            return False
        view = self._view()
        for key, draft in list(self.drafts.items()):
            self.editor.restore(draft)
            del self.drafts[key]
            if not self.save_editor():
                if key != view:
                    self.drafts[key] = self.editor.draft()
                    self.close_editor()
                    dialogs.error(
                        self,
                        self.tr("A note on another loan could not be saved: {error}").format(
                            error=self.editor.error.text()
                        ),
                    )
                return False
        return True

    def save_editor(self) -> bool:
        """Save the note in the editor; False (the editor open, the reason under it) when the
        notes refuse it."""
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
        loan_id = editor.loan_id or self.loan_id
        if loan_id is None:
            return False
        try:
            if editor.editing is None:
                if not str(values["text"]).strip() and values["kind"] != "collection":
                    editor.show_error(self.tr("Write what was said before saving."))
                    return False
                saved = self.notes.add(loan_id, **values)  # type: ignore[arg-type]
                added_id = saved.id
            else:
                saved = self.notes.revise(loan_id, editor.editing.id, **values)  # type: ignore[arg-type]
        except AshoreError as error:
            editor.show_error(user_message(error))
            return False
        pending = list(editor.pending)
        self.close_editor()
        self.refresh()
        self.notesChanged.emit()
        self.noteSaved.emit(saved)
        if added_id is not None and pending:
            self.attach_files(loan_id, added_id, pending)
        return True

    def delete_note(self, loan_id: str, note_id: str) -> None:
        note = next(n for n in self.notes.notes(loan_id) if n.id == note_id)
        label = self.tr("the note of {when}").format(when=when_text(note.occurred_at, QLocale()))
        reason = dialogs.ask_delete_reason(self, label)
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
        paths = dialogs.get_attach_paths(self)
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
        if self.worker is None and not self._queue:
            self._say_attached()
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
            key = (loan_id, note_id)
            self._attached[key] = self._attached.get(key, 0) + 1
            self.refresh()
            self.notesChanged.emit()
        self._next()

    def _say_attached(self) -> None:
        """The copies queued have all ended: tell the window how many files each note got."""
        attached, self._attached = self._attached, {}
        for (loan_id, note_id), count in attached.items():
            try:
                note = next(n for n in self.notes.notes(loan_id) if n.id == note_id)
            except (AshoreError, StopIteration):
                continue  # the note went meanwhile (a restore): nothing to say of it
            label = self.tr("the note of {when}").format(
                when=when_text(note.occurred_at, QLocale())
            )
            self.filesAttached.emit(count, label)

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
        if not self.editor.is_dirty():  # a note being written stays; the call is in the list
            self.edit_note(self.loan_id, note.id)

    # -- keys and closing ---------------------------------------------------------------------

    def _key_action(self, text: str, key: str, slot: Callable[[], None]) -> QAction:
        """An action on the pane for ``key``, heard in the pane's window while the pane is shown
        (Qt matches an action only while a widget holding it is visible), wherever the focus is:
        just after a click on the Notes tab it is on the tab bar."""
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

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
