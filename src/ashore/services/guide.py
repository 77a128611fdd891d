"""The negotiation guide: where each loan stands in the seed's process (prepare, call, agree, repay,
check the credit record), what to do next, the call card, the hardship letter's facts, and warnings.

The stage is derived from what is kept (checklist, notes, proposals, payments, credit checks), never
stored, so it moves by itself. The checklist and the borrower profile live in the settings table as
JSON (``guide:<loan id>``, ``borrower``); figures come from ``services.plans`` like everywhere else.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ashore import finance
from ashore.app.errors import InputError
from ashore.domain.money import ZERO
from ashore.domain.records import CallNote, Lender, Loan, LoanSummary, Proposal
from ashore.services import plans
from ashore.services.costs import loan_lines, lpr_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ashore.domain.records import Book
    from ashore.services.ledger import Ledger
    from ashore.store.evidence import EvidenceStore

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
# The seed's process, in order; ``Stage.step`` is the index here.
STAGES: tuple[str, ...] = (
    "not_started",
    "preparing",
    "in_contact",
    "offer",
    "agreed",
    "repaying",
    "settled",
    "credit_checked",
)
STAGE_TITLES: dict[str, str] = {
    "not_started": "No negotiation yet",
    "preparing": "Preparing",
    "in_contact": "In contact",
    "offer": "Offer on the table",
    "agreed": "Agreed",
    "repaying": "Repaying",
    "settled": "Settled",
    "credit_checked": "Credit record checked",
}
# One sentence per stage: what to do next (the window shows its own translated copy).
NEXT_STEPS: dict[str, str] = {
    "not_started": "Choose why you fell behind and what you can pay each month.",
    "preparing": "Finish the checklist, then call the lender with the call card open.",
    "in_contact": "Put a concrete plan to the lender: choose a proposal and mark it proposed.",
    "offer": "Wait for the answer; on the follow-up date call again and ask for it in writing.",
    "agreed": "Make the first agreed payment on time; a second default can void the agreement.",
    "repaying": "Pay every agreed installment on its date, and keep the receipts.",
    "settled": "Check your credit report shows the overdue cleared, and record what it says.",
    "credit_checked": "Done: keep the agreement, the receipts and the report in a safe place.",
    # Not a stage: a loan paid on time needs no negotiation.
    "current": "This loan is paid on time; keep it that way.",
    "missed": "An agreed payment was missed: pay it now and call the lender before they do.",
}
CREDIT_RESULTS: tuple[str, ...] = ("cleared", "still_overdue", "not_updated", "other")
CONTACT_CHANNELS_COUNTED = ("phone", "app_chat", "sms", "email", "in_person", "letter", "other")
DUE_SOON_DAYS = 3
GUIDE_PREFIX = "guide:"
BORROWER_KEY = "borrower"


# ----------------------------------------------------------------------------- kept values


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


# ----------------------------------------------------------------------------- derived values


@dataclass(frozen=True)
class Stage:
    """Where one loan stands in the process on a day, and the one thing to do next."""

    loan_id: str
    key: str  # one of STAGES
    step: int  # index in STAGES
    next_key: str  # key of NEXT_STEPS
    title: str
    next_step: str


@dataclass(frozen=True)
class Warning:
    """Something that needs the user's attention; ``level`` is "info", "warning" or "urgent"."""

    level: str
    loan_id: str
    text: str
    kind: str = ""  # "budget", "follow_up", "due_soon", "credit_check"
    on: date | None = None
    # ``text`` is English; ``message`` names its wording and ``args`` hold the values it was
    # built from (loan name, amounts, dates, days), so the window can say it in its language.
    message: str = ""
    args: tuple[object, ...] = ()
    currency: str = "CNY"


@dataclass(frozen=True)
class ChecklistItem:
    key: str  # "reason", "budget", "ask", "documents", "contact"
    done: bool
    detail: str


