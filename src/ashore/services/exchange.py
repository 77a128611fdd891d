"""``ashore import`` and ``ashore export json`` over the driver's own SQLite connection
(``store.plain``): the same checks, rows, messages and files as ``Ledger.import_book`` and
``Ledger.export_json``, without importing SQLAlchemy (a second of a command's time). A database
behind the newest schema raises ``NotNewest``: the command then goes through the Ledger, which
migrates it first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from ashore.app.errors import InputError
from ashore.app.paths import DataDir
from ashore.app.progress import Progress, report
from ashore.domain.records import Book, Loan
from ashore.domain.validation import check_book
from ashore.exchange import write_book
from ashore.services.computable import check_computable
from ashore.store import plain
from ashore.store.evidence import EvidenceStore
from ashore.store.guides import (
    BORROWER_KEY,
    BUDGET_KEY,
    CURRENCY_KEY,
    GUIDE_PREFIX,
    exported_guides,
    guide_settings,
)
from ashore.store.incoming import store_attachments
from ashore.store.plain_read import plain_loans
from ashore.store.rows import checked_chains, insert_loans
from ashore.store.streams import loan_ids

__all__ = ["ExportSummary", "common_currency", "export_plain", "import_plain"]


@dataclass
class ExportSummary:
    """What an export wrote: lenders, loans, evidence files."""

    lenders: int
    loans: int
    files: int


def common_currency(currencies: list[str]) -> str:
    """The currency most loans are in (the first by code of equals); CNY without loans."""
    counts: dict[str, int] = {}
    for code in currencies:
        counts[code] = counts.get(code, 0) + 1
    if not counts:
        return "CNY"
    return max(sorted(counts), key=lambda code: counts[code])


def _lenders(raw: sqlite3.Connection, book: Book) -> None:
    kept = plain.lenders(raw)
    check_book(book, set(kept))
    check_computable(book)
    for i, lender in enumerate(book.lenders):
        known = kept.get(lender.id)
        if known is not None and known != lender:
            raise InputError(f"lenders[{i}].id: {lender.id!r} already exists with other details")
        if known is None:
            plain.add_lender(raw, lender)


def _file_rows(
    raw: sqlite3.Connection, store: EvidenceStore, loan: Loan, path: str, at: datetime
) -> None:
    """The evidence rows the loan's files need, before its rows that point at them."""
    for i, note in enumerate(loan.notes):
        for j, attachment in enumerate(note.attachments):
            where = f"{path}.notes[{i}].attachments[{j}]"
            plain.attachment_file(raw, store, attachment, where, at)
    settlement = loan.settlement
    if settlement is not None and settlement.certificate is not None:
        where = f"{path}.settlement.certificate"
        plain.attachment_file(raw, store, settlement.certificate, where, at)


def import_plain(data: DataDir, now: datetime, book: Book) -> None:
    """``Ledger.import_book`` over the driver's connection: the whole book in one transaction,
    all or nothing, times stamped ``now``; files it newly stored are removed again on failure.
    NotNewest (nothing done) when the database must be migrated first."""
    store = EvidenceStore(data.evidence)
    added: list[str] = []
    try:
        with plain.writing(data) as raw:
            _lenders(raw, book)
            taken = plain.existing_loan_ids(raw, [loan.id for loan in book.loans])
            stored: list[tuple[Loan, str]] = []
            for i, loan in enumerate(book.loans):
                if loan.id in taken:
                    raise InputError(f"loans[{i}].id: {loan.id!r} already exists")
                stored.append((store_attachments(store, loan, f"loans[{i}]", added), f"loans[{i}]"))
            chains = checked_chains(stored, now)
            for loan, path in stored:
                _file_rows(raw, store, loan, path, now)
            sealed = insert_loans(raw, [loan for loan, _path in stored], chains)

            def keep_file(sha256: str, name: str, size: int) -> None:
                plain.keep_file(raw, sha256, name, size, "document", now)

            for key, value in guide_settings(store, book, added, keep_file):
                plain.set_setting(raw, key, value)
            if book.monthly_budget is not None:
                plain.set_setting(raw, BUDGET_KEY, f"{book.monthly_budget:f}")
            if plain.get_setting(raw, CURRENCY_KEY) is None:
                plain.set_setting(raw, CURRENCY_KEY, book.currency)
            plain.write_seals(raw, sealed)
    except plain.NotNewest:
        raise
    except BaseException:
        plain.discard_unreferenced(data, store, added)
        raise


def _book_head(raw: sqlite3.Connection, ids: list[str]) -> Book:
    """The book without its loans (``Ledger._book_head``): lenders, settings, guides of ``ids``."""
    lenders = list(plain.lenders(raw).values())
    currency = plain.get_setting(raw, CURRENCY_KEY)
    budget = plain.get_setting(raw, BUDGET_KEY)
    kept = raw.execute(
        'SELECT "key", value FROM settings WHERE "key" LIKE ?', (GUIDE_PREFIX + "%",)
    )
    borrower, guides = exported_guides(
        [(str(k), str(v)) for k, v in kept], plain.get_setting(raw, BORROWER_KEY), ids
    )
    if currency is None:
        currency = common_currency([str(r[0]) for r in raw.execute("SELECT currency FROM loans")])
    return Book(
        borrower=borrower,
        guides=guides,
        currency=currency,
        lenders=lenders,
        monthly_budget=Decimal(budget) if budget else None,
    )


def export_plain(
    data: DataDir, now: datetime, path: Path, progress: Progress | None = None
) -> ExportSummary:
    """``Ledger.export_json`` over the driver's connection: everything to ``path`` in the exchange
    format, the evidence files beside it, loan by loan (flat memory), ``exported_at`` ``now``.
    NotNewest when the database must be migrated first."""
    store = EvidenceStore(data.evidence)
    with plain.reading(data) as raw:
        ids = loan_ids(raw)
        head = _book_head(raw, ids)
        summary = ExportSummary(len(head.lenders), len(ids), 0)

        def loans() -> Iterator[Loan]:
            for loan in plain_loans(raw):
                summary.files += sum(len(note.attachments) for note in loan.notes)
                yield loan

        def written(count: int) -> None:
            report(progress, count, len(ids))

        report(progress, 0, len(ids))
        write_book(head, path, store, now, loans=loans(), progress=written)
    return summary
