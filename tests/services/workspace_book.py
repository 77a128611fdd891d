"""The sample book the proposals, payments and views tests share: its day, its loan, a
reamortization to propose, and the notes' hashes (which those services must never touch)."""

from __future__ import annotations

from datetime import date, timedelta, timezone
from decimal import Decimal

from ashore.domain.records import Proposal, Waive
from ashore.services import Ledger
from ashore.store.mapping.loans import loan_rows_by_id

TODAY = date(2026, 11, 28)
JB = "jb-2026-01"
CST = timezone(timedelta(hours=8))


def reamortize(pid: str = "p9", start: date = TODAY, months: int = 12) -> Proposal:
    return Proposal(
        id=pid,
        name=f"{months} months",
        method="reamortize",
        start=start,
        params={"months": months, "annual_rate": Decimal("0.06")},
        waive=Waive(penalty=Decimal("1")),
    )


def note_hashes(ledger: Ledger) -> list[tuple[str, str]]:
    with ledger.db.reading() as session:
        return [(n.id, n.hash) for row in loan_rows_by_id(session) for n in row.notes]