@dataclass(frozen=True)
class PlanSummary:
    """A proposal's plan in a few figures: ``count`` × ``amount`` (``amount`` the usual
    installment; ``last_amount`` when the last differs), dates and total."""

    proposal_id: str
    name: str
    method: str
    status: str
    start: date
    count: int
    amount: Decimal
    last_amount: Decimal
    first_due: date
    last_due: date
    total: Decimal
    owed_at_start: Decimal
    forgiven: Decimal
    waive_penalty: bool
    waive_late_fees: bool
    waive_interest: bool


@dataclass(frozen=True)
class CallCard:
    """Everything to have in front of you on the call, as plain figures."""

    loan_id: str
    loan_name: str
    lender_name: str
    lender_phone: str
    lender_hours: str
    reference: str
    currency: str
    today: date
    owed: Decimal
    overdue: Decimal
    penalty: Decimal
    late_fees: Decimal
    interest: Decimal
    not_yet_due: Decimal
    days_overdue: int
    overdue_count: int
    growth_per_day: Decimal
    principal: Decimal
    paid_so_far: Decimal
    under_agreement: bool
    reason: str
    reason_text: str
    budget: Decimal | None
    committed_elsewhere: Decimal
    affordable: Decimal | None  # budget less what agreements on other loans take each month
    ask: PlanSummary | None
    fallback: PlanSummary | None
    # The loan's true yearly cost against the reference lines, to cite where one is crossed.
    lines: finance.RateLines | None = None


@dataclass(frozen=True)
class LetterData:
    """The facts a hardship letter states, taken from the stored data."""

    today: date
    borrower: Borrower
    lender_name: str
    lender_phone: str
    loan_name: str
    loan_id: str
    reference: str
    currency: str
    principal: Decimal
    owed: Decimal
    penalty: Decimal
    late_fees: Decimal
    days_overdue: int
    reason: str
    reason_text: str
    plan: PlanSummary
    documents: tuple[GuideDocument, ...]
    # The loan's true yearly cost against the reference lines, to cite where one is crossed.
    lines: finance.RateLines | None = None


# ----------------------------------------------------------------------------- storage


def load_guide(ledger: Ledger, loan_id: str) -> LoanGuide:
    """The loan's checklist (empty when nothing was ticked yet)."""
    raw = _get_setting(ledger, GUIDE_PREFIX + loan_id)
    if raw is None:
        return LoanGuide(loan_id)
    return guide_from_json(loan_id, json.loads(raw))


def load_guides(ledger: Ledger) -> dict[str, LoanGuide]:
    """Every kept checklist by loan id."""
    from sqlalchemy import select

    from ashore.store.models import SettingRow

    with ledger.db.reading() as session:
        rows = session.scalars(select(SettingRow).where(SettingRow.key.like(GUIDE_PREFIX + "%")))
        found = {row.key[len(GUIDE_PREFIX) :]: row.value for row in rows}
    return {loan_id: guide_from_json(loan_id, json.loads(raw)) for loan_id, raw in found.items()}


def save_guide(ledger: Ledger, guide: LoanGuide) -> None:
    """Check the checklist against the loan and keep it."""
    loan = ledger.loan(guide.loan_id)
    check_guide(guide, loan)
    _set_setting(ledger, GUIDE_PREFIX + guide.loan_id, json.dumps(guide_to_json(guide)))


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


def load_borrower(ledger: Ledger) -> Borrower:
    raw = _get_setting(ledger, BORROWER_KEY)
    if raw is None:
        return Borrower()
    data = json.loads(raw)
    return Borrower(
        name=str(data.get("name", "")),
        phone=str(data.get("phone", "")),
        address=str(data.get("address", "")),
        email=str(data.get("email", "")),
    )


def save_borrower(ledger: Ledger, borrower: Borrower) -> None:
    for name in ("name", "phone", "address", "email"):
        if len(getattr(borrower, name)) > 500:
            raise InputError.at(
                f"borrower.{name}", "text.too_long", "keep it under 500 characters", limit=500
            )
    data = {
        "name": borrower.name,
        "phone": borrower.phone,
        "address": borrower.address,
        "email": borrower.email,
    }
    _set_setting(ledger, BORROWER_KEY, json.dumps(data, ensure_ascii=False))


