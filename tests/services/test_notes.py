"""Call notes: revisions, tombstones and the append-only chain hold; tampering is named.

Attaching copies bytes once and a cancelled copy leaves nothing; follow-ups; the JSON exchange
and the migration carry it all.
"""

from __future__ import annotations

import os
import sqlite3
import wave
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from ashore.app.errors import InputError
from ashore.app.paths import DataDir
from ashore.exchange import read_book, write_book
from ashore.services import Ledger
from ashore.services.notes import Notes, follow_ups
from ashore.store.audit import find_problems
from ashore.store.database import downgrade, upgrade
from ashore.store.evidence import Cancelled

CST = timezone(timedelta(hours=8))
LOAN = "jb-2026-01"


def _problems(ledger: Ledger) -> list[str]:
    return find_problems(ledger.db)[0]


def _wav(path: Path, seconds: float = 0.5) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\x01\x02" * int(8000 * seconds))
    return path


def test_notes_revisions_and_tombstones_append_and_verify(ledger: Ledger) -> None:
    notes = Notes(ledger)
    before = notes.chain(LOAN)
    first = notes.add(
        LOAN,
        occurred_at=datetime(2026, 11, 25, 10, 15, tzinfo=CST),
        counterpart="agent 0231",
        text="asked for 24 months",
        outcome="will review",
        promises="they call back by Friday",
        follow_up=date(2026, 11, 27),
    )
    second = notes.add(LOAN, channel="sms", text="SMS: pay 9830.55 today")
    assert first.logged_at.utcoffset() is not None
    after_add = notes.chain(LOAN)
    assert after_add[: len(before)] == before
    assert [e.kind for e in after_add[len(before) :]] == ["created", "created"]

    revised = notes.revise(LOAN, first.id, text="asked for 24 months, penalty waived")
    assert revised.text == "asked for 24 months, penalty waived"
    assert [r.text for r in revised.revisions] == ["asked for 24 months"]
    deleted = notes.delete(LOAN, second.id, "typed on the wrong loan")
    assert deleted.deleted_reason == "typed on the wrong loan"
    assert deleted.deleted_at is not None

    chain = notes.chain(LOAN)
    # An edit and a deletion append; every earlier entry keeps its hash.
    assert chain[: len(after_add)] == after_add
    assert [(e.note, e.kind) for e in chain[len(after_add) :]] == [
        (first.id, "revised"),
        (second.id, "deleted"),
    ]
    stored = {n.id: n for n in notes.notes(LOAN)}
    assert stored[first.id].revisions[0].text == "asked for 24 months"
    assert stored[second.id].text == "SMS: pay 9830.55 today"  # the tombstone keeps its text
    assert _problems(ledger) == []
    assert notes.problems(LOAN) == []

    with pytest.raises(InputError, match=r"^reason: "):
        notes.delete(LOAN, first.id, "  ")
    with pytest.raises(InputError, match="is deleted"):
        notes.revise(LOAN, second.id, text="again")
    with pytest.raises(InputError, match=r"^note\.channel: "):
        notes.add(LOAN, channel="telepathy")


def test_a_note_edited_behind_the_apps_back_is_named(ledger: Ledger, data_dir: DataDir) -> None:
    notes = Notes(ledger)
    note = notes.add(LOAN, text="they agreed to wait")
    other = notes.add(LOAN, text="second call")
    assert _problems(ledger) == []
    con = sqlite3.connect(data_dir.database)
    with con:
        con.execute("UPDATE call_notes SET text = 'they refused' WHERE id = ?", (note.id,))
    con.close()
    assert _problems(ledger) == [
        f"loan {LOAN}: note {note.id}: its content was changed outside Ashore (hash mismatch)"
    ]
    assert other.id not in " ".join(_problems(ledger))


def test_a_changed_revision_or_history_entry_is_named(ledger: Ledger, data_dir: DataDir) -> None:
    notes = Notes(ledger)
    note = notes.add(LOAN, text="first words")
    notes.revise(LOAN, note.id, text="second words")
    con = sqlite3.connect(data_dir.database)
    with con:
        con.execute("UPDATE note_revisions SET text = 'other words'")
    con.close()
    assert _problems(ledger) == [
        f"loan {LOAN}: note {note.id}: its content was changed outside Ashore (hash mismatch)"
    ]
    con = sqlite3.connect(data_dir.database)
    with con:
        con.execute("UPDATE note_revisions SET text = 'first words'")
        # Rewriting the history entry itself breaks its hash.
        con.execute(
            "UPDATE note_events SET body = replace(body, 'second', 'third') "
            "WHERE note_id = ? AND kind = 'revised'",
            (note.id,),
        )
    con.close()
    problems = _problems(ledger)
    assert (
        f"loan {LOAN}: note {note.id}: its recorded history was changed (hash mismatch)" in problems
    )


