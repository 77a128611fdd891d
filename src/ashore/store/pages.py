"""Every loan for the export, a page at a time: the loans and their small children (fees,
payments, claims, proposals) through the ORM, their notes and note chains from the raw streams of
``store.streams`` (one ORM object per note and chain entry cost most of the export's time), so
memory holds one page however many loans there are."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session, raiseload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from ashore.domain.records import Loan
from ashore.store.dbfile import driver
from ashore.store.mapping.loans import loan_record
from ashore.store.models import LoanRow, ProposalRow
from ashore.store.streams import open_streams

PAGE = 50

_WITHOUT_NOTES = (
    selectinload(LoanRow.fees),
    selectinload(LoanRow.payments),
    selectinload(LoanRow.claims),
    selectinload(LoanRow.proposals).selectinload(ProposalRow.history),
    raiseload(LoanRow.notes),  # read from the streams instead, never one object each
    raiseload(LoanRow.note_events),
)


def loans_in_pages(session: Session, ids: list[str]) -> Iterator[Loan]:
    """The loans of ``ids`` (in id order, as ``SELECT id FROM loans ORDER BY id`` gives them),
    each as ``loan_record`` reads it, ``PAGE`` loans from the database at a time."""
    raw = driver(session)
    streams = open_streams(raw)
    for start in range(0, len(ids), PAGE):
        stmt = (
            select(LoanRow)
            .where(LoanRow.id.in_(ids[start : start + PAGE]))
            .order_by(LoanRow.id)
            .options(*_WITHOUT_NOTES)
        )
        for row in session.scalars(stmt):
            events, notes = streams.loan(row.id)
            set_committed_value(row, "notes", [])
            set_committed_value(row, "note_events", [])
            yield replace(
                loan_record(row), notes=[stored.note for stored in notes], note_chain=events
            )
        session.expunge_all()  # what is written is let go: memory stays flat