def attach_document(ledger: Ledger, loan_id: str, source: Path, kind: str) -> GuideDocument:
    """Store ``source`` byte for byte in the evidence store (through the notes service, in
    chunks) and list it on the loan's checklist with its SHA-256."""
    from ashore.services.notes import Notes
    from ashore.store.mapping import now
    from ashore.store.models import EvidenceFileRow

    if kind not in DOCUMENT_KINDS:
        raise InputError(f"kind: {kind!r} is not one of {', '.join(DOCUMENT_KINDS)}")
    ledger.loan(loan_id)  # the loan must exist before anything is copied
    guide = load_guide(ledger, loan_id)
    stored = Notes(ledger).store(Path(source))
    try:
        with ledger.db.transaction() as session:
            # A row, so that verify and backup see the file like any note attachment.
            if session.get(EvidenceFileRow, stored.sha256) is None:
                session.add(
                    EvidenceFileRow(
                        sha256=stored.sha256,
                        original_name=stored.name,
                        size=stored.size,
                        kind=stored.kind,
                        imported_at=now(session),
                        duration_ms=stored.duration_ms,
                    )
                )
    except BaseException:
        if stored.new:
            from ashore.store.mapping import discard_unreferenced

            discard_unreferenced(ledger.db, [stored.sha256])
        raise
    doc = GuideDocument(kind=kind, sha256=stored.sha256, name=stored.name, size=stored.size)
    if not any(d.sha256 == doc.sha256 and d.kind == kind for d in guide.documents):
        guide.documents.append(doc)
        save_guide(ledger, guide)
    return doc


def record_credit_check(
    ledger: Ledger, loan_id: str, checked_on: date, result: str, note: str = ""
) -> LoanGuide:
    """Keep when the credit report was checked and what it showed."""
    guide = load_guide(ledger, loan_id)
    guide.credit_checks.append(CreditCheck(checked_on, result, note))
    save_guide(ledger, guide)
    return guide


def guide_to_json(guide: LoanGuide) -> dict[str, Any]:
    """The checklist as the exchange file's optional ``guide`` object."""
    return {
        "reason": guide.reason,
        "reason_text": guide.reason_text,
        "ask": guide.ask,
        "fallback": guide.fallback,
        "documents": [
            {"kind": d.kind, "sha256": d.sha256, "name": d.name, "size": d.size}
            for d in guide.documents
        ],
        "credit_checks": [
            {"checked_on": c.checked_on.isoformat(), "result": c.result, "note": c.note}
            for c in guide.credit_checks
        ],
    }


def guide_from_json(loan_id: str, data: dict[str, Any]) -> LoanGuide:
    return LoanGuide(
        loan_id=loan_id,
        reason=str(data.get("reason", "")),
        reason_text=str(data.get("reason_text", "")),
        ask=str(data.get("ask", "")),
        fallback=str(data.get("fallback", "")),
        documents=[
            GuideDocument(str(d["kind"]), str(d["sha256"]), str(d["name"]), int(d.get("size", 0)))
            for d in data.get("documents", [])
        ],
        credit_checks=[
            CreditCheck(date.fromisoformat(c["checked_on"]), str(c["result"]), str(c["note"]))
            for c in data.get("credit_checks", [])
        ],
    )


