"""The loans' seals in ``chain_heads`` read and compared over the driver's own connection, without
SQLAlchemy (``ashore verify`` reads them so): the seal each loan's rows call for now, the seals
kept, and one line per loan where they differ; ``write_seals`` writes them, over the same connection
(``store.seal`` on every commit of a session, ``ashore import`` at the end of its transaction).

The hashes are over the values exactly as the database stores them (text for amounts and dates).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from operator import itemgetter

PARTS = ("payments", "claims", "proposals")

# Each part's rows for many loans at once, by loan: the columns after loan_id are what is hashed.
_PART_QUERIES = {
    "payments": "SELECT loan_id, position, date, amount, note, method, reference FROM payments "
    "WHERE loan_id IN ({ids}) ORDER BY loan_id, position, pk",
    "claims": "SELECT loan_id, position, date, amount, source, note FROM claims "
    "WHERE loan_id IN ({ids}) ORDER BY loan_id, position, pk",
    "proposals": "SELECT p.loan_id, p.position, p.id, p.status, p.method, p.params, c.position, "
    "c.at, c.status, c.note FROM proposals p LEFT JOIN proposal_status_changes c "
    "ON c.proposal_pk = p.pk WHERE p.loan_id IN ({ids}) "
    "ORDER BY p.loan_id, p.position, p.pk, c.position, c.pk",
}
# SQLite takes a bare column (hash) from the row holding the max(): each loan's last entry.
_EVENTS_QUERY = (
    "SELECT loan_id, count(*), hash, max(position) FROM note_events "
    "WHERE loan_id IN ({ids}) GROUP BY loan_id"
)
CHUNK = 500  # loan ids per query, well under SQLite's bound-parameter limit


@dataclass(frozen=True)
class Seal:
    events: int
    head: str
    payments: str
    claims: str
    proposals: str


# The C core of ``json.dumps(rows, ensure_ascii=False, default=str)`` made once (``dumps`` makes
# it again on every call, which costs more than a loan's few rows): the same text, a tuple
# written as the list it was (no check for cycles: rows are flat).
_ROWS: Callable[[object, int], Iterable[str]] | None = (
    None
    if c_make_encoder is None
    else c_make_encoder(None, str, encode_basestring, None, ": ", ", ", False, False, True)
)


def _digest(rows: Iterable[Sequence[object]]) -> str:
    if _ROWS is None:  # pragma: no cover - CPython always has the C encoder
        body = json.dumps([list(row) for row in rows], ensure_ascii=False, default=str)
    else:
        body = "".join(_ROWS(list(rows), 0))
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


_EMPTY = _digest([])


def compute(con: sqlite3.Connection, loan_id: str) -> Seal:
    """The seal the loan's rows call for now."""
    return compute_many(con, [loan_id])[loan_id]


def compute_many(con: sqlite3.Connection, loan_ids: Sequence[str]) -> dict[str, Seal]:
    """The seals the rows of ``loan_ids`` call for now: a few queries per 500 loans."""
    seals: dict[str, Seal] = {}
    for start in range(0, len(loan_ids), CHUNK):
        chunk = list(loan_ids[start : start + CHUNK])
        names = ", ".join(f":l{i}" for i in range(len(chunk)))
        bound = {f"l{i}": loan_id for i, loan_id in enumerate(chunk)}
        events = {
            str(r[0]): (int(r[1]), str(r[2] or ""))
            for r in con.execute(_EVENTS_QUERY.format(ids=names), bound)
        }
        parts: dict[str, dict[str, str]] = {}
        for part, sql in _PART_QUERIES.items():
            rows = con.execute(sql.format(ids=names), bound)
            parts[part] = {
                str(loan_id): _digest(row[1:] for row in group)
                for loan_id, group in groupby(rows, key=itemgetter(0))
            }
        for loan_id in chunk:
            count, head = events.get(loan_id, (0, ""))
            seals[loan_id] = Seal(
                count, head, **{part: parts[part].get(loan_id, _EMPTY) for part in PARTS}
            )
    return seals


def stored(con: sqlite3.Connection) -> dict[str, Seal]:
    rows = con.execute("SELECT loan_id, events, head, payments, claims, proposals FROM chain_heads")
    return {str(r[0]): Seal(int(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5])) for r in rows}


def problems(con: sqlite3.Connection) -> list[str]:
    """One line per loan whose rows no longer match its seal, or whose seal is all that is left."""
    seals = stored(con)
    loans = [str(r[0]) for r in con.execute("SELECT id FROM loans ORDER BY id")]
    found: list[str] = []
    computed = compute_many(con, loans)
    for loan_id in loans:
        seal = seals.pop(loan_id, None)
        where = f"loan {loan_id}"
        now = computed[loan_id]
        if seal is None:
            found.append(f"{where}: has no seal in chain_heads (added or changed outside Ashore)")
            continue
        found.extend(_differences(where, now, seal))
    for loan_id in sorted(seals):
        found.append(f"loan {loan_id}: removed outside Ashore (its seal is still kept)")
    return found


def _differences(where: str, now: Seal, seal: Seal) -> list[str]:
    found: list[str] = []
    if now.events < seal.events:
        found.append(
            f"{where}: the last {seal.events - now.events} of its {seal.events} note chain "
            "entries were removed outside Ashore"
        )
    elif now.events > seal.events:
        found.append(f"{where}: its note chain has entries added outside Ashore")
    elif now.head != seal.head:
        found.append(f"{where}: the latest note chain entry was changed outside Ashore")
    for part in PARTS:
        if getattr(now, part) != getattr(seal, part):
            found.append(f"{where}: its {part} were changed outside Ashore (hash mismatch)")
    return found


def write_seals(raw: sqlite3.Connection, loan_ids: Iterable[str]) -> None:
    """Seal each loan as its rows stand (a loan no longer there loses its seal): ``seal.write``."""
    wanted = sorted(set(loan_ids))
    existing: set[str] = set()
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        raw.execute(f"DELETE FROM chain_heads WHERE loan_id IN ({marks})", chunk)
        found = raw.execute(f"SELECT id FROM loans WHERE id IN ({marks})", chunk)
        existing.update(str(r[0]) for r in found)
    present = [loan_id for loan_id in wanted if loan_id in existing]
    seals = compute_many(raw, present)
    raw.executemany(
        "INSERT INTO chain_heads (loan_id, events, head, payments, claims, proposals) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (loan_id, s.events, s.head, s.payments, s.claims, s.proposals)
            for loan_id in present
            for s in (seals[loan_id],)
        ],
    )