def test_a_removed_last_note_is_named(ledger: Ledger, data_dir: DataDir) -> None:
    notes = Notes(ledger)
    note = notes.add(LOAN, text="only call")
    con = sqlite3.connect(data_dir.database)
    with con:
        con.execute("DELETE FROM call_notes WHERE id = ?", (note.id,))
    con.close()
    assert _problems(ledger) == [
        f"loan {LOAN}: note {note.id}: removed outside Ashore (its entries are still in the chain)"
    ]


def test_attach_copies_bytes_once_read_only(ledger: Ledger, tmp_path: Path) -> None:
    notes = Notes(ledger)
    a = notes.add(LOAN, text="call one")
    b = notes.add(LOAN, text="call two")
    source = _wav(tmp_path / "call-1125.wav")
    seen: list[tuple[int, int]] = []
    first = notes.attach(LOAN, a.id, source, progress=lambda d, t: seen.append((d, t)))
    second = notes.attach(LOAN, b.id, source)
    assert first.sha256 == second.sha256
    stored = notes.file_path(first.sha256)
    assert stored.read_bytes() == source.read_bytes()
    assert os.stat(stored).st_mode & 0o222 == 0  # kept read-only
    assert [p for p in ledger.db.evidence.root.rglob("*") if p.is_file()] == [stored]
    assert first.duration_ms == 500
    assert first.kind == "audio"
    assert first.size == source.stat().st_size
    assert seen[-1] == (source.stat().st_size, source.stat().st_size)
    assert [x.name for x in notes.notes(LOAN)[-1].attachments] == ["call-1125.wav"]
    assert _problems(ledger) == []
    with pytest.raises(InputError, match="already attached"):
        notes.attach(LOAN, a.id, source)


def test_a_stored_file_deleted_or_changed_is_named(ledger: Ledger, tmp_path: Path) -> None:
    notes = Notes(ledger)
    note = notes.add(LOAN, text="with a screenshot")
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    attachment = notes.attach(LOAN, note.id, shot)
    path = notes.file_path(attachment.sha256)
    path.chmod(0o600)
    data = bytearray(path.read_bytes())
    data[20] ^= 0xFF
    path.write_bytes(bytes(data))
    problems = _problems(ledger)
    assert len(problems) == 1
    assert problems[0].startswith(f"evidence {attachment.sha256} (shot.png): content changed")
    path.unlink()
    assert _problems(ledger) == [
        f"evidence {attachment.sha256} (shot.png): the stored file is missing"
    ]


def test_a_cancelled_large_attach_leaves_nothing(ledger: Ledger, tmp_path: Path) -> None:
    notes = Notes(ledger)
    note = notes.add(LOAN, text="long call")
    big = tmp_path / "long-call.wav"
    with big.open("wb") as fh:
        for i in range(50):
            fh.write(bytes([i]) * (1024 * 1024))
    calls: list[int] = []

    def cancelled() -> bool:
        return bool(calls)  # stop after the first progress report

    with pytest.raises(Cancelled):
        notes.attach(LOAN, note.id, big, progress=lambda d, t: calls.append(d), cancelled=cancelled)
    assert calls == [1024 * 1024]
    assert not [p for p in ledger.db.evidence.root.rglob("*") if p.is_file()]
    assert notes.notes(LOAN)[-1].attachments == []
    con = sqlite3.connect(ledger.db.path)
    assert con.execute("SELECT count(*) FROM evidence_files").fetchone() == (0,)
    con.close()


def test_follow_ups_skip_deleted_and_mark_overdue(ledger: Ledger) -> None:
    notes = Notes(ledger)
    late = notes.add(LOAN, text="call back", promises="we pay 500", follow_up=date(2026, 11, 20))
    soon = notes.add(LOAN, text="wait", follow_up=date(2026, 12, 3))
    gone = notes.add(LOAN, text="wrong", follow_up=date(2026, 11, 21))
    notes.delete(LOAN, gone.id, "duplicate")
    mine = {late.id, soon.id, gone.id}
    ups = [f for f in follow_ups(ledger, date(2026, 11, 28)) if f.note_id in mine]
    assert [(f.note_id, f.due, f.overdue, f.text) for f in ups] == [
        (late.id, date(2026, 11, 20), True, "we pay 500"),
        (soon.id, date(2026, 12, 3), False, "wait"),
    ]
    assert follow_ups(ledger.db, date(2026, 11, 28)) == follow_ups(ledger, date(2026, 11, 28))


