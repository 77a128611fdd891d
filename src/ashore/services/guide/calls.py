"""During and after the call: a note started with the call's time, and the outcome (the note and
the proposal's new status) recorded in one step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ashore.app.errors import InputError
from ashore.domain.records import PROPOSAL_STATUSES, Loan
from ashore.services.guide.stage import live_notes
from ashore.services.ledger import Ledger
from ashore.services.notes import Notes
from ashore.services.proposals import NEXT_STATUSES, Proposals


def start_call_note(ledger: Ledger, loan_id: str, at: datetime, channel: str = "phone") -> str:
    """A new call note on the loan with the call's time filled in; returns its id."""

    return Notes(ledger).add(loan_id, occurred_at=at, channel=channel).id


@dataclass(frozen=True)
class Outcome:
    """What the after-call dialog records in one step."""

    note_id: str  # "" makes a new note
    occurred_at: datetime
    counterpart: str
    text: str
    outcome: str
    promises: str
    follow_up: date | None
    proposal_id: str  # "" leaves the proposals as they are
    status: str


def record_outcome(ledger: Ledger, loan_id: str, outcome: Outcome) -> str:
    """Write the call's outcome into its note and the proposal's new status, all at once.

    Returns the note's id. An existing note (the one the call card started) is revised through
    the notes service, so its earlier version stays in the chain; ``note_id`` "" adds a new one.
    The status is checked before anything is written.
    """

    loan = ledger.loan(loan_id)
    stamp = ledger.db.clock.now()
    change_status = False
    if outcome.proposal_id:
        proposal = next((p for p in loan.proposals if p.id == outcome.proposal_id), None)
        if proposal is None:
            raise InputError(f"proposal: {outcome.proposal_id!r} is not a proposal of this loan")
        if outcome.status not in PROPOSAL_STATUSES:
            raise InputError(f"status: {outcome.status!r} is not a proposal status")
        if proposal.status != outcome.status:
            allowed = NEXT_STATUSES.get(proposal.status, ())
            if outcome.status not in allowed:
                raise InputError(
                    f"status: a {proposal.status} proposal cannot become {outcome.status}"
                )
            change_status = True
    if outcome.follow_up is not None and outcome.follow_up < outcome.occurred_at.date():
        raise InputError.at(
            "follow_up", "follow_up.before_call", "the follow-up date is before the call"
        )
    notes = Notes(ledger)
    if outcome.note_id:
        notes.revise(
            loan_id,
            outcome.note_id,
            occurred_at=outcome.occurred_at,
            counterpart=outcome.counterpart,
            text=outcome.text,
            outcome=outcome.outcome,
            promises=outcome.promises,
            follow_up=outcome.follow_up,
        )
        note_id = outcome.note_id
    else:
        note_id = notes.add(
            loan_id,
            occurred_at=outcome.occurred_at,
            counterpart=outcome.counterpart,
            text=outcome.text,
            outcome=outcome.outcome,
            promises=outcome.promises,
            follow_up=outcome.follow_up,
        ).id
    if change_status:
        # The proposals service keeps one agreement in force and writes the status history.
        Proposals(ledger).change_status(
            loan_id, outcome.proposal_id, outcome.status, outcome.outcome[:200], stamp
        )
    return note_id


def upcoming_follow_up(loan: Loan) -> date | None:
    """The follow-up date of the latest note, if it has one."""
    dated = [n for n in live_notes(loan) if n.follow_up is not None]
    return max(dated, key=lambda n: n.occurred_at).follow_up if dated else None
