"""The one place that says whether a lender, a loan or a whole book is acceptable.

Used by the exchange (import), the services (every save) and so by the window. Each check raises
an ``InputError`` with a code ("amount.not_positive"), the field path and the values its message
names; its text starts with the path (``loans[2].principal: must be more than zero``).

Over 500 lines on purpose: one module holds every rule of what may be kept, so the import, the
forms and the command line cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ashore.app.errors import InputError
from ashore.domain.kinds import (
    ALLOCATION_PARTS,
    FEE_PERS,
    INTEREST_RULES,
    LOAN_METHODS,
    PENALTY_BASES,
)
from ashore.domain.money import RATE_UNITS, Rate, minor_unit
from ashore.domain.params import MAX_TERM_DAYS, MAX_TERM_MONTHS, SCHEMAS, ParamField
from ashore.domain.quick_checks import FIRST_YEAR, LAST_YEAR, plain_note_fine
from ashore.domain.records import (
    ABUSE_KINDS,
    CHANNELS,
    DIRECTIONS,
    EVIDENCE_KINDS,
    NOTE_KINDS,
    PROPOSAL_STATUSES,
    Attachment,
    Book,
    CallNote,
    Lender,
    Loan,
    NoteRevision,
    Proposal,
    Settlement,
)

_CURRENCY = re.compile(r"[A-Z]{3}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
ONE = Decimal(1)


# Amounts stay under 10^12: a larger one is a typing slip, and near 10^26 quantizing to the minor
# unit overflows Decimal's 28 digits.
MAX_AMOUNT = Decimal(10) ** 12
# Days of grace or before acceleration: a century is already more than any contract gives.
MAX_DAYS = 36500


def fail(path: str, code: str, detail: str, **arguments: object) -> InputError:
    """The input error on ``path`` with ``code``; ``detail`` is its English words."""
    return InputError.at(path, code, detail, **arguments)


def is_sha256(text: str) -> bool:
    """Whether ``text`` is a SHA-256 as the evidence store names its files (64 lowercase hex)."""
    return bool(_SHA256.fullmatch(text))


def check_storable(value: str, path: str) -> None:
    """Text UTF-8 and SQLite can keep: no lone surrogate halves, no NUL characters."""
    if "\x00" in value:
        raise fail(path, "text.nul", "must not hold a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise fail(
            path,
            "text.surrogate",
            "holds a character that is not valid Unicode (a lone surrogate)",
        ) from None


def _text(value: object, path: str, *, required: bool = True) -> None:
    if not isinstance(value, str):
        raise fail(path, "text.expected", "must be text")
    check_storable(value, path)
    if required and not value.strip():
        raise fail(path, "text.empty", "must not be empty")


def check_id(value: object, path: str) -> None:
    _text(value, path)
    assert isinstance(value, str)
    if len(value) > 200:
        raise fail(path, "id.too_long", "an id must be at most 200 characters", limit=200)
    if value != value.strip() or any(ch in value for ch in "\n\r\t/\\"):
        raise fail(
            path,
            "id.unusable",
            f"{value!r} is not a usable id (no spaces around, no slashes)",
            value=repr(value),
        )


def check_amount(
    value: object, path: str, currency: str = "CNY", *, positive: bool = False
) -> None:
    """A Decimal with at most the currency's decimals, not negative (above zero if ``positive``)."""
    if isinstance(value, bool) or not isinstance(value, Decimal) or not value.is_finite():
        raise fail(path, "amount.invalid", f"{value!r} is not a decimal amount", value=repr(value))
    if value < 0:
        raise fail(path, "amount.negative", "must not be negative")
    if positive and value == 0:
        raise fail(path, "amount.not_positive", "must be more than zero")
    if value >= MAX_AMOUNT:
        raise fail(
            path,
            "number.too_large",
            f"{value:f} is too large (must be under 10^12)",
            value=f"{value:f}",
            limit="10^12",
        )
    quantum = minor_unit(currency)
    if value != value.quantize(quantum):
        raise fail(
            path,
            "amount.too_many_decimals",
            f"{value} has more decimals than {currency} allows",
            value=str(value),
            currency=currency,
        )


