"""Collection contacts on notes (kind, direction, from_number, third_party, abuse) and a loan's
settlement (settled on, certificate, credit report checked on, clean or not).

Every existing note becomes an ordinary contact (kind "contact", the rest empty), whose hashed
content is what it was, so no chain changes; every loan is unsettled (all null).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

_NOTE_TABLES = ("call_notes", "note_revisions")


def upgrade() -> None:
    for table in _NOTE_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("kind", sa.String(), nullable=False, server_default="contact")
            )
            batch_op.add_column(
                sa.Column("direction", sa.String(), nullable=False, server_default="")
            )
            batch_op.add_column(
                sa.Column("from_number", sa.String(), nullable=False, server_default="")
            )
            batch_op.add_column(
                sa.Column("third_party", sa.Text(), nullable=False, server_default="")
            )
            batch_op.add_column(sa.Column("abuse", sa.String(), nullable=False, server_default=""))
    with op.batch_alter_table("loans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("settled_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("certificate_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("certificate_name", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("credit_report_checked_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("credit_report_clean", sa.Boolean(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_loans_certificate_sha256_evidence_files"),
            "evidence_files",
            ["certificate_sha256"],
            ["sha256"],
            ondelete="RESTRICT",
        )


def downgrade() -> None:
    with op.batch_alter_table("loans", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_loans_certificate_sha256_evidence_files"), type_="foreignkey"
        )
        for column in (
            "credit_report_clean",
            "credit_report_checked_on",
            "certificate_name",
            "certificate_sha256",
            "settled_on",
        ):
            batch_op.drop_column(column)
    for table in reversed(_NOTE_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in ("abuse", "third_party", "from_number", "direction", "kind"):
                batch_op.drop_column(column)
