"""Evidence file rows: made when a stored file is first linked, and undone with a failed change."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ashore.app.errors import DataError, InputError
from ashore.domain.records import (
    Attachment,
)
from ashore.store.evidence import EvidenceStore
from ashore.store.mapping import now
from ashore.store.models import (
    EvidenceFileRow,
)

if TYPE_CHECKING:
    from ashore.store.database import Database


def keep_evidence_file(
    session: Session,
    *,
    sha256: str,
    name: str,
    size: int,
    kind: str,
    duration_ms: int | None,
) -> EvidenceFileRow:
    """The evidence row of a file already in the store, made now when it has none yet."""
    row = session.get(EvidenceFileRow, sha256)
    if row is None:
        row = EvidenceFileRow(
            sha256=sha256,
            original_name=name,
            size=size,
            kind=kind,
            imported_at=now(session),
            duration_ms=duration_ms,
        )
        session.add(row)
    return row


def evidence_row(
    session: Session, store: EvidenceStore, attachment: Attachment, path: str
) -> EvidenceFileRow:
    """The evidence row of an attachment, created from the stored file when first linked."""
    row = session.get(EvidenceFileRow, attachment.sha256)
    if row is not None:
        return row
    if not store.has(attachment.sha256):
        raise InputError(f"{path}.sha256: no file with this hash is in the evidence store")
    row = EvidenceFileRow(
        sha256=attachment.sha256,
        original_name=attachment.name,
        size=store.path_for(attachment.sha256).stat().st_size,
        kind=attachment.kind,
        imported_at=attachment.imported_at or now(session),
        duration_ms=attachment.duration_ms,
    )
    session.add(row)
    return row


def discard_unreferenced(db: Database, added: Iterable[str]) -> None:
    """Undo a failed change's new evidence files, but only those no committed row refers to:
    another import or window may have committed a note on the same file meanwhile. When the
    database cannot say, every file stays (``ashore verify`` names an orphan; a file deleted is
    lost for good)."""
    shas = list(added)
    if not shas:
        return
    try:
        with db.reading() as session:
            used = set(
                session.scalars(
                    select(EvidenceFileRow.sha256).where(EvidenceFileRow.sha256.in_(shas))
                )
            )
    except (DataError, SQLAlchemyError):
        return
    for sha in shas:
        if sha not in used:
            db.evidence.discard(sha)
