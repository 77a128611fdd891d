"""``ashore import FILE.json`` and ``ashore export json --out FILE.json``: the exchange file."""

from __future__ import annotations

import argparse

from ashore.app.context import Context
from ashore.exchange import read_book
from ashore.services import Ledger


def run_import(args: argparse.Namespace, ctx: Context) -> int:
    """Add the file's contents in one transaction; nothing changes when anything is wrong."""
    # Read and check the whole file before the database is even opened.
    book = read_book(args.file)
    ledger = Ledger.open(ctx.data, ctx.clock)
    try:
        ledger.import_book(book)
    finally:
        ledger.close()
    files = sum(len(note.attachments) for loan in book.loans for note in loan.notes)
    print(
        f"imported {len(book.lenders)} lender(s), {len(book.loans)} loan(s) and "
        f"{files} file(s) from {args.file}"
    )
    return 0


def run_export_json(args: argparse.Namespace, ctx: Context) -> int:
    """Write everything to one exchange file, the evidence files beside it under evidence/."""
    ledger = Ledger.open(ctx.data, ctx.clock, read_only=True)
    try:
        written = ledger.export_json(args.out)
    finally:
        ledger.close()
    print(
        f"wrote {args.out}: {written.lenders} lender(s), {written.loans} loan(s), "
        f"{written.files} file(s)"
    )
    return 0
