"""The bridge from stored records to the money engine: one place that turns a ``records.Loan`` into
``ashore.finance`` values, works out the agreement in force, and says where a loan stands today.

Every screen, export and report that needs a figure for a loan goes through here, so they all agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from ashore import finance
from ashore.app.errors import InputError
from ashore.domain.money import ZERO, round_money
from ashore.domain.records import (
    Agreed,
    AgreedInstallment,
    Claim,
    Lender,
    Loan,
    LoanSummary,
    Proposal,
)


def loan_terms(loan: Loan) -> finance.LoanTerms:
    """The loan's contract as the money engine takes it."""
    rules = loan.overdue
    return finance.LoanTerms(
        principal=loan.principal,
        rate=loan.rate,
        method=loan.method,
        term_count=loan.term_count,
        first_due=loan.first_due,
        term_unit=loan.term_unit,
        fees=tuple(finance.Fee(f.name, f.amount, f.per) for f in loan.fees),
        overdue=finance.OverdueRules(
            penalty_rate=rules.penalty_rate,
            penalty_base=rules.penalty_base,
            late_fee=rules.late_fee,
            grace_days=rules.grace_days,
            accelerates_after_days=rules.accelerates_after_days,
            penalty_times_contract=rules.penalty_times_contract,
            contract_interest_continues=rules.contract_interest_continues,
        ),
        allocation=tuple(rules.allocation),
        currency=loan.currency,
        start=loan.start,
        interest=loan.interest,
        prepayment_fee=loan.prepayment_fee,
    )


def loan_payments(loan: Loan) -> tuple[finance.Payment, ...]:
    """The payments made, oldest first, as the money engine takes them."""
    return tuple(
        finance.Payment(p.date, p.amount)
        for p in sorted(loan.payments, key=lambda p: p.date)
        if p.amount > 0
    )


def claim_check(
    loan: Loan, claim: Claim, rows: Sequence[finance.Installment] | None = None
) -> finance.ClaimCheck:
    """A lender's claim beside our figure on its day, the one the Payments tab and the Overview
    show: what we computed when the claim was recorded (kept with it: payments recorded later do
    not rewrite that comparison), or, for a claim kept without it (before 0008, or imported
    without ``ours``), what the payments dated up to its day give now. Our figure is the one
    "owed today" as of the claim's day (``owed_on``): under an agreement in force that day, the
    agreement's, not the contract's "if the agreement fails"."""
    if claim.ours is not None:
        return finance.ClaimCheck(claim.date, claim.amount, claim.ours, claim.amount - claim.ours)
    if agreement(loan) is not None:
        ours = owed_on(loan, claim.date)
        return finance.ClaimCheck(claim.date, claim.amount, ours, claim.amount - ours)
    # the contract's figure, from the schedule the caller may have built already
    return finance.check_claim(
        loan_terms(loan), loan_payments(loan), claim.date, claim.amount, rows
    )


def owed_on(loan: Loan, day: date) -> Decimal:
    """The one "owed today" (``Figures.owed_today``) as it stood on ``day``: from the payments
    dated up to it, under the agreement in force that day if there is one."""
    kept = replace(loan, payments=[p for p in loan.payments if p.date <= day])
    return figures(kept, day).owed_today


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
    """The proposal's starting amount and installment table for this loan, worked out from its
    parameters. What it starts from counts the payments made before its start date (a payment on
    or after that day pays the plan's installments).

    Raises InputError naming the proposal when its parameters cannot make a plan (for example a
    reduced installment below the monthly interest).
    """
    before = tuple(p for p in loan_payments(loan) if p.date < proposal.start)
    try:
        return finance.propose(loan_terms(loan), before, proposal_terms(proposal))
    except finance.FinanceError as error:
        raise InputError.like(error, f"proposals[{proposal.id}]", "params") from None


def agreed_terms(plan: finance.ProposalPlan, on: date) -> Agreed:
    """What is kept as agreed when a proposal is accepted on ``on``: its table as it is that day."""
    return Agreed(
        on,
        [AgreedInstallment(r.due, r.payment, r.principal) for r in plan.installments],
    )


