"""The facts a hardship letter states, read from the stored data (the PDF is
``ashore.reports.letter``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ashore import finance
from ashore.app.errors import InputError
from ashore.domain.money import ZERO
from ashore.reports.letter import LetterData
from ashore.services import plans
from ashore.services.costs import loan_lines, lpr_table
from ashore.services.guide.figures import plan_summary
from ashore.services.guide.storage import load_borrower, load_guide
from ashore.services.ledger import Ledger


def agreement_record(
    plan: finance.ProposalPlan, payments: tuple[finance.Payment, ...], today: date
) -> tuple[str, date]:
    """How the agreed table has been kept on ``today`` (payments from its start pay its
    installments oldest first, as the calendar counts them) and its first due date.

    An installment has fallen due once its date is past, or on its date once it is paid. The
    record is "none_due" when none has ("paid_ahead" when the first is paid in full already,
    before its date), "on_time" when each one that has was covered by the
    payments made by its date, "caught_up" when all are paid now but one was late, and "" while
    one is unpaid."""
    rows = sorted(plan.installments, key=lambda r: r.due)
    made = [p for p in payments if plan.start <= p.date <= today]

    def paid_by(day: date) -> Decimal:
        return sum((p.amount for p in made if p.date <= day), ZERO)

    scheduled = ZERO
    on_time, fallen = True, 0
    for row in rows:
        scheduled += row.payment
        paid_in_full = paid_by(today) >= scheduled
        if row.due > today or (row.due == today and not paid_in_full):
            break
        fallen += 1
        if not paid_in_full:
            return "", rows[0].due
        on_time = on_time and paid_by(row.due) >= scheduled
    if fallen == 0:
        ahead = bool(rows) and paid_by(today) >= rows[0].payment
        return ("paid_ahead" if ahead else "none_due"), rows[0].due
    return ("on_time" if on_time else "caught_up"), rows[0].due


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
    kept, first_due = (
        agreement_record(found[1], plans.loan_payments(loan), today)
        if found is not None and in_force
        else ("", None)
    )
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
        kept=kept,
        agreed_first_due=first_due,
    )
