"""The settings table: the monthly budget, added LPR values, the book's currency, and the guide's
checklists (``guide:<loan id>``) and borrower profile (``borrower``), kept as JSON.

The checklist JSON has the exchange file's ``guide`` shape, so import and export (which run inside
the exchange's transaction) read and write it here on the caller's session.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ashore.app.errors import InputError
from ashore.domain.guide import Borrower, CreditCheck, GuideDocument, LoanGuide, check_guide
from ashore.domain.records import Book
from ashore.store.evidence import EvidenceStore
from ashore.store.mapping.files import keep_evidence_file
from ashore.store.models import SettingRow

BUDGET_KEY = "monthly_budget"

LPR_KEY = "lpr_added"  # JSON {"YYYY-MM-DD": "0.0300"}: LPR values the user added

CURRENCY_KEY = "currency"

GUIDE_PREFIX = "guide:"

BORROWER_KEY = "borrower"


def guide_to_json(guide: LoanGuide) -> dict[str, Any]:
    """The checklist as the exchange file's optional ``guide`` object."""
    return {
        "reason": guide.reason,
        "reason_text": guide.reason_text,
        "ask": guide.ask,
        "fallback": guide.fallback,
        "documents": [
            {"kind": d.kind, "sha256": d.sha256, "name": d.name, "size": d.size}
            for d in guide.documents
        ],
        "credit_checks": [
            {"checked_on": c.checked_on.isoformat(), "result": c.result, "note": c.note}
            for c in guide.credit_checks
        ],
    }


def guide_from_json(loan_id: str, data: dict[str, Any]) -> LoanGuide:
    return LoanGuide(
        loan_id=loan_id,
        reason=str(data.get("reason", "")),
        reason_text=str(data.get("reason_text", "")),
        ask=str(data.get("ask", "")),
        fallback=str(data.get("fallback", "")),
        documents=[
            GuideDocument(str(d["kind"]), str(d["sha256"]), str(d["name"]), int(d.get("size", 0)))
            for d in data.get("documents", [])
        ],
        credit_checks=[
            CreditCheck(date.fromisoformat(c["checked_on"]), str(c["result"]), str(c["note"]))
            for c in data.get("credit_checks", [])
        ],
    )


def get_setting(session: Session, key: str) -> str | None:
    """The kept value of ``key``, or None when it was never set."""
    row = session.get(SettingRow, key)
    return row.value if row is not None else None


def set_setting(session: Session, key: str, value: str | None) -> None:
    """Keep ``value`` under ``key`` (None removes the setting)."""
    row = session.get(SettingRow, key)
    if value is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(SettingRow(key=key, value=value))
    else:
        row.value = value


def kept_guides(session: Session) -> dict[str, LoanGuide]:
    """Every kept checklist by loan id (also of deleted loans, until their id is taken)."""
    rows = session.scalars(select(SettingRow).where(SettingRow.key.like(GUIDE_PREFIX + "%")))
    found = {row.key[len(GUIDE_PREFIX) :]: row.value for row in rows}
    return {loan_id: guide_from_json(loan_id, json.loads(raw)) for loan_id, raw in found.items()}


def guide_ids_like(session: Session, prefix: str) -> set[str]:
    """The loan ids starting ``<prefix>-`` that still have a kept checklist."""
    kept = session.scalars(
        select(SettingRow.key).where(SettingRow.key.like(f"{GUIDE_PREFIX}{prefix}-%"))
    )
    return {key.removeprefix(GUIDE_PREFIX) for key in kept}


def borrower_from_json(raw: str) -> Borrower:
    data = json.loads(raw)
    return Borrower(
        name=str(data.get("name", "")),
        phone=str(data.get("phone", "")),
        address=str(data.get("address", "")),
        email=str(data.get("email", "")),
    )


def borrower_to_json(borrower: Borrower) -> str:
    data = {
        "name": borrower.name,
        "phone": borrower.phone,
        "address": borrower.address,
        "email": borrower.email,
    }
    return json.dumps(data, ensure_ascii=False)


def import_guides(session: Session, store: EvidenceStore, book: Book, added: list[str]) -> None:
    """Keep the book's checklists and borrower profile (inside the import's transaction).

    Document files named by ``path`` are copied into the evidence store (their SHA-256 checked
    when given) and listed in ``added`` so a failed import can remove them again.
    """
    by_id = {loan.id: (i, loan) for i, loan in enumerate(book.loans)}
    for loan_id, data in book.guides.items():
        i, loan = by_id[loan_id]
        where = f"loans[{i}].guide"
        documents = []
        for j, doc in enumerate(data.get("documents", [])):
            at = f"{where}.documents[{j}]"
            sha = str(doc.get("sha256", ""))
            if doc.get("path"):
                source = Path(doc["path"])
                found, created = store.add(source)
                if created:
                    added.append(found)
                if sha and found != sha:
                    raise InputError(f"{at}.sha256: the file {source} hashes to {found}, not {sha}")
                sha = found
            elif not store.has(sha):
                raise InputError(f"{at}.sha256: no file with this hash is in the evidence store")
            keep_evidence_file(
                session,
                sha256=sha,
                name=str(doc.get("name", "")),
                size=store.path_for(sha).stat().st_size,
                kind="document",
                duration_ms=None,
            )
            documents.append({**doc, "sha256": sha})
        guide = guide_from_json(loan_id, {**data, "documents": documents})
        check_guide(guide, loan, where)
        value = json.dumps(guide_to_json(guide), ensure_ascii=False)
        set_setting(session, GUIDE_PREFIX + loan_id, value)
    if book.borrower is not None:
        set_setting(session, BORROWER_KEY, json.dumps(book.borrower, ensure_ascii=False))


def export_guides(
    session: Session, loan_ids: Iterable[str]
) -> tuple[dict[str, str] | None, dict[str, dict[str, Any]]]:
    """The kept borrower profile and the checklists of ``loan_ids`` (exchange form)."""
    wanted = set(loan_ids)
    guides = {
        loan_id: guide_to_json(guide)
        for loan_id, guide in kept_guides(session).items()
        if loan_id in wanted
    }
    raw_borrower = get_setting(session, BORROWER_KEY)
    borrower = None
    if raw_borrower is not None:
        raw = json.loads(raw_borrower)
        borrower = {key: str(raw.get(key, "")) for key in ("name", "phone", "address", "email")}
    return borrower, dict(sorted(guides.items()))
