"""The repayment calendar and the .ics file of the plans in force, as ``ashore export calendar``
and ``ashore export ics`` write them and the window's File ▸ Export writes them: one code path,
so both give the same output.

The loans come from the Ledger through ``services.plans`` (an accepted proposal's agreed table
replaces the original schedule from its start); what is due when, and how each installment
stands today, from ``finance.calendar``.
"""

from __future__ import annotations

import os
from calendar import monthrange
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from dateutil.relativedelta import relativedelta

from ashore import finance
from ashore.app.errors import InputError
from ashore.app.progress import Progress
from ashore.domain.records import Loan, Proposal
from ashore.finance.calendar import MAX_CALENDAR_MONTHS
from ashore.reports import CalendarData, CalendarEntry, CalendarLoan, write_calendar_pdf, write_ics
from ashore.reports.data import Lang, Paper, entries_after
from ashore.reports.strings import day_text, installments_words, text
from ashore.services import plans
from ashore.services.ledger import Ledger

DEFAULT_MONTHS = 12
# The window's export opens on the months up to the last installment in force, at most this many
# (five years: a longer plan is rare, and its months can still be asked for up to the maximum).
COVER_MAX_MONTHS = 60
# Where Letter paper and Sunday-first calendars are the custom (the rest of the world: A4, Monday).
_LETTER_REGIONS = ("US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR")


@dataclass(frozen=True)
class CalendarBook:
    """What a calendar shows: every installment of the chosen loans' plans in force, the loans'
    lines, the months to show, the budget and the one currency."""

    entries: list[CalendarEntry]
    loans: list[CalendarLoan]
    months: list[tuple[int, int]]
    budget: Decimal | None
    currency: str
    today: date | None = None

    def shown(self) -> list[CalendarEntry]:
        """The installments due in the months shown."""
        months = set(self.months)
        return [e for e in self.entries if (e.due.year, e.due.month) in months]

    def earlier(self) -> list[CalendarEntry]:
        """The installments due before the first month shown and still not paid: the most
        urgent of all (an overdue loan's only installment may be months old)."""
        if not self.months:
            return []
        first = date(*self.months[0], 1)
        return [e for e in self.entries if e.due < first and e.status != "paid"]

    def later(self) -> list[CalendarEntry]:
        """The installments due after the last month shown, by date: what this calendar leaves
        out (the PDF's summary and the .ics's description say how many)."""
        return entries_after(self.entries, self.months)

    def months_to_include_later(self) -> int | None:
        """The ``--months`` from the first month shown that reaches the last installment due
        after them (None when none is), at most ``MAX_CALENDAR_MONTHS``."""
        later = self.later()
        if not later or not self.months:
            return None
        return months_covering(date(*self.months[0], 1), later[-1].due, MAX_CALENDAR_MONTHS)


def months_from(first: date, count: int, option: str = "--months") -> list[tuple[int, int]]:
    """``count`` calendar months from ``first``'s month, as (year, month)."""
    if not 1 <= count <= MAX_CALENDAR_MONTHS:
        raise InputError(f"{option}: {count} is not from 1 to {MAX_CALENDAR_MONTHS}")
    start = first.replace(day=1)
    return [
        ((start + relativedelta(months=k)).year, (start + relativedelta(months=k)).month)
        for k in range(count)
    ]


def last_due(loans: Sequence[Loan], today: date) -> date | None:
    """The last due date of the loans' plans in force (None without any installment). A loan
    whose figures cannot be worked out is passed over: the export itself names its problem."""
    found: list[plans.Standing] = []
    for loan in loans:
        try:
            found.append(plans.standing(loan, today))
        except (InputError, finance.FinanceError):
            continue
    return last_in_force(found)


def last_in_force(standings: Iterable[plans.Standing]) -> date | None:
    """The last due date of these plans in force (``plans.standing`` of each loan, such as the
    ledger's shared ``figures``); None without any installment."""
    last: date | None = None
    for found in standings:
        for row in found.entries:
            if row.status != "replaced" and (last is None or row.due > last):
                last = row.due
    return last


def months_covering(first: date, last: date | None, cap: int = COVER_MAX_MONTHS) -> int:
    """How many months from ``first``'s month reach ``last``'s month (both counted), from 1 to
    ``cap``: a 12-month calendar of a 24-month agreement left half its installments out."""
    if last is None:
        return 1
    needed = (last.year - first.year) * 12 + last.month - first.month + 1
    return max(1, min(needed, cap))


