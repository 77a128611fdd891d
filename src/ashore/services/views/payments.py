"""What the Payments tab shows for one loan: every installment of the plan in force with its
status, the lender's claims beside our figure, and the loud warnings of missed and coming dates."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from ashore import finance
from ashore.domain.records import (
    Claim,
    Loan,
)
from ashore.services import plans

# A due date this close (in days) gets the loud warning on the Payments tab.
WARN_DAYS = 3


@dataclass(frozen=True)
class ClaimLine:
    """One lender claim beside our figure on its date (difference = claimed − ours)."""

    index: int
    claim: Claim
    check: finance.ClaimCheck


def claim_lines(loan: Loan) -> list[ClaimLine]:
    """Every claim of the loan, newest first, each beside our figure on its day
    (``plans.claim_check``)."""
    rows = finance.schedule(plans.loan_terms(loan)) if loan.claims else None
    lines = [ClaimLine(i, c, plans.claim_check(loan, c, rows)) for i, c in enumerate(loan.claims)]
    return sorted(lines, key=lambda line: (line.claim.date, line.index), reverse=True)


def plan_entries(
    loan: Loan, today: date, standing: plans.Standing | None = None
) -> list[finance.CalendarEntry]:
    """Every installment of the plan in force with its status today (paid, partly paid, due,
    overdue, replaced), in due order; ``standing``: the loan's ``plans.standing`` on ``today``
    when already worked out."""
    entries = list((standing or plans.standing(loan, today)).entries)
    return sorted(entries, key=lambda e: (e.due, e.source != "original", e.number))


def in_force_entries(
    loan: Loan, today: date, standing: plans.Standing | None = None
) -> list[finance.CalendarEntry]:
    """Only the installments of the plan in force, in due order: under an agreement that has
    begun, its own (the original ones it replaced, and those paid before it, are not its);
    otherwise the original schedule's."""
    entries = plan_entries(loan, today, standing)
    if any(e.source == "agreement" for e in entries):
        found = plans.agreement(loan)
        if found is not None and found[0].start <= today:
            return [e for e in entries if e.source == "agreement"]
    return [e for e in entries if e.status != "replaced"]


@dataclass(frozen=True)
class PaymentWarning:
    """A loud line for the Payments tab: ``kind`` "missed" (an agreed installment unpaid after
    its due date), "overdue" (an original one), or "soon" (due within WARN_DAYS days)."""

    kind: str
    due: date
    remaining: Decimal
    days: int  # days late (missed/overdue) or days left (soon)


def payment_warnings(entries: Iterable[finance.CalendarEntry], today: date) -> list[PaymentWarning]:
    """What the Payments tab must shout about today, most urgent first."""
    out: list[PaymentWarning] = []
    for e in entries:
        if e.remaining <= 0:
            continue
        if e.status == "overdue":
            kind = "missed" if e.source == "agreement" else "overdue"
            out.append(PaymentWarning(kind, e.due, e.remaining, (today - e.due).days))
        elif today <= e.due <= today + timedelta(days=WARN_DAYS):
            out.append(PaymentWarning("soon", e.due, e.remaining, (e.due - today).days))
    rank = {"missed": 0, "overdue": 1, "soon": 2}
    return sorted(out, key=lambda w: (rank[w.kind], w.due))


@dataclass(frozen=True)
class MissedInstallments:
    """The agreed installments unpaid after their due date: their due dates (earliest first),
    what is left of them together, and how many days late the earliest is."""

    dues: tuple[date, ...]
    total: Decimal
    days: int

    @property
    def count(self) -> int:
        return len(self.dues)


def missed_installments(warnings: Iterable[PaymentWarning]) -> MissedInstallments | None:
    """Every "missed" warning together (the Payments banner and the Overview's next step named
    only the earliest of two missed: ninth walk's 4), or None when none is missed."""
    missed = sorted((w for w in warnings if w.kind == "missed"), key=lambda w: w.due)
    if not missed:
        return None
    total = sum((w.remaining for w in missed), Decimal(0))
    return MissedInstallments(tuple(w.due for w in missed), total, missed[0].days)


def missed_in_force(
    loan: Loan, today: date, standing: plans.Standing | None = None
) -> MissedInstallments | None:
    """The agreed installments unpaid after their due date, from the earliest (the Payments
    banner's "missed" line), or None: what the Overview's next step puts first."""
    return missed_installments(payment_warnings(in_force_entries(loan, today, standing), today))


@dataclass(frozen=True)
class LatePayment:
    """An agreed installment paid in full after its due date: ``paid_on`` is the day of the
    payment that completed it (payments go to the oldest installment first, as the calendar
    counts them), ``days`` how late that was."""

    number: int
    due: date
    paid_on: date
    days: int


def late_payments(
    loan: Loan, today: date, standing: plans.Standing | None = None
) -> list[LatePayment]:
    """The installments of the agreement in force paid late (after their due date in the agreed
    table), in due order; none without an agreement that has begun."""
    st = standing or plans.standing(loan, today)
    if st.agreement is None or st.plan is None or st.plan.start > today:
        return []
    start = st.plan.start
    made = sorted((p.date, p.amount) for p in loan.payments if start <= p.date <= today)
    out: list[LatePayment] = []
    owed = paid = Decimal(0)
    at = 0  # the payments counted so far
    for row in st.plan.installments:
        owed += row.payment
        while paid < owed and at < len(made):
            paid += made[at][1]
            at += 1
        if paid < owed:
            break  # not paid in full yet: no later one is either
        # the payment that completed this installment is the last one counted
        on = made[at - 1][0] if at else start
        if on > row.due:
            out.append(LatePayment(row.number, row.due, on, (on - row.due).days))
    return out
