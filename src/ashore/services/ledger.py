"""``Ledger``: lenders and loans kept, changed, deleted and restored, all or nothing.

Every method opens its own transaction and returns fresh records, so the caller may edit what it
got freely; nothing is written until a ``save_*`` call, which validates first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ashore.app.clock import Clock
from ashore.app.errors import InputError
from ashore.app.paths import DataDir
from ashore.app.progress import Progress, report
from ashore.app.resources import resource_path
from ashore.domain.records import (
    Book,
    Lender,
    Loan,
    LoanSummary,
    NoteFacts,
)
from ashore.domain.validation import check_amount, check_book, check_lender, check_loan
from ashore.exchange import read_book, write_book
from ashore.services.computable import check_computable
from ashore.services.exchange import ExportSummary, common_currency
from ashore.services.snapshot import LoanFigures, SharedRead, in_sidebar_order
from ashore.store import lock, plain, plain_read
from ashore.store.backup import BackupSummary, restore_backup, write_backup
from ashore.store.bulk import insert_new_loans
from ashore.store.database import Database
from ashore.store.dbfile import driver
from ashore.store.incoming import store_attachments
from ashore.store.mapping.files import discard_unreferenced
from ashore.store.mapping.lenders import lender_record, write_lender
from ashore.store.mapping.loans import (
    follow_up_days,
    loan_record,
    loan_rows_by_id,
    write_loan,
)
from ashore.store.models import LenderRow, LoanRow, NoteRow, ProposalRow
from ashore.store.pages import loans_in_pages
from ashore.store.settings import (
    BUDGET_KEY,
    CURRENCY_KEY,
    LPR_KEY,
    export_guides,
    get_setting,
    guide_ids_like,
    import_guides,
    set_setting,
)


class Ledger:
    """What the user keeps, as the window and the commands see it."""

    def __init__(self, db: Database) -> None:
        self.db = db
        # The shared read of every loan and their figures (see ``snapshot`` and ``figures``).
        self._shared = SharedRead()
        # The last loan read in full (see ``loan``): from which database, after which write.
        self._full: dict[str, tuple[Database | None, int, Loan | None]] = {}

    @classmethod
    def open(cls, data: DataDir, clock: Clock | None = None, *, read_only: bool = False) -> Ledger:
        """Open (create or migrate) the data dir's database; ``clock`` stamps what is written.
        ``read_only``: for a command that only reads, which may then read while the window is
        open (``Database.open``)."""
        return cls(Database.open(data, clock, read_only=read_only))

    def close(self) -> None:
        self.db.close()

    # --- lenders -----------------------------------------------------------------------------

    def is_empty(self) -> bool:
        with self.db.reading() as session:
            lenders = session.scalar(select(func.count()).select_from(LenderRow)) or 0
            loans = session.scalar(select(func.count()).select_from(LoanRow)) or 0
            return lenders == 0 and loans == 0

    def lenders(self) -> list[Lender]:
        """Every lender, by name."""
        with self.db.reading() as session:
            rows = session.scalars(select(LenderRow).order_by(LenderRow.name, LenderRow.id))
            return [lender_record(row) for row in rows]

    def lender(self, lender_id: str) -> Lender:
        with self.db.reading() as session:
            row = session.get(LenderRow, lender_id)
            if row is None:
                raise InputError(f"lender: {lender_id!r} is not a known lender id")
            return lender_record(row)

    def save_lender(self, lender: Lender) -> None:
        """Insert or update the lender with ``lender.id``."""
        check_lender(lender)
        with self.db.transaction() as session:
            write_lender(session, lender)

    def delete_lender(self, lender_id: str) -> None:
        """Delete a lender that has no loans; InputError while it still has some."""
        with self.db.transaction() as session:
            row = session.get(LenderRow, lender_id)
            if row is None:
                raise InputError(f"lender: {lender_id!r} is not a known lender id")
            count = session.scalar(
                select(func.count()).select_from(LoanRow).where(LoanRow.lender_id == lender_id)
            )
            if count:
                raise InputError(
                    f"lender: {row.name} still has {count} loan(s); delete or move them first"
                )
            session.delete(row)

    # --- loans -------------------------------------------------------------------------------

    def loans(self) -> list[Loan]:
        """Every loan in full, ordered by lender name, then loan name: read in plain SQL, a few
        queries whatever the number of notes (the ORM's read made an object of every note,
        revision and link: seconds for a heavy user's 20,000 notes)."""
        with self.db.reading() as session:
            raw = driver(session)
            return list(in_sidebar_order(plain_read.plain_loans(raw), plain.lenders(raw)))

    def snapshot(self) -> tuple[Loan, ...]:
        """Every loan in ``loans()`` order without its notes (``notes`` and ``note_chain`` empty;
        ``note_facts`` has what the screens over all loans need of them), read once per change
        of the data and shared: the sidebar, guide, dashboard and warnings of one refresh all get
        these same records, and after a write only the loans it touched are read again (a write
        of anything else, such as a lender, reads all again). Shared, so never edit them:
        ``loan`` and ``loans`` give full records to edit."""
        self._shared.update(self.db)
        return self._shared.loans

    def note_facts(self) -> dict[str, NoteFacts]:
        """What the snapshot's loans' notes say, by loan id (a loan without live notes is not
        listed); read with the snapshot, shared: never edit it."""
        self._shared.update(self.db)
        return self._shared.facts

    def figures(self, today: date) -> list[LoanFigures]:
        """Each snapshot loan worked out on ``today`` (where it stands and its summary), in
        snapshot order: once per (loan, day), kept until that loan changes."""
        self._shared.update(self.db)
        return self._shared.figures(today)

    def follow_ups_from(self, day: date) -> dict[str, list[date]]:
        """The follow-ups of live notes on or after ``day``, by loan id (what the snapshot's
        loans, read without their notes, would give ``services.reminders``)."""
        with self.db.reading() as session:
            return follow_up_days(session, day)

    def loan(self, loan_id: str) -> Loan:
        """The loan in full, to edit: its children read in one query per kind (not per note).
        Read again only once a write touched it: until then a copy of the last read is given
        (the tabs and the window that follow one edit read it once)."""
        db, writes, kept = self._full.get(loan_id, (None, 0, None))
        if db is self.db and kept is not None:
            touched = self.db.changes.since(writes)
            if touched is not None and loan_id not in touched:
                return deepcopy(kept)
        with self.db.reading() as session:
            rows = loan_rows_by_id(session, [loan_id])
            if not rows:
                raise InputError(f"loan: {loan_id!r} is not a known loan id")
            record = loan_record(rows[0])
        # After an edit the loan's tab reads it here first: the refresh's re-read that follows
        # takes this record (without its notes) instead of reading the loan a second time.
        self._shared.offer(self.db, record)
        self._full = {loan_id: (self.db, self.db.changes.writes, record)}  # the last one only
        return deepcopy(record)

    def save_loan(self, loan: Loan) -> None:
        """Insert or update the loan with ``loan.id``, with all its payments, proposals, notes…"""
        with self.db.transaction() as session:
            check_loan(loan, self._lender_ids(session))
            write_loan(session, self.db.evidence, loan)

    def delete_loan(self, loan_id: str) -> Loan:
        """Delete a loan and everything on it; returns the full record so it can be restored.

        Its guide checklist (the ``guide:<loan id>`` setting) stays, so that ``restore_loan``
        brings it back with the loan; ``new_id`` never hands that id out again meanwhile."""
        with self.db.transaction() as session:
            row = session.get(LoanRow, loan_id)
            if row is None:
                raise InputError(f"loan: {loan_id!r} is not a known loan id")
            record = loan_record(row)
            session.delete(row)
            return record

    def restore_loan(self, loan: Loan) -> None:
        """Put a deleted loan back as it was, with the same ids (the undo of ``delete_loan``)."""
        with self.db.transaction() as session:
            if session.get(LoanRow, loan.id) is not None:
                raise InputError(f"loan.id: {loan.id!r} already exists")
            check_loan(loan, self._lender_ids(session))
            write_loan(session, self.db.evidence, loan)

    def new_id(self, prefix: str) -> str:
        """A fresh id like ``loan-3``: unused by any lender, loan, proposal or note, and not the id
        of a deleted loan whose guide checklist is still kept (a new loan must not inherit it)."""
        if not re.fullmatch(r"[A-Za-z0-9_.-]+", prefix):
            raise InputError(f"prefix: {prefix!r} may hold only letters, digits, '-', '_', '.'")
        with self.db.reading() as session:
            used: set[str] = set()
            for column in (LenderRow.id, LoanRow.id, ProposalRow.id, NoteRow.id):
                used.update(session.scalars(select(column).where(column.like(f"{prefix}-%"))))
            used.update(guide_ids_like(session, prefix))
        number = 1
        while f"{prefix}-{number}" in used:
            number += 1
        return f"{prefix}-{number}"

    # --- files: exchange export, backup, restore ------------------------------------------

    def import_json(self, path: Path) -> Book:
        """Add everything in the exchange file at ``path``, all or nothing; returns what it held."""
        book = read_book(path)
        self.import_book(book)
        return book

    def export_json(self, path: Path, progress: Progress | None = None) -> ExportSummary:
        """Write everything to ``path`` in the exchange format, the evidence files beside it.

        The loans are read and written a page at a time, so memory stays flat however many
        there are; ``progress`` hears (loans written, loans) and may cancel (``Cancelled``):
        the file only appears, renamed from a temporary one, once it is complete."""
        with self.db.reading() as session:
            ids = list(session.scalars(select(LoanRow.id).order_by(LoanRow.id)))
            head = self._book_head(session, ids)
            summary = ExportSummary(len(head.lenders), len(ids), 0)

            def loans() -> Iterator[Loan]:
                for loan in loans_in_pages(session, ids):
                    summary.files += sum(len(note.attachments) for note in loan.notes)
                    yield loan

            def written(count: int) -> None:
                report(progress, count, len(ids))

            report(progress, 0, len(ids))
            write_book(
                head, path, self.db.evidence, self.db.clock.now(), loans=loans(), progress=written
            )
        return summary

    def backup(self, path: Path) -> BackupSummary:
        """A consistent copy of the database and every evidence file, as one zip at ``path``."""
        return write_backup(self.db, path)

    def restore(self, source: Path) -> Path | None:
        """Replace all the data with the backup at ``source``, all or nothing.

        The database is closed meanwhile and open again afterwards: on the restored data, or on
        the untouched data when the backup is refused (InputError/DataError). The data replaced
        is first saved as a backup; its path is returned (None when there was no data yet).
        """
        data = self.db.data
        # The lock is kept across the swap: no other window or command slips in between.
        clock = self.db.clock
        with lock.holding(data.root):
            self.db.close()
            try:
                safety = restore_backup(data, source, clock)
            finally:
                # Opening migrates a backup made by an older Ashore, like any older database.
                self.db = Database.open(data, clock)
        return safety

    # --- settings ----------------------------------------------------------------------------

    def monthly_budget(self) -> Decimal | None:
        with self.db.reading() as session:
            value = get_setting(session, BUDGET_KEY)
            return Decimal(value) if value else None

    def set_monthly_budget(self, amount: Decimal | None) -> None:
        if amount is not None:
            check_amount(amount, "monthly_budget", self.currency())
        with self.db.transaction() as session:
            set_setting(session, BUDGET_KEY, None if amount is None else f"{amount:f}")

    def added_lpr(self) -> dict[date, Decimal]:
        """The one-year LPR values the user added to the shipped table ({since: fraction})."""
        with self.db.reading() as session:
            value = get_setting(session, LPR_KEY)
            raw = json.loads(value) if value else {}
        return {date.fromisoformat(k): Decimal(v) for k, v in raw.items()}

    def add_lpr(self, since: date, rate: Decimal) -> None:
        """Add (or correct) the one-year LPR in force from ``since`` (a fraction, 0.03 = 3 %);
        it joins the shipped table for every line worked out from then on."""
        if not Decimal("0") < rate < Decimal("1"):
            raise InputError(f"rate: {rate:f} is not a yearly rate between 0 and 100 %")
        if not 1990 <= since.year <= 2200:
            raise InputError(f"since: {since} is not between 1990 and 2200")
        values = self.added_lpr()
        values[since] = rate
        text = json.dumps({k.isoformat(): f"{v:f}" for k, v in sorted(values.items())})
        with self.db.transaction() as session:
            set_setting(session, LPR_KEY, text)

    # --- the exchange ------------------------------------------------------------------------

    def load_sample(self) -> None:
        """Add the sample book (3 loans from 2 lenders) shipped in resources/sample/."""
        self.import_book(read_book(resource_path("sample", "sample.json")))

    def import_book(self, book: Book) -> None:
        """Add a whole book in one transaction: all or nothing.

        Lenders already kept under the same id must match exactly; loan ids must be new. Attachment
        files named by ``path`` (absolute, as ``read_book`` leaves them) are copied into the
        evidence store; files it newly stored are removed again if the import fails.
        """
        added: list[str] = []
        try:
            with self.db.transaction() as session:
                existing = self._lender_ids(session)
                check_book(book, existing)
                check_computable(book)
                for i, lender in enumerate(book.lenders):
                    row = session.get(LenderRow, lender.id)
                    if row is not None and lender_record(row) != lender:
                        raise InputError(
                            f"lenders[{i}].id: {lender.id!r} already exists with other details"
                        )
                    if row is None:
                        write_lender(session, lender)
                session.flush()
                taken = _existing_loan_ids(session, [loan.id for loan in book.loans])
                stored: list[tuple[Loan, str]] = []
                for i, loan in enumerate(book.loans):
                    if loan.id in taken:
                        raise InputError(f"loans[{i}].id: {loan.id!r} already exists")
                    stored.append(
                        (
                            store_attachments(self.db.evidence, loan, f"loans[{i}]", added),
                            f"loans[{i}]",
                        )
                    )
                insert_new_loans(session, self.db.evidence, stored)
                import_guides(session, self.db.evidence, book, added)
                if book.monthly_budget is not None:
                    set_setting(session, BUDGET_KEY, f"{book.monthly_budget:f}")
                if get_setting(session, CURRENCY_KEY) is None:
                    set_setting(session, CURRENCY_KEY, book.currency)
        except BaseException:
            discard_unreferenced(self.db, added)
            raise

    def export_book(self) -> Book:
        """Everything kept, lenders and loans ordered by id (so two exports are the same)."""
        with self.db.reading() as session:
            loans = [loan_record(row) for row in loan_rows_by_id(session)]
            return replace(self._book_head(session, [loan.id for loan in loans]), loans=loans)

    def _book_head(self, session: Session, loan_ids: list[str]) -> Book:
        """The book without its loans: lenders, settings, the guides of ``loan_ids``."""
        lenders = [
            lender_record(row) for row in session.scalars(select(LenderRow).order_by(LenderRow.id))
        ]
        currency = get_setting(session, CURRENCY_KEY)
        budget = get_setting(session, BUDGET_KEY)
        borrower, guides = export_guides(session, loan_ids)
        return Book(
            borrower=borrower,
            guides=guides,
            currency=currency
            if currency is not None
            else common_currency(list(session.scalars(select(LoanRow.currency)))),
            lenders=lenders,
            monthly_budget=Decimal(budget) if budget else None,
        )

    # --- where each loan stands ---------------------------------------------------------------

    def summaries(self, today: date) -> list[LoanSummary]:
        """One line per loan, in sidebar order, with where it stands on ``today``."""
        return [found.summary for found in self.figures(today)]

    # --- helpers -----------------------------------------------------------------------------

    def _lender_ids(self, session: Session) -> set[str]:
        return set(session.scalars(select(LenderRow.id)))

    def currency(self) -> str:
        """The book's currency (what the dashboard totals are in)."""
        with self.db.reading() as session:
            value = get_setting(session, CURRENCY_KEY)
            return value if value is not None else "CNY"

    def _store_attachments(self, loan: Loan, path: str, added: list[str]) -> Loan:
        """The loan with every attachment's file in the evidence store (``path`` cleared)."""
        return store_attachments(self.db.evidence, loan, path, added)


def _existing_loan_ids(session: Session, ids: list[str]) -> set[str]:
    """Which of ``ids`` are loans already kept (asked 500 at a time)."""
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(session.scalars(select(LoanRow.id).where(LoanRow.id.in_(chunk))))
    return found
