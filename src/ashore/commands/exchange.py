"""``ashore import FILE.json`` and ``ashore export json --out FILE.json``: the exchange file.

A database at the newest schema is written and read over the driver's own connection
(``services.exchange``), without importing SQLAlchemy; an older one is opened (and migrated)
through the Ledger first, as always.
"""

from __future__ import annotations

import argparse
import gc
from collections.abc import Iterator
from contextlib import contextmanager

from ashore.app.context import Context
from ashore.exchange import read_book
from ashore.services.exchange import ExportSummary, export_plain, import_plain
from ashore.store.plain import NotNewest


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused (as it was again after): reading a heavy file makes
    hundreds of thousands of objects, none in a cycle to free, and the collector walked them all
    again and again (a tenth of the import's time, for a few hundred objects freed)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def run_import(args: argparse.Namespace, ctx: Context) -> int:
    """Add the file's contents in one transaction; nothing changes when anything is wrong."""
    with _no_cycle_collection():
        return _import(args, ctx)


def _import(args: argparse.Namespace, ctx: Context) -> int:
    # Read and check the whole file before the database is even opened.
    book = read_book(args.file)
    try:
        import_plain(ctx.data, ctx.clock.now(), book)
    except NotNewest:
        from ashore.services import Ledger  # SQLAlchemy, only for a database to migrate

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


def _migrated_export(args: argparse.Namespace, ctx: Context) -> ExportSummary:
    from ashore.services import Ledger  # SQLAlchemy, only for a database to migrate

    ledger = Ledger.open(ctx.data, ctx.clock, read_only=True)
    try:
        return ledger.export_json(args.out)
    finally:
        ledger.close()


def run_export_json(args: argparse.Namespace, ctx: Context) -> int:
    """Write everything to one exchange file, the evidence files beside it under evidence/."""
    try:
        written = export_plain(ctx.data, ctx.clock.now(), args.out)
    except NotNewest:
        written = _migrated_export(args, ctx)
    print(
        f"wrote {args.out}: {written.lenders} lender(s), {written.loans} loan(s), "
        f"{written.files} file(s)"
    )
    return 0
