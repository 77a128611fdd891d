"""Proposal rows and records, with their status history and the agreed table once accepted."""

from __future__ import annotations

import json
from datetime import datetime

from ashore.domain.records import Agreed, Proposal, StatusChange, Waive
from ashore.store.codec import decode_agreed, decode_params, encode_agreed, encode_params
from ashore.store.models import LoanRow, ProposalRow, StatusChangeRow


def proposal_record(row: ProposalRow) -> Proposal:
    return Proposal(
        id=row.id,
        name=row.name,
        method=row.method,
        start=row.start,
        params=decode_params(row.method, json.loads(row.params), f"proposal {row.id}.params"),
        status=row.status,
        waive=Waive(
            penalty=row.waive_penalty,
            late_fees=row.waive_late_fees,
            interest=row.waive_interest,
        ),
        history=[StatusChange(at=h.at, status=h.status, note=h.note) for h in row.history],
        agreed=None
        if row.agreed is None
        else decode_agreed(json.loads(row.agreed), f"proposal {row.id}.agreed"),
    )


def proposal_row(position: int, proposal: Proposal) -> ProposalRow:
    row = ProposalRow(
        position=position,
        id=proposal.id,
        status=proposal.status,
        agreed=None
        if proposal.agreed is None
        else json.dumps(encode_agreed(proposal.agreed), sort_keys=True),
        history=[
            StatusChangeRow(position=j, at=h.at, status=h.status, note=h.note)
            for j, h in enumerate(proposal.history)
        ],
    )
    write_terms(row, proposal)
    return row


def add_draft(loan_row: LoanRow, proposal: Proposal, at: datetime) -> ProposalRow:
    """A new proposal after the loan's others: a draft whose history starts at ``at``."""
    position = max((p.position for p in loan_row.proposals), default=-1) + 1
    row = ProposalRow(position=position, id=proposal.id)
    loan_row.proposals.append(row)
    row.status = "draft"
    row.history = [StatusChangeRow(position=0, at=at, status="draft")]
    return row


def write_terms(row: ProposalRow, proposal: Proposal) -> None:
    """Make ``row`` hold the proposal's name and terms (not its status, history or agreement)."""
    row.name = proposal.name
    row.method = proposal.method
    row.start = proposal.start
    row.params = json.dumps(encode_params(proposal.method, proposal.params), sort_keys=True)
    row.waive_penalty = proposal.waive.penalty
    row.waive_late_fees = proposal.waive.late_fees
    row.waive_interest = proposal.waive.interest


def write_agreed(row: ProposalRow, agreed: Agreed) -> None:
    """Keep the agreed table (what accepting the proposal fixed) on its row."""
    row.agreed = json.dumps(encode_agreed(agreed), sort_keys=True)


def append_status(row: ProposalRow, status: str, note: str, at: datetime) -> None:
    """A time-stamped history entry, and the proposal's status now."""
    position = max((h.position for h in row.history), default=-1) + 1
    row.history.append(StatusChangeRow(position=position, at=at, status=status, note=note))
    row.status = status
