"""Call notes become an append-only chain of events (created, revised, deleted, attached).

Each event holds the note's full state after it and a SHA-256 over that and the previous event's
hash, so an edit made through Ashore appends and never rewrites an earlier hash. Notes kept by
0001 get one "created" event each, in their order, from what they hold now.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

GENESIS = "0" * 64


def _body(con: Any, loan_id: str, note: Any) -> dict[str, Any]:
    # The same canonical content as ashore.store.chain.note_content, spelled out here so this
    # migration keeps working however the application code changes later.
    revisions = con.execute(
        sa.text(
            "SELECT revised_at, occurred_at, channel, counterpart, text, outcome, promises, "
            "follow_up FROM note_revisions WHERE note_pk = :pk ORDER BY position"
        ),
        {"pk": note.pk},
    ).fetchall()
    links = con.execute(
        sa.text(
            "SELECT sha256, name, kind FROM note_evidence WHERE note_pk = :pk ORDER BY position"
        ),
        {"pk": note.pk},
    ).fetchall()
    return {
        "loan": loan_id,
        "id": note.id,
        "occurred_at": note.occurred_at,
        "logged_at": note.logged_at,
        "channel": note.channel,
        "counterpart": note.counterpart,
        "text": note.text,
        "outcome": note.outcome,
        "promises": note.promises,
        "follow_up": note.follow_up,
        "deleted_at": note.deleted_at,
        "deleted_reason": note.deleted_reason,
        "attachments": [[sha, name, kind] for sha, name, kind in links],
        "revisions": [
            {
                "revised_at": r[0],
                "occurred_at": r[1],
                "channel": r[2],
                "counterpart": r[3],
                "text": r[4],
                "outcome": r[5],
                "promises": r[6],
                "follow_up": r[7],
            }
            for r in revisions
        ],
    }


def upgrade() -> None:
    op.create_table(
        "note_events",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_note_events_loan_id_loans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_note_events")),
        sa.UniqueConstraint("loan_id", "position", name="uq_note_events_loan_id_position"),
    )
    with op.batch_alter_table("note_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_events_loan_id"), ["loan_id"], unique=False)

    con = op.get_bind()
    notes = con.execute(
        sa.text(
            "SELECT pk, loan_id, id, occurred_at, logged_at, channel, counterpart, text, outcome, "
            "promises, follow_up, deleted_at, deleted_reason FROM call_notes "
            "ORDER BY loan_id, position"
        )
    ).fetchall()
    prev: dict[str, str] = {}
    anchors: dict[str, str] = {}
    count: dict[str, int] = {}
    for note in notes:
        body = json.dumps(_body(con, note.loan_id, note), sort_keys=True, ensure_ascii=False)
        before = prev.get(note.loan_id, GENESIS)
        position = count.get(note.loan_id, 0)
        head = {
            "loan": note.loan_id,
            "position": position,
            "note": note.id,
            "kind": "created",
            "at": note.logged_at,
        }
        line = json.dumps(head, sort_keys=True, ensure_ascii=False)
        digest = hashlib.sha256(f"{before}\n{line}\n{body}".encode()).hexdigest()
        con.execute(
            sa.text(
                "INSERT INTO note_events (loan_id, position, note_id, kind, at, body, prev_hash, "
                "hash) VALUES (:loan, :position, :note, 'created', :at, :body, :prev, :hash)"
            ),
            {
                "loan": note.loan_id,
                "position": position,
                "note": note.id,
                "at": note.logged_at,
                "body": body,
                "prev": before,
                "hash": digest,
            },
        )
        # The note row links to the previous note's first event and carries its own head.
        con.execute(
            sa.text("UPDATE call_notes SET prev_hash = :prev, hash = :hash WHERE pk = :pk"),
            {"prev": anchors.get(note.loan_id, GENESIS), "hash": digest, "pk": note.pk},
        )
        anchors[note.loan_id] = digest
        prev[note.loan_id] = digest
        count[note.loan_id] = position + 1


def downgrade() -> None:
    with op.batch_alter_table("note_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_events_loan_id"))
    op.drop_table("note_events")