def import_guides(session: Session, store: EvidenceStore, book: Book, added: list[str]) -> None:
    """Keep the book's checklists and borrower profile (inside the import's transaction).

    Document files named by ``path`` are copied into the evidence store (their SHA-256 checked
    when given) and listed in ``added`` so a failed import can remove them again.
    """
    from ashore.store.mapping import now
    from ashore.store.models import EvidenceFileRow

    by_id = {loan.id: (i, loan) for i, loan in enumerate(book.loans)}
    for loan_id, data in book.guides.items():
        i, loan = by_id[loan_id]
        where = f"loans[{i}].guide"
        documents = []
        for j, doc in enumerate(data.get("documents", [])):
            at = f"{where}.documents[{j}]"
            sha = str(doc.get("sha256", ""))
            if doc.get("path"):
                source = Path(doc["path"])
                found, created = store.add(source)
                if created:
                    added.append(found)
                if sha and found != sha:
                    raise InputError(f"{at}.sha256: the file {source} hashes to {found}, not {sha}")
                sha = found
            elif not store.has(sha):
                raise InputError(f"{at}.sha256: no file with this hash is in the evidence store")
            if session.get(EvidenceFileRow, sha) is None:
                session.add(
                    EvidenceFileRow(
                        sha256=sha,
                        original_name=str(doc.get("name", "")),
                        size=store.path_for(sha).stat().st_size,
                        kind="document",
                        imported_at=now(session),
                        duration_ms=None,
                    )
                )
            documents.append({**doc, "sha256": sha})
        guide = guide_from_json(loan_id, {**data, "documents": documents})
        check_guide(guide, loan, where)
        _put(session, GUIDE_PREFIX + loan_id, json.dumps(guide_to_json(guide), ensure_ascii=False))
    if book.borrower is not None:
        _put(session, BORROWER_KEY, json.dumps(book.borrower, ensure_ascii=False))


def export_guides(
    session: Session, loan_ids: Iterable[str]
) -> tuple[dict[str, str] | None, dict[str, dict[str, Any]]]:
    """The kept borrower profile and the checklists of ``loan_ids`` (exchange form)."""
    from sqlalchemy import select

    from ashore.store.models import SettingRow

    wanted = set(loan_ids)
    guides: dict[str, dict[str, Any]] = {}
    rows = session.scalars(select(SettingRow).where(SettingRow.key.like(GUIDE_PREFIX + "%")))
    for row in rows:
        loan_id = row.key[len(GUIDE_PREFIX) :]
        if loan_id in wanted:
            guides[loan_id] = guide_to_json(guide_from_json(loan_id, json.loads(row.value)))
    borrower_row = session.get(SettingRow, BORROWER_KEY)
    borrower = None
    if borrower_row is not None:
        raw = json.loads(borrower_row.value)
        borrower = {key: str(raw.get(key, "")) for key in ("name", "phone", "address", "email")}
    return borrower, dict(sorted(guides.items()))


def _put(session: Session, key: str, value: str) -> None:
    from ashore.store.models import SettingRow

    row = session.get(SettingRow, key)
    if row is None:
        session.add(SettingRow(key=key, value=value))
    else:
        row.value = value


def _get_setting(ledger: Ledger, key: str) -> str | None:
    from ashore.store.models import SettingRow

    with ledger.db.reading() as session:
        row = session.get(SettingRow, key)
        return row.value if row is not None else None


def _set_setting(ledger: Ledger, key: str, value: str) -> None:
    from ashore.store.models import SettingRow

    with ledger.db.transaction() as session:
        row = session.get(SettingRow, key)
        if row is None:
            session.add(SettingRow(key=key, value=value))
        else:
            row.value = value


# ----------------------------------------------------------------------------- the stage


def live_notes(loan: Loan) -> list[CallNote]:
    """The notes not removed, oldest call first."""
    return sorted((n for n in loan.notes if n.deleted_at is None), key=lambda n: n.occurred_at)


def stage(
    loan: Loan,
    today: date,
    guide: LoanGuide | None = None,
    summary: LoanSummary | None = None,
) -> Stage:
    """Where ``loan`` stands in the negotiation on ``today``, derived from its data.

    ``guide`` is the loan's checklist (an empty one when not given); ``summary`` saves working
    the loan's figures out again when the caller already has them.
    """
    guide = guide or LoanGuide(loan.id)
    summary = summary or plans.summarize(loan, None, today)
    found = _accepted(loan)
    negotiated = bool(found or loan.proposals or live_notes(loan) or not guide.is_empty())
    next_key: str | None = None
    if summary.status == "settled" and (negotiated or loan.payments):
        checks = [c for c in guide.credit_checks if c.checked_on <= today]
        key = "credit_checked" if checks else "settled"
    elif found is not None:
        start = found.start
        # a payment recorded ahead of the day taken as today is not yet made
        paid_since = any(start <= p.date <= today and p.amount > 0 for p in loan.payments)
        key = "repaying" if paid_since else "agreed"
        if summary.status == "agreement_missed":
            next_key = "missed"
    elif any(p.status in ("proposed", "countered") for p in loan.proposals):
        key = "offer"
    elif live_notes(loan):
        key = "in_contact"
    elif not guide.is_empty() or loan.proposals:
        key = "preparing"
    else:
        key = "not_started"
        if summary.status == "current":
            next_key = "current"
    next_key = next_key or key
    return Stage(
        loan_id=loan.id,
        key=key,
        step=STAGES.index(key),
        next_key=next_key,
        title=STAGE_TITLES[key],
        next_step=NEXT_STEPS[next_key],
    )


