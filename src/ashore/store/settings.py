"""The settings table: the monthly budget, added LPR values, the book's currency, and the guide's
checklists (``guide:<loan id>``) and borrower profile (``borrower``), kept as JSON.

The checklist JSON has the exchange file's ``guide`` shape, so import and export (which run inside
the exchange's transaction) read and write it here on the caller's session; the keys and the JSON
forms are those of ``store.guides``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ashore.domain.guide import LoanGuide
from ashore.domain.records import Book
from ashore.store.evidence import EvidenceStore
from ashore.store.guides import (
    BORROWER_KEY,
    BUDGET_KEY,
    CURRENCY_KEY,
    GUIDE_PREFIX,
    LPR_KEY,
    borrower_from_json,
    borrower_to_json,
    exported_guides,
    guide_from_json,
    guide_settings,
    guide_to_json,
)
from ashore.store.mapping.files import keep_evidence_file
from ashore.store.models import SettingRow

__all__ = [
    "BORROWER_KEY",
    "BUDGET_KEY",
    "CURRENCY_KEY",
    "GUIDE_PREFIX",
    "LPR_KEY",
    "borrower_from_json",
    "borrower_to_json",
    "export_guides",
    "get_setting",
    "guide_from_json",
    "guide_ids_like",
    "guide_to_json",
    "import_guides",
    "kept_guides",
    "set_setting",
]


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


def import_guides(session: Session, store: EvidenceStore, book: Book, added: list[str]) -> None:
    """Keep the book's checklists and borrower profile (inside the import's transaction), their
    document files in the evidence store (``guides.guide_settings``)."""

    def keep_file(sha256: str, name: str, size: int) -> None:
        keep_evidence_file(
            session, sha256=sha256, name=name, size=size, kind="document", duration_ms=None
        )

    for key, value in guide_settings(store, book, added, keep_file):
        set_setting(session, key, value)


def export_guides(
    session: Session, loan_ids: Iterable[str]
) -> tuple[dict[str, str] | None, dict[str, dict[str, Any]]]:
    """The kept borrower profile and the checklists of ``loan_ids`` (exchange form)."""
    rows = session.scalars(select(SettingRow).where(SettingRow.key.like(GUIDE_PREFIX + "%")))
    kept = [(row.key, row.value) for row in rows]
    return exported_guides(kept, get_setting(session, BORROWER_KEY), loan_ids)