def plan_in_force(loan: Loan, proposal: Proposal) -> finance.ProposalPlan:
    """The plan of a proposal: the table agreed on acceptance when there is one (never worked
    out again), else the one its parameters give."""
    if proposal.agreed is None:
        return work_out(loan, proposal)
    table = [(r.due, r.amount, r.principal) for r in proposal.agreed.installments]
    try:
        base = work_out(loan, proposal).base
    except InputError:
        # Payments entered later for days before the start may leave nothing to start from;
        # the agreed table stands all the same, starting from what it repays.
        owed = finance.Owed(proposal.start, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO)
        repaid = sum((r.principal or r.amount for r in proposal.agreed.installments), ZERO)
        base = finance.ProposalBase(owed, ZERO, ZERO, ZERO, repaid)
    try:
        return finance.agreed_plan(base, proposal.method, proposal.start, table, loan.currency)
    except finance.FinanceError as error:
        raise InputError.like(error, f"proposals[{proposal.id}]", "agreed") from None


def agreement(loan: Loan) -> tuple[Proposal, finance.ProposalPlan] | None:
    """The accepted proposal in force (the latest to start) with its agreed plan, or None."""
    accepted = [p for p in loan.proposals if p.status == "accepted"]
    if not accepted:
        return None
    record = max(accepted, key=lambda p: (p.start, p.id))
    return record, plan_in_force(loan, record)


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
class Figures:
    """The one set of figures every screen, export and report shows for a loan on a day.

    ``owed_today`` (DOMAIN.md "A plan in force is a contract"): under the original contract, what
    is owed if nothing more is paid; under an agreement in force, its unpaid installments due by
    today + its principal not yet due (no future interest). Beside it, never mixed in:
    ``left_to_pay_plan`` (every unpaid installment of the plan in force, interest included),
    ``payoff_today`` (to settle today) and ``if_agreement_fails`` (the original contract's figure,
    None without an agreement in force). ``overdue``: unpaid parts past their due date (and grace)
    — the missed installments under an agreement; ``penalty``/``late_fees`` as of today (0 under an
    agreement); ``not_yet_due``: principal not yet due. ``plan``: "original" or
    "agreement:<proposal id>". ``due_today``: what falls due by today and is not yet overdue (an
    installment due today, or within its grace). The parts add up: owed_today = overdue +
    due_today + penalty + late_fees + not_yet_due.
    """

    as_of: date
    currency: str
    plan: str
    owed_today: Decimal
    overdue: Decimal
    penalty: Decimal
    late_fees: Decimal
    not_yet_due: Decimal
    left_to_pay_plan: Decimal
    payoff_today: Decimal
    if_agreement_fails: Decimal | None
    due_today: Decimal = ZERO


@dataclass(frozen=True)
class Standing:
    """Where one loan stands on a day, before it is joined with its lender's name."""

    owed: finance.Owed | None  # None under an agreement: the agreement's table says what is owed
    state: finance.LoanState
    growth: finance.Growth | None
    entries: tuple[finance.CalendarEntry, ...]
    agreement: Proposal | None
    figures: Figures
    plan: finance.ProposalPlan | None = None  # the agreement's plan, when there is one
    # The contract's schedule (``finance.schedule(loan_terms(loan))``), for what is worked out
    # next from the same loan (the dashboard's curve) without building it again.
    rows: tuple[finance.Installment, ...] | None = None


def _contract_payoff(
    terms: finance.LoanTerms, state: finance.LoanState, rows: Sequence[finance.Installment]
) -> finance.Payoff:
    """To settle the original contract today (DOMAIN.md "payoff": owed + interest accrued since
    the last due date + the prepayment fee)."""
    return finance.payoff_from(terms, state.owed, rows)


def _agreement_figures(
    entries: Sequence[finance.CalendarEntry],
    plan: finance.ProposalPlan,
    today: date,
    currency: str,
) -> tuple[Decimal, Decimal, Decimal, Decimal, Decimal]:
    """(owed today, missed, principal not yet due, left to pay, to settle today) under the
    agreement: payments pay interest before principal within an installment."""
    rows = {r.number: r for r in plan.installments}
    due_now = missed = not_yet = left = accrued = ZERO
    previous = plan.start
    accrual_done = False
    for e in sorted((e for e in entries if e.source == "agreement"), key=lambda e: e.due):
        row = rows[e.number]
        left += e.remaining
        if e.due <= today:
            due_now += e.remaining
            if e.status == "overdue":
                missed += e.remaining
            previous = e.due
            continue
        principal_left = min(row.principal, e.remaining)
        not_yet += principal_left
        if not accrual_done:
            # The interest of the running period, earned up to today, is owed to settle today.
            interest_left = e.remaining - principal_left
            days, period = (today - previous).days, (e.due - previous).days
            if period > 0 and days > 0:
                accrued = interest_left * min(days, period) / period
            accrual_done = True
    owed = due_now + not_yet
    return owed, missed, not_yet, left, owed + round_money(accrued, currency)


