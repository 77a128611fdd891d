"""The notes pane: Ctrl+N, save, edit (history), delete (tombstone), drop to attach, cancel a
large copy, the broken-record banner, the lender-wide view and playback inside a note."""

from __future__ import annotations

import math
import sqlite3
import struct
import wave
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from ashore.app.context import Context
from ashore.services import Ledger
from ashore.services.notes import Notes
from ashore.ui import dialogs
from ashore.ui.audio.common import QTMULTIMEDIA_ENVIRONMENT_WARNINGS
from ashore.ui.audio.probe import audio_backend_status
from ashore.ui.notes.card import NoteCard
from ashore.ui.notes.pane import NotesPane

# Ctrl+Shift+N writes a new note; Ctrl+N is the window's New loan everywhere.
NOTE_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

LOAN = "jb-2026-01"
# See tests/ui/test_audio.py: QtMultimedia's words about the machine, not about our code.
noise = pytest.mark.qt_log_ignore(
    *QTMULTIMEDIA_ENVIRONMENT_WARNINGS, "does not support propagateSizeHints"
)


def write_wav(path: Path, seconds: float = 1.5, rate: int = 8000) -> Path:
    frames = int(seconds * rate)
    samples = (int(8000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(frames))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return path


@pytest.fixture
def pane(qtbot: Any, ledger: Ledger, ctx: Context) -> Iterator[NotesPane]:
    ledger.load_sample()
    widget = NotesPane(ledger, ctx.today)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.set_loan(LOAN)
    widget.show()
    yield widget
    widget.shutdown()


def _card(pane: NotesPane, note_id: str) -> NoteCard:
    return next(card for card in pane.cards if card.note.id == note_id)


def _write_note(qtbot: Any, pane: NotesPane, text: str) -> str:
    qtbot.keyClick(pane, Qt.Key.Key_N, NOTE_MODIFIERS)
    qtbot.keyClicks(pane.editor.text, text)
    before = {n.id for n in pane.notes.notes(LOAN)}
    qtbot.mouseClick(pane.editor.save_button, Qt.MouseButton.LeftButton)
    (new,) = [n for n in pane.notes.notes(LOAN) if n.id not in before]
    return new.id


@noise
def test_ctrl_n_opens_a_note_at_now_with_the_cursor_in_the_text(
    qtbot: Any, pane: NotesPane
) -> None:
    pane.activateWindow()
    qtbot.waitUntil(pane.isActiveWindow, timeout=3000)
    assert pane.editor.isHidden()
    qtbot.keyClick(pane, Qt.Key.Key_N, NOTE_MODIFIERS)
    assert pane.editor.isVisible()
    shown = pane.editor.occurred_at()
    assert abs((shown - datetime.now().astimezone()).total_seconds()) < 120
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane.editor.text, timeout=3000)
    qtbot.keyClicks(pane.editor.text, "asked for 24 months")
    qtbot.mouseClick(pane.editor.save_button, Qt.MouseButton.LeftButton)
    assert pane.editor.isHidden()
    newest = pane.cards[0]
    assert newest.note.text == "asked for 24 months"
    assert abs((newest.note.occurred_at - datetime.now().astimezone()).total_seconds()) < 120
    assert newest.text.text() == "asked for 24 months"
    # Written-at is the app's, not the editor's: there is no field for it.
    assert newest.note.logged_at >= newest.note.occurred_at


@noise
def test_an_empty_note_is_not_saved(qtbot: Any, pane: NotesPane) -> None:
    count = len(pane.notes.notes(LOAN))
    qtbot.keyClick(pane, Qt.Key.Key_N, NOTE_MODIFIERS)
    qtbot.mouseClick(pane.editor.save_button, Qt.MouseButton.LeftButton)
    assert not pane.editor.error.isHidden()
    assert len(pane.notes.notes(LOAN)) == count


