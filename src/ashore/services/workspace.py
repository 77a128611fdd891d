"""The negotiation workspace's use cases: narrow writes (a proposal, its status, a payment, a claim)
each in one transaction, and the plain figures the overview, chart, payments and dashboard show.

The writes touch only the rows they change, never the whole loan: call notes are append-only
evidence and ``Ledger.save_loan`` would rewrite them. Every figure comes from ``ashore.finance``
through ``services.plans``, so the screens agree with the exports.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from sqlalchemy.orm import Session

from ashore import finance
from ashore.app.errors import InputError
from ashore.domain.money import ZERO, round_money
from ashore.domain.records import (
    PROPOSAL_STATUSES,
    Claim,
    Lender,
    Loan,
    LoanSummary,
    Payment,
    Proposal,
    StatusChange,
)
from ashore.domain.validation import check_amount, check_proposal
from ashore.services import plans
from ashore.services.ledger import CURRENCY_KEY, Ledger
from ashore.store.codec import encode_agreed, encode_params
from ashore.store.mapping import loan_record, now
from ashore.store.models import (
    ClaimRow,
    LoanRow,
    PaymentRow,
    ProposalRow,
    SettingRow,
    StatusChangeRow,
)

__all__ = [
    "NEXT_STATUSES",
    "WARN_DAYS",
    "ChartData",
    "ClaimLine",
    "Dashboard",
    "Line",
    "LoanOverview",
    "MonthlyLine",
    "PaymentWarning",
    "Point",
    "UpcomingPayment",
    "Workspace",
    "balance_points",
    "dashboard",
    "loan_chart",
    "monthly_points",
    "overview",
    "payment_warnings",
]

# What a proposal's status may change to next (a rejected or withdrawn one may be reopened).
NEXT_STATUSES: dict[str, tuple[str, ...]] = {
    "draft": ("proposed", "accepted", "withdrawn"),
    "proposed": ("countered", "accepted", "rejected", "withdrawn"),
    "countered": ("proposed", "accepted", "rejected", "withdrawn"),
    "accepted": ("withdrawn",),
    "rejected": ("draft",),
    "withdrawn": ("draft",),
}
# A due date this close (in days) gets the loud warning on the Payments tab.
WARN_DAYS = 3
# The chart looks this far ahead at least, and at most this far when a plan runs longer.
HORIZON_MONTHS = 18
MAX_HORIZON_MONTHS = 36

Point = tuple[date, Decimal]


# Proposals still in play: drawn on the chart (rejected and withdrawn ones are history).
_LIVE = ("draft", "proposed", "countered", "accepted")

# ----- writes --------------------------------------------------------------------------------


class Workspace:
    """The narrow writes of the workspace over the Ledger's database, one transaction each."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.db = ledger.db

    def _loan_row(self, session: Session, loan_id: str) -> LoanRow:
        row = session.get(LoanRow, loan_id)
        if row is None:
            raise InputError(f"loan: {loan_id!r} is not a known loan id")
        return row

    @staticmethod
    def _proposal_row(row: LoanRow, proposal_id: str) -> ProposalRow:
        for prow in row.proposals:
            if prow.id == proposal_id:
                return prow
        raise InputError(f"proposal: {proposal_id!r} is not a proposal of loan {row.id!r}")

    # --- proposals -------------------------------------------------------------------------

    def save_proposal(self, loan_id: str, proposal: Proposal) -> Proposal:
        """Insert the proposal, or update the one with its id (keeping its status and history).

        Refused (InputError naming the field) when a field is wrong or the plan cannot be worked
        out for this loan (e.g. a reduced installment below the monthly interest).
        """
        with self.db.transaction() as session:
            row = self._loan_row(session, loan_id)
            check_proposal(proposal, "proposal", row.currency)
            loan = loan_record(row)
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
                position = max((p.position for p in row.proposals), default=-1) + 1
                existing = ProposalRow(position=position, id=kept.id)
                row.proposals.append(existing)
                existing.status = "draft"
                existing.history = [StatusChangeRow(position=0, at=now(session), status="draft")]
                kept = replace(kept, history=[StatusChange(existing.history[0].at, "draft")])
            existing.name = kept.name
            existing.method = kept.method
            existing.start = kept.start
            existing.params = json.dumps(encode_params(kept.method, kept.params), sort_keys=True)
            existing.waive_penalty = kept.waive.penalty
            existing.waive_late_fees = kept.waive.late_fees
            existing.waive_interest = kept.waive.interest
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
            row = self._loan_row(session, loan_id)
            prow = self._proposal_row(row, proposal_id)
            record = next(p for p in loan_record(row).proposals if p.id == proposal_id)
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
            row = self._loan_row(session, loan_id)
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
                        _append_status(
                            other, "withdrawn", f"superseded by {prow.name or prow.id}", when
                        )
                        superseded.append(other.id)
            if status == "accepted":
                # The contract: the table as it stands today is kept, and nothing re-spreads it.
                record = next(p for p in loan_record(row).proposals if p.id == proposal_id)
                agreed = plans.agreed_terms(plans.work_out(loan_record(row), record), when.date())
                prow.agreed = json.dumps(encode_agreed(agreed), sort_keys=True)
            _append_status(prow, status, note.strip(), when)
            return superseded

    # --- payments and claims ---------------------------------------------------------------

    def add_payment(self, loan_id: str, payment: Payment) -> int:
        """Record a payment made (date, amount, method, reference); returns its index."""
        with self.db.transaction() as session:
            row = self._loan_row(session, loan_id)
            _check_day(payment.date, "payment.date")
            check_amount(payment.amount, "payment.amount", row.currency, positive=True)
            for name in ("note", "method", "reference"):
                if not isinstance(getattr(payment, name), str):
                    raise InputError(f"payment.{name}: must be text")
            position = max((p.position for p in row.payments), default=-1) + 1
            row.payments.append(
                PaymentRow(
                    position=position,
                    date=payment.date,
                    amount=payment.amount,
                    note=payment.note.strip(),
                    method=payment.method.strip(),
                    reference=payment.reference.strip(),
                )
            )
            return len(row.payments) - 1

    def delete_payment(self, loan_id: str, index: int) -> Payment:
        """Delete the payment at ``index`` in the loan's list; returns it."""
        with self.db.transaction() as session:
            row = self._loan_row(session, loan_id)
            if not 0 <= index < len(row.payments):
                raise InputError(f"payment: there is no payment number {index + 1}")
            prow = row.payments[index]
            record = Payment(prow.date, prow.amount, prow.note, prow.method, prow.reference)
            row.payments.remove(prow)
            return record

    def add_claim(self, loan_id: str, claim: Claim) -> int:
        """Record what the lender says is owed on a date; returns its index."""
        with self.db.transaction() as session:
            row = self._loan_row(session, loan_id)
            _check_day(claim.date, "claim.date")
            check_amount(claim.amount, "claim.amount", row.currency)
            for name in ("source", "note"):
                if not isinstance(getattr(claim, name), str):
                    raise InputError(f"claim.{name}: must be text")
            position = max((c.position for c in row.claims), default=-1) + 1
            row.claims.append(
                ClaimRow(
                    position=position,
                    date=claim.date,
                    amount=claim.amount,
                    source=claim.source.strip(),
                    note=claim.note.strip(),
                )
            )
            return len(row.claims) - 1

    def delete_claim(self, loan_id: str, index: int) -> Claim:
        """Delete the claim at ``index`` in the loan's list; returns it."""
        with self.db.transaction() as session:
            row = self._loan_row(session, loan_id)
            if not 0 <= index < len(row.claims):
                raise InputError(f"claim: there is no claim number {index + 1}")
            crow = row.claims[index]
            record = Claim(crow.date, crow.amount, crow.source, crow.note)
            row.claims.remove(crow)
            return record

    # --- settings --------------------------------------------------------------------------

    def monthly_budget(self) -> Decimal | None:
        return self.ledger.monthly_budget()

    def currency(self) -> str:
        """The book's currency (what the dashboard totals are in)."""
        with self.db.reading() as session:
            row = session.get(SettingRow, CURRENCY_KEY)
            return row.value if row is not None else "CNY"

    def set_monthly_budget(self, amount: Decimal | None) -> None:
        """What the user can pay all lenders together each month (income − essential costs)."""
        self.ledger.set_monthly_budget(amount)


