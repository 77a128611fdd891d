"""`ashore export evidence --loan ID --out FILE.zip`: a loan's call log, files and SHA256SUMS."""

from __future__ import annotations

import argparse

from ashore.app.context import Context
from ashore.reports.call_log import write_evidence_bundle
from ashore.services import Ledger
from ashore.services.notes import Notes


def run_export_evidence(args: argparse.Namespace, ctx: Context) -> int:
    """Write the bundle; exit 1 naming the problem when the loan is unknown or a file is damaged."""
    ledger = Ledger.open(ctx.data, ctx.clock, read_only=True)  # beside the window too
    try:
        notes = Notes(ledger)
        loan = ledger.loan(args.loan)
        summary = write_evidence_bundle(
            loan,
            ledger.lender(loan.lender),
            notes.chain(loan.id),
            ledger.db.evidence,
            args.out,
            "zh_CN" if ctx.lang == "zh_CN" else "en",
            made=ctx.clock.now(),
        )
    finally:
        ledger.close()
    print(
        f"wrote {summary.path}: call log of {summary.notes} note(s), {summary.files} file(s) "
        "and SHA256SUMS"
    )
    return 0
