"""``ashore export letter``: the hardship letter for one proposal, filled from the stored data
(borrower profile, lender, loan figures, the proposal's plan, the documents listed) as a PDF."""

from __future__ import annotations

import argparse

from ashore.app.context import Context
from ashore.app.errors import InputError
from ashore.commands.calendar import _write_atomically
from ashore.reports.letter import letter_text, write_letter_pdf
from ashore.services import Ledger
from ashore.services.guide.letter import letter_data


def run_export_letter(args: argparse.Namespace, ctx: Context) -> int:
    """Write the letter asking for ``args.proposal`` on ``args.loan`` to ``args.out``."""
    lang = "zh_CN" if ctx.lang == "zh_CN" else "en"
    ledger = Ledger.open(ctx.data, ctx.clock, read_only=True)  # beside the window too
    try:
        try:
            data = letter_data(ledger, args.loan, args.proposal, ctx.today)
        except InputError as error:
            # The service names the field ("loan: …", "proposal: …"); the user typed the option.
            message = str(error)
            if message.startswith(("loan:", "proposal:")):
                raise InputError("--" + message) from None
            raise
    finally:
        ledger.close()
    body = letter_text(data, lang)
    title = f"{data.lender_name} — {data.loan_name}"
    _write_atomically(args.out, lambda temp: write_letter_pdf(body, temp, title=title, lang=lang))
    # The letter about the accepted plan confirms it (reports.letter); any other asks for one.
    what = "confirming" if data.plan.status == "accepted" else "asking for"
    print(f"wrote {args.out}: letter to {data.lender_name} {what} “{data.plan.name}”")
    return 0
