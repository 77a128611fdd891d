"""``ashore export schedule`` and ``ashore export projection``: a loan's figures as CSV.

Schedule columns: ``due,payment,principal,interest,fees,balance`` (the original schedule, or the
proposal's). Projection columns: ``date,owed,overdue,penalty,late_fees,not_yet_due``, one row a day
from today to ``--until`` if nothing more is paid.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from datetime import date
from pathlib import Path

from ashore import finance
from ashore.app.context import Context
from ashore.app.errors import InputError
from ashore.domain.money import format_plain
from ashore.domain.records import Loan
from ashore.services import Ledger
from ashore.services.plans import loan_payments, loan_terms, plan_in_force

SCHEDULE_HEADER = ("due", "payment", "principal", "interest", "fees", "balance")


def run_export_schedule(args: argparse.Namespace, ctx: Context) -> int:
    loan = _find_loan(ctx, args.loan)
    if args.proposal:
        matches = [p for p in loan.proposals if p.id == args.proposal]
        if not matches:
            raise InputError(f"--proposal: {args.proposal!r} is not a proposal of loan {loan.id!r}")
        rows = plan_in_force(loan, matches[0]).installments
    else:
        try:
            rows = tuple(finance.schedule(loan_terms(loan)))
        except finance.FinanceError as error:
            raise InputError(f"loans[{loan.id}].{error}") from None
    cur = loan.currency
    table = [
        [
            row.due.isoformat(),
            format_plain(row.payment, cur),
            format_plain(row.principal, cur),
            format_plain(row.interest, cur),
            format_plain(row.fees, cur),
            format_plain(row.balance_after, cur),
        ]
        for row in rows
    ]
    _write_csv(args.out, SCHEDULE_HEADER, table)
    return 0


def run_export_projection(args: argparse.Namespace, ctx: Context) -> int:
    try:
        until = date.fromisoformat(args.until)
    except ValueError:
        raise InputError(f"--until: {args.until!r} is not a date (YYYY-MM-DD)") from None
    if until < ctx.today:
        raise InputError(f"--until: {until} is before today ({ctx.today})")
    loan = _find_loan(ctx, args.loan)
    try:
        days = finance.projection(loan_terms(loan), loan_payments(loan), ctx.today, until)
    except finance.FinanceError as error:
        raise InputError(f"--{error}" if str(error).startswith("until") else str(error)) from None
    _write_csv(
        args.out,
        tuple(finance.PROJECTION_CSV_HEADER),
        finance.projection_csv_rows(days, loan.currency),
    )
    return 0


def _find_loan(ctx: Context, loan_id: str) -> Loan:
    if not ctx.data.database.exists():
        raise InputError(f"--loan: {loan_id!r} is not a known loan id (no data in {ctx.data.root})")
    ledger = Ledger.open(ctx.data, ctx.clock, read_only=True)  # beside the window too
    try:
        known = {loan.id for loan in ledger.loans()}
        if loan_id not in known:
            raise InputError(f"--loan: {loan_id!r} is not a known loan id")
        return ledger.loan(loan_id)
    finally:
        ledger.close()


def _write_csv(out: Path | None, header: tuple[str, ...], rows: list[list[str]]) -> None:
    """Write to ``out`` atomically (a temp file renamed into place), or to stdout."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    if out is None:
        sys.stdout.write(buffer.getvalue())
        return
    target = Path(out)
    if not target.parent.is_dir():
        raise InputError(f"--out: folder {str(target.parent)!r} does not exist")
    temp = target.with_name(f".{target.name}.part")
    try:
        temp.write_text(buffer.getvalue(), encoding="utf-8", newline="")
        temp.replace(target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise InputError(f"--out: cannot write {str(target)!r}: {error.strerror}") from None
