"""The call card: everything to have in front of you on the call, as plain figures."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ashore import finance
from ashore.domain.guide import LoanGuide
from ashore.domain.money import ZERO
from ashore.domain.records import Lender, Loan
from ashore.reports.letter import PlanSummary
from ashore.services import plans
from ashore.services.costs import loan_lines, lpr_table
from ashore.services.guide.figures import committed_monthly, plan_summary
from ashore.services.guide.storage import load_guide
from ashore.services.ledger import Ledger


@dataclass(frozen=True)
class CallCard:
    """Everything to have in front of you on the call, as plain figures."""

    loan_id: str
    loan_name: str
    lender_name: str
    lender_phone: str
    lender_hours: str
    reference: str
    currency: str
    today: date
    owed: Decimal
    overdue: Decimal
    penalty: Decimal
    late_fees: Decimal
    interest: Decimal
    not_yet_due: Decimal
    days_overdue: int
    overdue_count: int
    growth_per_day: Decimal
    principal: Decimal
    paid_so_far: Decimal
    under_agreement: bool
    reason: str
    reason_text: str
    budget: Decimal | None
    committed_elsewhere: Decimal
    affordable: Decimal | None  # budget less what agreements on other loans take each month
    ask: PlanSummary | None
    fallback: PlanSummary | None
    # The loan's true yearly cost against the reference lines, to cite where one is crossed.
    lines: finance.RateLines | None = None
    # The agreement in force (its terms, what was paid of it and what is left), its next
    # installment, and what the lender may claim if it fails; None/ZERO without one.
    agreement: PlanSummary | None = None
    next_due: date | None = None
    next_amount: Decimal | None = None
    if_agreement_fails: Decimal | None = None


def call_card(ledger: Ledger, loan_id: str, today: date) -> CallCard:
    """The figures and words of the call card for one loan."""
    loan = ledger.loan(loan_id)
    loans = ledger.snapshot()  # what is committed elsewhere needs no loan's notes
    lender = next((x for x in ledger.lenders() if x.id == loan.lender), None)
    guide = load_guide(ledger, loan_id)
    budget = ledger.monthly_budget()
    lpr = lpr_table(ledger.added_lpr())
    return make_call_card(loan, lender, guide, budget, loans, today, lpr)


def make_call_card(
    loan: Loan,
    lender: Lender | None,
    guide: LoanGuide,
    budget: Decimal | None,
    loans: Iterable[Loan],
    today: date,
    lpr: Iterable[finance.LprEntry] | None = None,
) -> CallCard:
    st = plans.standing(loan, today)
    state = st.state
    owed = state.owed
    summary = plans.summarize(loan, lender, today)
    committed = committed_monthly(loans, today, exclude=loan.id)
    by_id = {p.id: p for p in loan.proposals}
    found = plans.agreement(loan) if st.owed is None else None
    agreement = plan_summary(loan, found[0], today) if found is not None else None
    ask = plan_summary(loan, by_id[guide.ask]) if guide.ask in by_id else None
    fallback = plan_summary(loan, by_id[guide.fallback]) if guide.fallback in by_id else None
    return CallCard(
        loan_id=loan.id,
        loan_name=loan.name,
        lender_name=lender.name if lender else loan.lender,
        lender_phone=lender.phone if lender else "",
        lender_hours=lender.hours if lender else "",
        reference=loan.reference,
        currency=loan.currency,
        today=today,
        owed=summary.owed_today,
        overdue=owed.overdue,
        penalty=owed.penalty,
        late_fees=owed.late_fees,
        interest=owed.interest,
        not_yet_due=owed.not_yet_due,
        days_overdue=state.days_overdue,
        overdue_count=state.overdue_count,
        growth_per_day=summary.growth_per_day,
        principal=loan.principal,
        paid_so_far=state.paid_total,
        under_agreement=st.owed is None,
        reason=guide.reason,
        reason_text=guide.reason_text,
        budget=budget,
        committed_elsewhere=committed,
        affordable=None if budget is None else max(budget - committed, ZERO),
        ask=ask,
        fallback=fallback,
        lines=loan_lines(loan, lpr),
        agreement=agreement,
        next_due=summary.next_due,
        next_amount=summary.next_amount,
        if_agreement_fails=summary.if_agreement_fails,
    )