def check_share(value: object, path: str) -> None:
    if isinstance(value, bool) or not isinstance(value, Decimal) or not value.is_finite():
        raise fail(path, "share.invalid", f"{value!r} is not a decimal share", value=repr(value))
    if not 0 <= value <= ONE:
        raise fail(path, "share.out_of_range", f"{value} must be between 0 and 1", value=str(value))


def check_rate_value(value: object, path: str) -> None:
    if isinstance(value, bool) or not isinstance(value, Decimal) or not value.is_finite():
        raise fail(path, "rate.invalid", f"{value!r} is not a decimal rate", value=repr(value))
    if value < 0:
        raise fail(path, "amount.negative", "must not be negative")
    if value > 100:
        raise fail(
            path,
            "rate.implausible_fraction",
            f"{value} is not a plausible rate (a fraction: 0.18 is 18 %)",
            value=str(value),
        )


def check_rate(rate: object, path: str) -> None:
    if not isinstance(rate, Rate):
        raise fail(path, "rate.expected", "must be a rate")
    check_rate_value(rate.value, f"{path}.value")
    if rate.per not in RATE_UNITS:
        choices = ", ".join(RATE_UNITS)
        raise fail(
            f"{path}.per",
            "choice.unknown",
            f"{rate.per!r} is not one of {choices}",
            value=repr(rate.per),
            choices=choices,
        )


def _int(value: object, path: str, minimum: int, maximum: int = 10**9) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail(path, "number.not_whole", f"{value!r} is not a whole number", value=repr(value))
    if value < minimum:
        raise fail(path, "number.below_minimum", f"must be at least {minimum}", minimum=minimum)
    if value > maximum:
        raise fail(path, "number.above_maximum", f"must be at most {maximum}", maximum=maximum)


# Dates outside these years are typing slips, and date arithmetic near year 9999 overflows.
_FIRST_YEAR, _LAST_YEAR = FIRST_YEAR, LAST_YEAR


def _date(value: object, path: str) -> None:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise fail(path, "date.invalid", f"{value!r} is not a date", value=repr(value))
    if not _FIRST_YEAR <= value.year <= _LAST_YEAR:
        raise fail(
            path,
            "date.out_of_range",
            f"{value.isoformat()} is not between {_FIRST_YEAR} and {_LAST_YEAR}",
            value=value.isoformat(),
            first=_FIRST_YEAR,
            last=_LAST_YEAR,
        )


def _time(value: object, path: str) -> None:
    if not isinstance(value, datetime):
        raise fail(path, "time.invalid", f"{value!r} is not a date and time", value=repr(value))
    if value.tzinfo is None or value.utcoffset() is None:
        raise fail(path, "time.no_offset", "needs a UTC offset (e.g. 2026-11-20T10:15:00+08:00)")


def _choice(value: object, choices: Iterable[str], path: str) -> None:
    options = tuple(choices)
    if value not in options:
        listed = ", ".join(options)
        raise fail(
            path,
            "choice.unknown",
            f"{value!r} is not one of {listed}",
            value=repr(value),
            choices=listed,
        )


def _unique(ids: Iterable[str], path: str, what: str) -> None:
    seen: set[str] = set()
    for i, item in enumerate(ids):
        if item in seen:
            raise fail(
                f"{path}[{i}].id",
                "id.duplicate",
                f"duplicate {what} id {item!r}",
                what=what,
                value=repr(item),
            )
        seen.add(item)


def check_lender(lender: Lender, path: str = "lender") -> None:
    check_id(lender.id, f"{path}.id")
    _text(lender.name, f"{path}.name")
    for name in ("phone", "notes", "hours", "website"):
        _text(getattr(lender, name), f"{path}.{name}", required=False)


def check_params(method: str, params: dict[str, Any], path: str, currency: str = "CNY") -> None:
    """A proposal's parsed parameters as the method's schema (``domain.params``) lists them."""
    schema = SCHEMAS.get(method)
    if schema is None:
        raise fail(
            path,
            "method.no_params",
            f"no parameters known for method {method!r}",
            method=repr(method),
        )
    if not isinstance(params, dict):
        raise fail(path, "object.expected", "must be an object")
    for key in params:
        if schema.field(key) is None:
            raise fail(
                f"{path}.{key}",
                "param.unknown",
                f"unknown field for a {method} proposal",
                method=method,
            )
    for spec in schema.fields:
        if spec.required and params.get(spec.name) is None:
            raise fail(f"{path}.{spec.name}", "field.missing", "missing")
    for key, value in params.items():
        known = schema.field(key)
        assert known is not None
        if value is None and not known.required:
            continue
        _check_param(known, value, f"{path}.{key}", currency)
    given = [name for name in schema.one_of if params.get(name) is not None]
    if schema.one_of and len(given) != 1:
        names = " or ".join(schema.one_of)
        raise fail(path, "params.one_of", f"give either {names} (exactly one)", names=names)


