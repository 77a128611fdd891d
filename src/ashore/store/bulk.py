"""New loans written in bulk inside a session's transaction (the window's import, and the import
into a database that had to be migrated first): the evidence rows their files need through the
ORM, then every other row through ``store.rows`` on the session's own driver connection. The
loans' seals are written on commit like after any other change.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from ashore.domain.records import Loan
from ashore.store import seal
from ashore.store.dbfile import driver
from ashore.store.evidence import EvidenceStore
from ashore.store.mapping import now
from ashore.store.mapping.files import evidence_row
from ashore.store.rows import checked_chain, checked_chains, insert_loans

__all__ = ["checked_chain", "insert_new_loans"]


def _evidence(session: Session, store: EvidenceStore, loan: Loan, path: str) -> None:
    """The evidence rows the loan's files need (the few ORM rows: flushed before the inserts)."""
    for i, note in enumerate(loan.notes):
        for j, attachment in enumerate(note.attachments):
            evidence_row(session, store, attachment, f"{path}.notes[{i}].attachments[{j}]")
    settlement = loan.settlement
    if settlement is not None and settlement.certificate is not None:
        evidence_row(session, store, settlement.certificate, f"{path}.settlement.certificate")


def insert_new_loans(
    session: Session, store: EvidenceStore, loans: Sequence[tuple[Loan, str]]
) -> None:
    """Insert ``loans`` (each with the field path errors name) as new loans, in the session's
    transaction: InputError, before anything is inserted, for a chain that does not hold."""
    chains = checked_chains(loans, now(session))  # a broken chain named before any row is made
    for loan, path in loans:
        _evidence(session, store, loan, path)
    session.flush()
    raw = driver(session)
    seal.mark(session, insert_loans(raw, [loan for loan, _path in loans], chains))
