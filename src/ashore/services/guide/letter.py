"""The facts a hardship letter states, read from the stored data (the PDF is
``ashore.reports.letter``)."""

from __future__ import annotations

from datetime import date

from ashore.app.errors import InputError
from ashore.reports.letter import LetterData
from ashore.services import plans
from ashore.services.costs import loan_lines, lpr_table
from ashore.services.guide.figures import plan_summary
from ashore.services.guide.storage import load_borrower, load_guide
from ashore.services.ledger import Ledger


def letter_data(ledger: Ledger, loan_id: str, proposal_id: str, today: date) -> LetterData:
    """The facts of a hardship letter asking for ``proposal_id`` on ``loan_id``.

    InputError names ``loan`` or ``proposal`` when either is unknown.
    """
    try:
        loan = ledger.loan(loan_id)
    except InputError:
        raise InputError(f"loan: {loan_id!r} is not a known loan id") from None
    proposal = next((p for p in loan.proposals if p.id == proposal_id), None)
    if proposal is None:
        known = ", ".join(p.id for p in loan.proposals) or "none"
        raise InputError(
            f"proposal: {proposal_id!r} is not a proposal of loan {loan_id!r} (it has: {known})"
        )
    lender = next((x for x in ledger.lenders() if x.id == loan.lender), None)
    guide = load_guide(ledger, loan_id)
    # The Overview's figures: "owed today" (under an agreement in force, the agreement's) and the
    # days overdue the sidebar shows.
    figures = plans.figures(loan, today)
    summary = plans.summarize(loan, lender, today)
    found = plans.agreement(loan)
    in_force = found is not None and found[0].start <= today
    return LetterData(
        today=today,
        borrower=load_borrower(ledger),
        lender_name=lender.name if lender else loan.lender,
        lender_phone=lender.phone if lender else "",
        loan_name=loan.name,
        loan_id=loan.id,
        reference=loan.reference,
        currency=loan.currency,
        principal=loan.principal,
        owed=figures.owed_today,
        penalty=figures.penalty,
        late_fees=figures.late_fees,
        days_overdue=summary.days_overdue,
        reason=guide.reason,
        reason_text=guide.reason_text,
        plan=plan_summary(loan, proposal, today),
        documents=tuple(guide.documents),
        lines=loan_lines(loan, lpr_table(ledger.added_lpr())),
        agreed_on=found[0].start if found is not None and in_force else None,
        left_to_pay=figures.left_to_pay_plan if in_force else None,
    )
