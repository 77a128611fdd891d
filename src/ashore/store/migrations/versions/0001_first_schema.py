"""The first schema: lenders, loans and their parts, call notes with their hash chain,
evidence files and settings.

Amounts, rates and times are TEXT columns (exact decimal strings, ISO 8601 with offset), never REAL.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:

    op.create_table(
        "evidence_files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.String(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("imported_at", sa.String(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_evidence_files")),
    )
    op.create_table(
        "lenders",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("phone", sa.String(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("hours", sa.String(), nullable=False),
        sa.Column("website", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lenders")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "loans",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("lender_id", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("reference", sa.String(), nullable=False),
        sa.Column("principal", sa.String(), nullable=False),
        sa.Column("rate_value", sa.String(), nullable=False),
        sa.Column("rate_per", sa.String(), nullable=False),
        sa.Column("rate_day_count", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("term_count", sa.Integer(), nullable=False),
        sa.Column("term_unit", sa.String(), nullable=False),
        sa.Column("first_due", sa.Date(), nullable=False),
        sa.Column("penalty_rate_value", sa.String(), nullable=True),
        sa.Column("penalty_rate_per", sa.String(), nullable=True),
        sa.Column("penalty_rate_day_count", sa.Integer(), nullable=False),
        sa.Column("penalty_base", sa.String(), nullable=False),
        sa.Column("late_fee", sa.String(), nullable=False),
        sa.Column("grace_days", sa.Integer(), nullable=False),
        sa.Column("accelerates_after_days", sa.Integer(), nullable=True),
        sa.Column("allocation", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lender_id"],
            ["lenders.id"],
            name=op.f("fk_loans_lender_id_lenders"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loans")),
    )
    with op.batch_alter_table("loans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loans_lender_id"), ["lender_id"], unique=False)

    op.create_table(
        "call_notes",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("occurred_at", sa.String(), nullable=False),
        sa.Column("logged_at", sa.String(), nullable=False),
        sa.Column("channel", sa.String(), nullable=False),
        sa.Column("counterpart", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("promises", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Date(), nullable=True),
        sa.Column("deleted_at", sa.String(), nullable=True),
        sa.Column("deleted_reason", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_call_notes_loan_id_loans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_call_notes")),
        sa.UniqueConstraint("loan_id", "id", name="uq_call_notes_loan_id_id"),
    )
    with op.batch_alter_table("call_notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_notes_loan_id"), ["loan_id"], unique=False)

    op.create_table(
        "claims",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("amount", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_claims_loan_id_loans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_claims")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claims_loan_id"), ["loan_id"], unique=False)

    op.create_table(
        "fees",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("amount", sa.String(), nullable=False),
        sa.Column("per", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_fees_loan_id_loans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_fees")),
    )
    with op.batch_alter_table("fees", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fees_loan_id"), ["loan_id"], unique=False)

    op.create_table(
        "payments",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("amount", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("reference", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_payments_loan_id_loans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_payments")),
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payments_loan_id"), ["loan_id"], unique=False)

    op.create_table(
        "proposals",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("waive_penalty", sa.String(), nullable=False),
        sa.Column("waive_late_fees", sa.String(), nullable=False),
        sa.Column("waive_interest", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_proposals_loan_id_loans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_proposals")),
        sa.UniqueConstraint("loan_id", "id", name="uq_proposals_loan_id_id"),
    )
    with op.batch_alter_table("proposals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_proposals_loan_id"), ["loan_id"], unique=False)

    op.create_table(
        "note_evidence",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("note_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["note_pk"],
            ["call_notes.pk"],
            name=op.f("fk_note_evidence_note_pk_call_notes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["evidence_files.sha256"],
            name=op.f("fk_note_evidence_sha256_evidence_files"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_note_evidence")),
    )
    with op.batch_alter_table("note_evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_evidence_note_pk"), ["note_pk"], unique=False)
        batch_op.create_index(batch_op.f("ix_note_evidence_sha256"), ["sha256"], unique=False)

    op.create_table(
        "note_revisions",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("note_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("revised_at", sa.String(), nullable=False),
        sa.Column("occurred_at", sa.String(), nullable=False),
        sa.Column("channel", sa.String(), nullable=False),
        sa.Column("counterpart", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("promises", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["note_pk"],
            ["call_notes.pk"],
            name=op.f("fk_note_revisions_note_pk_call_notes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_note_revisions")),
    )
    with op.batch_alter_table("note_revisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_revisions_note_pk"), ["note_pk"], unique=False)

    op.create_table(
        "proposal_status_changes",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("proposal_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["proposal_pk"],
            ["proposals.pk"],
            name=op.f("fk_proposal_status_changes_proposal_pk_proposals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_proposal_status_changes")),
    )
    with op.batch_alter_table("proposal_status_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_proposal_status_changes_proposal_pk"), ["proposal_pk"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("proposal_status_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proposal_status_changes_proposal_pk"))

    op.drop_table("proposal_status_changes")
    with op.batch_alter_table("note_revisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_revisions_note_pk"))

    op.drop_table("note_revisions")
    with op.batch_alter_table("note_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_evidence_sha256"))
        batch_op.drop_index(batch_op.f("ix_note_evidence_note_pk"))

    op.drop_table("note_evidence")
    with op.batch_alter_table("proposals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proposals_loan_id"))

    op.drop_table("proposals")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payments_loan_id"))

    op.drop_table("payments")
    with op.batch_alter_table("fees", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fees_loan_id"))

    op.drop_table("fees")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_loan_id"))

    op.drop_table("claims")
    with op.batch_alter_table("call_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_notes_loan_id"))

    op.drop_table("call_notes")
    with op.batch_alter_table("loans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loans_lender_id"))

    op.drop_table("loans")
    op.drop_table("settings")
    op.drop_table("lenders")
    op.drop_table("evidence_files")