def _check_param(spec: ParamField, value: object, where: str, currency: str) -> None:
    """One parameter's value against its field in the schema."""
    if spec.kind == "months":
        _int(value, where, spec.minimum or 0, spec.maximum or MAX_TERM_MONTHS)
    elif spec.kind == "rate":
        check_rate_value(value, where)
    elif spec.kind == "amount":
        check_amount(value, where, currency, positive=True)
    elif spec.kind == "share":
        check_share(value, where)
    elif spec.kind == "date":
        _date(value, where)
    elif spec.kind == "choice":
        _choice(value, spec.choices, where)
    else:
        _check_installments(value, where, currency)


def _check_installments(value: object, where: str, currency: str) -> None:
    if not isinstance(value, list) or not value:
        raise fail(where, "installments.empty", "must list at least one installment")
    for i, item in enumerate(value):
        if not isinstance(item, tuple) or len(item) != 2:
            raise fail(f"{where}[{i}]", "installment.not_pair", "must be a (due, amount) pair")
        _date(item[0], f"{where}[{i}].due")
        check_amount(item[1], f"{where}[{i}].amount", currency, positive=True)


def check_proposal(proposal: Proposal, path: str, currency: str = "CNY") -> None:
    check_id(proposal.id, f"{path}.id")
    _text(proposal.name, f"{path}.name", required=False)
    _choice(proposal.method, SCHEMAS, f"{path}.method")
    _date(proposal.start, f"{path}.start")
    _choice(proposal.status, PROPOSAL_STATUSES, f"{path}.status")
    check_params(proposal.method, proposal.params, f"{path}.params", currency)
    for part in ("penalty", "late_fees", "interest"):
        check_share(getattr(proposal.waive, part), f"{path}.waive.{part}")
    for i, change in enumerate(proposal.history):
        _time(change.at, f"{path}.history[{i}].at")
        _choice(change.status, PROPOSAL_STATUSES, f"{path}.history[{i}].status")
    if proposal.agreed is not None:
        _date(proposal.agreed.on, f"{path}.agreed.on")
        if not proposal.agreed.installments:
            raise fail(
                f"{path}.agreed.installments",
                "agreed.no_installments",
                "at least one installment is needed",
            )
        for i, row in enumerate(proposal.agreed.installments):
            where = f"{path}.agreed.installments[{i}]"
            _date(row.due, f"{where}.due")
            check_amount(row.amount, f"{where}.amount", currency, positive=True)
            if row.principal is not None:
                check_amount(row.principal, f"{where}.principal", currency)
                if row.principal > row.amount:
                    raise fail(
                        f"{where}.principal",
                        "installment.principal_over_amount",
                        "is more than the installment's amount",
                    )


def _check_attachment(attachment: Attachment, where: str) -> None:
    # On import a file given by path may leave its hash out: it is hashed as it is stored.
    given_by_path = attachment.sha256 == "" and bool(attachment.path)
    if not given_by_path and (
        not isinstance(attachment.sha256, str) or not is_sha256(attachment.sha256)
    ):
        raise fail(f"{where}.sha256", "sha256.invalid", f"{attachment.sha256!r} is not a SHA-256")
    _text(attachment.name, f"{where}.name")
    _choice(attachment.kind, EVIDENCE_KINDS, f"{where}.kind")
    if attachment.duration_ms is not None:
        _int(attachment.duration_ms, f"{where}.duration_ms", 0)


def check_collection(note: CallNote | NoteRevision, path: str) -> None:
    """A collection contact's fields: its direction, numbers, third party and abuse kinds."""
    _choice(note.kind, NOTE_KINDS, f"{path}.kind")
    if note.kind == "collection":
        _choice(note.direction, DIRECTIONS, f"{path}.direction")
    elif note.direction:
        _choice(note.direction, DIRECTIONS, f"{path}.direction")
    _text(note.from_number, f"{path}.from_number", required=False)
    _text(note.third_party, f"{path}.third_party", required=False)
    for i, kind in enumerate(note.abuse):
        _choice(kind, ABUSE_KINDS, f"{path}.abuse[{i}]")
    if len(set(note.abuse)) != len(note.abuse):
        raise fail(f"{path}.abuse", "abuse.repeated", "lists a kind twice")


