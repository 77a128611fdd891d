"""What ``ashore verify`` checks, over the driver's own SQLite connection: no ORM object and no
SQLAlchemy at all, so the command imports neither (``verify_data``), while the window's check
runs the same over an open ``Database`` (``find_problems``).

Every note chain is checked loan by loan from the rows of ``store.chain_check`` (chain entries,
notes, their revisions, their file links, each ordered by loan), so memory holds one loan at a
time however many there are; the seals are compared in a few queries per 500 loans.
The findings and their wording are those of ``chain.loan_chain_problems`` and
``seal_read.problems``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from ashore.app.errors import DataError
from ashore.app.paths import DataDir
from ashore.app.progress import Progress, report
from ashore.store import lock, seal_read
from ashore.store.chain_check import ChainRows
from ashore.store.dbfile import SCHEMA_HEAD, data_error, driver, inspect_file, prepare
from ashore.store.evidence import EvidenceStore

if TYPE_CHECKING:  # only named in annotations: verify_data never imports SQLAlchemy
    from ashore.store.database import Database

Findings = tuple[list[str], int, int]


def chain_findings(
    raw: sqlite3.Connection, progress: Progress | None = None
) -> tuple[list[str], int]:
    """Every note chain's problems, loan by loan in id order, and the number of notes read."""
    # The driver's own cursors, read side by side: rows come in C, a few hundred at a time.
    rows = ChainRows(raw)
    found: list[str] = []
    for done, loan_id in enumerate(rows.loans, start=1):
        found.extend(rows.problems(loan_id))
        report(progress, done, len(rows.loans))
    return found, rows.notes_seen


def _file_problems(evidence: EvidenceStore, raw: sqlite3.Connection) -> tuple[list[str], int]:
    problems: list[str] = []
    files = 0
    rows = raw.execute(
        "SELECT sha256, original_name, size FROM evidence_files ORDER BY sha256"
    ).fetchall()
    for sha, name, size in rows:
        files += 1
        problem = evidence.verify(sha)
        if problem is None and evidence.path_for(sha).stat().st_size != size:
            problem = f"size is not the recorded {size} bytes"
        if problem is not None:
            problems.append(f"evidence {sha} ({name}): {problem}")
    return problems, files


def _record_problems(
    evidence: EvidenceStore, raw: sqlite3.Connection, progress: Progress | None
) -> Findings:
    """Problems of the stored files, the note chains and the seals; files and notes checked."""
    problems, files = _file_problems(evidence, raw)
    found, _notes = chain_findings(raw, progress)
    problems.extend(found)
    problems.extend(seal_read.problems(raw))
    # every note row counts, as before, also one whose loan is gone
    counted = int(raw.execute("SELECT count(*) FROM call_notes").fetchone()[0] or 0)
    return problems, files, counted


def integrity_problems(raw: sqlite3.Connection, path: Path) -> list[str]:
    """What ``integrity_check`` and ``foreign_key_check`` find; empty when all is well."""
    problems: list[str] = []
    try:
        for (line,) in raw.execute("PRAGMA integrity_check"):
            if line != "ok":
                problems.append(f"database: {line}")
        for row in raw.execute("PRAGMA foreign_key_check"):
            problems.append(f"database: table {row[0]} row {row[1]} points at a missing {row[2]}")
    except sqlite3.Error as error:
        problems.append(f"database: {data_error(error, path) or error}")
    return problems


def _check(
    evidence: EvidenceStore, raw: sqlite3.Connection, path: Path, progress: Progress | None
) -> Findings:
    try:
        return _record_problems(evidence, raw, progress)
    except sqlite3.DatabaseError as error:
        known = data_error(error, path)
        if known is None:
            raise
        # A damaged page the rows run into: integrity_check has named it; say where it stopped.
        return [f"database: cannot be read further: {known}"], 0, 0


def find_problems(db: Database, progress: Progress | None = None) -> Findings:
    """Every problem found (one line each), the number of files and of notes checked."""
    problems = db.integrity_problems()
    try:
        with db.reading() as session:
            raw = driver(session)
            found, files, notes = _check(db.evidence, raw, db.path, progress)
    except DataError as error:
        return [*problems, f"database: cannot be read further: {error}"], 0, 0
    return problems + found, files, notes


def orphan_files(evidence: EvidenceStore, raw: sqlite3.Connection) -> list[str]:
    """Stored files no row refers to (left by an import killed before it could clear up)."""
    known = {str(r[0]) for r in raw.execute("SELECT sha256 FROM evidence_files")}
    return [sha for sha in evidence.stored() if sha not in known]


def verify_data(data: DataDir, progress: Progress | None = None) -> tuple[Findings, list[str]]:
    """``find_problems`` of the data dir's database, and its orphan files when nothing is wrong,
    read without SQLAlchemy, holding the lock as ``Database.open`` does. DataError when the
    database is not at the newest schema (``Database.open`` migrates it first)."""
    lock.acquire(data.root)  # one writer at a time, as for every command
    try:
        prepare(data)
        path = data.database
        if not path.exists() or path.stat().st_size == 0 or inspect_file(path)[0] != SCHEMA_HEAD:
            raise NotNewest(path)
        raw = sqlite3.connect(path)  # only read; closed as the last one, it leaves no -wal
        try:
            raw.execute("PRAGMA busy_timeout=2000")
            evidence = EvidenceStore(data.evidence)
            problems = integrity_problems(raw, path)
            found, files, notes = _check(evidence, raw, path, progress)
            findings = (problems + found, files, notes)
            orphans = [] if findings[0] else orphan_files(evidence, raw)
        finally:
            raw.close()
    finally:
        lock.release(data.root)
    return findings, orphans


class NotNewest(DataError):
    """The database is older than this Ashore (or not there yet): open it with Database.open."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: not at schema {SCHEMA_HEAD}")