def default_months(first: date, last: date | None) -> int:
    """The months a calendar export opens on: the command line's ``DEFAULT_MONTHS`` at least (the
    window's 10 months beside the command's 12 gave two files of the same data), more when the
    plans in force run longer, to their last installment (at most ``COVER_MAX_MONTHS``)."""
    return max(DEFAULT_MONTHS, months_covering(first, last))


def collect(
    ledger: Ledger,
    today: date,
    months: list[tuple[int, int]],
    loan_ids: Sequence[str] = (),
    lang: str = "en",
    option: str = "--loan",
) -> CalendarBook:
    """Read the chosen loans (all when none is named) and work out their plans in force."""
    lenders = {lender.id: lender.name for lender in ledger.lenders()}
    chosen = _choose(ledger.loans(), list(loan_ids), option)
    currencies = sorted({loan.currency for loan in chosen})
    if len(currencies) > 1:
        raise InputError(
            f"{option}: the loans are in {', '.join(currencies)}; a calendar adds amounts up, so "
            "choose the loans of one currency"
        )
    currency = currencies[0] if currencies else "CNY"
    entries: list[CalendarEntry] = []
    summaries: list[CalendarLoan] = []
    for loan in chosen:
        lender = lenders.get(loan.lender, loan.lender)
        loan_entries, line = _loan_calendar(loan, lender, today, lang, currency)
        entries.extend(loan_entries)
        summaries.append(_left_after(loan_entries, line, months))
    return CalendarBook(entries, summaries, months, ledger.monthly_budget(), currency, today)


def _left_after(
    entries: list[CalendarEntry],
    line: CalendarLoan,
    months: list[tuple[int, int]],
) -> CalendarLoan:
    """What the loan still owes once each month is over (``CalendarLoan.left_after``): what is
    left of its "left to pay" once its installments due by then are paid, their penalty and late
    fees as of today included, so never more than the first page's figure. An overdue loan
    without an agreement is marked ``unplanned``: until its arrears are paid their penalty grows,
    which the calendar says in a note (a figure of "if nothing is paid" on a line named "left to
    pay after this month" read as more to pay after paying)."""
    unplanned = line.plan_start is None and any(e.status == "overdue" for e in entries)
    after: list[tuple[tuple[int, int], Decimal]] = []
    for year, month in months:
        end = date(year, month, monthrange(year, month)[1])
        paid_by_then = sum((e.to_pay for e in entries if e.due <= end), Decimal("0"))
        after.append(((year, month), max(line.left_to_pay - paid_by_then, Decimal("0"))))
    return replace(line, left_after=tuple(after), unplanned=unplanned)


def _loan_calendar(
    loan: Loan, lender: str, today: date, lang: str, currency: str
) -> tuple[list[CalendarEntry], CalendarLoan]:
    try:
        found = plans.agreement(loan)
        # the one standing every screen reads: its entries and its figures (owed today, left
        # to pay under the plan), so the calendar prints what the window and `export summary` do
        st = plans.standing(loan, today)
        rows = st.entries
    except InputError as error:
        raise InputError(f"loans[{loan.id}].{error}") from None
    except finance.FinanceError as error:
        raise InputError(f"loans[{loan.id}]: {error}") from None
    agreement_record, agreement = found if found else (None, None)
    plan_id = f"agreement-{agreement_record.id}" if agreement_record else ""
    in_force = [r for r in rows if r.status != "replaced"]
    entries = [
        CalendarEntry(
            due=row.due,
            lender=lender,
            loan=loan.name,
            loan_id=loan.id,
            amount=row.amount,
            status=row.status,  # type: ignore[arg-type]  # "replaced" filtered out
            paid=min(row.paid, row.amount),
            plan_id=plan_id if row.source == "agreement" else "",
            owed=row.remaining,
        )
        for row in in_force
    ]
    line = CalendarLoan(
        lender=lender,
        loan=loan.name,
        plan=_plan_text(agreement_record, agreement, lang, currency),
        left_to_pay=st.figures.left_to_pay_plan,
        owed_today=st.figures.owed_today,
        end_date=max((r.due for r in in_force), default=None),
        loan_id=loan.id,
        plan_start=agreement_record.start if agreement_record else None,
        paid_before_plan=tuple(
            (p.date, p.amount)
            for p in sorted(loan.payments, key=lambda p: p.date)
            if agreement_record is not None and p.date < agreement_record.start
        ),
    )
    return entries, line


