"""Proposals: save, copy and delete one, and move it through its statuses (offered, countered,
accepted…), each in one transaction that touches only the proposal's rows.

Accepting one keeps the table as it stands that day as the agreement, and withdraws the loan's
other accepted proposal, so one agreement is in force. Figures come from ``services.plans``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ashore.app.errors import InputError
from ashore.domain.records import (
    PROPOSAL_STATUSES,
    Proposal,
    StatusChange,
)
from ashore.domain.validation import check_proposal
from ashore.services import plans
from ashore.services.ledger import Ledger
from ashore.store.database import Database
from ashore.store.mapping import now
from ashore.store.mapping.loans import loan_record, loan_row
from ashore.store.mapping.proposals import add_draft, append_status, write_agreed, write_terms
from ashore.store.models import LoanRow, ProposalRow

# What a proposal's status may change to next (a rejected or withdrawn one may be reopened).
NEXT_STATUSES: dict[str, tuple[str, ...]] = {
    "draft": ("proposed", "accepted", "withdrawn"),
    "proposed": ("countered", "accepted", "rejected", "withdrawn"),
    "countered": ("proposed", "accepted", "rejected", "withdrawn"),
    "accepted": ("withdrawn",),
    "rejected": ("draft",),
    "withdrawn": ("draft",),
}


class Proposals:
    """A loan's proposals over the Ledger's database, one transaction each."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    @property
    def db(self) -> Database:
        return self.ledger.db

    @staticmethod
    def _proposal_row(row: LoanRow, proposal_id: str) -> ProposalRow:
        for prow in row.proposals:
            if prow.id == proposal_id:
                return prow
        raise InputError(f"proposal: {proposal_id!r} is not a proposal of loan {row.id!r}")

    def save_proposal(self, loan_id: str, proposal: Proposal) -> Proposal:
        """Insert the proposal, or update the one with its id (keeping its status and history).

        Refused (InputError naming the field) when a field is wrong or the plan cannot be worked
        out for this loan (e.g. a reduced installment below the monthly interest).
        """
        with self.db.transaction() as session:
            row = loan_row(session, loan_id)
            check_proposal(proposal, "proposal", row.currency)
            loan = loan_record(row, notes=False)  # what the plan is worked out from
            existing = next((p for p in row.proposals if p.id == proposal.id), None)
            if existing is None and proposal.status != "draft":
                raise InputError("proposal.status: a new proposal starts as a draft")
            kept = proposal
            if existing is not None and existing.status == "accepted":
                _keep_agreed_terms(next(p for p in loan.proposals if p.id == proposal.id), proposal)
            if existing is not None:
                kept = replace(
                    proposal,
                    status=existing.status,
                    history=[StatusChange(h.at, h.status, h.note) for h in existing.history],
                )
            plans.work_out(loan, kept)  # refuses params that cannot make a plan
            if existing is None:
                existing = add_draft(row, kept, now(session))
                kept = replace(kept, history=[StatusChange(existing.history[0].at, "draft")])
            write_terms(existing, kept)
            return kept

    def duplicate_proposal(self, loan_id: str, proposal_id: str, new_name: str = "") -> Proposal:
        """A draft copy of a proposal under a fresh id (its history starts again)."""
        loan = self.ledger.loan(loan_id)
        source = next((p for p in loan.proposals if p.id == proposal_id), None)
        if source is None:
            raise InputError(f"proposal: {proposal_id!r} is not a proposal of loan {loan_id!r}")
        copy = replace(
            source,
            id=self.ledger.new_id("proposal"),
            name=new_name or source.name,
            status="draft",
            params=dict(source.params),
            history=[],
            agreed=None,
        )
        return self.save_proposal(loan_id, copy)

    def delete_proposal(self, loan_id: str, proposal_id: str) -> Proposal:
        """Delete a proposal; returns it as it was."""
        with self.db.transaction() as session:
            row = loan_row(session, loan_id)
            prow = self._proposal_row(row, proposal_id)
            record = next(p for p in loan_record(row, notes=False).proposals if p.id == proposal_id)
            row.proposals.remove(prow)
            return record

    def change_status(
        self,
        loan_id: str,
        proposal_id: str,
        status: str,
        note: str = "",
        at: datetime | None = None,
    ) -> list[str]:
        """Move a proposal to ``status`` with a time-stamped history entry (``note``: to whom,
        what was said). Accepting one withdraws the loan's other accepted proposal, so only one
        agreement is in force; returns the ids so superseded."""
        when = at or self.db.clock.now()
        if when.tzinfo is None or when.utcoffset() is None:
            raise InputError("at: needs a UTC offset")
        if status not in PROPOSAL_STATUSES:
            raise InputError(f"status: {status!r} is not one of {', '.join(PROPOSAL_STATUSES)}")
        if not isinstance(note, str):
            raise InputError("note: must be text")
        with self.db.transaction() as session:
            row = loan_row(session, loan_id)
            prow = self._proposal_row(row, proposal_id)
            allowed = NEXT_STATUSES.get(prow.status, ())
            if status not in allowed:
                raise InputError(
                    f"status: a {prow.status} proposal cannot become {status}"
                    f" (it can become {', '.join(allowed) or 'nothing else'})"
                )
            superseded: list[str] = []
            if status == "accepted":
                for other in row.proposals:
                    if other is not prow and other.status == "accepted":
                        append_status(
                            other, "withdrawn", f"superseded by {prow.name or prow.id}", when
                        )
                        superseded.append(other.id)
            if status == "accepted":
                # The contract: the table as it stands today is kept, and nothing re-spreads it.
                record = next(p for p in loan_record(row).proposals if p.id == proposal_id)
                agreed = plans.agreed_terms(plans.work_out(loan_record(row), record), when.date())
                write_agreed(prow, agreed)
            append_status(prow, status, note.strip(), when)
            return superseded


def _keep_agreed_terms(stored: Proposal, edited: Proposal) -> None:
    """An accepted proposal is a contract: its name may change, its terms may not."""
    for name in ("method", "start", "params", "waive"):
        if getattr(stored, name) != getattr(edited, name):
            raise InputError(
                f"proposal.{name}: an accepted proposal is the agreement and cannot change;"
                " duplicate it to negotiate a new plan"
            )


def new_proposal_id(ledger: Ledger) -> str:
    """A fresh proposal id, unused by any lender, loan, proposal or note."""
    return ledger.new_id("proposal")