@noise
def test_edit_shows_history_and_delete_leaves_a_tombstone(
    qtbot: Any, pane: NotesPane, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = _write_note(qtbot, pane, "they said 12 months")
    qtbot.mouseClick(_card(pane, note_id).edit_button, Qt.MouseButton.LeftButton)
    assert pane.editor.text.toPlainText() == "they said 12 months"
    pane.editor.text.selectAll()
    qtbot.keyClicks(pane.editor.text, "they said 24 months")
    qtbot.mouseClick(pane.editor.save_button, Qt.MouseButton.LeftButton)
    card = _card(pane, note_id)
    assert card.text.text() == "they said 24 months"
    assert "edited 1×" in card.meta.text()
    assert card.history.isHidden()
    card.history_button.click()
    assert not card.history.isHidden()
    assert "they said 12 months" in card.history.findChildren(type(card.text))[0].text()

    asked: list[str] = []

    def reason(_parent: object, what: str) -> str:
        asked.append(what)
        return "wrong loan"

    monkeypatch.setattr(dialogs, "ask_delete_reason", reason)
    qtbot.mouseClick(card.delete_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    card = _card(pane, note_id)
    assert card.property("deleted") is True
    assert "Reason: wrong loan" in card.tombstone.text()
    assert card.text.font().strikeOut()
    assert card.edit_button.isHidden()
    assert card.delete_button.isHidden()
    assert not pane.banner.isVisible()  # legitimate changes keep the chain whole


@noise
def test_cancelled_reason_deletes_nothing(
    qtbot: Any, pane: NotesPane, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = _write_note(qtbot, pane, "keep me")
    monkeypatch.setattr(dialogs, "ask_delete_reason", lambda _p, _w: None)
    qtbot.mouseClick(_card(pane, note_id).delete_button, Qt.MouseButton.LeftButton)
    assert _card(pane, note_id).note.deleted_at is None


@noise
def test_dropping_a_file_on_a_note_attaches_it(qtbot: Any, pane: NotesPane, tmp_path: Path) -> None:
    note_id = _write_note(qtbot, pane, "call with recording")
    source = write_wav(tmp_path / "call-1128.wav")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    card = _card(pane, note_id)
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    card.dropEvent(event)
    assert pane.is_busy() or pane.notes.notes(LOAN)
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=10_000)
    (note,) = [n for n in pane.notes.notes(LOAN) if n.id == note_id]
    assert [a.name for a in note.attachments] == ["call-1128.wav"]
    assert pane.notes.file_path(note.attachments[0].sha256).read_bytes() == source.read_bytes()
    assert note.attachments[0].duration_ms == 1500
    card = _card(pane, note_id)
    assert len(card.players) == 1
    # The player (and "open in the system's player") sees the original name and bytes.
    played = card.players[0].path()
    assert played is not None
    assert played.name == "call-1128.wav"
    assert played.read_bytes() == source.read_bytes()
    assert pane.progress_box.isHidden()


@noise
def test_a_cancelled_large_attach_leaves_no_file_no_row_no_thread(
    qtbot: Any, pane: NotesPane, tmp_path: Path
) -> None:
    note_id = _write_note(qtbot, pane, "a long call")
    big = tmp_path / "long-call.wav"
    with big.open("wb") as fh:
        for i in range(50):
            fh.write(bytes([i % 251]) * (1024 * 1024))
    pane.attach_files(LOAN, note_id, [big])
    worker = pane.worker
    assert worker is not None
    assert pane.progress_box.isVisible()
    seen: list[int] = []
    worker.progress.connect(lambda done, _total: (seen.append(done), pane.cancel_attach()))
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=20_000)
    assert seen, "the copy reported progress before it was cancelled"
    assert worker.isFinished()
    assert not worker.isRunning()
    assert not [p for p in pane.notes.db.evidence.root.rglob("*") if p.is_file()]
    (note,) = [n for n in pane.notes.notes(LOAN) if n.id == note_id]
    assert note.attachments == []
    assert "nothing was stored" in pane.progress_label.text()


@noise
def test_a_note_changed_in_the_database_shows_the_banner(
    qtbot: Any, pane: NotesPane, ctx: Context
) -> None:
    note_id = _write_note(qtbot, pane, "they agreed")
    assert pane.banner.isHidden()
    assert pane.hint.text() == "✓ 2 notes, kept as written; every change is on record"
    assert pane.notes.chain(LOAN)[-1].hash in pane.hint.toolTip()  # the fingerprint, for checks
    con = sqlite3.connect(ctx.data.database)
    with con:
        con.execute("UPDATE call_notes SET text = 'they refused' WHERE id = ?", (note_id,))
    con.close()
    pane.refresh()
    assert pane.banner.isVisible()
    assert "the note of " in pane.banner.text()
    assert f"({note_id})" in pane.banner.text()
    assert "changed outside Ashore" in pane.banner.text()
    assert pane.hint.text() == ""
    assert _card(pane, note_id).property("broken") is True
    assert "Broken record" in _card(pane, note_id).broken.text()


@noise
def test_the_lender_view_lists_every_loans_notes(
    qtbot: Any, pane: NotesPane, ledger: Ledger
) -> None:
    notes = Notes(ledger)
    mine = notes.add(LOAN, text="on the January loan")
    loan = ledger.loan(LOAN)
    pane.set_lender(loan.lender)
    assert pane.new_button.isHidden()
    texts = [card.note.text for card in pane.cards]
    assert "on the January loan" in texts
    assert {card.loan_id for card in pane.cards} <= {
        x.id for x in ledger.loans() if x.lender == loan.lender
    }
    # Newest contact first.
    times = [card.note.occurred_at for card in pane.cards]
    assert times == sorted(times, reverse=True)
    assert _card(pane, mine.id).note.follow_up is None


@noise
def test_follow_up_chip_marks_overdue(qtbot: Any, pane: NotesPane) -> None:
    notes = pane.notes
    late = notes.add(LOAN, text="call back", follow_up=date(2026, 11, 1))
    pane.refresh()
    chip = _card(pane, late.id).follow_chip
    assert chip.property("overdue") is True
    assert "overdue" in chip.text()


@noise
def test_playback_inside_the_note(qtbot: Any, pane: NotesPane, tmp_path: Path) -> None:
    ok, why = audio_backend_status()
    if not ok:
        pytest.skip(f"QMediaPlayer cannot work here: {why}")
    note = pane.notes.add(LOAN, text="recorded")
    pane.notes.attach(LOAN, note.id, write_wav(tmp_path / "rec.wav", seconds=2.0))
    pane.refresh()
    (player,) = _card(pane, note.id).players
    qtbot.waitUntil(lambda: player.duration_ms() > 0, timeout=10_000)
    assert abs(player.duration_ms() - 2000) <= 50
    player.play_button.click()
    qtbot.waitUntil(player.is_playing, timeout=5000)
    qtbot.waitUntil(lambda: player.position_ms() > 0, timeout=5000)
    player.pause()


@noise
def test_a_compressed_recording_is_measured_in_the_worker(
    qtbot: Any, pane: NotesPane, tmp_path: Path
) -> None:
    import base64

    from ui.test_audio import ONE_SECOND_MP3

    ok, why = audio_backend_status()
    if not ok:
        pytest.skip(f"QMediaPlayer cannot work here: {why}")
    note_id = _write_note(qtbot, pane, "call recorded by the phone app")
    source = tmp_path / "call.mp3"
    source.write_bytes(base64.b64decode(ONE_SECOND_MP3))
    pane.attach_files(LOAN, note_id, [source])
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=15_000)
    (note,) = [n for n in pane.notes.notes(LOAN) if n.id == note_id]
    (attachment,) = note.attachments
    assert attachment.kind == "audio"
    # MP3 frames pad the end: about a second, as the backend reads it.
    assert attachment.duration_ms is not None
    assert 900 <= attachment.duration_ms <= 1300


