"""Where each loan stands in the seed's process (prepare, call, agree, repay, check the credit
record) and the one thing to do next, derived from what is kept, never stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ashore.domain.guide import LoanGuide
from ashore.domain.records import CallNote, Lender, Loan, LoanSummary, NoteFacts, Proposal
from ashore.services import plans
from ashore.services.guide.checklist import checklist
from ashore.services.guide.storage import load_guides
from ashore.services.ledger import Ledger

# The seed's process, in order; ``Stage.step`` is the index here.
STAGES: tuple[str, ...] = (
    "not_started",
    "preparing",
    "in_contact",
    "offer",
    "agreed",
    "repaying",
    "settled",
    "credit_checked",
)

STAGE_TITLES: dict[str, str] = {
    "not_started": "No negotiation yet",
    "preparing": "Preparing",
    "in_contact": "In contact",
    "offer": "Offer on the table",
    "agreed": "Agreed",
    "repaying": "Repaying",
    "settled": "Settled",
    "credit_checked": "Credit record checked",
    # Not a stage: the words for an agreement with an installment missed, the badge's status.
    "missed": "Agreement missed",
}


# One sentence per stage: what to do next (the window shows its own translated copy).
NEXT_STEPS: dict[str, str] = {
    "not_started": "Choose why you fell behind and what you can pay each month.",
    "preparing": "Finish the checklist, then call the lender with the call card open.",
    "in_contact": "Put a concrete plan to the lender: choose a proposal and mark it proposed.",
    "offer": "Wait for the answer; on the follow-up date call again and ask for it in writing.",
    "agreed": "Make the first agreed payment on time; a second default can void the agreement.",
    "repaying": "Pay every agreed installment on its date, and keep the receipts.",
    "settled": "Check your credit report shows the overdue cleared, and record what it says.",
    "credit_checked": "Done: keep the agreement, the receipts and the report in a safe place.",
    # Not a stage: a loan paid on time needs no negotiation.
    "current": "This loan is paid on time; keep it that way.",
    "missed": "An agreed payment was missed: pay it now and call the lender before they do.",
}


@dataclass(frozen=True)
class Stage:
    """Where one loan stands in the process on a day, and the one thing to do next."""

    loan_id: str
    key: str  # one of STAGES
    step: int  # index in STAGES
    next_key: str  # key of NEXT_STEPS
    title: str
    next_step: str
    # key of STAGE_TITLES: the words for where it stands, ``key`` but "missed" when an agreed
    # installment is missed (the status the badge shows: one status, not "Agreed" beside it)
    title_key: str = ""


def live_notes(loan: Loan) -> list[CallNote]:
    """The notes not removed, oldest call first."""
    return sorted((n for n in loan.notes if n.deleted_at is None), key=lambda n: n.occurred_at)


def facts_of(loan: Loan) -> NoteFacts:
    """``NoteFacts`` from a loan read with its notes (what ``Ledger.note_facts`` reads by query)."""
    notes = live_notes(loan)
    if not notes:
        return NoteFacts()
    dated = [n for n in notes if n.follow_up is not None]
    last = max(dated, key=lambda n: (n.occurred_at, n.logged_at)) if dated else None
    return NoteFacts(
        live=len(notes),
        last_day=max(n.occurred_at.date() for n in notes),
        follow_up=last.follow_up if last is not None else None,
    )


def stage(
    loan: Loan,
    today: date,
    guide: LoanGuide | None = None,
    summary: LoanSummary | None = None,
    facts: NoteFacts | None = None,
) -> Stage:
    """Where ``loan`` stands in the negotiation on ``today``, derived from its data.

    ``guide`` is the loan's checklist (an empty one when not given); ``summary`` saves working
    the loan's figures out again when the caller already has them; ``facts`` stand for the
    loan's notes (a loan read without them: ``Ledger.snapshot``).
    """
    guide = guide or LoanGuide(loan.id)
    summary = summary or plans.summarize(loan, None, today)
    facts = facts if facts is not None else facts_of(loan)
    found = accepted(loan)
    negotiated = bool(found or loan.proposals or facts.live or not guide.is_empty())
    next_key: str | None = None
    if summary.status == "settled" and (negotiated or loan.payments):
        checks = [c for c in guide.credit_checks if c.checked_on <= today]
        key = "credit_checked" if checks else "settled"
    elif found is not None:
        start = found.start
        # a payment recorded ahead of the day taken as today is not yet made
        paid_since = any(start <= p.date <= today and p.amount > 0 for p in loan.payments)
        key = "repaying" if paid_since else "agreed"
        if summary.status == "agreement_missed":
            next_key = "missed"
    elif any(p.status in ("proposed", "countered") for p in loan.proposals):
        key = "offer"
    elif facts.live:
        key = "in_contact"
    elif not guide.is_empty() or loan.proposals:
        key = "preparing"
    else:
        key = "not_started"
        if summary.status == "current":
            next_key = "current"
    next_key = next_key or key
    title_key = "missed" if next_key == "missed" else key
    return Stage(
        loan_id=loan.id,
        key=key,
        step=STAGES.index(key),
        next_key=next_key,
        title=STAGE_TITLES[title_key],
        next_step=NEXT_STEPS[next_key],
        title_key=title_key,
    )


_TALKED = frozenset({"proposed", "countered", "accepted", "rejected", "withdrawn"})


def milestones(
    loan: Loan,
    today: date,
    guide: LoanGuide | None = None,
    lender: Lender | None = None,
    budget: Decimal | None = None,
) -> frozenset[str]:
    """The steps of ``STAGES`` the loan has really been through, read from its data (the guide's
    strip ticks these, not every step before the current one).

    "not_started" is a starting point, never done; "preparing" is done once what it asks is: every
    item of the checklist ticked (``checklist``, with the loan's ``lender`` and the monthly
    ``budget``), not merely a proposal written; "in_contact" once a note records a contact or a
    proposal went to the lender; "offer" once a proposal was proposed or countered (whatever came
    after); "agreed" once one was accepted; "repaying" once a payment followed the agreement's
    start; "settled" and "credit_checked" as the loan's standing and the credit checks say.
    """
    guide = guide or LoanGuide(loan.id)
    facts = facts_of(loan)
    statuses = {change.status for p in loan.proposals for change in p.history}
    statuses |= {p.status for p in loan.proposals}
    done: set[str] = set()
    if all(item.done for item in checklist(loan, lender, guide, budget)):
        done.add("preparing")
    if facts.live or statuses & _TALKED:
        done.add("in_contact")
    if statuses & {"proposed", "countered", "accepted"}:
        done.add("offer")
    found = accepted(loan)
    if found is not None or "accepted" in statuses:
        done.add("agreed")
    if found is not None and any(
        found.start <= p.date <= today and p.amount > 0 for p in loan.payments
    ):
        done.add("repaying")
    if plans.summarize(loan, None, today).status == "settled":
        done.add("settled")
        if any(c.checked_on <= today for c in guide.credit_checks):
            done.add("credit_checked")
    return frozenset(done)


def stages(ledger: Ledger, today: date) -> dict[str, Stage]:
    """The stage of every loan, by loan id."""
    guides = load_guides(ledger)
    # the shared read and figures of this refresh (the sidebar's and the dashboard's)
    facts = ledger.note_facts()
    return {
        found.loan.id: stage(
            found.loan,
            today,
            guides.get(found.loan.id),
            found.summary,
            facts.get(found.loan.id, NoteFacts()),
        )
        for found in ledger.figures(today)
    }


def accepted(loan: Loan) -> Proposal | None:
    accepted = [p for p in loan.proposals if p.status == "accepted"]
    return max(accepted, key=lambda p: (p.start, p.id)) if accepted else None
