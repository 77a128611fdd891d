"""``ashore export summary`` (every loan's figures as JSON) and ``ashore lpr`` (the one-year LPR
table the 4 × LPR line is drawn from: ``lpr list``, ``lpr add YYYY-MM-DD PERCENT``)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from ashore import finance
from ashore.app.context import Context
from ashore.app.errors import InputError
from ashore.domain.money import AmountError, parse_rate_percent
from ashore.services import Ledger
from ashore.services.costs import loan_figures, lpr_table, shipped_lpr, summary_json


def run_export_summary(args: argparse.Namespace, ctx: Context) -> int:
    """Every loan's (or the ``--loan`` ones') figures as of ``--today``, to stdout or ``--out``."""
    wanted: list[str] = list(args.loans or [])
    if not ctx.data.database.exists():
        if wanted:
            raise InputError(f"--loan: {wanted[0]!r} is not a known loan id")
        loans = []
        lender_names: dict[str, str] = {}
        table = lpr_table()
    else:
        ledger = Ledger.open(ctx.data, read_only=True)  # may read while the window is open
        try:
            loans = ledger.loans()
            lender_names = {lender.id: lender.name for lender in ledger.lenders()}
            table = lpr_table(ledger.added_lpr())
        finally:
            ledger.close()
    known = {loan.id for loan in loans}
    for loan_id in wanted:
        if loan_id not in known:
            raise InputError(f"--loan: {loan_id!r} is not a known loan id")
    chosen = [loan for loan in loans if not wanted or loan.id in wanted]
    try:
        figures = [loan_figures(loan, ctx.today, table, loans) for loan in chosen]
    except finance.FinanceError as error:
        raise InputError(str(error)) from None
    doc = summary_json(figures, ctx.today, lender_names)
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if args.out is None:
        sys.stdout.write(text)
        return 0
    target = Path(args.out)
    if not target.parent.is_dir():
        raise InputError(f"--out: folder {str(target.parent)!r} does not exist")
    temp = target.with_name(f".{target.name}.part")
    try:
        temp.write_text(text, encoding="utf-8")
        temp.replace(target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise InputError(f"--out: cannot write {str(target)!r}: {error.strerror}") from None
    return 0


def run_lpr_list(args: argparse.Namespace, ctx: Context) -> int:
    """The table in force: the shipped values (with the day they were checked) and the added."""
    added_rates: dict[date, Decimal] = {}
    if ctx.data.database.exists():
        ledger = Ledger.open(ctx.data)
        try:
            added_rates = ledger.added_lpr()
        finally:
            ledger.close()
    shipped = shipped_lpr()
    print(f"one-year LPR (shipped values checked on {shipped.checked_on})")
    for entry in lpr_table(added_rates):
        pct = f"{(entry.rate * 100).quantize(Decimal('0.01')):f}"
        mark = "  (added)" if entry.since in added_rates else ""
        print(f"{entry.since}  {pct} %{mark}")
    return 0


def run_lpr_add(args: argparse.Namespace, ctx: Context) -> int:
    """Add a value published after the shipped table was checked (or correct one)."""
    try:
        since = date.fromisoformat(args.since)
    except ValueError:
        raise InputError(f"since: {args.since!r} is not a date (YYYY-MM-DD)") from None
    try:
        rate = parse_rate_percent(args.percent, field="percent")
    except AmountError as error:
        raise InputError(str(error)) from None
    ledger = Ledger.open(ctx.data)
    try:
        ledger.add_lpr(since, rate)
    finally:
        ledger.close()
    print(f"added: one-year LPR {args.percent.strip().rstrip('%').strip()} % from {since}")
    return 0
