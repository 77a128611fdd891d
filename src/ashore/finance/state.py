"""Where a loan stands on a day: its schedule replayed against the payments, with overdue rules.

The rules (DOMAIN.md "Conventions", and the choices it leaves open, made here):

- An installment is *overdue* on day D when D − due > grace_days and it is not fully paid; on the
  first such day (due + grace + 1) it is *missed* if anything of it is unpaid: it gets its late fee
  and its penalty counts. Events of one day run in this order: grace checks, acceleration, then
  that day's payments (so a payment on day due + grace + 1 is already late).
- Penalty interest accrues day by day from the due date on the unpaid base (the unpaid
  principal + interest + fees, or only the unpaid principal), without compounding: a partial
  payment lowers the base from its date on. Penalty owed = round(Σ base × daily rate × days) −
  penalty already paid; with no partial payments this is round(base × rate × days since due).
  An installment paid in full within its grace owes no penalty at all.
- A payment settles everything due by its date, oldest due date first, and inside one installment
  the parts in the loan's allocation order ("fees" = its own fees then its late fee). What is left
  pays ahead: if it covers all principal not yet due, the loan is settled early (future interest
  and fees are not owed, matching "owed if nothing more is paid") and the rest is a *surplus*;
  otherwise it pays the next installments whole, in due order. A surplus is kept and reported.
- Acceleration: once the oldest unpaid installment is more than ``accelerates_after_days`` past its
  due date, every installment not yet due becomes due that day with its principal only (its future
  interest and fees are not owed), is overdue at once and accrues penalty from that day; it gets no
  late fee (it was not a missed installment).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from ashore.domain.money import ZERO, minor_unit, round_money

from .schedule import schedule as build_schedule
from .terms import Installment, LoanTerms, Payment, per_day

__all__ = ["InstallmentState", "InstallmentStatus", "LoanState", "Owed", "loan_state", "owed_on"]

InstallmentStatus = Literal["paid", "partly_paid", "due", "overdue"]


@dataclass(frozen=True, slots=True)
class Owed:
    """What is owed on ``as_of`` if nothing more is paid (DOMAIN.md), rounded to the minor unit.

    ``overdue``: unpaid parts of installments past their grace (and accelerated principal);
    ``due``: unpaid parts of installments due by ``as_of`` but still within their grace;
    ``interest``: the unpaid interest inside ``overdue`` + ``due`` (what an interest waiver uses);
    ``penalty`` and ``late_fees`` as of ``as_of``; ``not_yet_due``: principal of installments due
    later (0 after acceleration). ``total`` = overdue + due + penalty + late_fees + not_yet_due.
    ``late_interest``: the contract's own interest run on overdue principal after its due date
    (``contract_interest_continues``), still owed. It is interest, not penalty: counted inside
    ``overdue`` and ``interest`` (so a penalty waiver leaves it, an interest waiver takes it).
    """

    as_of: date
    overdue: Decimal
    due: Decimal
    interest: Decimal
    penalty: Decimal
    late_fees: Decimal
    not_yet_due: Decimal
    total: Decimal
    late_interest: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class InstallmentState:
    """One installment on a day: what was paid toward it and what of it is still owed.

    ``due`` is the scheduled date (``accelerated`` tells when acceleration made it due earlier).
    ``paid`` counts everything paid toward it, charges included. ``days_overdue`` is days since its
    due date while it is overdue, else 0. ``penalty``: the penalty proper; ``late_interest``: the
    contract's interest run on its principal since its due date (``contract_interest_continues``).
    """

    number: int
    due: date
    scheduled: Decimal
    paid: Decimal
    unpaid_principal: Decimal
    unpaid_interest: Decimal
    unpaid_fees: Decimal
    penalty: Decimal
    late_fee: Decimal
    status: InstallmentStatus
    days_overdue: int
    accelerated: bool
    late_interest: Decimal = ZERO

    @property
    def owed(self) -> Decimal:
        """Everything still owed on this installment: its unpaid parts plus its charges."""
        return (
            self.unpaid_principal
            + self.unpaid_interest
            + self.unpaid_fees
            + self.penalty
            + self.late_fee
            + self.late_interest
        )


@dataclass(frozen=True, slots=True)
class LoanState:
    """A loan on ``as_of``: each installment, what is owed, the surplus, days overdue.

    ``days_overdue``: days since the oldest unpaid due date, while that installment is overdue
    (0 when nothing is overdue). ``paid_total``: all payments up to ``as_of``. ``surplus``: money
    paid beyond everything owed, never lost. ``accelerated_on``: the day all principal fell due.
    """

    as_of: date
    installments: tuple[InstallmentState, ...]
    owed: Owed
    paid_total: Decimal
    surplus: Decimal
    days_overdue: int
    accelerated_on: date | None

    @property
    def overdue_count(self) -> int:
        """How many installments are overdue."""
        return sum(1 for s in self.installments if s.status == "overdue")

    @property
    def next_installment(self) -> InstallmentState | None:
        """The first installment still to pay that is not overdue (due today or later, or in its
        grace), or None: what the sidebar shows as "next due" (``owed`` is what is left of it)."""
        for s in self.installments:
            if s.status in ("due", "partly_paid"):
                return s
        return None


class _Item:
    """The running account of one installment (internal, mutable)."""

    __slots__ = (
        "accelerated",
        "ci_acc",
        "closed_on",
        "due",
        "fees",
        "interest",
        "late_fee",
        "late_fee_paid",
        "missed",
        "paid",
        "pen_acc",
        "pen_base0",
        "pen_from",
        "pen_paid",
        "principal",
        "row",
    )

    def __init__(self, row: Installment) -> None:
        self.row = row
        self.due = row.due
        self.fees = row.fees
        self.interest = row.interest
        self.principal = row.principal
        self.late_fee = ZERO
        self.late_fee_paid = ZERO
        self.missed = False
        self.accelerated = False
        self.paid = ZERO
        self.pen_acc = ZERO  # Σ base × days × rate numerator up to pen_from (exact, undivided)
        self.pen_from = row.due
        self.ci_acc = ZERO  # Σ unpaid principal × days × contract rate numerator, as pen_acc
        self.pen_paid = ZERO
        self.pen_base0 = row.payment  # the amount a charges cap is measured on
        self.closed_on: date | None = None  # the day its last scheduled part was paid

    def unpaid(self) -> Decimal:
        return self.fees + self.interest + self.principal


class _Ledger:
    """Replays payments against a schedule in date order; ``advance`` then ``owed``/``snapshot``."""

    def __init__(self, terms: LoanTerms, rows: Sequence[Installment], payments: Iterable[Payment]):
        self.terms = terms
        self.rules = terms.overdue
        self.cur = terms.currency
        self.quantum = minor_unit(terms.currency)
        # Rates as (numerator, divisor): accrue base × days × numerator, divide once when rounding.
        self.daily = _penalty_daily(terms)
        # The contract's own daily interest running on overdue principal, when the loan says so.
        self.contract_daily = (
            per_day(terms.rate) if self.rules.contract_interest_continues else None
        )
        self.cap_daily = per_day(self.rules.charges_cap) if self.rules.charges_cap else None
        self.items = [_Item(r) for r in sorted(rows, key=lambda r: (r.due, r.number))]
        self.payments = sorted(payments, key=lambda p: p.date)
        self.next_payment = 0
        self.next_check = 0
        self.accelerated_on: date | None = None
        self.surplus = ZERO
        self.paid_total = ZERO
        self.grace = timedelta(days=self.rules.grace_days)

    # ----- events -------------------------------------------------------------------------------
    def _check_date(self) -> date | None:
        while self.next_check < len(self.items) and self.items[self.next_check].accelerated:
            self.next_check += 1
        if self.next_check < len(self.items):
            return self.items[self.next_check].due + self.grace + timedelta(days=1)
        return None

    def _acceleration_date(self) -> date | None:
        limit = self.rules.accelerates_after_days
        if limit is None or self.accelerated_on is not None:
            return None
        for item in self.items:
            if item.unpaid() > 0:
                return item.due + timedelta(days=limit + 1)
        return None

    def advance(self, day: date) -> None:
        """Apply every grace check, acceleration and payment dated up to and including ``day``."""
        while True:
            check = self._check_date()
            accel = self._acceleration_date()
            pay = (
                self.payments[self.next_payment].date
                if self.next_payment < len(self.payments)
                else None
            )
            if check is not None and check <= day and (pay is None or check <= pay):
                if accel is None or check <= accel:
                    self._grace_check(self.items[self.next_check])
                    self.next_check += 1
                    continue
            if accel is not None and accel <= day and (pay is None or accel <= pay):
                self._accelerate(accel)
                continue
            if pay is not None and pay <= day:
                self._pay(self.payments[self.next_payment])
                self.next_payment += 1
                continue
            return

    def _grace_check(self, item: _Item) -> None:
        if item.unpaid() > 0:
            item.missed = True
            item.late_fee = self.rules.late_fee

    def _accelerate(self, day: date) -> None:
        self.accelerated_on = day
        for item in self.items:
            if item.due > day:
                item.accelerated = True
                item.missed = True
                item.due = day
                item.pen_from = day
                item.pen_base0 = item.principal
                item.interest = ZERO
                item.fees = ZERO
        # The order of the items is unchanged (those made due today were already last), so the
        # pending grace checks stay where they were; _check_date skips accelerated items.

    # ----- penalty ------------------------------------------------------------------------------
    def _base(self, item: _Item) -> Decimal:
        if self.rules.penalty_base == "overdue_principal":
            return item.principal
        return item.unpaid()

    def _accrue(self, item: _Item, day: date) -> None:
        if day <= item.pen_from:
            return
        days = (day - item.pen_from).days
        if self.daily is not None:
            item.pen_acc += self._base(item) * self.daily[0] * days
        if self.contract_daily is not None:
            item.ci_acc += item.principal * self.contract_daily[0] * days
        item.pen_from = day

    def _continuing_interest(self, item: _Item, day: date) -> Decimal:
        """The contract's interest run on the item's unpaid principal since its due date."""
        if self.contract_daily is None:
            return ZERO
        exact = item.ci_acc
        if day > item.pen_from:
            exact += item.principal * self.contract_daily[0] * (day - item.pen_from).days
        return self._round(exact / self.contract_daily[1])

    def _charges(self, item: _Item, day: date) -> tuple[Decimal, Decimal]:
        """Penalty and late fee charged so far (paid or not), capped if the loan has a cap."""
        if not item.missed:
            return ZERO, ZERO
        penalty = ZERO
        if self.daily is not None:
            exact = item.pen_acc
            if day > item.pen_from:
                exact += self._base(item) * self.daily[0] * (day - item.pen_from).days
            penalty = self._round(exact / self.daily[1])
        penalty += self._continuing_interest(item, day)
        late = item.late_fee
        if self.cap_daily is not None:
            num, div = self.cap_daily
            # Lateness ends when the installment is paid: the ceiling stops rising that day.
            until = min(day, item.closed_on) if item.closed_on is not None else day
            limit = self._round(item.pen_base0 * num * (until - item.due).days / div)
            penalty = min(penalty, limit)
            late = min(late, limit - penalty)
        return penalty, late

    def _round(self, value: Decimal) -> Decimal:
        # money.round_money with the quantum looked up once: the daily projection rounds each
        # overdue installment's penalty every day, and the lookup would double that cost.
        return value.quantize(self.quantum, rounding=ROUND_HALF_UP)

    def _owed_late_interest(self, item: _Item, day: date, owed: Decimal) -> Decimal:
        """Of the penalty charges ``owed`` on the item, the contract's interest run since its due
        date (a payment pays the penalty proper first; a cap trims the penalty proper first)."""
        if self.contract_daily is None or owed == 0:
            return ZERO
        charged = self._charges(item, day)[0]
        interest = min(self._continuing_interest(item, day), charged)
        return owed - max(charged - interest - item.pen_paid, ZERO)

    def _owed_charges(self, item: _Item, day: date) -> tuple[Decimal, Decimal]:
        if not item.missed:
            return ZERO, ZERO
        penalty, late = self._charges(item, day)
        return max(penalty - item.pen_paid, ZERO), max(late - item.late_fee_paid, ZERO)

    # ----- payments -----------------------------------------------------------------------------
    def _pay(self, payment: Payment) -> None:
        day = payment.date
        left = payment.amount
        self.paid_total += left
        for item in self.items:
            if left == 0 or item.due > day:
                break
            left = self._settle(item, day, left, charges=True)
        if left > 0:
            future = [it for it in self.items if it.due > day]
            ahead = sum((it.principal for it in future), ZERO)
            if ahead > 0 and left >= ahead:
                # Early settlement: the principal not yet due is all that is owed of the future.
                for it in future:
                    it.paid += it.principal
                    it.principal = it.interest = it.fees = ZERO
                    it.closed_on = day
                left -= ahead
            else:
                for it in future:
                    if left == 0:
                        break
                    left = self._settle(it, day, left, charges=False)
        self.surplus += left

    def _settle(self, item: _Item, day: date, left: Decimal, *, charges: bool) -> Decimal:
        self._accrue(item, day)  # the base changes from today on
        penalty, late = self._owed_charges(item, day) if charges else (ZERO, ZERO)
        for part in self.terms.allocation:
            if left == 0:
                break
            if part == "fees":
                take = min(left, item.fees)
                item.fees -= take
                late_take = min(left - take, late)
                item.late_fee_paid += late_take
                take += late_take
            elif part == "penalty":
                take = min(left, penalty)
                item.pen_paid += take
            elif part == "interest":
                take = min(left, item.interest)
                item.interest -= take
            else:
                take = min(left, item.principal)
                item.principal -= take
            item.paid += take
            left -= take
        if item.closed_on is None and item.unpaid() == 0:
            item.closed_on = day
        return left

    # ----- reading ------------------------------------------------------------------------------
    def owed(self, day: date) -> Owed:
        """The owed breakdown on ``day`` (call ``advance(day)`` first).

        The daily projection calls this once a day, so the common case (a penalty rate, no cap)
        is computed inline; it gives the same figures as ``_owed_charges``.
        """
        overdue = due = interest = penalty = late = not_yet = late_interest = ZERO
        grace = self.rules.grace_days
        by_principal = self.rules.penalty_base == "overdue_principal"
        quantum = self.quantum
        inline = self.daily is not None and self.cap_daily is None and self.contract_daily is None
        num, div = self.daily if self.daily is not None else (ZERO, 1)
        for item in self.items:
            if item.due > day:
                # Not yet due, so never missed: only its unpaid principal counts.
                not_yet += item.principal
                continue
            unpaid = item.fees + item.interest + item.principal
            if unpaid:
                if item.accelerated or (day - item.due).days > grace:
                    overdue += unpaid
                else:
                    due += unpaid
                interest += item.interest
            if not item.missed:
                continue
            if inline:
                exact = item.pen_acc
                if day > item.pen_from:
                    base = item.principal if by_principal else unpaid
                    exact += base * num * (day - item.pen_from).days
                charged = (exact / div if div != 1 else exact).quantize(quantum, ROUND_HALF_UP)
                if charged > item.pen_paid:
                    penalty += charged - item.pen_paid
                if item.late_fee > item.late_fee_paid:
                    late += item.late_fee - item.late_fee_paid
            else:
                p, fee = self._owed_charges(item, day)
                # The contract's interest run since the due date is interest on overdue money,
                # not penalty (DOMAIN.md): in overdue and interest, so a penalty waiver leaves it.
                run = self._owed_late_interest(item, day, p)
                penalty += p - run
                overdue += run
                interest += run
                late_interest += run
                late += fee
        total = overdue + due + penalty + late + not_yet
        r = self._round
        parts = (overdue, due, interest, penalty, late, not_yet, total, late_interest)
        return Owed(day, *(r(part) for part in parts))

    def snapshot(self, day: date) -> LoanState:
        """The full state on ``day`` (call ``advance(day)`` first)."""
        states = []
        oldest_overdue: date | None = None
        quantum = self.quantum
        for item in sorted(self.items, key=lambda it: it.row.number):
            penalty, late = self._owed_charges(item, day)
            run = self._owed_late_interest(item, day, penalty)
            left = item.unpaid() + penalty + late
            past_grace = item.due <= day and (
                item.accelerated or (day - item.due).days > self.rules.grace_days
            )
            status: InstallmentStatus
            if left == 0:
                status = "paid"
            elif past_grace:
                status = "overdue"
            elif item.paid > 0:
                status = "partly_paid"
            else:
                status = "due"
            days = (day - item.due).days if status == "overdue" else 0
            if status == "overdue" and (oldest_overdue is None or item.due < oldest_overdue):
                oldest_overdue = item.due
            # ``_round`` written out (round_money in the loan's currency): 300 loans make 60,000
            # of these, and the call around each was a third of their cost.
            states.append(
                InstallmentState(
                    item.row.number,
                    item.row.due,
                    item.row.payment.quantize(quantum, ROUND_HALF_UP),
                    item.paid.quantize(quantum, ROUND_HALF_UP),
                    item.principal.quantize(quantum, ROUND_HALF_UP),
                    item.interest.quantize(quantum, ROUND_HALF_UP),
                    item.fees.quantize(quantum, ROUND_HALF_UP),
                    (penalty - run).quantize(quantum, ROUND_HALF_UP),
                    late.quantize(quantum, ROUND_HALF_UP),
                    status,
                    days,
                    item.accelerated,
                    run.quantize(quantum, ROUND_HALF_UP),
                )
            )
        days_overdue = (day - oldest_overdue).days if oldest_overdue else 0
        return LoanState(
            day,
            tuple(states),
            self.owed(day),
            round_money(self.paid_total, self.cur),
            round_money(self.surplus, self.cur),
            days_overdue,
            self.accelerated_on,
        )


def _penalty_daily(terms: LoanTerms) -> tuple[Decimal, int] | None:
    """The penalty's daily rate as (numerator, divisor): the contract's daily rate × the multiple
    when the loan quotes it so (``times_contract``), else the quoted penalty rate."""
    rules = terms.overdue
    if rules.penalty_times_contract is not None:
        num, div = per_day(terms.rate)
        return num * rules.penalty_times_contract, div
    return per_day(rules.penalty_rate) if rules.penalty_rate else None


def loan_state(
    terms: LoanTerms,
    payments: Iterable[Payment],
    as_of: date,
    rows: Sequence[Installment] | None = None,
) -> LoanState:
    """The loan on ``as_of``, counting the payments dated up to and including that day.

    ``rows`` is the schedule to replay (default ``schedule(terms)``).
    """
    ledger = _Ledger(terms, rows if rows is not None else build_schedule(terms), payments)
    ledger.advance(as_of)
    return ledger.snapshot(as_of)


def owed_on(
    terms: LoanTerms,
    payments: Iterable[Payment],
    as_of: date,
    rows: Sequence[Installment] | None = None,
) -> Owed:
    """What is owed on ``as_of`` if nothing more is paid (payments after ``as_of`` are ignored)."""
    ledger = _Ledger(terms, rows if rows is not None else build_schedule(terms), payments)
    ledger.advance(as_of)
    return ledger.owed(as_of)