def _plan_left(entries: Sequence[finance.CalendarEntry]) -> Decimal:
    return sum((e.remaining for e in entries), ZERO)


def standing(loan: Loan, today: date) -> Standing:
    """The loan's state today, its growth if nothing is paid, its plan-in-force entries and the
    one set of figures (``Figures``) every screen shows."""
    terms = loan_terms(loan)
    payments = loan_payments(loan)
    rows = tuple(finance.schedule(terms))
    found = agreement(loan)
    grown: finance.Growth | None = None
    if found and found[0].start <= today:
        state = finance.loan_state(terms, payments, today, rows)
    else:  # the growth too, from the same replay of the ledger
        state, grown = finance.state_and_growth(terms, payments, today, rows)
    cal = finance.CalendarLoan(
        loan_id=loan.id,
        name=loan.name,
        terms=terms,
        payments=payments,
        agreement=found[1] if found else None,
        rows=rows,
    )
    entries = tuple(finance.loan_calendar_entries(cal, today, state))
    cur = loan.currency
    if found and found[0].start <= today:
        owed, missed, not_yet, left, payoff = _agreement_figures(entries, found[1], today, cur)
        figures = Figures(
            today,
            cur,
            f"agreement:{found[0].id}",
            round_money(owed, cur),
            round_money(missed, cur),
            round_money(ZERO, cur),
            round_money(ZERO, cur),
            round_money(not_yet, cur),
            round_money(left, cur),
            round_money(payoff, cur),
            state.owed.total,
            # the rest of owed today, so the parts add up to the cent
            round_money(owed, cur) - round_money(missed, cur) - round_money(not_yet, cur),
        )
        return Standing(None, state, None, entries, found[0], figures, found[1], rows)
    o = state.owed
    figures = Figures(
        today,
        cur,
        "original",
        o.total,
        o.overdue,
        o.penalty,
        o.late_fees,
        o.not_yet_due,
        round_money(_plan_left(entries), cur),
        _contract_payoff(terms, state, rows).total,
        None,
        o.due,
    )
    return Standing(
        state.owed,
        state,
        grown,
        entries,
        found[0] if found else None,
        figures,
        found[1] if found else None,
        rows,
    )


def figures(loan: Loan, today: date) -> Figures:
    """The loan's figures on ``today``: the one "owed today" and what is shown beside it."""
    return standing(loan, today).figures


def summarize(
    loan: Loan, lender: Lender | None, today: date, st: Standing | None = None
) -> LoanSummary:
    """The sidebar/dashboard line for one loan on ``today``; ``st``: its ``standing(loan, today)``
    when the caller has it already."""
    st = st if st is not None else standing(loan, today)
    upcoming = [e for e in st.entries if e.remaining > 0 and e.due >= today]
    nxt = min(upcoming, key=lambda e: e.due) if upcoming else None
    fig = st.figures
    if st.owed is not None:
        days_overdue = st.state.days_overdue
        per_day = st.growth.per_day if st.growth else ZERO
        if fig.owed_today == 0:
            status = "settled"
        elif days_overdue > 0:
            status = "overdue"
        else:
            status = "current"
    else:
        missed = [e for e in st.entries if e.source == "agreement" and e.status == "overdue"]
        days_overdue = (today - min(e.due for e in missed)).days if missed else 0
        per_day = ZERO
        if fig.left_to_pay_plan == 0:
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
        owed_today=fig.owed_today,
        overdue_amount=fig.overdue,
        days_overdue=days_overdue,
        growth_per_day=per_day,
        status=status,
        next_due=nxt.due if nxt else None,
        next_amount=nxt.remaining if nxt else None,
        left_to_pay_plan=fig.left_to_pay_plan,
        payoff_today=fig.payoff_today,
        if_agreement_fails=fig.if_agreement_fails,
    )


def summarize_all(
    loans: Iterable[Loan], lenders: Iterable[Lender], today: date
) -> list[LoanSummary]:
    """One summary per loan, in the order given."""
    by_id = {lender.id: lender for lender in lenders}
    return [summarize(loan, by_id.get(loan.lender), today) for loan in loans]
