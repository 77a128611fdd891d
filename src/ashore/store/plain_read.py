"""Every loan for ``ashore export json``, read over the driver's own connection without SQLAlchemy:
each loan as ``mapping.loans.loan_record`` makes it of its row (with its notes and note chain, as
``pages.loans_in_pages`` gives them), from ordered queries read side by side one loan at a time
(``streams.ByLoan``), so memory holds one loan however many there are."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ashore.domain import kinds, records
from ashore.domain.money import Rate
from ashore.store.codec import decode_agreed, decode_params
from ashore.store.streams import ByLoan, open_streams

_LOANS = (
    "SELECT l.id, l.lender_id, l.name, l.currency, l.reference, l.principal, l.rate_value, "
    "l.rate_per, l.rate_day_count, l.method, l.term_count, l.term_unit, l.first_due, "
    "l.penalty_rate_value, l.penalty_rate_per, l.penalty_rate_day_count, l.penalty_base, "
    "l.late_fee, l.grace_days, l.accelerates_after_days, l.allocation, l.penalty_times_contract, "
    "l.contract_interest_continues, l.start, l.interest, l.prepayment_fee, l.settled_on, "
    "l.credit_report_checked_on, l.credit_report_clean, l.certificate_sha256, "
    "l.certificate_name, f.sha256, f.original_name, f.kind, f.size, f.imported_at, f.duration_ms "
    "FROM loans l LEFT JOIN evidence_files f ON f.sha256 = l.certificate_sha256 ORDER BY l.id"
)
_FEES = "SELECT loan_id, name, amount, per FROM fees ORDER BY loan_id, position, pk"
_PAYMENTS = (
    "SELECT loan_id, date, amount, note, method, reference FROM payments "
    "ORDER BY loan_id, position, pk"
)
_CLAIMS = (
    "SELECT loan_id, date, amount, source, note, ours FROM claims ORDER BY loan_id, position, pk"
)
_PROPOSALS = (
    "SELECT loan_id, pk, id, name, method, start, params, status, waive_penalty, "
    "waive_late_fees, waive_interest, agreed FROM proposals ORDER BY loan_id, position, pk"
)
_HISTORY = (
    "SELECT p.loan_id, c.proposal_pk, c.at, c.status, c.note FROM proposal_status_changes c "
    "JOIN proposals p ON p.pk = c.proposal_pk ORDER BY p.loan_id, c.proposal_pk, c.position, c.pk"
)


def _decimal(value: object) -> Decimal:
    return Decimal(str(value))


def _maybe_decimal(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _day(value: object) -> date:
    return date.fromisoformat(str(value))


def _maybe_day(value: object) -> date | None:
    return None if value is None else date.fromisoformat(str(value))


def _time(value: object) -> datetime:
    return datetime.fromisoformat(str(value))


def _proposal(r: Sequence[Any], history: list[records.StatusChange]) -> records.Proposal:
    proposal_id, method = str(r[2]), str(r[4])
    return records.Proposal(
        id=proposal_id,
        name=str(r[3]),
        method=method,
        start=_day(r[5]),
        params=decode_params(method, json.loads(r[6]), f"proposal {proposal_id}.params"),
        status=str(r[7]),
        waive=records.Waive(
            penalty=_decimal(r[8]), late_fees=_decimal(r[9]), interest=_decimal(r[10])
        ),
        history=history,
        agreed=None
        if r[11] is None
        else decode_agreed(json.loads(r[11]), f"proposal {proposal_id}.agreed"),
    )


def _settlement(r: Sequence[Any]) -> records.Settlement | None:
    if r[26] is None:
        return None
    certificate = None
    if r[29] is not None and r[31] is not None:  # the certificate and its file's row
        certificate = records.Attachment(
            sha256=str(r[31]),
            name=str(r[30] or r[32]),
            kind=str(r[33]),
            size=int(r[34]),
            imported_at=_time(r[35]),
            duration_ms=None if r[36] is None else int(r[36]),
        )
    return records.Settlement(
        settled_on=_day(r[26]),
        certificate=certificate,
        credit_report_checked_on=_maybe_day(r[27]),
        credit_report_clean=None if r[28] is None else bool(r[28]),
    )


def _loan(r: Sequence[Any], children: dict[str, list[Any]]) -> records.Loan:
    penalty = None
    if r[13] is not None and r[14] is not None:
        penalty = Rate(_decimal(r[13]), r[14], int(r[15]))
    return records.Loan(
        id=str(r[0]),
        lender=str(r[1]),
        name=str(r[2]),
        principal=_decimal(r[5]),
        rate=Rate(_decimal(r[6]), r[7], int(r[8])),
        method=kinds.as_kind(str(r[9]), kinds.LOAN_METHODS),
        term_count=int(r[10]),
        term_unit=kinds.as_kind(str(r[11]), kinds.TERM_UNITS),
        first_due=_day(r[12]),
        currency=str(r[3]),
        reference=str(r[4]),
        fees=children["fees"],
        overdue=records.OverdueRules(
            penalty_rate=penalty,
            penalty_base=kinds.as_kind(str(r[16]), kinds.PENALTY_BASES),
            late_fee=_decimal(r[17]),
            grace_days=int(r[18]),
            accelerates_after_days=None if r[19] is None else int(r[19]),
            allocation=tuple(part for part in str(r[20]).split(",") if part),
            penalty_times_contract=_maybe_decimal(r[21]),
            contract_interest_continues=bool(r[22]),
        ),
        start=_maybe_day(r[23]),
        interest=kinds.as_kind(str(r[24] or "monthly"), kinds.INTEREST_RULES),
        prepayment_fee=_decimal(r[25]) if r[25] is not None else Decimal("0"),
        payments=children["payments"],
        claims=children["claims"],
        proposals=children["proposals"],
        settlement=_settlement(r),
        notes=children["notes"],
        note_chain=children["note_chain"],
    )


def _children(
    loan_id: str,
    fees: ByLoan,
    payments: ByLoan,
    claims: ByLoan,
    proposals: ByLoan,
    history: ByLoan,
) -> dict[str, list[Any]]:
    """The loan's fees, payments, claims and proposals (with their status history), taken from
    streams ordered by loan id (loans asked in id order)."""
    changes: dict[int, list[records.StatusChange]] = {}
    for h in history.take(loan_id):
        changes.setdefault(int(h[1]), []).append(
            records.StatusChange(at=_time(h[2]), status=str(h[3]), note=str(h[4]))
        )
    return {
        "fees": [
            records.Fee(
                name=str(f[1]),
                amount=_decimal(f[2]),
                per=kinds.as_kind(str(f[3]), kinds.FEE_PERS),
            )
            for f in fees.take(loan_id)
        ],
        "payments": [
            records.Payment(
                date=_day(p[1]),
                amount=_decimal(p[2]),
                note=str(p[3]),
                method=str(p[4]),
                reference=str(p[5]),
            )
            for p in payments.take(loan_id)
        ],
        "claims": [
            records.Claim(
                date=_day(c[1]),
                amount=_decimal(c[2]),
                source=str(c[3]),
                note=str(c[4]),
                ours=None if c[5] is None else _decimal(c[5]),
            )
            for c in claims.take(loan_id)
        ],
        "proposals": [_proposal(p, changes.get(int(p[1]), [])) for p in proposals.take(loan_id)],
    }


def _only(query: str, column: str, ids: Sequence[str] | None) -> tuple[str, list[str]]:
    """``query`` kept to the loans of ``ids`` (``column`` is its loan id), all when None."""
    if ids is None:
        return query, []
    head, order, tail = query.partition(" ORDER BY ")
    marks = ", ".join("?" * len(ids))
    joined = " AND " if " WHERE " in head else " WHERE "
    return f"{head}{joined}{column} IN ({marks}){order}{tail}", list(ids)


def _streams(raw: sqlite3.Connection, ids: Sequence[str] | None) -> list[ByLoan]:
    """The children's streams (fees, payments, claims, proposals, history) of ``ids`` or all."""
    asked = [
        (_FEES, "loan_id"),
        (_PAYMENTS, "loan_id"),
        (_CLAIMS, "loan_id"),
        (_PROPOSALS, "loan_id"),
        (_HISTORY, "p.loan_id"),
    ]
    return [ByLoan(iter(raw.execute(*_only(query, column, ids)))) for query, column in asked]