@noise
def test_closing_the_pane_mid_copy_joins_the_thread_and_stores_nothing(
    qtbot: Any, pane: NotesPane, tmp_path: Path
) -> None:
    note_id = _write_note(qtbot, pane, "closing while copying")
    big = tmp_path / "long.wav"
    with big.open("wb") as fh:
        for i in range(50):
            fh.write(bytes([i % 7]) * (1024 * 1024))
    pane.attach_files(LOAN, note_id, [big, big])  # a second one waits in the queue
    worker = pane.worker
    assert worker is not None
    qtbot.waitUntil(lambda: pane.progress.value() > 0, timeout=10_000)
    pane.close()  # closeEvent -> shutdown: cancel, then join
    assert worker.isFinished()
    assert pane.worker is None
    assert not pane.is_busy()
    qtbot.wait(50)  # a signal queued by the finished thread changes nothing now
    assert not [p for p in pane.notes.db.evidence.root.rglob("*") if p.is_file()]
    (note,) = [n for n in pane.notes.notes(LOAN) if n.id == note_id]
    assert note.attachments == []


def test_the_record_line_counts_in_the_singular_and_the_plural(
    qtbot: Any, pane: NotesPane, ledger: Ledger
) -> None:
    from dataclasses import replace

    fresh = replace(
        ledger.loan(LOAN), id="jb-fresh", notes=[], note_chain=[], proposals=[], payments=[]
    )
    ledger.save_loan(fresh)
    pane.set_loan("jb-fresh")
    qtbot.keyClick(pane, Qt.Key.Key_N, NOTE_MODIFIERS)
    qtbot.keyClicks(pane.editor.text, "first call")
    qtbot.mouseClick(pane.editor.save_button, Qt.MouseButton.LeftButton)
    assert len(pane.notes.chain("jb-fresh")) == 1
    assert pane.hint.text() == "✓ 1 note, kept as written; every change is on record"
    qtbot.keyClick(pane, Qt.Key.Key_N, NOTE_MODIFIERS)
    qtbot.keyClicks(pane.editor.text, "second call")
    qtbot.mouseClick(pane.editor.save_button, Qt.MouseButton.LeftButton)
    assert len(pane.notes.chain("jb-fresh")) == 2
    assert pane.hint.text() == "✓ 2 notes, kept as written; every change is on record"


