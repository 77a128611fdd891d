"""Plain values for what the user keeps: lenders, loans and everything attached to a loan.

These mirror the JSON exchange format (INTERFACES.md) with parsed types (Decimal, date, datetime).
The store turns rows into these, the exchange module turns JSON into these, the UI edits copies of
these, and the services hand them to ``ashore.finance``. No Qt, no SQL here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ashore.domain.kinds import (
    ALLOCATION_PARTS,
    FeePer,
    InterestRule,
    LoanMethod,
    PenaltyBase,
    TermUnit,
)
from ashore.domain.money import ZERO, Rate

CHANNELS: tuple[str, ...] = ("phone", "app_chat", "sms", "email", "in_person", "letter", "other")

PROPOSAL_STATUSES: tuple[str, ...] = (
    "draft",
    "proposed",
    "countered",
    "accepted",
    "rejected",
    "withdrawn",
)

EVIDENCE_KINDS: tuple[str, ...] = ("audio", "image", "document", "other")

# A note is an ordinary contact or a collection contact (INTERFACES.md "Additions").
NOTE_KINDS: tuple[str, ...] = ("contact", "collection")
DIRECTIONS: tuple[str, ...] = ("incoming", "outgoing")
ABUSE_KINDS: tuple[str, ...] = ("threat", "insult", "impersonation", "disclosure", "other")


@dataclass
class Lender:
    id: str
    name: str
    phone: str = ""
    notes: str = ""
    hours: str = ""
    website: str = ""


@dataclass
class Fee:
    name: str
    amount: Decimal
    per: FeePer = "installment"  # "upfront": kept back from the money paid out


@dataclass
class OverdueRules:
    """What happens when an installment is late (DOMAIN.md, "Conventions")."""

    penalty_rate: Rate | None = None
    penalty_base: PenaltyBase = "overdue_amount"
    late_fee: Decimal = ZERO
    grace_days: int = 0
    accelerates_after_days: int | None = None
    # The order in which a payment settles the parts of an installment.
    allocation: tuple[str, ...] = ALLOCATION_PARTS
    # Penalty at this multiple of the contract's daily rate ({"times_contract": "1.5"}), instead
    # of ``penalty_rate``; and the contract's interest running on overdue principal too.
    penalty_times_contract: Decimal | None = None
    contract_interest_continues: bool = False


@dataclass
class Payment:
    date: date
    amount: Decimal
    note: str = ""
    method: str = ""
    reference: str = ""


@dataclass
class Claim:
    date: date
    amount: Decimal
    source: str = ""
    note: str = ""
    # What we computed owed on ``date`` when the claim was recorded: the comparison is a record
    # of that moment, so payments recorded later do not change it. None: compute it now.
    ours: Decimal | None = None


@dataclass
class Waive:
    """Shares (0–1) of each part forgiven by a proposal."""

    penalty: Decimal = ZERO
    late_fees: Decimal = ZERO
    interest: Decimal = ZERO


@dataclass
class StatusChange:
    at: datetime
    status: str
    note: str = ""


@dataclass
class AgreedInstallment:
    """One installment of an agreement as it was agreed: its due date, amount and (when known)
    the principal part of it."""

    due: date
    amount: Decimal
    principal: Decimal | None = None


@dataclass
class Agreed:
    """What was agreed when a proposal was accepted (INTERFACES.md ``agreed``): the day, and the
    installment table fixed on that day. Nothing later recomputes it (DOMAIN.md "A plan in force
    is a contract")."""

    on: date
    installments: list[AgreedInstallment] = field(default_factory=list)


@dataclass
class Proposal:
    """A negotiated plan for one loan. ``params`` holds parsed values per method, as the method's
    schema in ``ashore.domain.params`` lists them (INTERFACES.md): a month count is an int, a
    rate, amount or share a Decimal, a date a date, a custom plan's installments a list of
    (due, amount) pairs.
    """

    id: str
    name: str
    method: str
    start: date
    params: dict[str, Any] = field(default_factory=dict)
    status: str = "draft"
    waive: Waive = field(default_factory=Waive)
    history: list[StatusChange] = field(default_factory=list)
    # Written when the proposal is accepted; kept after it is withdrawn (what was agreed then).
    agreed: Agreed | None = None


@dataclass
class Attachment:
    sha256: str
    name: str
    kind: str = "other"
    size: int = 0
    imported_at: datetime | None = None
    duration_ms: int | None = None
    path: str = ""  # only in the exchange file: where the file lies relative to the JSON


@dataclass
class NoteRevision:
    """An earlier version of a note's content, kept when the note was edited."""

    revised_at: datetime
    occurred_at: datetime
    channel: str
    counterpart: str
    text: str
    outcome: str
    promises: str
    follow_up: date | None
    kind: str = "contact"
    direction: str = ""
    from_number: str = ""
    third_party: str = ""
    abuse: tuple[str, ...] = ()


@dataclass
class CallNote:
    id: str
    occurred_at: datetime
    logged_at: datetime
    channel: str = "phone"
    counterpart: str = ""
    text: str = ""
    outcome: str = ""
    promises: str = ""
    follow_up: date | None = None
    attachments: list[Attachment] = field(default_factory=list)
    revisions: list[NoteRevision] = field(default_factory=list)
    deleted_at: datetime | None = None
    deleted_reason: str = ""
    # A collection contact (kind "collection"): who called whom, from which number, who else was
    # contacted, and the abuse heard (threat, insult, impersonation, disclosure, other).
    kind: str = "contact"
    direction: str = ""
    from_number: str = ""
    third_party: str = ""
    abuse: tuple[str, ...] = ()


@dataclass
class Settlement:
    """The loan paid off: the certificate (结清证明) and whether the credit report shows it."""

    settled_on: date
    certificate: Attachment | None = None
    credit_report_checked_on: date | None = None
    credit_report_clean: bool | None = None


@dataclass(frozen=True)
class NoteFacts:
    """What the screens over all loans need of a loan's call notes, without reading the notes:
    how many are live (not deleted), the latest day a live one is about (the day of its
    ``occurred_at`` as written, in its own offset), and the follow-up promised on the latest live
    note that has one (latest by ``occurred_at``, then ``logged_at``)."""

    live: int = 0
    last_day: date | None = None
    follow_up: date | None = None


@dataclass
class NoteEvent:
    """One entry of a loan's append-only note chain (see ``ashore.store.chain``).

    ``body`` is the note's full state after the event as canonical JSON text, hashed as it is.
    """

    note: str  # the note's id
    kind: str  # "created", "revised", "deleted" or "attached"
    at: datetime
    body: str
    prev_hash: str
    hash: str


@dataclass
class Loan:
    id: str
    lender: str  # the lender's id
    name: str
    principal: Decimal
    rate: Rate
    method: LoanMethod
    term_count: int
    term_unit: TermUnit
    first_due: date
    currency: str = "CNY"
    reference: str = ""
    fees: list[Fee] = field(default_factory=list)
    overdue: OverdueRules = field(default_factory=OverdueRules)
    payments: list[Payment] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    notes: list[CallNote] = field(default_factory=list)
    settlement: Settlement | None = None
    # The notes' hash chain as stored; not part of a loan's value (two equal loans may differ in
    # how their notes came to be), so it is left out of comparisons.
    note_chain: list[NoteEvent] = field(default_factory=list, compare=False)
    # The lender's conventions (DOMAIN.md "What a lender's own app shows"); the defaults keep the
    # figures of a loan that does not give them. ``start`` None: one month before first_due.
    start: date | None = None
    interest: InterestRule = "monthly"  # "daily": 按日计息
    prepayment_fee: Decimal = ZERO  # share of the principal not yet due charged to settle early


@dataclass
class Book:
    """Everything one user keeps: what ``export json`` writes and ``import`` reads."""

    currency: str = "CNY"
    lenders: list[Lender] = field(default_factory=list)
    loans: list[Loan] = field(default_factory=list)
    monthly_budget: Decimal | None = None
    # Who writes the letters (name, phone, address, email), kept once; None when never given.
    borrower: dict[str, str] | None = None
    # Per loan id: the negotiation checklist in the exchange file's form (``services.guide``
    # gives it meaning); a document's "path" is where its file lies, as for attachments.
    guides: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class LoanSummary:
    """One line of the sidebar and the dashboard: where a loan stands on a day."""

    loan_id: str
    lender_id: str
    lender_name: str
    loan_name: str
    currency: str
    principal: Decimal
    owed_today: Decimal  # owed if nothing more is paid, as of today (DOMAIN.md)
    overdue_amount: Decimal  # unpaid parts of installments already past grace
    days_overdue: int  # days since the oldest unpaid due date passed its grace; 0 when current
    growth_per_day: Decimal  # what tomorrow adds if nothing is paid
    status: str  # "current", "overdue", "agreement", "agreement_missed", "settled"
    next_due: date | None = None
    next_amount: Decimal | None = None
    # Beside "owed today", never mixed in (services.plans.Figures): every unpaid installment of the
    # plan in force with its interest, to settle today, and the original contract's figure while
    # an agreement is in force (None without one).
    left_to_pay_plan: Decimal = ZERO
    payoff_today: Decimal = ZERO
    if_agreement_fails: Decimal | None = None
