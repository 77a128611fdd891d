"""``ashore export complaint``: a complaint to the regulator about one loan's collection (every
collection contact, the rules it broke, the files' hashes) as a PDF."""

from __future__ import annotations

import argparse

from ashore.app.context import Context
from ashore.app.errors import InputError
from ashore.commands.calendar import _write_atomically
from ashore.reports.complaint import write_complaint_pdf
from ashore.services import Ledger
from ashore.services.complaint import complaint_data, complaint_lang


def run_export_complaint(args: argparse.Namespace, ctx: Context) -> int:
    ledger = Ledger.open(ctx.data, ctx.clock, read_only=True)  # beside the window too
    try:
        loan = next((x for x in ledger.loans() if x.id == args.loan), None)
        if loan is None:
            raise InputError(f"--loan: {args.loan!r} is not a known loan id")
        lang = complaint_lang(loan.currency, getattr(args, "lang", None), ctx.lang)
        data = complaint_data(ledger, args.loan, ctx.today, args.to, lang)
    finally:
        ledger.close()
    _write_atomically(args.out, lambda temp: write_complaint_pdf(data, temp, lang))
    print(
        f"wrote {args.out}: complaint to {data.to} about {data.lender.name}, "
        f"{len(data.contacts)} collection contact(s), {len(data.breaches)} breach(es) of the rules"
    )
    return 0
