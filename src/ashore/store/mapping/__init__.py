"""Turn database rows into the plain records of ``ashore.domain.records``, and records back into
rows: the only code that builds ORM rows from records (settings rows: ``ashore.store.settings``).
By record kind: ``lenders``, ``loans`` (with fees, payments, claims, settlement), ``proposals``,
``notes`` (with revisions, attachments and the chain), ``files`` (evidence file rows).

Writing a loan replaces its children (fees, payments, claims, proposals) with the record's. Notes
are append-only: a new loan takes the record's notes with their chain; on an existing loan a note
that differs from every state it ever had is written through ``write_note``, which appends an event
to the chain; notes missing from the record, or in an earlier state, are kept as stored.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from ashore.app.clock import Clock


def now(session: Session) -> datetime:
    """Now by the clock of the database this session belongs to (how every time is stamped)."""
    clock = session.info.get("clock")
    if not isinstance(clock, Clock):
        raise LookupError("this session was not opened by a Database: it has no clock")
    return clock.now()