def plain_loans(raw: sqlite3.Connection) -> Iterator[records.Loan]:
    """Every loan in id order (``SELECT id FROM loans ORDER BY id``) with all it holds."""
    children = _streams(raw, None)
    streams = open_streams(raw)
    for r in raw.execute(_LOANS):
        loan_id = str(r[0])
        held = _children(loan_id, *children)
        events, notes = streams.loan(loan_id)
        held["notes"] = [stored.note for stored in notes]
        held["note_chain"] = events
        yield _loan(r, held)


def loans_without_notes(
    raw: sqlite3.Connection, ids: Collection[str] | None = None
) -> list[records.Loan]:
    """Every loan (or those of ``ids``) in id order as ``mapping.loans.loan_record(row,
    notes=False)`` makes it: all it holds but its notes and note chain (left empty, not read),
    what the screens over all loans read (``services.snapshot``), in six queries."""
    asked = None if ids is None else sorted(ids)
    if asked == []:
        return []
    children = _streams(raw, asked)
    query, args = _only(_LOANS, "l.id", asked)
    out = []
    for r in raw.execute(query, args):
        held = _children(str(r[0]), *children)
        held["notes"] = []
        held["note_chain"] = []
        out.append(_loan(r, held))
    return out


# A second of slack on SQLite's julianday (a float, good to well under a millisecond here): the
# notes it finds that close to the latest are compared exactly, as datetimes, in Python.
_SLACK_DAYS = 1 / 86400
_LIVE_COUNTS = (
    "SELECT loan_id, count(*), max(substr(occurred_at, 1, 10)) FROM call_notes "
    "WHERE deleted_at IS NULL GROUP BY loan_id"
)
# The live notes with a follow-up that are (within the slack) the latest of their loan's.
_NEAR_LATEST = (
    "SELECT n.loan_id, n.occurred_at, n.logged_at, n.position, n.follow_up FROM call_notes n "
    "JOIN (SELECT loan_id, max(julianday(occurred_at)) AS at FROM call_notes "
    "WHERE deleted_at IS NULL AND follow_up IS NOT NULL GROUP BY loan_id) top "
    "ON top.loan_id = n.loan_id "
    "WHERE n.deleted_at IS NULL AND n.follow_up IS NOT NULL AND julianday(n.occurred_at) >= "
    "top.at - ?"
)


