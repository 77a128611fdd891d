"""The settings' keys, and the guide's checklists (``guide:<loan id>``) and borrower profile
(``borrower``) as the JSON they are kept as, read and written without SQLAlchemy: the import and
export over the driver's own connection (``store.plain``) and the ORM's (``store.settings``) share
them.

The checklist JSON has the exchange file's ``guide`` shape.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from ashore.app.errors import InputError
from ashore.domain.guide import Borrower, CreditCheck, GuideDocument, LoanGuide, check_guide
from ashore.domain.records import Book
from ashore.store.evidence import EvidenceStore

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


# What an import keeps of a book's guides: a file row (sha256, name, size) for each document, and
# the settings (key, value) to set.
KeepFile = Callable[[str, str, int], None]


def guide_settings(
    store: EvidenceStore, book: Book, added: list[str], keep_file: KeepFile
) -> list[tuple[str, str]]:
    """The settings that keep the book's checklists and borrower profile, each document's file
    in the evidence store and handed to ``keep_file`` (sha256, name, size) for its row.

    Document files named by ``path`` are copied into the evidence store (their SHA-256 checked
    when given) and listed in ``added`` so a failed import can remove them again.
    """
    settings: list[tuple[str, str]] = []
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
            keep_file(sha, str(doc.get("name", "")), store.path_for(sha).stat().st_size)
            documents.append({**doc, "sha256": sha})
        guide = guide_from_json(loan_id, {**data, "documents": documents})
        check_guide(guide, loan, where)
        value = json.dumps(guide_to_json(guide), ensure_ascii=False)
        settings.append((GUIDE_PREFIX + loan_id, value))
    if book.borrower is not None:
        settings.append((BORROWER_KEY, json.dumps(book.borrower, ensure_ascii=False)))
    return settings


def exported_guides(
    kept: Iterable[tuple[str, str]], raw_borrower: str | None, loan_ids: Iterable[str]
) -> tuple[dict[str, str] | None, dict[str, dict[str, Any]]]:
    """The borrower profile and the checklists of ``loan_ids`` (exchange form), from the kept
    ``guide:`` settings (key, value) and the kept borrower setting."""
    wanted = set(loan_ids)
    guides = {}
    for key, raw in kept:
        loan_id = key[len(GUIDE_PREFIX) :]
        if loan_id in wanted:
            guides[loan_id] = guide_to_json(guide_from_json(loan_id, json.loads(raw)))
    borrower = None
    if raw_borrower is not None:
        raw = json.loads(raw_borrower)
        borrower = {key: str(raw.get(key, "")) for key in ("name", "phone", "address", "email")}
    return borrower, dict(sorted(guides.items()))
