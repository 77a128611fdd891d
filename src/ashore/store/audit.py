"""What ``ashore verify`` checks, read in a few streamed queries instead of object by object.

Every note chain is checked loan by loan from the streams of ``store.streams`` (chain entries,
notes, their revisions, their file links, each ordered by loan), so memory holds one loan at a
time however many there are; the seals are compared in a few queries per 500 loans.
The findings and their wording are those of ``chain.loan_chain_problems`` and ``seal.problems``.
"""

from __future__ import annotations

import sqlite3
from typing import cast

from sqlalchemy import Connection, func, select

from ashore.app.errors import DataError
from ashore.app.progress import Progress, report
from ashore.store import seal
from ashore.store.chain import loan_chain_problems
from ashore.store.database import Database
from ashore.store.models import EvidenceFileRow, NoteRow
from ashore.store.streams import loan_ids, open_streams


def chain_findings(con: Connection, progress: Progress | None = None) -> tuple[list[str], int]:
    """Every note chain's problems, loan by loan in id order, and the number of notes read."""
    # The driver's own cursors, read side by side: rows come in C, a few hundred at a time.
    raw = cast(sqlite3.Connection, con.connection.driver_connection)
    loans = loan_ids(raw)
    streams = open_streams(raw)
    found: list[str] = []
    for done, loan_id in enumerate(loans, start=1):
        events, notes = streams.loan(loan_id)
        found.extend(loan_chain_problems(loan_id, events, notes))
        report(progress, done, len(loans))
    return found, streams.notes_seen


def _file_problems(db: Database, con: Connection) -> tuple[list[str], int]:
    problems: list[str] = []
    files = 0
    rows = con.execute(
        select(
            EvidenceFileRow.sha256, EvidenceFileRow.original_name, EvidenceFileRow.size
        ).order_by(EvidenceFileRow.sha256)
    ).all()
    for sha, name, size in rows:
        files += 1
        problem = db.evidence.verify(sha)
        if problem is None and db.evidence.path_for(sha).stat().st_size != size:
            problem = f"size is not the recorded {size} bytes"
        if problem is not None:
            problems.append(f"evidence {sha} ({name}): {problem}")
    return problems, files


def record_problems(db: Database, progress: Progress | None = None) -> tuple[list[str], int, int]:
    """Problems of the stored files, the note chains and the seals; files and notes checked."""
    with db.reading() as session:
        con = session.connection()
        problems, files = _file_problems(db, con)
        found, notes = chain_findings(con, progress)
        problems.extend(found)
        problems.extend(seal.problems(con))
        counted = session.scalar(select(func.count()).select_from(NoteRow)) or 0
    del notes  # every note row counts, as before, also one whose loan is gone
    return problems, files, counted


def find_problems(db: Database, progress: Progress | None = None) -> tuple[list[str], int, int]:
    """Every problem found (one line each), the number of files and of notes checked."""
    problems = db.integrity_problems()
    try:
        found, files, notes = record_problems(db, progress)
    except DataError as error:
        # A damaged page the rows run into: integrity_check has named it; say where it stopped.
        return [*problems, f"database: cannot be read further: {error}"], 0, 0
    return problems + found, files, notes
