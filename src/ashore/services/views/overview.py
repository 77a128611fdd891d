"""What the Overview tab shows for one loan: owed today and how it grows, the next payment, the
latest lender claim checked against our figure, the follow-up ahead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ashore import finance
from ashore.domain.money import ZERO
from ashore.domain.records import (
    Lender,
    Loan,
    LoanSummary,
    Proposal,
)
from ashore.services import plans
from ashore.services.views.payments import (
    LatePayment,
    MissedInstallments,
    late_payments,
    missed_in_force,
)


@dataclass(frozen=True)
class LoanOverview:
    """What the Overview tab shows for one loan on ``today``.

    Without an agreement in force the parts come from the overdue rules (``owed``); under one,
    ``owed`` is None and ``total`` is what is left of the agreement, ``overdue`` its missed part.
    ``claim``: the latest lender claim checked against our figure on its date.
    """

    loan_id: str
    currency: str
    today: date
    summary: LoanSummary
    owed: finance.Owed | None
    total: Decimal
    overdue: Decimal
    days_overdue: int
    per_day: Decimal
    per_month: Decimal
    claim: finance.ClaimCheck | None
    claim_source: str
    next_due: date | None
    next_amount: Decimal | None
    follow_up: date | None
    agreement: Proposal | None
    figures: plans.Figures
    # The earliest agreed installment missed (its day, days late); the next step names it first.
    missed: MissedInstallments | None = None
    # The agreed installments paid after their due date (the Payments tab names the same).
    late: tuple[LatePayment, ...] = ()


def _latest_follow_up(loan: Loan, today: date) -> date | None:
    """The earliest follow-up still ahead (or overdue, from today back) in the live notes."""
    pending = [n.follow_up for n in loan.notes if n.follow_up is not None and n.deleted_at is None]
    if not pending:
        return None
    ahead = [d for d in pending if d >= today]
    return min(ahead) if ahead else max(pending)


def overview(loan: Loan, lender: Lender | None, today: date) -> LoanOverview:
    """The loan's Overview figures on ``today``."""
    st = plans.standing(loan, today)
    summary = plans.summarize(loan, lender, today)
    claim = None
    source = ""
    if loan.claims:
        latest = max(loan.claims, key=lambda c: c.date)
        claim = plans.claim_check(loan, latest)
        source = latest.source
    return LoanOverview(
        loan_id=loan.id,
        currency=loan.currency,
        today=today,
        summary=summary,
        owed=st.owed,
        total=summary.owed_today,
        overdue=summary.overdue_amount,
        days_overdue=summary.days_overdue,
        per_day=st.growth.per_day if st.growth else ZERO,
        per_month=st.growth.per_month if st.growth else ZERO,
        claim=claim,
        claim_source=source,
        next_due=summary.next_due,
        next_amount=summary.next_amount,
        follow_up=_latest_follow_up(loan, today),
        agreement=st.agreement,
        figures=st.figures,
        missed=missed_in_force(loan, today, st) if summary.overdue_amount > 0 else None,
        late=tuple(late_payments(loan, today, st)),
    )
