"""The database tables as SQLAlchemy declarative models; ``ashore.store.mapping`` makes records.

Every amount and rate is a ``DecimalText`` column (exact), every time an ``AwareDateTime`` (with
its offset). A loan's children keep their order in a ``position`` column and go with the loan.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from ashore.store.types import AwareDateTime, DecimalText

# Named constraints, so that Alembic's batch mode on SQLite can find them again later.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class LenderRow(Base):
    __tablename__ = "lenders"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    phone: Mapped[str] = mapped_column(String, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    hours: Mapped[str] = mapped_column(String, default="")
    website: Mapped[str] = mapped_column(String, default="")


class LoanRow(Base):
    __tablename__ = "loans"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    lender_id: Mapped[str] = mapped_column(
        ForeignKey("lenders.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String)
    currency: Mapped[str] = mapped_column(String(3))
    reference: Mapped[str] = mapped_column(String, default="")
    principal: Mapped[Decimal] = mapped_column(DecimalText)
    rate_value: Mapped[Decimal] = mapped_column(DecimalText)
    rate_per: Mapped[str] = mapped_column(String)
    rate_day_count: Mapped[int] = mapped_column(Integer, default=360)
    method: Mapped[str] = mapped_column(String)
    term_count: Mapped[int] = mapped_column(Integer)
    term_unit: Mapped[str] = mapped_column(String)
    first_due: Mapped[date] = mapped_column(Date)
    penalty_rate_value: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    penalty_rate_per: Mapped[str | None] = mapped_column(String, nullable=True)
    penalty_rate_day_count: Mapped[int] = mapped_column(Integer, default=360)
    penalty_base: Mapped[str] = mapped_column(String, default="overdue_amount")
    late_fee: Mapped[Decimal] = mapped_column(DecimalText)
    grace_days: Mapped[int] = mapped_column(Integer, default=0)
    accelerates_after_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # The payment allocation order, e.g. "fees,penalty,interest,principal".
    allocation: Mapped[str] = mapped_column(String)
    # The lender's conventions (migration 0004); the defaults are the figures of before.
    start: Mapped[date | None] = mapped_column(Date, nullable=True)
    interest: Mapped[str] = mapped_column(String, default="monthly")
    prepayment_fee: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal("0"))
    penalty_times_contract: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    contract_interest_continues: Mapped[bool] = mapped_column(Boolean, default=False)
    # After the last payment (all null while the loan runs): the settlement certificate is a
    # stored evidence file.
    settled_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    certificate_sha256: Mapped[str | None] = mapped_column(
        ForeignKey("evidence_files.sha256", ondelete="RESTRICT"), nullable=True
    )
    certificate_name: Mapped[str | None] = mapped_column(String, nullable=True)
    credit_report_checked_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    credit_report_clean: Mapped[bool | None] = mapped_column(Boolean, nullable=True)

    fees: Mapped[list[FeeRow]] = relationship(
        order_by="FeeRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    payments: Mapped[list[PaymentRow]] = relationship(
        order_by="PaymentRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    claims: Mapped[list[ClaimRow]] = relationship(
        order_by="ClaimRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    proposals: Mapped[list[ProposalRow]] = relationship(
        order_by="ProposalRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    notes: Mapped[list[NoteRow]] = relationship(
        order_by="NoteRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    note_events: Mapped[list[NoteEventRow]] = relationship(
        order_by="NoteEventRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    certificate_file: Mapped[EvidenceFileRow | None] = relationship(lazy="joined")


class FeeRow(Base):
    __tablename__ = "fees"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    loan_id: Mapped[str] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String)
    amount: Mapped[Decimal] = mapped_column(DecimalText)
    per: Mapped[str] = mapped_column(String)


class PaymentRow(Base):
    __tablename__ = "payments"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    loan_id: Mapped[str] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    date: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(DecimalText)
    note: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str] = mapped_column(String, default="")
    reference: Mapped[str] = mapped_column(String, default="")


class ClaimRow(Base):
    __tablename__ = "claims"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    loan_id: Mapped[str] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    date: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(DecimalText)
    source: Mapped[str] = mapped_column(String, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # What Ashore computed owed on ``date`` when the claim was recorded; NULL before 0008.
    ours: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True, default=None)


class ProposalRow(Base):
    __tablename__ = "proposals"
    __table_args__ = (UniqueConstraint("loan_id", "id", name="uq_proposals_loan_id_id"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    loan_id: Mapped[str] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    id: Mapped[str] = mapped_column(String)
    name: Mapped[str] = mapped_column(String)
    method: Mapped[str] = mapped_column(String)
    start: Mapped[date] = mapped_column(Date)
    # The method's parameters in the exchange file's JSON form (decimal strings, ISO dates).
    params: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String)
    waive_penalty: Mapped[Decimal] = mapped_column(DecimalText)
    waive_late_fees: Mapped[Decimal] = mapped_column(DecimalText)
    waive_interest: Mapped[Decimal] = mapped_column(DecimalText)
    # What was agreed on acceptance, in the exchange file's JSON form; NULL before (0005).
    agreed: Mapped[str | None] = mapped_column(Text, nullable=True, default=None)

    history: Mapped[list[StatusChangeRow]] = relationship(
        order_by="StatusChangeRow.position", cascade="all, delete-orphan", passive_deletes=True
    )


class StatusChangeRow(Base):
    __tablename__ = "proposal_status_changes"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_pk: Mapped[int] = mapped_column(
        ForeignKey("proposals.pk", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(AwareDateTime)
    status: Mapped[str] = mapped_column(String)
    note: Mapped[str] = mapped_column(Text, default="")


class NoteRow(Base):
    """One call note as it stands now.

    ``hash`` is the hash of the note's latest event in ``note_events``; ``prev_hash`` is the hash
    of the previous note's first event (all zeros for the first note), so a note row removed or
    moved behind the app's back is named at the note after it.
    """

    __tablename__ = "call_notes"
    __table_args__ = (UniqueConstraint("loan_id", "id", name="uq_call_notes_loan_id_id"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    loan_id: Mapped[str] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    id: Mapped[str] = mapped_column(String)
    occurred_at: Mapped[datetime] = mapped_column(AwareDateTime)
    logged_at: Mapped[datetime] = mapped_column(AwareDateTime)
    channel: Mapped[str] = mapped_column(String)
    counterpart: Mapped[str] = mapped_column(String, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    promises: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[date | None] = mapped_column(Date, nullable=True)
    deleted_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    deleted_reason: Mapped[str] = mapped_column(Text, default="")
    # A collection contact (kind "collection"); abuse is a comma-separated list.
    kind: Mapped[str] = mapped_column(String, default="contact", server_default="contact")
    direction: Mapped[str] = mapped_column(String, default="", server_default="")
    from_number: Mapped[str] = mapped_column(String, default="", server_default="")
    third_party: Mapped[str] = mapped_column(Text, default="", server_default="")
    abuse: Mapped[str] = mapped_column(String, default="", server_default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    revisions: Mapped[list[NoteRevisionRow]] = relationship(
        order_by="NoteRevisionRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    attachments: Mapped[list[NoteEvidenceRow]] = relationship(
        order_by="NoteEvidenceRow.position", cascade="all, delete-orphan", passive_deletes=True
    )


class NoteEventRow(Base):
    """One entry of a loan's append-only note chain: created, revised, deleted or attached.

    ``body`` is the note's full state after the event as canonical JSON; ``hash`` is the SHA-256
    over ``prev_hash``, the event's head (loan, position, note, kind, at) and ``body``.
    """

    __tablename__ = "note_events"
    __table_args__ = (
        UniqueConstraint("loan_id", "position", name="uq_note_events_loan_id_position"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    loan_id: Mapped[str] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    note_id: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String)
    at: Mapped[datetime] = mapped_column(AwareDateTime)
    body: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class NoteRevisionRow(Base):
    __tablename__ = "note_revisions"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    note_pk: Mapped[int] = mapped_column(
        ForeignKey("call_notes.pk", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    revised_at: Mapped[datetime] = mapped_column(AwareDateTime)
    occurred_at: Mapped[datetime] = mapped_column(AwareDateTime)
    channel: Mapped[str] = mapped_column(String)
    counterpart: Mapped[str] = mapped_column(String, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    promises: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[date | None] = mapped_column(Date, nullable=True)
    # A collection contact (kind "collection"); abuse is a comma-separated list.
    kind: Mapped[str] = mapped_column(String, default="contact", server_default="contact")
    direction: Mapped[str] = mapped_column(String, default="", server_default="")
    from_number: Mapped[str] = mapped_column(String, default="", server_default="")
    third_party: Mapped[str] = mapped_column(Text, default="", server_default="")
    abuse: Mapped[str] = mapped_column(String, default="", server_default="")


class EvidenceFileRow(Base):
    """A file in the evidence store, known by its SHA-256; stored once however often linked."""

    __tablename__ = "evidence_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    original_name: Mapped[str] = mapped_column(String)
    size: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String)
    imported_at: Mapped[datetime] = mapped_column(AwareDateTime)
    duration_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)


class NoteEvidenceRow(Base):
    __tablename__ = "note_evidence"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    note_pk: Mapped[int] = mapped_column(
        ForeignKey("call_notes.pk", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(
        ForeignKey("evidence_files.sha256", ondelete="RESTRICT"), index=True
    )
    # The name the file carries on this note (an exchange file may give it another than the first).
    name: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String)

    file: Mapped[EvidenceFileRow] = relationship(lazy="joined")


class SettingRow(Base):
    """Small user settings kept with the data (monthly budget, …) as text values."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)