def _keep_agreed_terms(stored: Proposal, edited: Proposal) -> None:
    """An accepted proposal is a contract: its name may change, its terms may not."""
    for name in ("method", "start", "params", "waive"):
        if getattr(stored, name) != getattr(edited, name):
            raise InputError(
                f"proposal.{name}: an accepted proposal is the agreement and cannot change;"
                " duplicate it to negotiate a new plan"
            )


def _append_status(prow: ProposalRow, status: str, note: str, at: datetime) -> None:
    position = max((h.position for h in prow.history), default=-1) + 1
    prow.history.append(StatusChangeRow(position=position, at=at, status=status, note=note))
    prow.status = status


def _check_day(value: object, path: str) -> None:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InputError.at(path, "date.invalid", f"{value!r} is not a date", value=repr(value))


def new_proposal_id(ledger: Ledger) -> str:
    """A fresh proposal id, unused by any lender, loan, proposal or note."""
    return ledger.new_id("proposal")


# ----- reads: one loan -----------------------------------------------------------------------


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
        claim = finance.check_claim(
            plans.loan_terms(loan), plans.loan_payments(loan), latest.date, latest.amount
        )
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
    )


@dataclass(frozen=True)
class ClaimLine:
    """One lender claim beside our figure on its date (difference = claimed − ours)."""

    index: int
    claim: Claim
    check: finance.ClaimCheck


