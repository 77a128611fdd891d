"""The "if nothing is paid" curve from its breakpoints: the same totals as ``projection``, without
moving the ledger a day at a time.

With nothing more paid, a loan's account changes only on a few days: an installment falls due, its
grace ends (late fee, penalty counted), or everything accelerates. Between two such days every
part of the total is constant except the penalty, which grows linearly per missed installment
(base × daily rate × days) and is rounded per installment. So the ledger is advanced once per
segment, and each day of the segment is the segment's constant part plus those rounded straight
lines, worked out in whole numbers. Loans whose charges are capped or keep the contract's interest
running take the day-by-day path: their charges are not straight lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, Inexact, localcontext

from ashore.domain.money import ZERO, minor_unit

from .projection import MAX_PROJECTION_DAYS, projection
from .schedule import schedule as build_schedule
from .state import _Ledger
from .terms import FinanceError, Installment, LoanTerms, Payment

__all__ = ["Runs", "Segment", "status_quo_runs", "status_quo_segments", "status_quo_totals"]

_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Segment:
    """Days ``first``..``last`` over which only the penalty moves.

    ``fixed``: owed apart from the penalty (exact, unrounded). ``lines``: per missed installment
    (numerator on ``first``, numerator per day, divisor, penalty already paid); its penalty on
    ``first`` + t is round(max((numerator + per_day × t) / divisor, 0) − paid).
    """

    first: date
    last: date
    fixed: Decimal
    lines: tuple[tuple[Decimal, Decimal, int, Decimal], ...]


def _next_change(ledger: _Ledger, day: date) -> date | None:
    """The first day after ``day`` on which the account changes (nothing more being paid)."""
    best: date | None = None
    for when in (ledger._check_date(), ledger._acceleration_date()):
        if when is not None and when > day and (best is None or when < best):
            best = when
    for item in ledger.items:  # in due order: the first due after ``day`` is the earliest
        if item.due > day:
            return item.due if best is None or item.due < best else best
    return best


def _segment(ledger: _Ledger, first: date, last: date) -> Segment:
    """The account between two changes, read on ``first`` (call ``advance(first)`` first)."""
    by_principal = ledger.rules.penalty_base == "overdue_principal"
    daily = ledger.daily
    num, div = daily if daily is not None else (ZERO, 1)
    fixed = ZERO
    lines: list[tuple[Decimal, Decimal, int, Decimal]] = []
    add = lines.append  # (the dashboard asks this some 4,000 times for 300 loans)
    for item in ledger.items:
        if item.due > first:
            fixed += item.principal
            continue
        unpaid = item.fees + item.interest + item.principal
        fixed += unpaid
        if not item.missed:
            continue
        if item.late_fee > item.late_fee_paid:
            fixed += item.late_fee - item.late_fee_paid
        if daily is None:
            continue
        slope = (item.principal if by_principal else unpaid) * num
        days = (first - item.pen_from).days
        add((item.pen_acc + slope * days if days > 0 else item.pen_acc, slope, div, item.pen_paid))
    return Segment(first, last, fixed, tuple(lines))


def _straight_ledger(
    terms: LoanTerms,
    payments: Iterable[Payment],
    start: date,
    end: date,
    rows: Sequence[Installment] | None,
) -> _Ledger | None:
    """The loan's ledger as of ``start`` (payments up to it kept), after the same checks, codes and
    words as ``projection``; None when its charges are not straight lines between changes (a
    charges cap, or the contract's interest kept running)."""
    if end < start:
        raise FinanceError.at("until", "date.before_start", "must not be before the start date")
    if (end - start).days > MAX_PROJECTION_DAYS:
        raise FinanceError.at(
            "until", "projection.too_long", "a projection can cover at most 30 years"
        )
    kept = [p for p in payments if p.date <= start]
    ledger = _Ledger(terms, rows if rows is not None else build_schedule(terms), kept)
    if ledger.cap_daily is not None or ledger.contract_daily is not None:
        return None
    return ledger


def status_quo_segments(
    terms: LoanTerms,
    payments: Iterable[Payment],
    start: date,
    end: date,
    rows: Sequence[Installment] | None = None,
) -> list[Segment] | None:
    """The segments of the curve from ``start`` to ``end``; None when the loan's charges are not
    straight lines between changes (a charges cap, or the contract's interest kept running)."""
    ledger = _straight_ledger(terms, payments, start, end, rows)
    if ledger is None:
        return None
    out: list[Segment] = []
    day = start
    while day <= end:
        ledger.advance(day)
        change = _next_change(ledger, day)
        last = end if change is None or change > end else change - _DAY
        out.append(_segment(ledger, day, last))
        day = last + _DAY
    return out


@dataclass(frozen=True, slots=True)
class Runs:
    """The segments of the curve (``status_quo_segments``) told once per line instead of once per
    segment: ``fixed`` and ``lengths``, each segment's fixed part and days; ``lines``, each missed
    installment's penalty line over the run of segments it goes on through, as (index of its
    first day, its days, the line on its first day as in ``Segment.lines``)."""

    fixed: tuple[Decimal, ...]
    lengths: tuple[int, ...]
    lines: tuple[tuple[int, int, tuple[Decimal, Decimal, int, Decimal]], ...]


# Complexity over 10 on purpose: one pass over the segments, each line told once, as it goes.
def status_quo_runs(  # noqa: C901
    terms: LoanTerms,
    payments: Iterable[Payment],
    start: date,
    end: date,
    rows: Sequence[Installment] | None = None,
) -> Runs | None:
    """``status_quo_segments`` with each line worked out once for the segments it goes on
    through (the dashboard's 300 loans have some 4,000 segments, 19 lines each, mostly the
    same lines carried on): None when the loan's charges are not straight lines, or when a line
    carried on would not be exactly the one a later segment says (a value past the context's
    precision), so that the caller takes the segments themselves.

    With nothing paid after ``start`` a missed installment's penalty line does not change from
    one segment to the next: its base, accrued penalty, day accrued from and penalty paid stay
    as they are (checked, all the same). A segment's line on ``first`` is then the run's line
    carried on, exactly when ``pen_acc + slope × days`` is exact on the run's last segment."""
    ledger = _straight_ledger(terms, payments, start, end, rows)
    if ledger is None:
        return None
    by_principal = ledger.rules.penalty_base == "overdue_principal"
    daily = ledger.daily
    num, div = daily if daily is not None else (ZERO, 1)
    fixed_parts: list[Decimal] = []
    lengths: list[int] = []
    # Per run: [first day's index, days, line, last first day, the item's parts it was read
    # from: accrued penalty, day accrued from, fees, interest, principal, penalty paid]. Each is
    # reassigned when it changes (Decimals and dates are immutable): the same objects, the same
    # line.
    runs: list[list] = []  # type: ignore[type-arg]
    run_of: list[list | None] = [None] * len(ledger.items)  # type: ignore[type-arg]
    index = 0
    day = start
    inexact = False  # whether a figure of this reading (not of the ledger's own) was rounded
    with localcontext() as context:  # the caller's context, as ``_segment`` computes in it
        context.clear_flags()  # (its copy's: the caller's own flags are left as they were)
        while day <= end:
            inexact = inexact or context.flags[Inexact]
            ledger.advance(day)  # (rounds what it has to: not this reading's concern)
            context.clear_flags()
            change = _next_change(ledger, day)
            last = end if change is None or change > end else change - _DAY
            length = (last - day).days + 1
            fixed = ZERO
            for k, item in enumerate(ledger.items):  # as ``_segment``, the same sums in order
                if item.due > day:
                    fixed += item.principal
                    continue
                fees, interest, principal = item.fees, item.interest, item.principal
                unpaid = fees + interest + principal
                fixed += unpaid
                if not item.missed:
                    continue
                if item.late_fee > item.late_fee_paid:
                    fixed += item.late_fee - item.late_fee_paid
                if daily is None:
                    continue
                run = run_of[k]
                if (
                    run is None
                    or run[4] is not item.pen_acc
                    or run[5] is not item.pen_from
                    or run[6] is not fees
                    or run[7] is not interest
                    or run[8] is not principal
                    or run[9] is not item.pen_paid
                ):
                    slope = (principal if by_principal else unpaid) * num
                    days = (day - item.pen_from).days
                    line = (
                        item.pen_acc + slope * days if days > 0 else item.pen_acc,
                        slope,
                        div,
                        item.pen_paid,
                    )
                    run = run_of[k] = [index, 0, line, day, item.pen_acc, item.pen_from]
                    run.extend((fees, interest, principal, item.pen_paid))
                    runs.append(run)
                run[1] += length
                run[3] = day
            fixed_parts.append(fixed)
            lengths.append(length)
            index += length
            day = last + _DAY
        for _, _, (_, slope, _, _), latest, acc, since, *_ in runs:
            if latest > since:
                _ = acc + slope * (latest - since).days  # exact here: on every earlier day
        if inexact or context.flags[Inexact]:
            return None
    return Runs(tuple(fixed_parts), tuple(lengths), tuple((r[0], r[1], r[2]) for r in runs))


def _whole(amount: Decimal, quantum: Decimal) -> bool:
    """True when ``amount`` is a whole number of minor units."""
    return amount == amount.quantize(quantum)


def _segment_totals(segment: Segment, quantum: Decimal) -> list[Decimal]:
    """Each day's total of one segment, rounded as ``_Ledger.owed`` rounds it."""
    length = (segment.last - segment.first).days + 1
    q_num, q_den = quantum.as_integer_ratio()
    penalty = [0] * length  # in minor units
    for start, slope, div, paid in segment.lines:
        # round_half_up((start + slope × t) / div / quantum), in whole numbers: exactly
        # (2 × (A + S × t) + D) // (2 × D) with A, S over a common denominator.
        a_num, a_den = start.as_integer_ratio()
        s_num, s_den = slope.as_integer_ratio()
        common = a_den * s_den
        big_a = a_num * s_den * q_den
        big_s = s_num * a_den * q_den
        den = common * div * q_num
        value = 2 * big_a + den
        step = 2 * big_s
        twice = 2 * den
        paid_units = int(paid * q_den)  # whole: status_quo_totals checked it (q_num is 1)
        for t in range(length):
            charged = value // twice - paid_units
            if charged > 0:
                penalty[t] += charged
            value += step
    fixed = segment.fixed
    whole = _whole(fixed, quantum)
    out = []
    for units in penalty:
        amount = fixed + quantum * units
        out.append(amount if whole else amount.quantize(quantum, rounding=ROUND_HALF_UP))
    return out


def status_quo_totals(
    terms: LoanTerms,
    payments: Iterable[Payment],
    start: date,
    end: date,
    rows: Sequence[Installment] | None = None,
) -> list[Decimal]:
    """What is owed on each day from ``start`` to ``end`` inclusive if nothing is paid after
    ``start``: the same figures as ``[o.total for o in projection(...)]``, from the breakpoints."""
    payments = list(payments)
    rows = rows if rows is not None else build_schedule(terms)
    segments = status_quo_segments(terms, payments, start, end, rows)
    quantum = minor_unit(terms.currency)
    if segments is None or not all(_whole(paid, quantum) for s in segments for *_, paid in s.lines):
        return [owed.total for owed in projection(terms, payments, start, end, rows)]
    out: list[Decimal] = []
    for segment in segments:
        out.extend(_segment_totals(segment, quantum))
    return out
