"""The negotiation guide's kept values: the checklist of one loan (why, what to ask, documents,
credit checks) and the borrower who writes the letters, with the check that they fit the loan."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ashore.app.errors import InputError
from ashore.domain.records import Loan

HARDSHIP_REASONS: tuple[str, ...] = (
    "job_loss",
    "illness",
    "family_event",
    "income_drop",
    "disaster",
    "other",
)

DOCUMENT_KINDS: tuple[str, ...] = (
    "unemployment_proof",
    "medical_records",
    "income_statement",
    "other",
)

CREDIT_RESULTS: tuple[str, ...] = ("cleared", "still_overdue", "not_updated", "other")


@dataclass
class GuideDocument:
    """A supporting document kept in the evidence store, named by its SHA-256."""

    kind: str
    sha256: str
    name: str
    size: int = 0


@dataclass
class CreditCheck:
    """When the credit report was checked after the last payment, and what it showed."""

    checked_on: date
    result: str  # one of CREDIT_RESULTS
    note: str = ""


@dataclass
class LoanGuide:
    """The checklist of one loan: the ticks the user makes while preparing, and credit checks."""

    loan_id: str
    reason: str = ""  # one of HARDSHIP_REASONS, "" until chosen
    reason_text: str = ""  # a short description in the user's words
    ask: str = ""  # the proposal id to ask for
    fallback: str = ""  # the proposal id to offer if the ask is refused
    documents: list[GuideDocument] = field(default_factory=list)
    credit_checks: list[CreditCheck] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.reason or self.reason_text or self.ask or self.documents)


@dataclass
class Borrower:
    """Who writes the letters: stored once for all loans."""

    name: str = ""
    phone: str = ""
    address: str = ""
    email: str = ""


def check_guide(guide: LoanGuide, loan: Loan, where: str = "guide") -> None:
    """InputError naming the field (under ``where``) when the checklist does not fit the loan."""
    if guide.reason and guide.reason not in HARDSHIP_REASONS:
        raise InputError(
            f"{where}.reason: {guide.reason!r} is not one of {', '.join(HARDSHIP_REASONS)}"
        )
    if len(guide.reason_text) > 2000:
        raise InputError.at(
            f"{where}.reason_text", "text.too_long", "keep it under 2000 characters", limit=2000
        )
    ids = {p.id for p in loan.proposals}
    for name in ("ask", "fallback"):
        value = getattr(guide, name)
        if value and value not in ids:
            raise InputError(f"{where}.{name}: {value!r} is not a proposal of loan {loan.id!r}")
    if guide.ask and guide.ask == guide.fallback:
        raise InputError.at(
            f"{where}.fallback",
            "fallback.same_proposal",
            "choose another proposal than the one you ask for",
        )
    for i, doc in enumerate(guide.documents):
        if doc.kind not in DOCUMENT_KINDS:
            raise InputError(f"{where}.documents[{i}].kind: {doc.kind!r} is not a document kind")
    for i, check in enumerate(guide.credit_checks):
        if check.result not in CREDIT_RESULTS:
            raise InputError(
                f"{where}.credit_checks[{i}].result: {check.result!r} is not one of "
                f"{', '.join(CREDIT_RESULTS)}"
            )