def claim_lines(loan: Loan) -> list[ClaimLine]:
    """Every claim of the loan, newest first, each checked against what we compute that day."""
    terms = plans.loan_terms(loan)
    payments = plans.loan_payments(loan)
    rows = finance.schedule(terms)
    lines = [
        ClaimLine(i, c, finance.check_claim(terms, payments, c.date, c.amount, rows))
        for i, c in enumerate(loan.claims)
    ]
    return sorted(lines, key=lambda line: (line.claim.date, line.index), reverse=True)


def plan_entries(loan: Loan, today: date) -> list[finance.CalendarEntry]:
    """Every installment of the plan in force with its status today (paid, partly paid, due,
    overdue, replaced), in due order."""
    entries = list(plans.standing(loan, today).entries)
    return sorted(entries, key=lambda e: (e.due, e.source != "original", e.number))


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


# ----- reads: the chart ----------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One line of owed-over-time: ``kind`` is the chart's (status_quo, original, proposal,
    agreement); ``key`` a proposal's id for proposals. ``label`` is a proposal's name; the
    window names the other lines itself (in the user's language)."""

    key: str
    label: str
    kind: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class MonthlyLine:
    """A plan's payment per calendar month (the first of the month, the month's total)."""

    key: str
    label: str
    months: tuple[Point, ...]


@dataclass(frozen=True)
class ChartData:
    """Everything the negotiation chart draws, as plain exact values."""

    today: date
    lines: tuple[Line, ...]
    monthly: tuple[MonthlyLine, ...]
    payments: tuple[tuple[date, Decimal, str], ...]
    claims: tuple[tuple[date, Decimal, str], ...]
    budget: Decimal | None


def balance_points(plan: finance.ProposalPlan) -> tuple[Point, ...]:
    """The plan's remaining balance as it is paid down: its base on the start day, then the
    balance after each installment (one point a day, the day's last balance). A plan paid to its
    end owes nothing: what a settlement forgives is not owed, so the line ends at zero."""
    by_day: dict[date, Decimal] = {plan.start: plan.base.amount}
    rows = sorted(plan.installments, key=lambda r: (r.due, r.number))
    for row in rows:
        by_day[row.due] = row.balance_after - plan.forgiven
    if rows:
        by_day[rows[-1].due] = ZERO
    return tuple(sorted(by_day.items()))


def agreement_points(st: plans.Standing, today: date) -> tuple[Point, ...]:
    """The agreement in force kept from today: owed today (its figure, as every screen shows
    it), then its principal not yet due, lowered by each installment's unpaid principal on its
    due date, down to zero."""
    fig = st.figures
    points: list[Point] = [(today, fig.owed_today)]
    balance = fig.not_yet_due
    if balance != fig.owed_today:
        points.append((today + timedelta(days=1), balance))
    rows = {r.number: r for r in st.plan.installments} if st.plan is not None else {}
    for e in sorted(st.entries, key=lambda e: e.due):
        if e.source != "agreement" or e.due <= today or e.remaining <= 0:
            continue
        balance -= min(rows[e.number].principal, e.remaining) if e.number in rows else ZERO
        if e.due > points[-1][0]:
            points.append((e.due, max(balance, ZERO)))
        else:
            points[-1] = (points[-1][0], max(balance, ZERO))
    return tuple(points)


def _monthly(rows: Iterable[tuple[date, Decimal]]) -> tuple[Point, ...]:
    months: dict[date, Decimal] = {}
    for day, amount in rows:
        key = day.replace(day=1)
        months[key] = months.get(key, ZERO) + amount
    return tuple(sorted(months.items()))


def monthly_points(plan: finance.ProposalPlan) -> tuple[Point, ...]:
    """The plan's payments per calendar month (first of the month, total)."""
    return _monthly((r.due, r.payment) for r in plan.installments)


def _original_points(loan: Loan, today: date, end: date) -> tuple[Point, ...]:
    """Keeping the original schedule: everything due is paid today, then each installment on its
    date; the line is the principal still owed."""
    terms = plans.loan_terms(loan)
    rows = finance.schedule(terms)
    state = finance.loan_state(terms, plans.loan_payments(loan), today, rows)
    points: list[Point] = [(today, state.owed.total)]
    balance = state.owed.not_yet_due
    if balance != state.owed.total:
        points.append((today + timedelta(days=1), balance))
    for item in sorted(state.installments, key=lambda s: s.due):
        # An accelerated installment is already due (inside ``owed.overdue``), whatever its date.
        if item.due <= today or item.due > end or item.unpaid_principal == 0 or item.accelerated:
            continue
        balance -= item.unpaid_principal
        if item.due > points[-1][0]:
            points.append((item.due, balance))
        else:
            points[-1] = (points[-1][0], balance)
    return tuple(points)


def _status_quo_totals(loan: Loan, today: date, end: date) -> list[Decimal]:
    """Owed on each day from ``today`` to ``end`` if nothing is paid (from the breakpoints)."""
    terms = plans.loan_terms(loan)
    return finance.status_quo_totals(terms, plans.loan_payments(loan), today, end)


def _status_quo_points(loan: Loan, today: date, end: date) -> tuple[Point, ...]:
    totals = _status_quo_totals(loan, today, end)
    return tuple((today + timedelta(days=k), total) for k, total in enumerate(totals))


def chart_horizon(today: date, plans_end: Iterable[date]) -> date:
    """At least HORIZON_MONTHS ahead; longer to show the end of a plan, up to the maximum."""
    end = today + relativedelta(months=HORIZON_MONTHS)
    latest = max(plans_end, default=end)
    cap = today + relativedelta(months=MAX_HORIZON_MONTHS)
    result: date = min(max(end, latest + relativedelta(months=1)), cap)
    return result


def worked_out(loan: Loan) -> list[tuple[Proposal, finance.ProposalPlan | None, str]]:
    """Each proposal with its plan, or None and the reason it cannot be worked out."""
    out: list[tuple[Proposal, finance.ProposalPlan | None, str]] = []
    for proposal in loan.proposals:
        try:
            out.append((proposal, plans.plan_in_force(loan, proposal), ""))
        except InputError as error:
            out.append((proposal, None, str(error)))
    return out


def loan_chart(
    loan: Loan,
    today: date,
    budget: Decimal | None,
    extra: Sequence[tuple[Proposal, finance.ProposalPlan]] = (),
) -> ChartData:
    """The chart of one loan: doing nothing, the original schedule, each proposal (the accepted
    one as the agreement), payments, claims, and each plan's monthly payment. ``extra``: plans
    being edited, drawn beside (or instead of, by id) the saved ones."""
    replaced = {p.id for p, _ in extra}
    found: list[tuple[Proposal, finance.ProposalPlan]] = [
        (p, plan)
        for p, plan, _ in worked_out(loan)
        if plan is not None and p.id not in replaced and p.status in _LIVE
    ]
    found.extend(extra)
    st = plans.standing(loan, today)
    if st.agreement is not None:
        # Once agreed, the agreement is the plan: open drafts no longer compete with it.
        found = [(p, plan) for p, plan in found if p.status == "accepted" or p.id in replaced]
    end = chart_horizon(today, (plan.end_date for _, plan in found))
    lines = [Line("status_quo", "", "status_quo", _status_quo_points(loan, today, end))]
    if st.agreement is None or st.agreement.start > today:
        # Under an agreement the original schedule is no longer a plan anyone pays.
        lines.append(Line("original", "", "original", _original_points(loan, today, end)))
    monthly: list[MonthlyLine] = []
    for proposal, plan in found:
        kind = "agreement" if proposal.status == "accepted" else "proposal"
        label = proposal.name or proposal.id
        points = balance_points(plan)
        if kind == "agreement" and st.plan is not None and plan.start <= today:
            points = agreement_points(st, today)  # the payments made count
        lines.append(Line(proposal.id, label, kind, points))
        monthly.append(MonthlyLine(proposal.id, label, monthly_points(plan)))
    payments = tuple(
        (p.date, p.amount, p.method or p.reference) for p in sorted(loan.payments, key=_by_date)
    )
    claims = tuple((c.date, c.amount, c.source) for c in sorted(loan.claims, key=_by_date))
    return ChartData(today, tuple(lines), tuple(monthly), payments, claims, budget)


def _by_date(item: Payment | Claim) -> date:
    return item.date


def comparison(
    loan: Loan,
    today: date,
    budget: Decimal | None,
    extra: Sequence[tuple[Proposal, finance.ProposalPlan]] = (),
) -> tuple[finance.Comparison, list[Proposal]]:
    """finance.compare over the loan's workable proposals (and ``extra`` ones being edited);
    the proposals come back in the comparison's order."""
    replaced = {p.id for p, _ in extra}
    found = [
        (p, plan) for p, plan, _ in worked_out(loan) if plan is not None and p.id not in replaced
    ]
    found.extend(extra)
    ends = [plan.end_date for _, plan in found]
    horizon = max([today + relativedelta(months=HORIZON_MONTHS), *ends])
    result = finance.compare(
        plans.loan_terms(loan),
        plans.loan_payments(loan),
        today,
        horizon,
        [(p.id, plan) for p, plan in found],
        monthly_budget=budget,
        claims=[(c.date, c.amount) for c in loan.claims],
    )
    return result, [p for p, _ in found]


# ----- reads: all loans ----------------------------------------------------------------------


@dataclass(frozen=True)
class UpcomingPayment:
    """What to pay soon on one loan: one installment due in the next days, or all of the loan's
    overdue installments together (``due``: the oldest, ``count``: how many)."""

    loan_id: str
    loan_name: str
    lender_name: str
    due: date
    remaining: Decimal
    status: str
    source: str
    count: int = 1


@dataclass(frozen=True)
class Dashboard:
    """All loans on ``today``: totals, what to pay in the next 30 days, and the chart."""

    today: date
    currency: str
    summaries: tuple[LoanSummary, ...]
    total_owed: Decimal
    per_day: Decimal
    upcoming: tuple[UpcomingPayment, ...]
    chart: ChartData
    budget: Decimal | None
    this_month: Decimal  # to pay by the end of this month across lenders, arrears included


class _Steps:
    """A step line read at any day: the value of the last point on or before it (0 before)."""

    def __init__(self, points: Sequence[Point]) -> None:
        self.days = [day for day, _ in points]
        self.amounts = [amount for _, amount in points]

    def at(self, day: date) -> Decimal:
        index = bisect_right(self.days, day) - 1
        return self.amounts[index] if index >= 0 else ZERO


# Complexity over 10 on purpose: gathers every figure of the dashboard in one pass over the loans.
def dashboard(  # noqa: C901
    loans: Sequence[Loan],
    lenders: Sequence[Lender],
    today: date,
    budget: Decimal | None,
    currency: str = "CNY",
    days_ahead: int = 30,
    summaries: Sequence[LoanSummary] | None = None,
) -> Dashboard:
    """The dashboard's figures over the loans kept in ``currency`` (others are listed only).
    ``summaries``: the loans' summaries on ``today`` when the caller has them already."""
    names = {lender.id: lender.name for lender in lenders}
    if summaries is None:
        summaries = plans.summarize_all(loans, lenders, today)
    summaries = tuple(summaries)
    counted = [loan for loan in loans if loan.currency == currency]
    total = sum((s.owed_today for s in summaries if s.currency == currency), ZERO)
    per_day = sum((s.growth_per_day for s in summaries if s.currency == currency), ZERO)
    upcoming: list[UpcomingPayment] = []
    until = today + timedelta(days=days_ahead)
    in_force: list[tuple[date, Decimal]] = []
    agreements: dict[str, finance.ProposalPlan] = {}
    ends: list[date] = []
    # This month across lenders: what falls due by its end and is unpaid, arrears included.
    month_end = today.replace(day=1) + relativedelta(months=1)
    to_pay = ZERO
    for loan in counted:
        found = plans.agreement(loan)
        if found is not None:
            agreements[loan.id] = found[1]
            ends.append(found[1].end_date)
        lender_name = names.get(loan.lender, loan.lender)
        entries = plans.standing(loan, today).entries
        late = [e for e in entries if e.remaining > 0 and e.status == "overdue"]
        if late:
            # Months of arrears would crowd out what is due next: one line per loan says it all.
            upcoming.append(
                UpcomingPayment(
                    loan.id,
                    loan.name,
                    lender_name,
                    min(e.due for e in late),
                    sum((e.remaining for e in late), ZERO),
                    "overdue",
                    late[-1].source,
                    len(late),
                )
            )
        for e in entries:
            if e.remaining > 0 and e.status != "overdue" and today <= e.due <= until:
                upcoming.append(
                    UpcomingPayment(
                        loan.id, loan.name, lender_name, e.due, e.remaining, e.status, e.source
                    )
                )
            if e.due >= today.replace(day=1) and e.status != "replaced":
                in_force.append((e.due, e.amount))
            if e.due < month_end and e.status != "replaced":
                to_pay += e.remaining
    end = chart_horizon(today, ends)
    # One total per day from today for every loan: the day's index reads it directly.
    quo_by_loan = {loan.id: _status_quo_totals(loan, today, end) for loan in counted}
    agreed_by_loan = {key: _Steps(balance_points(plan)) for key, plan in agreements.items()}
    for loan in counted:
        if loan.id in agreements and agreements[loan.id].start <= today:
            agreed_by_loan[loan.id] = _Steps(agreement_points(plans.standing(loan, today), today))
    days = [today + timedelta(days=k) for k in range((end - today).days + 1)]
    # Each day's sum over the loans; where an agreement is in force its line replaces the loan's.
    quo_sums = [sum(day_totals, ZERO) for day_totals in zip(*quo_by_loan.values(), strict=True)]
    if not quo_sums:
        quo_sums = [ZERO] * len(days)
    agreed_sums = list(quo_sums)
    for loan_id, plan in agreements.items():
        steps, quo_line = agreed_by_loan[loan_id], quo_by_loan[loan_id]
        for index, day in enumerate(days):
            if plan.start <= day:
                agreed_sums[index] += steps.at(day) - quo_line[index]
    quo_total = list(zip(days, quo_sums, strict=True))
    agreed_total = list(zip(days, agreed_sums, strict=True))
    lines = [Line("status_quo", "", "status_quo", tuple(quo_total))]
    if agreements:
        lines.append(Line("agreements", "", "agreement", tuple(agreed_total)))
    monthly_points = _monthly(in_force)
    monthly = (MonthlyLine("plans", "", monthly_points),) if monthly_points else ()
    this_month = round_money(to_pay, currency)
    chart = ChartData(today, tuple(lines), monthly, (), (), budget)
    upcoming.sort(key=lambda u: (u.due, u.loan_name))
    return Dashboard(
        today,
        currency,
        summaries,
        round_money(total, currency),
        round_money(per_day, currency),
        tuple(upcoming),
        chart,
        budget,
        this_month,
    )
