"""The bridge from stored records to the money engine: one place that turns a ``records.Loan`` into
``ashore.finance`` values, works out the agreement in force, and says where a loan stands today.

Every screen, export and report that needs a figure for a loan goes through here, so they all agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ashore import finance
from ashore.errors import InputError
from ashore.money import ZERO
from ashore.records import Lender, Loan, LoanSummary, Proposal


def loan_terms(loan: Loan) -> finance.LoanTerms:
    """The loan's contract as the money engine takes it."""
    rules = loan.overdue
    return finance.LoanTerms(
        principal=loan.principal,
        rate=loan.rate,
        method=loan.method,  # type: ignore[arg-type]
        term_count=loan.term_count,
        first_due=loan.first_due,
        term_unit=loan.term_unit,  # type: ignore[arg-type]
        fees=tuple(finance.Fee(f.name, f.amount, f.per) for f in loan.fees),  # type: ignore[arg-type]
        overdue=finance.OverdueRules(
            penalty_rate=rules.penalty_rate,
            penalty_base=rules.penalty_base,  # type: ignore[arg-type]
            late_fee=rules.late_fee,
            grace_days=rules.grace_days,
            accelerates_after_days=rules.accelerates_after_days,
            penalty_times_contract=rules.penalty_times_contract,
            contract_interest_continues=rules.contract_interest_continues,
        ),
        allocation=tuple(rules.allocation),
        currency=loan.currency,
        start=loan.start,
        interest=loan.interest,  # type: ignore[arg-type]
        prepayment_fee=loan.prepayment_fee,
    )


def loan_payments(loan: Loan) -> tuple[finance.Payment, ...]:
    """The payments made, oldest first, as the money engine takes them."""
    return tuple(
        finance.Payment(p.date, p.amount)
        for p in sorted(loan.payments, key=lambda p: p.date)
        if p.amount > 0
    )


def proposal_terms(proposal: Proposal) -> finance.ProposalTerms:
    """A stored proposal as the money engine takes it (FinanceError if its params are wrong)."""
    return finance.ProposalTerms(
        start=proposal.start,
        plan=finance.plan_from_params(proposal.method, proposal.params),
        waive=finance.Waivers(
            proposal.waive.penalty, proposal.waive.late_fees, proposal.waive.interest
        ),
    )


def work_out(loan: Loan, proposal: Proposal) -> finance.ProposalPlan:
    """The proposal's starting amount and installment table for this loan.

    Raises InputError naming the proposal when its parameters cannot make a plan (for example a
    reduced installment below the monthly interest).
    """
    try:
        return finance.propose(loan_terms(loan), loan_payments(loan), proposal_terms(proposal))
    except finance.FinanceError as error:
        raise InputError(f"proposals[{proposal.id}].params.{error}") from None


def agreement(loan: Loan) -> tuple[Proposal, finance.ProposalPlan] | None:
    """The accepted proposal in force (the latest to start) with its plan, or None."""
    accepted = [p for p in loan.proposals if p.status == "accepted"]
    if not accepted:
        return None
    record = max(accepted, key=lambda p: (p.start, p.id))
    return record, work_out(loan, record)


def calendar_loan(loan: Loan) -> finance.CalendarLoan:
    """The loan with its plan in force, for the cross-loan calendar and the dashboard."""
    found = agreement(loan)
    return finance.CalendarLoan(
        loan_id=loan.id,
        name=loan.name,
        terms=loan_terms(loan),
        payments=loan_payments(loan),
        agreement=found[1] if found else None,
    )


@dataclass(frozen=True)
class Standing:
    """Where one loan stands on a day, before it is joined with its lender's name."""

    owed: finance.Owed | None  # None under an agreement: the agreement's table says what is owed
    state: finance.LoanState
    growth: finance.Growth | None
    entries: tuple[finance.CalendarEntry, ...]
    agreement: Proposal | None


def standing(loan: Loan, today: date) -> Standing:
    """The loan's state today, its growth if nothing is paid, and its plan-in-force entries."""
    terms = loan_terms(loan)
    payments = loan_payments(loan)
    rows = finance.schedule(terms)
    state = finance.loan_state(terms, payments, today, rows)
    found = agreement(loan)
    cal = finance.CalendarLoan(
        loan_id=loan.id,
        name=loan.name,
        terms=terms,
        payments=payments,
        agreement=found[1] if found else None,
        rows=tuple(rows),
    )
    entries = tuple(finance.loan_calendar_entries(cal, today))
    if found and found[0].start <= today:
        return Standing(None, state, None, entries, found[0])
    return Standing(
        state.owed,
        state,
        finance.growth(terms, payments, today, rows),
        entries,
        found[0] if found else None,
    )


def summarize(loan: Loan, lender: Lender | None, today: date) -> LoanSummary:
    """The sidebar/dashboard line for one loan on ``today``."""
    st = standing(loan, today)
    upcoming = [e for e in st.entries if e.remaining > 0 and e.due >= today]
    nxt = min(upcoming, key=lambda e: e.due) if upcoming else None
    if st.owed is not None:
        owed_today = st.owed.total
        overdue_amount = st.owed.overdue
        days_overdue = st.state.days_overdue
        per_day = st.growth.per_day if st.growth else ZERO
        if owed_today == 0:
            status = "settled"
        elif days_overdue > 0:
            status = "overdue"
        else:
            status = "current"
    else:
        agreed = [e for e in st.entries if e.source == "agreement"]
        owed_today = sum((e.remaining for e in agreed), ZERO)
        missed = [e for e in agreed if e.status == "overdue"]
        overdue_amount = sum((e.remaining for e in missed), ZERO)
        days_overdue = (today - min(e.due for e in missed)).days if missed else 0
        per_day = ZERO
        if owed_today == 0:
            status = "settled"
        elif missed:
            status = "agreement_missed"
        else:
            status = "agreement"
    return LoanSummary(
        loan_id=loan.id,
        lender_id=loan.lender,
        lender_name=lender.name if lender else loan.lender,
        loan_name=loan.name,
        currency=loan.currency,
        principal=loan.principal,
        owed_today=owed_today,
        overdue_amount=overdue_amount,
        days_overdue=days_overdue,
        growth_per_day=per_day,
        status=status,
        next_due=nxt.due if nxt else None,
        next_amount=nxt.remaining if nxt else None,
    )


def summarize_all(
    loans: Iterable[Loan], lenders: Iterable[Lender], today: date
) -> list[LoanSummary]:
    """One summary per loan, in the order given."""
    by_id = {lender.id: lender for lender in lenders}
    return [summarize(loan, by_id.get(loan.lender), today) for loan in loans]
