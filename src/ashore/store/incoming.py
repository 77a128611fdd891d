"""The files an exchange file names, taken into the evidence store as it is imported (the window's
import and ``ashore import`` alike): each checked against the hash the file gives for it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ashore.app.errors import InputError, field_parts
from ashore.domain.records import Attachment, Loan
from ashore.store.evidence import EvidenceStore


def store_attachments(store: EvidenceStore, loan: Loan, path: str, added: list[str]) -> Loan:
    """The loan with every attachment's file in the evidence store (``path`` cleared); the files
    newly stored are listed in ``added`` (a failed import removes them again)."""
    notes = list(loan.notes)
    for i, note in enumerate(notes):
        if note.attachments:  # most notes have none: kept as they are, not copied
            attachments = [
                store_attachment(store, attachment, f"{path}.notes[{i}].attachments[{j}]", added)
                for j, attachment in enumerate(note.attachments)
            ]
            notes[i] = replace(note, attachments=attachments)
    settlement = loan.settlement
    if settlement is not None and settlement.certificate is not None:
        certificate = store_attachment(
            store, settlement.certificate, f"{path}.settlement.certificate", added
        )
        settlement = replace(settlement, certificate=certificate)
    return replace(loan, notes=notes, settlement=settlement)


def store_attachment(
    store: EvidenceStore, attachment: Attachment, where: str, added: list[str]
) -> Attachment:
    """The attachment with its file in the evidence store, checked against its hash."""
    if not attachment.path:
        return attachment
    source = Path(attachment.path)
    if not source.is_file():
        raise InputError(
            f"{attachment.path}: no such file",
            code="file.missing",
            field=(*field_parts(where), "path"),
            arguments={"where": attachment.path},
        )
    sha, created = store.add(source)
    if created:
        added.append(sha)
    if attachment.sha256 and sha != attachment.sha256:
        raise InputError(
            f"{where}.sha256: the file {attachment.path} hashes to {sha}, not {attachment.sha256}"
        )
    return replace(attachment, sha256=sha, size=source.stat().st_size, path="")