def test_json_round_trip_carries_notes_revisions_attachments_and_chain(
    ledger: Ledger, tmp_path: Path
) -> None:
    notes = Notes(ledger)
    note = notes.add(LOAN, text="你好 <b>&amp;", follow_up=date(2026, 12, 1))
    notes.revise(LOAN, note.id, outcome="will review")
    notes.attach(LOAN, note.id, _wav(tmp_path / "c.wav"))
    gone = notes.add(LOAN, text="mistake")
    notes.delete(LOAN, gone.id, "wrong loan")
    out = tmp_path / "out" / "book.json"
    write_book(ledger.export_book(), out, ledger.db.evidence)

    other = Ledger.open(DataDir(tmp_path / "other"))
    try:
        other.import_book(read_book(out))
        mine, theirs = ledger.loan(LOAN), other.loan(LOAN)
        assert theirs.notes == mine.notes
        assert theirs.note_chain == mine.note_chain
        assert _problems(other) == []
        again = tmp_path / "again" / "book.json"
        write_book(other.export_book(), again, other.db.evidence)
    finally:
        other.close()

    def body(path: Path) -> str:
        text = path.read_text(encoding="utf-8")
        return "\n".join(line for line in text.splitlines() if '"exported_at"' not in line)

    assert body(again) == body(out)


def test_a_changed_note_in_the_json_is_refused(ledger: Ledger, tmp_path: Path) -> None:
    notes = Notes(ledger)
    notes.add(LOAN, text="they promised nothing")
    out = tmp_path / "book.json"
    write_book(ledger.export_book(), out, ledger.db.evidence)
    out.write_text(
        out.read_text(encoding="utf-8").replace(
            '"text": "they promised nothing"', '"text": "they promised"'
        ),
        encoding="utf-8",
    )
    other = Ledger.open(DataDir(tmp_path / "other"))
    try:
        with pytest.raises(InputError, match=r"loans\[0\]\.notes\[\d+\]: does not match"):
            other.import_book(read_book(out))
        assert other.is_empty()
    finally:
        other.close()


def test_a_stale_loan_copy_never_winds_a_note_back(ledger: Ledger) -> None:
    stale = ledger.loan(LOAN)
    notes = Notes(ledger)
    note = notes.add(LOAN, text="new call")
    notes.revise(LOAN, note.id, text="new call, revised")
    stale.name = "renamed in the form"
    ledger.save_loan(stale)  # the form's copy knows nothing of the note
    kept = {n.id: n for n in notes.notes(LOAN)}
    assert kept[note.id].text == "new call, revised"
    assert _problems(ledger) == []


def test_migration_from_0001_chains_the_existing_notes(ledger: Ledger) -> None:
    Notes(ledger).add(LOAN, text="before the upgrade")
    downgrade(ledger.db.engine, "0001")
    upgrade(ledger.db.engine, "head")
    assert _problems(ledger) == []
    assert [e.kind for e in Notes(ledger).chain(LOAN)] == ["created"] * len(
        Notes(ledger).notes(LOAN)
    )


def test_delete_and_undo_of_a_loan_keep_its_chain(ledger: Ledger, tmp_path: Path) -> None:
    notes = Notes(ledger)
    note = notes.add(LOAN, text="before the loan was deleted")
    notes.revise(LOAN, note.id, text="revised before the loan was deleted")
    notes.attach(LOAN, note.id, _wav(tmp_path / "r.wav"))
    chain = notes.chain(LOAN)
    removed = ledger.delete_loan(LOAN)
    ledger.restore_loan(removed)
    assert notes.chain(LOAN) == chain
    assert _problems(ledger) == []


def test_the_length_of_a_recording_comes_from_the_probe_handed_in(
    ledger: Ledger, tmp_path: Path
) -> None:
    # Without a probe the service measures WAV only (no Qt below the ui); the window hands in
    # one that also reads other formats, and that one is asked for every recording.
    mp3 = tmp_path / "call.mp3"
    mp3.write_bytes(b"ID3\x03\x00" + bytes(range(256)) * 4)
    wav = _wav(tmp_path / "call.wav", seconds=0.25)
    plain = Notes(ledger)
    assert plain.store(mp3).duration_ms is None
    assert plain.store(wav).duration_ms == 250
    asked: list[str] = []

    def probe(path: Path) -> int | None:
        asked.append(path.name)
        return 61_000

    probed = Notes(ledger, probe).store(mp3)
    assert probed.duration_ms == 61_000
    assert probed.kind == "audio"
    assert asked == [probed.sha256]  # the stored copy is measured, not the source
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert Notes(ledger, probe).store(shot).duration_ms is None  # only recordings are measured
    assert asked == [probed.sha256]
