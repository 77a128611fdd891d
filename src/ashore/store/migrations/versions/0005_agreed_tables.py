"""An accepted proposal keeps the installment table agreed on acceptance (``agreed``, JSON text).

Proposals kept by earlier versions get NULL: their table is worked out from their parameters as
before, so every figure of an old database stays as it was.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("proposals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agreed", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("proposals", schema=None) as batch_op:
        batch_op.drop_column("agreed")