def check_settlement(settlement: Settlement | None, path: str) -> None:
    """A loan's settlement: dates that exist, a report checked on or after settling."""
    if settlement is None:
        return
    _date(settlement.settled_on, f"{path}.settled_on")
    if settlement.certificate is not None:
        _check_attachment(settlement.certificate, f"{path}.certificate")
    checked = settlement.credit_report_checked_on
    if checked is not None:
        _date(checked, f"{path}.credit_report_checked_on")
        if checked < settlement.settled_on:
            raise fail(
                f"{path}.credit_report_checked_on",
                "settlement.checked_before_settled",
                "is before settled_on",
            )
    clean = settlement.credit_report_clean
    if clean is not None and not isinstance(clean, bool):
        raise fail(
            f"{path}.credit_report_clean",
            "boolean.or_null_expected",
            f"{clean!r} is not true, false or null",
        )
    if clean is not None and checked is None:
        raise fail(
            f"{path}.credit_report_checked_on",
            "settlement.checked_on_missing",
            "say when the report was checked",
        )


def check_note(note: CallNote, path: str) -> None:
    check_id(note.id, f"{path}.id")
    _time(note.occurred_at, f"{path}.occurred_at")
    _time(note.logged_at, f"{path}.logged_at")
    _choice(note.channel, CHANNELS, f"{path}.channel")
    for name in ("counterpart", "text", "outcome", "promises", "deleted_reason"):
        _text(getattr(note, name), f"{path}.{name}", required=False)
    if note.follow_up is not None:
        _date(note.follow_up, f"{path}.follow_up")
    if note.deleted_at is not None:
        _time(note.deleted_at, f"{path}.deleted_at")
    check_collection(note, path)
    for i, attachment in enumerate(note.attachments):
        _check_attachment(attachment, f"{path}.attachments[{i}]")
    for i, revision in enumerate(note.revisions):
        where = f"{path}.revisions[{i}]"
        _time(revision.revised_at, f"{where}.revised_at")
        _time(revision.occurred_at, f"{where}.occurred_at")
        _choice(revision.channel, CHANNELS, f"{where}.channel")
        check_collection(revision, where)


