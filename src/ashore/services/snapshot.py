"""Read once, share, re-read only what changed (issue 15): the one read of every loan that the
sidebar, the guide's stages, the warnings, the dashboard and the tray of a refresh all share, and
each loan's figures on a day, worked out once and kept until that loan changes.

The loans are read in plain SQL (``store.plain_read``: a few queries, no ORM object per row)
and without their call notes (20,000 notes are most of what a full read costs and none of these
screens shows one): ``NoteFacts`` say what they need of the notes, from aggregate queries. After
a write only the loans it touched (``store.changes``) are read again and worked out again; a
write of anything else (a lender, a setting) reads everything again.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date

from ashore.domain.records import Lender, Loan, LoanSummary, NoteFacts
from ashore.services import plans
from ashore.store import plain, plain_read
from ashore.store.database import Database
from ashore.store.dbfile import driver


@dataclass(frozen=True)
class LoanFigures:
    """One loan worked out on ``today``: where it stands (``plans.standing``) and its sidebar
    line (``plans.summarize``), for the shared ``loan`` record and its ``lender``."""

    loan: Loan
    lender: Lender | None
    today: date
    standing: plans.Standing
    summary: LoanSummary


def in_sidebar_order(loans: Iterable[Loan], lenders: dict[str, Lender]) -> tuple[Loan, ...]:
    """``loans`` in the sidebar's order: lender name, loan name, id (``all_loan_rows``' order;
    SQLite compares UTF-8 bytes, which orders as Python compares code points)."""
    names = {key: lender.name for key, lender in lenders.items()}
    return tuple(sorted(loans, key=lambda x: (names.get(x.lender, ""), x.name, x.id)))


class SharedRead:
    """The loans (without notes), their ``NoteFacts`` and the lenders of one database, as of one
    of its writes; and the figures worked out from them. Shared: never edit what it gives."""

    def __init__(self) -> None:
        self.loans: tuple[Loan, ...] = ()
        self.facts: dict[str, NoteFacts] = {}
        self.lenders: dict[str, Lender] = {}
        self._of: tuple[Database | None, int] = (None, 0)
        self._figures: dict[str, LoanFigures] = {}
        # Loans read in full elsewhere (``Ledger.loan``) as of a write: (database, writes, loan)
        self._offered: dict[str, tuple[Database, int, Loan]] = {}

    def offer(self, db: Database, loan: Loan) -> None:
        """``loan`` was just read in full from ``db`` (as of its last write): the next re-read
        takes it from here instead of reading it again. Shared: never edit it after."""
        self._offered[loan.id] = (db, db.changes.writes, loan)

    def update(self, db: Database) -> None:
        """Read again what changed in ``db`` since the last read (all of it the first time)."""
        changes = db.changes
        known, writes = self._of
        if known is db and writes == changes.writes:
            return
        touched = changes.since(writes) if known is db else None
        if touched is None:
            self._offered = {}
            self._read_all(db)
        else:
            self._reread(db, touched)
        self._of = (db, changes.writes)

    def _read_all(self, db: Database) -> None:
        with db.reading() as session:
            raw = driver(session)
            self.lenders = plain.lenders(raw)
            self.loans = in_sidebar_order(plain_read.loans_without_notes(raw), self.lenders)
            self.facts = plain_read.note_facts(raw)

    def _reread(self, db: Database, touched: Collection[str]) -> None:
        """The ``touched`` loans read again (or dropped when deleted), the others kept as they
        were: the same records, so their figures stay worked out."""
        if not touched:
            return
        kept = {loan.id: loan for loan in self.loans if loan.id not in touched}
        facts = {key: value for key, value in self.facts.items() if key not in touched}
        writes = db.changes.writes
        for key, (where, when, loan) in self._offered.items():
            if key in touched and where is db and when == writes:  # read already, as it is now
                kept[key] = replace(loan, notes=[], note_chain=[])
        self._offered = {}
        rest = [key for key in touched if key not in kept]
        with db.reading() as session:
            raw = driver(session)
            for loan in plain_read.loans_without_notes(raw, rest) if rest else ():
                kept[loan.id] = loan
            facts.update(plain_read.note_facts(raw, touched))
        self.loans = in_sidebar_order(kept.values(), self.lenders)
        self.facts = facts

    def figures(self, today: date) -> list[LoanFigures]:
        """Every loan worked out on ``today``, in ``loans`` order: once per (loan, day), kept
        while the read keeps the same record and its lender is unchanged."""
        out: dict[str, LoanFigures] = {}
        for loan in self.loans:
            lender = self.lenders.get(loan.lender)
            known = self._figures.get(loan.id)
            if (
                known is None
                or known.loan is not loan
                or known.lender != lender
                or known.today != today
            ):
                st = plans.standing(loan, today)
                known = LoanFigures(
                    loan, lender, today, st, plans.summarize(loan, lender, today, st)
                )
            out[loan.id] = known
        self._figures = out
        return list(out.values())
