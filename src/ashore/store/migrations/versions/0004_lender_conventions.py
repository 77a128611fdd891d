"""Loans learn the lender's conventions: the day the money was paid out, interest by actual days,
a prepayment fee, penalty as a multiple of the contract rate, and contract interest continuing on
overdue principal (DOMAIN.md "What a lender's own app shows").

Every column defaults to the rule of before (start unknown, monthly interest, no prepayment fee,
the quoted penalty rate, no continuing interest), so an old database gives the same figures.

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("loans") as batch:
        batch.add_column(sa.Column("start", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("interest", sa.String(), nullable=False, server_default="monthly")
        )
        batch.add_column(
            sa.Column("prepayment_fee", sa.String(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("penalty_times_contract", sa.String(), nullable=True))
        batch.add_column(
            sa.Column(
                "contract_interest_continues",
                sa.Boolean(),
                nullable=False,
                server_default=sa.false(),
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("loans") as batch:
        batch.drop_column("contract_interest_continues")
        batch.drop_column("penalty_times_contract")
        batch.drop_column("prepayment_fee")
        batch.drop_column("interest")
        batch.drop_column("start")