def note_facts(
    raw: sqlite3.Connection, ids: Collection[str] | None = None
) -> dict[str, records.NoteFacts]:
    """``NoteFacts`` of every loan that has live notes (or of those of ``ids``), in two queries
    whatever the number of notes; a loan without live notes is left out (``NoteFacts()``)."""
    asked = None if ids is None else sorted(ids)
    if asked == []:
        return {}
    counts, near = _LIVE_COUNTS, _NEAR_LATEST
    count_args: list[object] = []
    near_args: list[object] = [_SLACK_DAYS]
    if asked is not None:
        marks = ", ".join("?" * len(asked))
        counts = counts.replace(" GROUP BY", f" AND loan_id IN ({marks}) GROUP BY")
        count_args = list(asked)
        near = near.replace(" GROUP BY", f" AND loan_id IN ({marks}) GROUP BY")
        near_args = [*asked, _SLACK_DAYS]
    # The latest by (occurred_at, logged_at); of equal ones the first kept (as the notes list).
    best: dict[str, tuple[datetime, datetime, int, date | None]] = {}
    for loan_id, occurred_text, logged_text, position, follow_up in raw.execute(near, near_args):
        occurred, logged = _time(occurred_text), _time(logged_text)
        known = best.get(loan_id)
        if known is None or (occurred, logged, -position) > (known[0], known[1], -known[2]):
            best[loan_id] = (occurred, logged, position, _maybe_day(follow_up))
    out: dict[str, records.NoteFacts] = {}
    for loan_id, count, day in raw.execute(counts, count_args):
        found = best.get(loan_id)
        out[str(loan_id)] = records.NoteFacts(
            live=int(count),
            last_day=date.fromisoformat(day),
            follow_up=found[3] if found is not None else None,
        )
    return out
