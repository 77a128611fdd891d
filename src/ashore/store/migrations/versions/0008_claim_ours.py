"""A lender's claim keeps what Ashore computed owed on its day when the claim was recorded
(``claims.ours``), so that payments recorded later do not rewrite the comparison made then.
Claims kept before have none (NULL): they are still compared with today's figures.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ours", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_column("ours")