@noise
def test_every_attached_file_shows_its_fingerprint_the_same_way(
    qtbot: Any, pane: NotesPane, tmp_path: Path
) -> None:
    """Sixth walk's 5: the recording's line showed its SHA-256, the screenshot's did not; each
    attached file shows its size and the start of its fingerprint alike, the whole one on hover."""
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QLabel

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    png = tmp_path / "screen.png"
    assert image.save(str(png))
    note = pane.notes.add(LOAN, text="two files")
    pane.notes.attach(LOAN, note.id, write_wav(tmp_path / "rec.wav", seconds=1.0))
    pane.notes.attach(LOAN, note.id, png)
    pane.refresh()
    card = _card(pane, note.id)
    attachments = {a.name: a for a in card.note.attachments}
    assert set(attachments) == {"rec.wav", "screen.png"}
    shown = {
        label.toolTip(): label.text()
        for label in card.findChildren(QLabel)
        if "SHA-256" in label.text()
    }
    assert set(shown) == {f"SHA-256 {a.sha256}" for a in attachments.values()}
    for attachment in attachments.values():
        line = shown[f"SHA-256 {attachment.sha256}"]
        assert line.endswith(f" · SHA-256 {attachment.sha256[:12]}…"), line


def _many_notes(ledger: Ledger, ctx: Context, count: int) -> list[str]:
    """``count`` notes on the sample's JB loan, an hour apart; their ids, newest first."""
    notes = Notes(ledger)
    first = datetime(2026, 1, 1, 8, 0, tzinfo=timezone(timedelta(hours=8)))
    ids = []
    for k in range(count):
        note = notes.add(
            LOAN, occurred_at=first + timedelta(hours=k), counterpart=f"agent {k:03d}", text="call"
        )
        ids.append(note.id)
    return ids[::-1]


@noise
def test_a_long_timeline_shows_the_newest_notes_and_the_older_a_page_at_a_time(
    qtbot: Any, pane: NotesPane, ledger: Ledger, ctx: Context
) -> None:
    """A heavy user's lender holds a thousand notes: the newest ``PAGE`` are cards, "Show older
    notes" adds a page at a time, a refresh of the same view keeps what was shown, and another
    view starts at the newest again."""
    from ashore.ui.notes.pane import PAGE

    _many_notes(ledger, ctx, PAGE + 12)
    pane.refresh()
    stored = Notes(ledger).notes(LOAN)
    total = len(stored)
    newest = sorted(stored, key=lambda n: (n.occurred_at, n.logged_at), reverse=True)
    assert [card.note.id for card in pane.cards] == [n.id for n in newest[:PAGE]]
    assert pane.older_button.isVisible()
    left = total - PAGE
    assert pane.older_button.text() == f"Show {min(left, PAGE)} older notes"
    qtbot.mouseClick(pane.older_button, Qt.MouseButton.LeftButton)
    assert len(pane.cards) == min(total, 2 * PAGE)
    order = [(card.note.occurred_at, card.note.logged_at) for card in pane.cards]
    assert order == sorted(order, reverse=True)  # the older ones under the newer
    pane.refresh()  # a note saved, say: the same view keeps its cards
    assert len(pane.cards) == min(total, 2 * PAGE)
    while pane.older_button.isVisible():
        pane.show_older()
    assert len(pane.cards) == total
    lender = ledger.loan(LOAN).lender
    pane.set_lender(lender)
    assert len(pane.cards) == min(PAGE, len(Notes(ledger).lender_notes(lender)))


def test_a_lenders_notes_are_read_in_a_few_queries_whatever_their_number(
    ledger: Ledger, ctx: Context
) -> None:
    """The lender's page read each note's revisions, files and chain one query at a time
    (some 8,000 queries for 1,300 notes, a half-minute freeze): now one query per kind."""
    from sqlalchemy import event

    ledger.load_sample()
    lender = ledger.loan(LOAN).lender
    notes = Notes(ledger)

    def queries(count: int) -> int:
        _many_notes(ledger, ctx, count)
        seen: list[str] = []
        engine = ledger.db.engine

        def count_it(*_args: Any) -> None:
            seen.append("query")

        event.listen(engine, "before_cursor_execute", count_it)
        try:
            loans, problems = notes.lender_read(lender)
            notes.read(LOAN)
        finally:
            event.remove(engine, "before_cursor_execute", count_it)
        assert problems == []
        assert sum(len(loan.notes) for loan in loans) >= count
        return len(seen)

    few = queries(2)
    assert few <= 30
    assert queries(40) == few  # the same queries for twenty times the notes
