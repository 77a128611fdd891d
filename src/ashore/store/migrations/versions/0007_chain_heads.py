"""Each loan gets a seal in ``chain_heads``: its note chain's length and last hash, and hashes over
its payments, claims and proposal statuses (see ashore.store.seal). Loans kept by 0002 are sealed
as they stand now; nothing else changes, so every figure stays as it was.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None

# The same queries and hashing as ashore.store.seal, spelled out here so this migration keeps
# working however the application code changes later.
_QUERIES = {
    "payments": "SELECT position, date, amount, note, method, reference FROM payments "
    "WHERE loan_id = :loan ORDER BY position, pk",
    "claims": "SELECT position, date, amount, source, note FROM claims "
    "WHERE loan_id = :loan ORDER BY position, pk",
    "proposals": "SELECT p.position, p.id, p.status, p.method, p.params, c.position, c.at, "
    "c.status, c.note FROM proposals p LEFT JOIN proposal_status_changes c "
    "ON c.proposal_pk = p.pk WHERE p.loan_id = :loan ORDER BY p.position, p.pk, c.position, c.pk",
}


def _digest(rows: Any) -> str:
    body = json.dumps([list(row) for row in rows], ensure_ascii=False, default=str)
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def upgrade() -> None:
    op.create_table(
        "chain_heads",
        sa.Column("loan_id", sa.String(), primary_key=True),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("head", sa.String(64), nullable=False),
        sa.Column("payments", sa.String(64), nullable=False),
        sa.Column("claims", sa.String(64), nullable=False),
        sa.Column("proposals", sa.String(64), nullable=False),
    )
    con = op.get_bind()
    for (loan_id,) in con.execute(sa.text("SELECT id FROM loans")).fetchall():
        count, head = con.execute(
            sa.text(
                "SELECT count(*), (SELECT hash FROM note_events WHERE loan_id = :loan "
                "ORDER BY position DESC LIMIT 1) FROM note_events WHERE loan_id = :loan"
            ),
            {"loan": loan_id},
        ).one()
        hashes = {
            part: _digest(con.execute(sa.text(sql), {"loan": loan_id}))
            for part, sql in _QUERIES.items()
        }
        con.execute(
            sa.text(
                "INSERT INTO chain_heads (loan_id, events, head, payments, claims, proposals) "
                "VALUES (:loan, :events, :head, :payments, :claims, :proposals)"
            ),
            {"loan": loan_id, "events": int(count), "head": head or "", **hashes},
        )


def downgrade() -> None:
    op.drop_table("chain_heads")