# Complexity over 10 on purpose: one check per field of a loan, in the exchange format's order.
def check_loan(loan: Loan, lender_ids: Collection[str], path: str = "loan") -> None:  # noqa: C901
    """Everything about one loan; ``lender_ids`` are the lenders it may belong to."""
    check_id(loan.id, f"{path}.id")
    if loan.lender not in lender_ids:
        raise fail(f"{path}.lender", "lender.unknown", f"{loan.lender!r} is not a known lender id")
    _text(loan.name, f"{path}.name")
    if not isinstance(loan.currency, str) or not _CURRENCY.fullmatch(loan.currency):
        raise fail(
            f"{path}.currency",
            "currency.invalid",
            f"{loan.currency!r} is not a 3-letter code like CNY",
        )
    currency = loan.currency
    check_amount(loan.principal, f"{path}.principal", currency, positive=True)
    check_rate(loan.rate, f"{path}.rate")
    _choice(loan.method, LOAN_METHODS, f"{path}.method")
    _int(loan.term_count, f"{path}.term.count", 1)
    _choice(loan.term_unit, ("month", "day"), f"{path}.term.unit")
    most = MAX_TERM_DAYS if loan.term_unit == "day" else MAX_TERM_MONTHS
    if loan.term_count > most:
        raise fail(
            f"{path}.term.count",
            "term.too_long",
            f"must be at most {most} {loan.term_unit}s",
            maximum=most,
            unit=loan.term_unit,
        )
    if loan.term_unit == "day" and loan.method != "bullet":
        raise fail(
            f"{path}.term.unit",
            "term.days_need_bullet",
            "days are only for a bullet loan; use month",
        )
    _date(loan.first_due, f"{path}.first_due")
    if loan.start is not None:
        _date(loan.start, f"{path}.start")
        if loan.start >= loan.first_due:
            raise fail(
                f"{path}.start",
                "loan.start_not_before_first_due",
                f"must be before the first due date {loan.first_due}",
            )
    _choice(loan.interest, INTEREST_RULES, f"{path}.interest")
    check_share(loan.prepayment_fee, f"{path}.prepayment_fee")
    upfront = sum((f.amount for f in loan.fees if f.per == "upfront"), Decimal(0))
    if upfront >= loan.principal:
        raise fail(
            f"{path}.fees",
            "fees.upfront_over_principal",
            "the upfront fees must be less than the principal",
        )
    _text(loan.reference, f"{path}.reference", required=False)
    for i, fee in enumerate(loan.fees):
        _text(fee.name, f"{path}.fees[{i}].name", required=False)
        check_amount(fee.amount, f"{path}.fees[{i}].amount", currency)
        _choice(fee.per, FEE_PERS, f"{path}.fees[{i}].per")
    rules = loan.overdue
    if rules.penalty_rate is not None:
        check_rate(rules.penalty_rate, f"{path}.overdue.penalty_rate")
    times = rules.penalty_times_contract
    if times is not None and (
        not isinstance(times, Decimal) or not times.is_finite() or not 0 < times <= 10
    ):
        raise fail(
            f"{path}.overdue.penalty_rate.times_contract",
            "penalty.times_out_of_range",
            "must be more than 0 and at most 10",
        )
    if not isinstance(rules.contract_interest_continues, bool):
        raise fail(
            f"{path}.overdue.contract_interest_continues",
            "boolean.expected",
            "must be true or false",
        )
    _choice(rules.penalty_base, PENALTY_BASES, f"{path}.overdue.penalty_base")
    check_amount(rules.late_fee, f"{path}.overdue.late_fee", currency)
    _int(rules.grace_days, f"{path}.overdue.grace_days", 0, MAX_DAYS)
    if rules.accelerates_after_days is not None:
        _int(rules.accelerates_after_days, f"{path}.overdue.accelerates_after_days", 0, MAX_DAYS)
    if sorted(rules.allocation) != sorted(ALLOCATION_PARTS):
        raise fail(
            f"{path}.overdue.allocation",
            "allocation.invalid",
            f"must order exactly {', '.join(ALLOCATION_PARTS)}",
        )
    for i, payment in enumerate(loan.payments):
        _date(payment.date, f"{path}.payments[{i}].date")
        check_amount(payment.amount, f"{path}.payments[{i}].amount", currency, positive=True)
    for i, claim in enumerate(loan.claims):
        _date(claim.date, f"{path}.claims[{i}].date")
        check_amount(claim.amount, f"{path}.claims[{i}].amount", currency)
        if claim.ours is not None:
            check_amount(claim.ours, f"{path}.claims[{i}].ours", currency)
    _unique((p.id for p in loan.proposals), f"{path}.proposals", "proposal")
    for i, proposal in enumerate(loan.proposals):
        check_proposal(proposal, f"{path}.proposals[{i}]", currency)
    _unique((n.id for n in loan.notes), f"{path}.notes", "note")
    for i, note in enumerate(loan.notes):
        if not plain_note_fine(note):  # the quick pass for an ordinary note, else the full check
            check_note(note, f"{path}.notes[{i}]")
    check_settlement(loan.settlement, f"{path}.settlement")


def check_book(book: Book, known_lender_ids: Collection[str] = ()) -> None:
    """A whole book: every lender and loan, ids unique; loans may use ``known_lender_ids`` too."""
    if not isinstance(book.currency, str) or not _CURRENCY.fullmatch(book.currency):
        raise fail(
            "currency", "currency.invalid", f"{book.currency!r} is not a 3-letter code like CNY"
        )
    if book.monthly_budget is not None:
        check_amount(book.monthly_budget, "monthly_budget", book.currency)
    _unique((lender.id for lender in book.lenders), "lenders", "lender")
    for i, lender in enumerate(book.lenders):
        check_lender(lender, f"lenders[{i}]")
    lender_ids = {lender.id for lender in book.lenders} | set(known_lender_ids)
    _unique((loan.id for loan in book.loans), "loans", "loan")
    for i, loan in enumerate(book.loans):
        check_loan(loan, lender_ids, f"loans[{i}]")
