"""The dashboard's "if nothing is paid" total over every loan, one figure per day, added up in whole
minor units (issue 15).

Each loan's curve is read from its breakpoints (``finance.status_quo_segments``): between two
changes a day's total is the segment's fixed part plus, per missed installment, a rounded straight
line of penalty. ``finance.status_quo_totals`` works that out day by day in Python and makes a
Decimal per loan per day; here a missed installment's line that goes on through many segments
(the same line carried on, exactly) is taken once for all their days, all of a loan's lines are
worked out for all its days at once, as one table of 64-bit integers (numpy), when their values
fit (a loan's 280 segment lines are some 18 lines so), and the loans are added
up in minor units, so a Decimal is made once per day of the total. The figures are the same to
the cent: the same whole-number formula, the same rounding; a loan whose numbers would not fit,
or whose curve is not made of straight lines, takes ``finance.status_quo_totals`` itself.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, ROUND_HALF_UP, Context, Decimal, localcontext
from typing import TYPE_CHECKING

from ashore import finance
from ashore.domain.money import ZERO, minor_unit
from ashore.domain.records import Loan
from ashore.services import plans

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    Units = NDArray[np.int64]

_LIMIT = 2**62  # every value of a line below this: no 64-bit sum or product can overflow


def _whole_numbers(
    line: tuple[Decimal, Decimal, int, Decimal], q_num: int, q_den: int, length: int
) -> tuple[int, int, int, int] | None:
    """One missed installment's penalty line over a segment as whole numbers (value on the
    first day, step per day, divisor, penalty paid in minor units): its penalty on day t is
    max((value + step × t) // divisor − paid, 0), the round half up of ``finance.curve``'s
    segment totals; None when a value would not fit 64 bits."""
    start, slope, div, paid = line
    a_num, a_den = start.as_integer_ratio()
    s_num, s_den = slope.as_integer_ratio()
    den = a_den * s_den * div * q_num
    value = 2 * a_num * s_den * q_den + den
    step = 2 * s_num * a_den * q_den
    twice = 2 * den
    paid_units = int(paid * q_den)
    last = value + step * (length - 1)
    if max(abs(value), abs(last), twice, abs(paid_units)) >= _LIMIT:
        return None
    return value, step, twice, paid_units


# Decimal addition and multiplication at the largest precision are exact (never rounded): a
# line's value carried over a segment is compared exactly with the next segment's.
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


def _penalties(runs: list[tuple[int, int, int, int, int, int]], length: int) -> Units:
    """The penalty lines added up on each day of the loan's ``length`` days, in minor units:
    all at once (one row each). A run is (first day's index, days, and ``_whole_numbers`` over
    those days); on its days its figure is as ``_whole_numbers`` says, 0 on the others."""
    import numpy as np

    table = np.array(runs, dtype=np.int64)
    first, days = table[:, 0:1], table[:, 1:2]
    offset = np.arange(length, dtype=np.int64) - first
    inside = (offset >= 0) & (offset < days)
    # Outside its days a run is not worked out past its ends (its values there might not fit).
    t = np.minimum(np.maximum(offset, 0), days - 1)
    charged = (table[:, 2:3] + table[:, 3:4] * t) // table[:, 4:5] - table[:, 5:6]
    return np.where(inside, np.maximum(charged, 0), 0).sum(axis=0, dtype=np.int64)  # type: ignore[no-any-return]


_Line = tuple[Decimal, Decimal, int, Decimal]


def _runs(
    segments: Sequence[finance.Segment], quantum: Decimal
) -> tuple[list[tuple[int, int, _Line]], list[int], list[int]] | None:
    """Each missed installment's penalty line over the run of segments it goes on through (a
    segment's line that is the previous segment's carried on, exactly: the same slope, divisor
    and penalty paid, its value on the first day the previous line's after its days), as (first
    day's index, days, the line on its first day); and each segment's fixed part in minor units
    and its days. None when this way cannot say the figures exactly."""
    exponent = -quantum.as_tuple().exponent  # type: ignore[operator]
    firsts: list[int] = []  # of each run: its first day's index, its days, its first line
    days: list[int] = []
    lines: list[_Line] = []
    fixed_parts: list[int] = []
    lengths: list[int] = []
    # The line each open run would have next and its run, in the order of the segment's lines
    # (the installments' order: a segment's lines are mostly the previous one's, some added).
    carried: list[tuple[_Line, int]] = []
    index = 0
    with localcontext(_EXACT):
        for segment in segments:
            length = (segment.last - segment.first).days + 1
            fixed = segment.fixed.scaleb(exponent)  # in minor units, exactly
            if fixed != fixed.to_integral_value():
                if fixed < 0:  # rounding half up of a negative part is not the whole-number shift
                    return None
                fixed = fixed.to_integral_value(rounding=ROUND_HALF_UP)
            fixed_parts.append(int(fixed))
            lengths.append(length)
            following: list[tuple[_Line, int]] = []
            next_open = 0  # the first of ``carried`` not yet taken
            for line in segment.lines:
                at = None
                if next_open < len(carried) and carried[next_open][0] == line:
                    at = carried[next_open][1]
                    next_open += 1
                if at is None:
                    if line[3] != line[3].quantize(quantum):
                        return None  # a penalty paid in part of a minor unit: not whole numbers
                    at = len(firsts)
                    firsts.append(index)
                    days.append(0)
                    lines.append(line)
                days[at] += length
                start, slope, div, paid = line
                following.append(((start + slope * length, slope, div, paid), at))
            carried = following
            index += length
    return list(zip(firsts, days, lines, strict=True)), fixed_parts, lengths


def _fixed_units(fixed_parts: Sequence[Decimal], quantum: Decimal) -> list[int] | None:
    """Each segment's fixed part in minor units, rounded half up as ``finance.curve`` rounds a
    day's total; None when that is not the whole-number shift (a negative part in fractions)."""
    exponent = -quantum.as_tuple().exponent  # type: ignore[operator]
    out: list[int] = []
    with localcontext(_EXACT):
        for part in fixed_parts:
            fixed = part.scaleb(exponent)  # in minor units, exactly
            if fixed != fixed.to_integral_value():
                if fixed < 0:
                    return None
                fixed = fixed.to_integral_value(rounding=ROUND_HALF_UP)
            out.append(int(fixed))
    return out


def _found_runs(
    terms: finance.LoanTerms,
    payments: Sequence[finance.Payment],
    today: date,
    end: date,
    rows: Sequence[finance.Installment] | None,
    quantum: Decimal,
) -> tuple[list[tuple[int, int, _Line]], list[int], list[int]] | None:
    """``_runs`` of the loan's segments, from ``finance.status_quo_runs`` (each line worked out
    once) where it can say them, else from ``finance.status_quo_segments``; None when neither
    way says the figures exactly."""
    told = finance.status_quo_runs(terms, payments, today, end, rows)
    if told is None:
        segments = finance.status_quo_segments(terms, payments, today, end, rows)
        return _runs(segments, quantum) if segments is not None else None
    for *_, line in told.lines:
        if line[3] != line[3].quantize(quantum):
            return None  # a penalty paid in part of a minor unit: not whole numbers
    fixed_parts = _fixed_units(told.fixed, quantum)
    if fixed_parts is None:
        return None
    return list(told.lines), fixed_parts, list(told.lengths)


def loan_units(
    loan: Loan,
    today: date,
    end: date,
    rows: Sequence[finance.Installment] | None = None,
    *,
    by_segments: bool = False,
) -> Units | None:
    """What the loan owes on each day from ``today`` to ``end`` if nothing is paid, in minor
    units (``status_quo_totals`` × 100 for CNY); None when this way cannot say it exactly.
    ``rows``: the loan's schedule when the caller has it (``plans.Standing.rows``).
    ``by_segments``: read the runs from ``finance.status_quo_segments`` only (the way before
    ``status_quo_runs``, kept to check it against)."""
    import numpy as np

    terms = plans.loan_terms(loan)
    quantum = minor_unit(terms.currency)
    payments = plans.loan_payments(loan)
    q_num, q_den = quantum.as_integer_ratio()
    if q_num != 1:
        return None
    if by_segments:
        segments = finance.status_quo_segments(terms, payments, today, end, rows)
        found = _runs(segments, quantum) if segments is not None else None
    else:
        found = _found_runs(terms, payments, today, end, rows, quantum)
    if found is None:
        return None
    runs, fixed_parts, lengths = found
    most = max((abs(part) for part in fixed_parts), default=0)  # a day's fixed part at most
    table: list[tuple[int, int, int, int, int, int]] = []
    for first, days, line in runs:
        whole = _whole_numbers(line, q_num, q_den, days)
        if whole is None:
            return None
        value, step, twice, paid = whole
        most += max(abs(value), abs(value + step * (days - 1))) // twice + abs(paid) + 1
        table.append((first, days, value, step, twice, paid))
    if most >= _LIMIT:  # a day's sum of the lines might not fit 64 bits
        return None
    length = sum(lengths)
    units = np.repeat(np.array(fixed_parts, dtype=np.int64), lengths)
    if table:
        units += _penalties(table, length)
    return units


class UnitsMemo:
    """Each loan's ``loan_units`` kept while its record is the same object on the same days:
    the snapshot (``Ledger.snapshot``) keeps a loan's record until a write touches it, so after
    an edit only that loan's line is worked out again. The record must not be edited meanwhile
    (the snapshot's are shared and never are)."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[Loan, date, date, tuple[object, ...], Units | None]] = {}

    def units(
        self, loan: Loan, today: date, end: date, rows: Sequence[finance.Installment] | None
    ) -> Units | None:
        schedule = tuple(rows) if rows is not None else ()
        known = self._kept.get(loan.id)
        if known is not None and known[0] is loan and known[1:4] == (today, end, schedule):
            return known[4]
        units = loan_units(loan, today, end, rows)
        self._kept[loan.id] = (loan, today, end, schedule, units)
        return units

    def keep_only(self, ids: Collection[str]) -> None:
        """Forget the loans not in ``ids`` (deleted, or no longer in the sum)."""
        self._kept = {key: value for key, value in self._kept.items() if key in ids}


def status_quo_lines(
    loans: Sequence[Loan],
    today: date,
    end: date,
    keep: Collection[str] = (),
    schedules: Mapping[str, Sequence[finance.Installment] | None] | None = None,
    memo: UnitsMemo | None = None,
) -> tuple[list[Decimal], dict[str, list[Decimal]]]:
    """The total owed on each day from ``today`` to ``end`` over ``loans`` (all in one currency)
    if nothing is paid, and the line of each loan in ``keep`` (by id): the sums of and the same
    values as ``views.chart.status_quo_totals`` of each loan. ``schedules``: each loan's
    contract schedule by id, where the caller has it (``plans.Standing.rows``); ``memo``: the
    loans' lines kept from the last call, where the caller keeps one (``UnitsMemo``)."""
    import numpy as np

    length = (end - today).days + 1
    total = np.zeros(length, dtype=np.int64)
    others: list[list[Decimal]] = []  # loans this way cannot say: their Decimal lines
    kept: dict[str, list[Decimal]] = {}
    quantum = minor_unit(loans[0].currency) if loans else minor_unit()
    room = _LIMIT  # what the total may still take without overflowing
    for loan in loans:
        rows = schedules.get(loan.id) if schedules is not None else None
        units = (
            memo.units(loan, today, end, rows)
            if memo is not None
            else loan_units(loan, today, end, rows)
        )
        peak = int(np.abs(units).max()) if units is not None and len(units) else 0
        if units is None or peak >= room:
            terms = plans.loan_terms(loan)
            line = finance.status_quo_totals(terms, plans.loan_payments(loan), today, end, rows)
            others.append(line)
            if loan.id in keep:
                kept[loan.id] = line
            continue
        room -= peak
        total += units
        if loan.id in keep:
            kept[loan.id] = [quantum * int(u) for u in units]
    if memo is not None:
        memo.keep_only({loan.id for loan in loans})
    if not loans:
        return [ZERO] * length, kept
    sums = [quantum * int(u) for u in total]
    for line in others:
        sums = [a + b for a, b in zip(sums, line, strict=True)]
    return sums, kept