def stages(ledger: Ledger, today: date) -> dict[str, Stage]:
    """The stage of every loan, by loan id."""
    guides = load_guides(ledger)
    loans = ledger.snapshot()  # shared with the sidebar and the dashboard of this refresh
    summaries = ledger.summaries(today)  # the same loans, in the same order
    return {
        loan.id: stage(loan, today, guides.get(loan.id), summary)
        for loan, summary in zip(loans, summaries, strict=True)
    }


def _accepted(loan: Loan) -> Proposal | None:
    accepted = [p for p in loan.proposals if p.status == "accepted"]
    return max(accepted, key=lambda p: (p.start, p.id)) if accepted else None


# ----------------------------------------------------------------------------- checklist


def checklist(
    loan: Loan, lender: Lender | None, guide: LoanGuide, budget: Decimal | None
) -> list[ChecklistItem]:
    """The five things to have ready before the call, each ticked or not, with what was found."""
    ask = next((p for p in loan.proposals if p.id == guide.ask), None)
    kinds = sorted({d.kind for d in guide.documents})
    contact_parts = [part for part in (lender.phone, lender.hours) if part] if lender else []
    return [
        ChecklistItem(
            "reason",
            bool(guide.reason and guide.reason_text.strip()),
            guide.reason_text.strip(),
        ),
        ChecklistItem("budget", budget is not None and budget > 0, f"{budget:f}" if budget else ""),
        ChecklistItem("ask", ask is not None, ask.name if ask else ""),
        ChecklistItem("documents", bool(guide.documents), ", ".join(kinds)),
        ChecklistItem(
            "contact",
            bool(lender and lender.phone and lender.hours),
            " · ".join(contact_parts),
        ),
    ]


# ----------------------------------------------------------------------------- figures


def plan_summary(loan: Loan, proposal: Proposal) -> PlanSummary:
    """The proposal's plan for this loan in a few figures (InputError if it cannot be made)."""
    plan = plans.plan_in_force(loan, proposal)
    rows = plan.installments
    amount = rows[0].payment if len(rows) == 1 else max(r.payment for r in rows[:-1])
    return PlanSummary(
        proposal_id=proposal.id,
        name=proposal.name,
        method=proposal.method,
        status=proposal.status,
        start=proposal.start,
        count=len(rows),
        amount=amount,
        last_amount=rows[-1].payment,
        first_due=rows[0].due,
        last_due=rows[-1].due,
        total=plan.total_paid,
        owed_at_start=plan.base.owed.total,
        forgiven=plan.base.waived_total,
        waive_penalty=proposal.waive.penalty > 0,
        waive_late_fees=proposal.waive.late_fees > 0,
        waive_interest=proposal.waive.interest > 0,
    )


def monthly_need(summary: PlanSummary) -> Decimal:
    """What a plan takes in a month: its usual installment (a one-off payment counts whole)."""
    return summary.amount


def committed_monthly(loans: Iterable[Loan], today: date, exclude: str = "") -> Decimal:
    """What the agreements in force on the other loans take each month (not yet paid off)."""
    total = ZERO
    for loan in loans:
        if loan.id == exclude:
            continue
        found = _accepted(loan)
        if found is None:
            continue
        summary = plans.summarize(loan, None, today)
        if summary.status == "settled":
            continue
        total += plan_summary(loan, found).amount
    return total