def _choose(loans: list[Loan], wanted: list[str], option: str) -> list[Loan]:
    if not wanted:
        return loans
    by_id = {loan.id: loan for loan in loans}
    for loan_id in wanted:
        if loan_id not in by_id:
            raise InputError(f"{option}: {loan_id!r} is not a known loan id")
    return [by_id[loan_id] for loan_id in dict.fromkeys(wanted)]


def _plan_text(
    record: Proposal | None, plan: finance.ProposalPlan | None, lang: str, currency: str
) -> str:
    if record is None or plan is None:
        return text("plan_original", lang)
    rows = plan.installments
    start = day_text(record.start, lang)
    words = installments_words([r.payment for r in rows], currency, lang)
    line = text("plan_agreement", lang, start=start, plan=words)
    if not record.name:
        return line
    # brackets around words: full-width in Chinese text
    return f"{line}（{record.name}）" if lang == "zh_CN" else f"{line} ({record.name})"


def locale_region(names: Sequence[str] = ("LC_PAPER", "LC_ALL", "LANG")) -> str:
    """The region the user's locale settings name ("US" of en_US.UTF-8), or ""."""
    for name in names:
        value = os.environ.get(name, "")
        if value:
            return value.split(".")[0].partition("_")[2].upper()
    return ""


def letter_region() -> bool:
    """Whether the user's locale settings name a region that prints on Letter paper."""
    return locale_region() in _LETTER_REGIONS


def holiday_country(currency: str) -> str:
    """Whose public holidays the calendar marks: China's for yuan loans (the lenders' own days
    off, Spring Festival included), else the country of the user's locale."""
    if currency == "CNY":
        return "CN"
    return locale_region(("LC_TIME", "LC_ALL", "LANG"))


def calendar_data(
    book: CalendarBook,
    today: date,
    generated_at: datetime,
    lang: str,
    paper: Paper | None = None,
) -> CalendarData:
    """The PDF's data: paper and first weekday from the locale unless ``paper`` is given."""
    language: Lang = "zh_CN" if lang == "zh_CN" else "en"
    chosen: Paper = paper or ("Letter" if letter_region() else "A4")
    return CalendarData(
        entries=book.entries,
        loans=book.loans,
        months=book.months,
        today=today,
        generated_at=generated_at,
        budget=book.budget,
        currency=book.currency,
        lang=language,
        paper=chosen,
        week_starts_monday=language == "zh_CN" or not letter_region(),
        country=holiday_country(book.currency),
    )


def write_pdf(
    data: CalendarData, path: Path, option: str = "--out", progress: Progress | None = None
) -> None:
    """Write the PDF calendar, all or nothing; ``progress`` hears the pages and may cancel
    (``Cancelled``: the temporary file is removed, an earlier PDF at ``path`` is kept)."""
    write_atomically(path, lambda temp: write_calendar_pdf(data, temp, progress), option)


def write_ics_file(
    book: CalendarBook, path: Path, generated_at: datetime, lang: str, option: str = "--out"
) -> int:
    """Write one all-day event per installment due in the months shown, and one for each still
    unpaid from before them (shown on the day of the export, labelled overdue, with what it
    takes to clear it today); returns how many."""
    entries = book.earlier() + book.shown()
    language = "zh_CN" if lang == "zh_CN" else "en"
    write_atomically(
        path,
        lambda temp: write_ics(
            entries,
            temp,
            generated_at=generated_at,
            lang=language,
            currency=book.currency,
            today=book.today,
            months=book.months,
            later=book.later(),
        ),
        option,
    )
    return len(entries)


def write_atomically(path: Path, write: Callable[[Path], None], option: str = "--out") -> None:
    """Write through a temporary file beside ``path`` and move it into place at the end, so a
    failed export leaves no half-written file and keeps any earlier one."""
    path = Path(path).expanduser()
    folder = path.resolve().parent
    if not folder.is_dir():
        raise InputError.at(
            option, "folder.missing", f"the folder {folder} does not exist", folder=folder
        )
    temp = folder / f".{path.name}.{os.getpid()}.tmp"
    try:
        write(temp)
        os.replace(temp, path)
    except OSError as error:
        raise InputError.at(
            option,
            "file.not_written",
            f"cannot write {path}: {error.strerror or error}",
            where=path,
            reason=error.strerror or error,
        ) from None
    finally:
        temp.unlink(missing_ok=True)
