"""``ashore export calendar`` and ``ashore export ics``: the plan in force of each loan, as a
printable PDF calendar or as events for calendar apps.

The loans come from the Ledger, through ``services.plans`` (the one bridge to the money engine);
what is due when, and how each installment stands today, from ``finance.calendar`` (an accepted
proposal replaces the original schedule from its start).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from dateutil.relativedelta import relativedelta

from ashore import finance
from ashore.context import Context
from ashore.errors import InputError
from ashore.finance.calendar import MAX_CALENDAR_MONTHS
from ashore.money import format_amount
from ashore.records import Loan, Proposal
from ashore.reports import CalendarData, CalendarEntry, CalendarLoan, write_calendar_pdf, write_ics
from ashore.reports.data import Lang, Paper
from ashore.reports.strings import text
from ashore.services import Ledger, plans

DEFAULT_MONTHS = 12
# Where Letter paper and Sunday-first calendars are the custom (the rest of the world: A4, Monday).
_LETTER_REGIONS = ("US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR")


def run_export_calendar(args: argparse.Namespace, ctx: Context) -> int:
    """Write the PDF calendar of the chosen loans and months to ``args.out``."""
    book = _collect(args, ctx)
    lang: Lang = "zh_CN" if ctx.lang == "zh_CN" else "en"
    paper: Paper = args.paper or ("Letter" if _letter_region() else "A4")
    data = CalendarData(
        entries=book.entries,
        loans=book.loans,
        months=book.months,
        today=ctx.today,
        generated_at=ctx.clock.now(),
        budget=book.budget,
        currency=book.currency,
        lang=lang,
        paper=paper,
        week_starts_monday=lang == "zh_CN" or not _letter_region(),
    )
    _write_atomically(args.out, lambda temp: write_calendar_pdf(data, temp))
    shown = sum(1 for e in book.entries if (e.due.year, e.due.month) in set(book.months))
    print(f"wrote {args.out}: {len(book.months)} month(s), {shown} payment(s), {paper}")
    return 0


def run_export_ics(args: argparse.Namespace, ctx: Context) -> int:
    """Write one all-day event per installment due in the chosen months to ``args.out``."""
    book = _collect(args, ctx)
    months = set(book.months)
    entries = [e for e in book.entries if (e.due.year, e.due.month) in months]
    lang = "zh_CN" if ctx.lang == "zh_CN" else "en"
    stamp = ctx.clock.now()
    _write_atomically(
        args.out,
        lambda temp: write_ics(
            entries, temp, generated_at=stamp, lang=lang, currency=book.currency
        ),
    )
    print(f"wrote {args.out}: {len(entries)} event(s) in {len(book.months)} month(s)")
    return 0


@dataclass(frozen=True)
class _Collected:
    entries: list[CalendarEntry]
    loans: list[CalendarLoan]
    months: list[tuple[int, int]]
    budget: Decimal | None
    currency: str


def _collect(args: argparse.Namespace, ctx: Context) -> _Collected:
    """Read the chosen loans and work out every installment of their plans in force."""
    first = _first_month(args.from_month, ctx.today)
    count = args.months or DEFAULT_MONTHS
    if count > MAX_CALENDAR_MONTHS:
        raise InputError(f"--months: {count} is more than {MAX_CALENDAR_MONTHS}")
    months = [
        ((first + relativedelta(months=k)).year, (first + relativedelta(months=k)).month)
        for k in range(count)
    ]
    ledger = Ledger.open(ctx.data, ctx.clock)
    try:
        lenders = {lender.id: lender.name for lender in ledger.lenders()}
        loans = ledger.loans()
        budget = ledger.monthly_budget()
    finally:
        ledger.close()
    chosen = _choose(loans, args.loans or [])
    currencies = sorted({loan.currency for loan in chosen})
    if len(currencies) > 1:
        raise InputError(
            f"--loan: the loans are in {', '.join(currencies)}; a calendar adds amounts up, so "
            "choose the loans of one currency with --loan"
        )
    currency = currencies[0] if currencies else "CNY"
    lang = "zh_CN" if ctx.lang == "zh_CN" else "en"
    entries: list[CalendarEntry] = []
    summaries: list[CalendarLoan] = []
    for loan in chosen:
        lender = lenders.get(loan.lender, loan.lender)
        try:
            found = plans.agreement(loan)
            rows = finance.loan_calendar_entries(plans.calendar_loan(loan), ctx.today)
        except InputError as error:
            raise InputError(f"loans[{loan.id}].{error}") from None
        except finance.FinanceError as error:
            raise InputError(f"loans[{loan.id}]: {error}") from None
        agreement_record, agreement = found if found else (None, None)
        plan_id = f"agreement-{agreement_record.id}" if agreement_record else ""
        in_force = [r for r in rows if r.status != "replaced"]
        for row in in_force:
            entries.append(
                CalendarEntry(
                    due=row.due,
                    lender=lender,
                    loan=loan.name,
                    loan_id=loan.id,
                    amount=row.amount,
                    status=row.status,  # type: ignore[arg-type]  # "replaced" filtered out
                    paid=min(row.paid, row.amount),
                    plan_id=plan_id if row.source == "agreement" else "",
                )
            )
        summaries.append(
            CalendarLoan(
                lender=lender,
                loan=loan.name,
                plan=_plan_text(agreement_record, agreement, lang, currency),
                left_to_pay=sum((r.remaining for r in in_force), Decimal("0")),
                end_date=max((r.due for r in in_force), default=None),
                loan_id=loan.id,
            )
        )
    return _Collected(entries, summaries, months, budget, currency)


def _first_month(text_value: str | None, today: date) -> date:
    if text_value is None:
        return today.replace(day=1)
    try:
        return datetime.strptime(text_value, "%Y-%m").date()
    except ValueError:
        raise InputError(f"--from: {text_value!r} is not a month (YYYY-MM)") from None


def _choose(loans: list[Loan], wanted: list[str]) -> list[Loan]:
    if not wanted:
        return loans
    by_id = {loan.id: loan for loan in loans}
    for loan_id in wanted:
        if loan_id not in by_id:
            raise InputError(f"--loan: {loan_id!r} is not a known loan id")
    return [by_id[loan_id] for loan_id in dict.fromkeys(wanted)]


def _plan_text(
    record: Proposal | None, plan: finance.ProposalPlan | None, lang: str, currency: str
) -> str:
    if record is None or plan is None:
        return text("plan_original", lang)
    rows = plan.installments
    start = record.start.isoformat()
    amounts = {r.payment for r in rows[:-1]} if len(rows) > 1 else {rows[0].payment}
    if len(amounts) == 1:
        amount = format_amount(rows[0].payment, currency, lang)
        line = text("plan_agreement", lang, start=start, count=len(rows), amount=amount)
    else:
        line = text("plan_agreement_varied", lang, start=start, count=len(rows))
    return f"{line} ({record.name})" if record.name else line


def _letter_region() -> bool:
    """Whether the user's locale settings name a region that prints on Letter paper."""
    for name in ("LC_PAPER", "LC_ALL", "LANG"):
        value = os.environ.get(name, "")
        if value:
            region = value.split(".")[0].partition("_")[2].upper()
            return region in _LETTER_REGIONS
    return False


def _write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file beside ``path`` and move it into place at the end, so a
    failed export leaves no half-written file and keeps any earlier one."""
    path = Path(path).expanduser()
    folder = path.resolve().parent
    if not folder.is_dir():
        raise InputError(f"--out: the folder {folder} does not exist")
    temp = folder / f".{path.name}.{os.getpid()}.tmp"
    try:
        write(temp)
        os.replace(temp, path)
    except OSError as error:
        raise InputError(f"--out: cannot write {path}: {error.strerror or error}") from None
    finally:
        temp.unlink(missing_ok=True)