def call_card(ledger: Ledger, loan_id: str, today: date) -> CallCard:
    """The figures and words of the call card for one loan."""
    loan = ledger.loan(loan_id)
    loans = ledger.loans()
    lender = next((x for x in ledger.lenders() if x.id == loan.lender), None)
    guide = load_guide(ledger, loan_id)
    budget = ledger.monthly_budget()
    lpr = lpr_table(ledger.added_lpr())
    return make_call_card(loan, lender, guide, budget, loans, today, lpr)


def make_call_card(
    loan: Loan,
    lender: Lender | None,
    guide: LoanGuide,
    budget: Decimal | None,
    loans: Iterable[Loan],
    today: date,
    lpr: Iterable[finance.LprEntry] | None = None,
) -> CallCard:
    st = plans.standing(loan, today)
    state = st.state
    owed = state.owed
    summary = plans.summarize(loan, lender, today)
    committed = committed_monthly(loans, today, exclude=loan.id)
    by_id = {p.id: p for p in loan.proposals}
    ask = plan_summary(loan, by_id[guide.ask]) if guide.ask in by_id else None
    fallback = plan_summary(loan, by_id[guide.fallback]) if guide.fallback in by_id else None
    return CallCard(
        loan_id=loan.id,
        loan_name=loan.name,
        lender_name=lender.name if lender else loan.lender,
        lender_phone=lender.phone if lender else "",
        lender_hours=lender.hours if lender else "",
        reference=loan.reference,
        currency=loan.currency,
        today=today,
        owed=summary.owed_today,
        overdue=owed.overdue,
        penalty=owed.penalty,
        late_fees=owed.late_fees,
        interest=owed.interest,
        not_yet_due=owed.not_yet_due,
        days_overdue=state.days_overdue,
        overdue_count=state.overdue_count,
        growth_per_day=summary.growth_per_day,
        principal=loan.principal,
        paid_so_far=state.paid_total,
        under_agreement=st.owed is None,
        reason=guide.reason,
        reason_text=guide.reason_text,
        budget=budget,
        committed_elsewhere=committed,
        affordable=None if budget is None else max(budget - committed, ZERO),
        ask=ask,
        fallback=fallback,
        lines=loan_lines(loan, lpr),
    )


def letter_data(ledger: Ledger, loan_id: str, proposal_id: str, today: date) -> LetterData:
    """The facts of a hardship letter asking for ``proposal_id`` on ``loan_id``.

    InputError names ``loan`` or ``proposal`` when either is unknown.
    """
    try:
        loan = ledger.loan(loan_id)
    except InputError:
        raise InputError(f"loan: {loan_id!r} is not a known loan id") from None
    proposal = next((p for p in loan.proposals if p.id == proposal_id), None)
    if proposal is None:
        known = ", ".join(p.id for p in loan.proposals) or "none"
        raise InputError(
            f"proposal: {proposal_id!r} is not a proposal of loan {loan_id!r} (it has: {known})"
        )
    lender = next((x for x in ledger.lenders() if x.id == loan.lender), None)
    guide = load_guide(ledger, loan_id)
    state = plans.standing(loan, today).state
    return LetterData(
        today=today,
        borrower=load_borrower(ledger),
        lender_name=lender.name if lender else loan.lender,
        lender_phone=lender.phone if lender else "",
        loan_name=loan.name,
        loan_id=loan.id,
        reference=loan.reference,
        currency=loan.currency,
        principal=loan.principal,
        owed=state.owed.total,
        penalty=state.owed.penalty,
        late_fees=state.owed.late_fees,
        days_overdue=state.days_overdue,
        reason=guide.reason,
        reason_text=guide.reason_text,
        plan=plan_summary(loan, proposal),
        documents=tuple(guide.documents),
        lines=loan_lines(loan, lpr_table(ledger.added_lpr())),
    )


# ----------------------------------------------------------------------------- warnings


def warnings(ledger: Ledger, today: date) -> list[Warning]:
    """What needs attention on ``today`` across all loans, most urgent first."""
    loans = list(ledger.snapshot())
    guides = load_guides(ledger)
    return find_warnings(loans, guides, ledger.monthly_budget(), today)


