"""Repayment tables: the original schedule of a loan, and the annuity rows proposals reuse.

Every stored step is rounded half-up to the minor unit; principal parts always add up exactly.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal, localcontext

from ashore.domain.money import ZERO, format_plain, round_money

from .terms import Installment, LoanTerms, per_day, per_month

__all__ = [
    "SCHEDULE_CSV_HEADER",
    "annuity_payment",
    "annuity_rows",
    "borrowed_on",
    "due_dates",
    "period_days",
    "schedule",
    "schedule_csv_rows",
]

SCHEDULE_CSV_HEADER: tuple[str, ...] = (
    "due",
    "payment",
    "principal",
    "interest",
    "fees",
    "balance",
)


def due_dates(first_due: date, count: int) -> list[date]:
    """``count`` monthly due dates: first_due + k calendar months, each counted from first_due.

    Counting from first_due (not from the previous date) keeps the day: Jan 31 → Feb 28/29 →
    Mar 31, never drifting to the 28th.
    """
    # first_due + relativedelta(months=k), worked out directly (a relativedelta each is most of
    # what a schedule costs on many loans): the same month, the day kept or the month's last.
    dates: list[date] = []
    day = first_due.day
    for k in range(count):
        months = first_due.month - 1 + k
        year, month = first_due.year + months // 12, months % 12 + 1
        dates.append(date(year, month, min(day, monthrange(year, month)[1])))
    return dates


def annuity_payment(
    principal: Decimal, annual_rate: Decimal, count: int, currency: str = "CNY"
) -> Decimal:
    """A = P·i / (1 − (1 + i)^−n) with i = annual_rate / 12, rounded half-up to the minor unit;
    A = round(P / n) when the rate is 0.

    Computed in Decimal with 40 digits so the rounding happens only once, at the end.
    """
    with localcontext() as ctx:
        ctx.prec = 40
        i = annual_rate / 12
        if i == 0:
            exact = principal / count
        else:
            exact = principal * i / (1 - (1 + i) ** -count)
    return round_money(exact, currency)


def annuity_rows(
    principal: Decimal,
    annual_rate: Decimal,
    count: int,
    first_due: date,
    currency: str,
    *,
    fees: tuple[Decimal, ...] = (),
) -> list[Installment]:
    """Equal installments at i = annual_rate / 12: interest = round(balance × annual_rate / 12),
    principal = A − interest; the last row pays the whole remaining balance plus its interest.
    ``fees[k]`` (if given) is added to row k+1."""
    amount = annuity_payment(principal, annual_rate, count, currency)
    rows = []
    balance = principal
    for k, due in enumerate(due_dates(first_due, count)):
        interest = round_money(balance * annual_rate / 12, currency)
        if k == count - 1:
            part = balance
        else:
            # Tiny loans can round A above what is left; never take more than the balance.
            part = min(max(amount - interest, ZERO), balance)
        balance -= part
        fee = fees[k] if k < len(fees) else round_money(ZERO, currency)
        rows.append(Installment(k + 1, due, part, interest, fee, part + interest + fee, balance))
    return rows


def borrowed_on(terms: LoanTerms) -> date:
    """The day the money was lent (``LoanTerms.start_date``): ``start`` when the loan gives it,
    else first_due − term for a bullet loan, else one month before it."""
    return terms.start_date()


def _fee_parts(terms: LoanTerms, count: int) -> tuple[Decimal, ...]:
    per_installment = sum((f.amount for f in terms.fees if f.per == "installment"), ZERO)
    once = sum((f.amount for f in terms.fees if f.per == "once"), ZERO)
    return tuple(
        round_money(per_installment + (once if k == 0 else ZERO), terms.currency)
        for k in range(count)
    )


def period_days(terms: LoanTerms) -> list[int]:
    """Calendar days of each period: from the previous due date (the first: from the start) to
    this due date, counting the first day and not the last."""
    if terms.method == "bullet":
        return [(terms.first_due - terms.start_date()).days]
    previous = terms.start_date()
    days = []
    for due in due_dates(terms.first_due, terms.term_count):
        days.append((due - previous).days)
        previous = due
    return days


def schedule(terms: LoanTerms) -> list[Installment]:
    """The original repayment table of a loan, one row per installment.

    equal_installment: the annuity rows above. equal_principal: principal round(P/n), the last
    row takes the remainder, interest round(balance·i). interest_first: interest round(P·i) each
    month, all principal with the last row. bullet: one row due on first_due; interest =
    round(P × daily rate × days) for a term in days, round(P × monthly rate × months) for months.
    Fees per installment go with every row, a "once" fee with the first; an upfront fee with none
    (it was kept back from the money paid out).

    ``interest="daily"`` (按日计息): each period's interest is round(balance × daily rate × days),
    days from ``period_days`` (a bullet loan: from the start to the due date). Equal installment
    keeps the payment A of the monthly rate i = daily rate × day count / 12; each principal part
    is A − that period's interest and the last row pays the whole remaining balance plus its
    interest, so the principal parts still add up to P exactly.
    """
    cur = terms.currency
    daily = terms.interest == "daily"
    if terms.method == "bullet":
        p = terms.principal
        if daily:
            num, div = per_day(terms.rate)
            interest = round_money(p * num * period_days(terms)[0] / div, cur)
        else:
            num, div = per_day(terms.rate) if terms.term_unit == "day" else per_month(terms.rate)
            interest = round_money(p * num * terms.term_count / div, cur)
        fee = _fee_parts(terms, 1)[0]
        zero = round_money(ZERO, cur)
        return [Installment(1, terms.first_due, p, interest, fee, p + interest + fee, zero)]

    n = terms.term_count
    annual = terms.rate.annual()
    fees = _fee_parts(terms, n)
    if terms.method == "equal_installment" and not daily:
        return annuity_rows(terms.principal, annual, n, terms.first_due, cur, fees=fees)
    return list(_linear_rows(terms, annual, fees))


def _linear_rows(
    terms: LoanTerms, annual: Decimal, fees: tuple[Decimal, ...]
) -> Iterator[Installment]:
    """equal_principal and interest_first rows (either interest rule), and equal installment rows
    under the daily rule."""
    n = terms.term_count
    cur = terms.currency
    equal_part = round_money(terms.principal / n, cur)
    amount = annuity_payment(terms.principal, annual, n, cur)
    daily = terms.interest == "daily"
    num, div = per_day(terms.rate)
    days = period_days(terms) if daily else []
    balance = terms.principal
    for k, due in enumerate(due_dates(terms.first_due, n)):
        if daily:
            interest = round_money(balance * num * days[k] / div, cur)
        else:
            interest = round_money(balance * annual / 12, cur)
        if k == n - 1:
            part = balance
        elif terms.method == "equal_principal":
            part = min(equal_part, balance)
        elif terms.method == "equal_installment":
            part = min(max(amount - interest, ZERO), balance)
        else:  # interest_first
            part = round_money(ZERO, cur)
        balance -= part
        yield Installment(k + 1, due, part, interest, fees[k], part + interest + fees[k], balance)


def schedule_csv_rows(rows: Iterable[Installment], currency: str = "CNY") -> list[list[str]]:
    """The rows of ``ashore export schedule`` (header ``SCHEDULE_CSV_HEADER`` not included):
    due, payment, principal, interest, fees, balance, amounts as plain decimal text."""
    return [
        [
            r.due.isoformat(),
            format_plain(r.payment, currency),
            format_plain(r.principal, currency),
            format_plain(r.interest, currency),
            format_plain(r.fees, currency),
            format_plain(r.balance_after, currency),
        ]
        for r in rows
    ]
