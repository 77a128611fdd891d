"""The guide's kept values over a Ledger: each loan's checklist and the borrower profile (in the
settings table, ``ashore.store.settings``), supporting documents and credit checks."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ashore.app.errors import InputError
from ashore.domain.guide import (
    DOCUMENT_KINDS,
    Borrower,
    CreditCheck,
    GuideDocument,
    LoanGuide,
    check_guide,
)
from ashore.services.ledger import Ledger
from ashore.services.notes import DurationProbe, Notes
from ashore.store.mapping.files import discard_unreferenced, keep_evidence_file
from ashore.store.settings import (
    BORROWER_KEY,
    GUIDE_PREFIX,
    borrower_from_json,
    borrower_to_json,
    get_setting,
    guide_from_json,
    guide_to_json,
    kept_guides,
    set_setting,
)


def load_guide(ledger: Ledger, loan_id: str) -> LoanGuide:
    """The loan's checklist (empty when nothing was ticked yet)."""
    with ledger.db.reading() as session:
        raw = get_setting(session, GUIDE_PREFIX + loan_id)
    if raw is None:
        return LoanGuide(loan_id)
    return guide_from_json(loan_id, json.loads(raw))


def load_guides(ledger: Ledger) -> dict[str, LoanGuide]:
    """Every kept checklist by loan id."""
    with ledger.db.reading() as session:
        return kept_guides(session)


def save_guide(ledger: Ledger, guide: LoanGuide) -> None:
    """Check the checklist against the loan and keep it."""
    loan = ledger.loan(guide.loan_id)
    check_guide(guide, loan)
    with ledger.db.transaction() as session:
        set_setting(session, GUIDE_PREFIX + guide.loan_id, json.dumps(guide_to_json(guide)))


def load_borrower(ledger: Ledger) -> Borrower:
    with ledger.db.reading() as session:
        raw = get_setting(session, BORROWER_KEY)
    return Borrower() if raw is None else borrower_from_json(raw)


def save_borrower(ledger: Ledger, borrower: Borrower) -> None:
    for name in ("name", "phone", "address", "email"):
        if len(getattr(borrower, name)) > 500:
            raise InputError.at(
                f"borrower.{name}", "text.too_long", "keep it under 500 characters", limit=500
            )
    with ledger.db.transaction() as session:
        set_setting(session, BORROWER_KEY, borrower_to_json(borrower))


def attach_document(
    ledger: Ledger,
    loan_id: str,
    source: Path,
    kind: str,
    duration_probe: DurationProbe | None = None,
) -> GuideDocument:
    """Store ``source`` byte for byte in the evidence store (through the notes service, in
    chunks) and list it on the loan's checklist with its SHA-256 (a recording's length measured
    by ``duration_probe``, WAV only without one)."""
    if kind not in DOCUMENT_KINDS:
        raise InputError(f"kind: {kind!r} is not one of {', '.join(DOCUMENT_KINDS)}")
    ledger.loan(loan_id)  # the loan must exist before anything is copied
    guide = load_guide(ledger, loan_id)
    stored = Notes(ledger, duration_probe).store(Path(source))
    try:
        with ledger.db.transaction() as session:
            # A row, so that verify and backup see the file like any note attachment.
            keep_evidence_file(
                session,
                sha256=stored.sha256,
                name=stored.name,
                size=stored.size,
                kind=stored.kind,
                duration_ms=stored.duration_ms,
            )
    except BaseException:
        if stored.new:
            discard_unreferenced(ledger.db, [stored.sha256])
        raise
    doc = GuideDocument(kind=kind, sha256=stored.sha256, name=stored.name, size=stored.size)
    if not any(d.sha256 == doc.sha256 and d.kind == kind for d in guide.documents):
        guide.documents.append(doc)
        save_guide(ledger, guide)
    return doc


def record_credit_check(
    ledger: Ledger, loan_id: str, checked_on: date, result: str, note: str = ""
) -> LoanGuide:
    """Keep when the credit report was checked and what it showed."""
    guide = load_guide(ledger, loan_id)
    guide.credit_checks.append(CreditCheck(checked_on, result, note))
    save_guide(ledger, guide)
    return guide