def find_warnings(
    loans: list[Loan], guides: dict[str, LoanGuide], budget: Decimal | None, today: date
) -> list[Warning]:
    found: list[Warning] = []
    for loan in loans:
        guide = guides.get(loan.id) or LoanGuide(loan.id)
        found.extend(_budget_warnings(loan, loans, budget, today))
        found.extend(_follow_up_warnings(loan, today))
        found.extend(_due_soon_warnings(loan, today))
        found.extend(_credit_check_warnings(loan, guide, today))
    order = {"urgent": 0, "warning": 1, "info": 2}
    return sorted(found, key=lambda w: (order.get(w.level, 3), w.on or today, w.loan_id))


def _budget_warnings(
    loan: Loan, loans: list[Loan], budget: Decimal | None, today: date
) -> list[Warning]:
    if budget is None:
        return []
    open_ones = [p for p in loan.proposals if p.status in ("draft", "proposed", "countered")]
    if not open_ones:
        return []
    committed = committed_monthly(loans, today, exclude=loan.id)
    out = []
    for proposal in open_ones:
        try:
            summary = plan_summary(loan, proposal)
        except InputError:
            continue  # a proposal that cannot be worked out is reported on its own tab
        need = committed + summary.amount
        if need > budget:
            out.append(
                Warning(
                    "warning",
                    loan.id,
                    f"{loan.name}: “{proposal.name}” needs {summary.amount:,.2f} "
                    + (
                        "a month"
                        if summary.count > 1
                        else f"at once by {summary.last_due.isoformat()}"
                    )
                    + "; with "
                    f"{committed:,.2f} agreed on other loans that is {need:,.2f}, "
                    f"{need - budget:,.2f} over your monthly budget of {budget:,.2f}.",
                    "budget",
                    message="budget_monthly" if summary.count > 1 else "budget_once",
                    args=(
                        loan.name,
                        proposal.name,
                        summary.amount,
                        summary.last_due,
                        committed,
                        need,
                        need - budget,
                        budget,
                    ),
                    currency=loan.currency,
                )
            )
    return out


def _follow_up_warnings(loan: Loan, today: date) -> list[Warning]:
    notes = live_notes(loan)
    dated = [n for n in notes if n.follow_up is not None]
    if not dated:
        return []
    last = max(dated, key=lambda n: (n.occurred_at, n.logged_at))
    follow_up = last.follow_up
    assert follow_up is not None
    since = [n for n in notes if n.occurred_at.date() >= follow_up]
    # a status the lender gave since (accepted, countered…) is an answer too
    answered = any(h.at.date() >= follow_up for p in loan.proposals for h in p.history)
    if since or answered:
        return []
    if follow_up < today:
        days = (today - follow_up).days
        return [
            Warning(
                "warning",
                loan.id,
                f"{loan.name}: the follow-up of {follow_up.isoformat()} passed {days} day(s) ago "
                "with no note since; call the lender again.",
                "follow_up",
                follow_up,
                message="follow_up_passed",
                args=(loan.name, follow_up, days),
            )
        ]
    if follow_up == today:
        return [
            Warning(
                "info",
                loan.id,
                f"{loan.name}: follow up with the lender today.",
                "follow_up",
                follow_up,
                message="follow_up_today",
                args=(loan.name,),
            )
        ]
    return []


def _due_soon_warnings(loan: Loan, today: date) -> list[Warning]:
    if _accepted(loan) is None:
        return []
    try:
        entries = plans.standing(loan, today).entries
    except InputError:
        return []
    out = []
    for entry in entries:
        if entry.source != "agreement" or entry.remaining <= 0:
            continue
        days = (entry.due - today).days
        if 0 <= days <= DUE_SOON_DAYS:
            when = "today" if days == 0 else f"in {days} day(s), on {entry.due.isoformat()}"
            out.append(
                Warning(
                    "urgent",
                    loan.id,
                    f"{loan.name}: agreed payment of {entry.remaining:,.2f} is due {when}.",
                    "due_soon",
                    entry.due,
                    message="due_today" if days == 0 else "due_in",
                    args=(loan.name, entry.remaining, days, entry.due),
                    currency=loan.currency,
                )
            )
    return out


