"""Check the data as ``ashore verify`` does, for the window: the database's integrity, every stored
file against its hash, every note chain and every loan's seal; each problem as a finding the
window can word in its language (what is wrong, and where: the loan's name, the file's name).

The lines are the command's own (``store.audit.find_problems``, over the window's open database:
``verify_data`` would wait for the lock the window holds); a finding keeps its line for the
details. It reads on a connection of its own, so the window may run it in a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ashore.app.errors import DataError
from ashore.app.progress import Progress
from ashore.store import audit
from ashore.store.database import Database
from ashore.store.dbfile import driver
from ashore.store.models import LoanRow

# what a loan's line says is wrong -> the kind of finding
_LOAN_PARTS = (
    ("note", "notes"),
    ("payments", "payments"),
    ("claims", "claims"),
    ("proposals", "proposals"),
    ("removed outside Ashore (its seal", "loan_removed"),
)


@dataclass(frozen=True)
class Finding:
    """One problem: ``kind`` is "database", "file", "notes", "payments", "claims", "proposals",
    "loan_removed" or "loan" (anything else about a loan); ``subject`` where it is (the loan's
    name or id, the file's name; "" for the database); ``line`` as ``ashore verify`` prints it."""

    kind: str
    subject: str
    line: str


@dataclass(frozen=True)
class Checkup:
    """What the check found; no findings means all is good. ``files`` and ``notes`` were checked;
    ``orphans`` are stored files nothing refers to (named, not damage: the check still holds)."""

    findings: tuple[Finding, ...]
    files: int
    notes: int
    orphans: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.findings


def orphan_files(db: Database) -> list[str]:
    """Stored files no row refers to (left by an import killed before it could clear up)."""
    with db.reading() as session:
        raw = driver(session)
        return audit.orphan_files(db.evidence, raw)


def _loan_names(db: Database) -> dict[str, str]:
    try:
        with db.reading() as session:
            return {str(i): str(n) for i, n in session.execute(select(LoanRow.id, LoanRow.name))}
    except DataError:  # a damaged database: the findings name the ids
        return {}


def finding(line: str, names: dict[str, str]) -> Finding:
    """The finding a line of ``find_problems`` stands for."""
    where, _, what = line.partition(": ")
    if where == "database":
        return Finding("database", "", line)
    if where.startswith("evidence "):
        name = where.partition("(")[2].rstrip(")") or where.removeprefix("evidence ")
        return Finding("file", name, line)
    if where.startswith("loan "):
        loan_id = where.removeprefix("loan ")
        kind = next((kind for part, kind in _LOAN_PARTS if part in what), "loan")
        return Finding(kind, names.get(loan_id, loan_id), line)
    return Finding("loan", where, line)


def check_data(db: Database, progress: Progress | None = None) -> Checkup:
    """Everything ``ashore verify`` checks; ``progress`` hears (loans done, loans) and may cancel
    (``Cancelled``: nothing is written either way)."""
    problems, files, notes = audit.find_problems(db, progress)
    names = _loan_names(db) if problems else {}
    orphans = () if problems else tuple(orphan_files(db))
    return Checkup(tuple(finding(line, names) for line in problems), files, notes, orphans)
