"""The facts a complaint to the regulator states about one loan's collection: who complains, about
which lender and loan, what was agreed, and every collection contact with the rules it broke and
the files that back it. Read from the store; the PDF is ``ashore.reports.complaint``."""

from __future__ import annotations

from datetime import date

from ashore.app.errors import InputError
from ashore.reports.complaint import ComplaintContact, ComplaintData
from ashore.reports.letter import plan_lines
from ashore.services.collection import breaches_by_note
from ashore.services.guide.figures import plan_summary
from ashore.services.guide.stage import accepted as accepted_proposal
from ashore.services.guide.storage import load_borrower
from ashore.services.ledger import Ledger

# Who a complaint goes to: the financial regulator's consumer hotline, or the central bank's.
HOTLINES: tuple[str, ...] = ("12378", "12363")


def complaint_lang(currency: str, asked: str | None, default: str) -> str:
    """The complaint's language: ``--lang`` when given, else Chinese for a CNY loan (the
    regulator reads Chinese), else the interface's."""
    if asked:
        return asked
    return "zh_CN" if currency == "CNY" else default


class NothingToComplain(InputError):
    """No collection contact of the loan broke a rule: a complaint would state nothing."""


def loan_breaches(ledger: Ledger, loan_id: str) -> int:
    """How many rules the collectors broke in this loan's contacts (a contact breaking two counts
    two); the lender's other loans count towards a day's three calls. A complaint needs one."""
    loans = ledger.loans()
    loan = next((x for x in loans if x.id == loan_id), None)
    if loan is None:
        raise InputError(f"loan: {loan_id!r} is not a known loan id")
    rules = breaches_by_note([x for x in loans if x.lender == loan.lender])
    return sum(len(found) for (owner, _note), found in rules.items() if owner == loan_id)


def complaint_data(
    ledger: Ledger, loan_id: str, today: date, to: str = "12378", lang: str = "en"
) -> ComplaintData:
    """The complaint's facts for ``loan_id``; contacts from the lender's other loans count towards
    a day's three calls but only this loan's are listed. ``NothingToComplain`` when none of the
    loan's contacts broke a rule: a complaint of nothing is not written."""
    if to not in HOTLINES:
        raise InputError(f"to: {to!r} is not one of {', '.join(HOTLINES)}")
    loans = ledger.loans()
    loan = next((x for x in loans if x.id == loan_id), None)
    if loan is None:
        raise InputError(f"loan: {loan_id!r} is not a known loan id")
    lender = next(x for x in ledger.lenders() if x.id == loan.lender)
    rules = breaches_by_note([x for x in loans if x.lender == loan.lender])
    if not any(owner == loan.id for owner, _note in rules):
        raise NothingToComplain(
            f"loan {loan.id!r}: no collection contact of it breaks a rule, so there is nothing "
            "to complain of; record first a collector's call (a collection note) with the rules "
            "it broke: a night call, too many calls in a day, a third party contacted, abuse"
        )
    contacts = sorted(
        (n for n in loan.notes if n.kind == "collection" and n.deleted_at is None),
        key=lambda n: (n.occurred_at, n.logged_at, n.id),
    )
    borrower = load_borrower(ledger)
    agreed: tuple[str, ...] = ()
    agreed_on = None
    accepted = accepted_proposal(loan)
    if accepted is not None:
        try:
            agreed = tuple(plan_lines(plan_summary(loan, accepted, today), loan.currency, lang))
        except InputError:
            agreed = (accepted.name,)
        agreed_on = next(
            (h.at.date() for h in reversed(accepted.history) if h.status == "accepted"), None
        )
    return ComplaintData(
        to=to,
        today=today,
        borrower_name=borrower.name,
        borrower_phone=borrower.phone,
        borrower_address=borrower.address,
        borrower_email=borrower.email,
        lender=lender,
        loan=loan,
        agreed=agreed,
        agreed_on=agreed_on,
        contacts=tuple(
            ComplaintContact(note, tuple(rules.get((loan.id, note.id), []))) for note in contacts
        ),
    )