def _credit_check_warnings(loan: Loan, guide: LoanGuide, today: date) -> list[Warning]:
    found = _accepted(loan)
    if found is None or not loan.payments:
        return []
    summary = plans.summarize(loan, None, today)
    if summary.status != "settled":
        return []
    if any(c.checked_on <= today for c in guide.credit_checks):
        return []
    last_paid = max(p.date for p in loan.payments)
    return [
        Warning(
            "info",
            loan.id,
            f"{loan.name}: the agreement is paid off (last payment {last_paid.isoformat()}). "
            "Check your credit report shows the overdue cleared, and record what it says.",
            "credit_check",
            last_paid,
            message="credit_check",
            args=(loan.name, last_paid),
        )
    ]


# ----------------------------------------------------------------------------- during and after


def start_call_note(ledger: Ledger, loan_id: str, at: datetime, channel: str = "phone") -> str:
    """A new call note on the loan with the call's time filled in; returns its id."""
    from ashore.services.notes import Notes

    return Notes(ledger).add(loan_id, occurred_at=at, channel=channel).id


@dataclass(frozen=True)
class Outcome:
    """What the after-call dialog records in one step."""

    note_id: str  # "" makes a new note
    occurred_at: datetime
    counterpart: str
    text: str
    outcome: str
    promises: str
    follow_up: date | None
    proposal_id: str  # "" leaves the proposals as they are
    status: str


def record_outcome(ledger: Ledger, loan_id: str, outcome: Outcome) -> str:
    """Write the call's outcome into its note and the proposal's new status, all at once.

    Returns the note's id. An existing note (the one the call card started) is revised through
    the notes service, so its earlier version stays in the chain; ``note_id`` "" adds a new one.
    The status is checked before anything is written.
    """
    from ashore.domain.records import PROPOSAL_STATUSES
    from ashore.services.notes import Notes
    from ashore.services.workspace import NEXT_STATUSES, Workspace

    loan = ledger.loan(loan_id)
    stamp = ledger.db.clock.now()
    change_status = False
    if outcome.proposal_id:
        proposal = next((p for p in loan.proposals if p.id == outcome.proposal_id), None)
        if proposal is None:
            raise InputError(f"proposal: {outcome.proposal_id!r} is not a proposal of this loan")
        if outcome.status not in PROPOSAL_STATUSES:
            raise InputError(f"status: {outcome.status!r} is not a proposal status")
        if proposal.status != outcome.status:
            allowed = NEXT_STATUSES.get(proposal.status, ())
            if outcome.status not in allowed:
                raise InputError(
                    f"status: a {proposal.status} proposal cannot become {outcome.status}"
                )
            change_status = True
    if outcome.follow_up is not None and outcome.follow_up < outcome.occurred_at.date():
        raise InputError.at(
            "follow_up", "follow_up.before_call", "the follow-up date is before the call"
        )
    notes = Notes(ledger)
    if outcome.note_id:
        notes.revise(
            loan_id,
            outcome.note_id,
            occurred_at=outcome.occurred_at,
            counterpart=outcome.counterpart,
            text=outcome.text,
            outcome=outcome.outcome,
            promises=outcome.promises,
            follow_up=outcome.follow_up,
        )
        note_id = outcome.note_id
    else:
        note_id = notes.add(
            loan_id,
            occurred_at=outcome.occurred_at,
            counterpart=outcome.counterpart,
            text=outcome.text,
            outcome=outcome.outcome,
            promises=outcome.promises,
            follow_up=outcome.follow_up,
        ).id
    if change_status:
        # The workspace keeps one agreement in force and writes the status history.
        Workspace(ledger).change_status(
            loan_id, outcome.proposal_id, outcome.status, outcome.outcome[:200], stamp
        )
    return note_id


def upcoming_follow_up(loan: Loan) -> date | None:
    """The follow-up date of the latest note, if it has one."""
    dated = [n for n in live_notes(loan) if n.follow_up is not None]
    return max(dated, key=lambda n: n.occurred_at).follow_up if dated else None
