"""Lender rows and records."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ashore.domain.records import (
    Lender,
)
from ashore.store.models import (
    LenderRow,
)


def lender_record(row: LenderRow) -> Lender:
    return Lender(
        id=row.id,
        name=row.name,
        phone=row.phone,
        notes=row.notes,
        hours=row.hours,
        website=row.website,
    )


def write_lender(session: Session, lender: Lender) -> LenderRow:
    row = session.get(LenderRow, lender.id)
    if row is None:
        row = LenderRow(id=lender.id)
        session.add(row)
    row.name = lender.name
    row.phone = lender.phone
    row.notes = lender.notes
    row.hours = lender.hours
    row.website = lender.website
    return row
