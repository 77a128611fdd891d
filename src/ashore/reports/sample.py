"""A realistic calendar to look at and to test with: three loans, two lenders (one is 借呗), a
year of payments, some paid, some overdue, and a monthly budget that two months exceed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from ashore.reports.data import CalendarData, CalendarEntry, CalendarLoan, Lang, Paper, Status

TODAY = date(2026, 11, 29)


def _status(due: date, paid: Decimal, amount: Decimal, today: date) -> Status:
    if paid >= amount:
        return "paid"
    if paid > 0:
        return "partly_paid"
    return "overdue" if due < today else "due"


def sample_calendar(lang: Lang = "en", paper: Paper = "A4", today: date = TODAY) -> CalendarData:
    """Twelve months from ``today``'s month: 3 loans, 31 payments, budget 2,100.00 CNY."""
    entries: list[CalendarEntry] = []
    first = today.replace(day=1)

    # 借呗: an agreement from 2026-11-15, 24 × 412.50 on the 15th.
    for k in range(12):
        due = date(2026, 11, 15) + relativedelta(months=k)
        amount = Decimal("412.50")
        paid = amount if k == 0 else Decimal("0")
        entries.append(
            CalendarEntry(
                due,
                "借呗",
                "2026年1月借款",
                "jb-2026-01",
                amount,
                _status(due, paid, amount, today),
                paid,
                "p1",
            )
        )
    # 借呗 again: the original schedule of a second, smaller loan, due on the 31st (Feb: 28th).
    for k in range(8):
        due = date(2026, 10, 31) + relativedelta(months=k)
        amount = Decimal("633.33") if k < 7 else Decimal("633.36")
        paid = Decimal("300.00") if k == 1 else Decimal("0")
        entries.append(
            CalendarEntry(
                due,
                "借呗",
                "Spring loan",
                "jb-2026-03",
                amount,
                _status(due, paid, amount, today),
                paid,
                "",
            )
        )
    # Bank card installments on the 15th too, so that day holds two payments.
    for k in range(10):
        due = date(2026, 11, 3) + relativedelta(months=k)
        if k == 3:
            due = date(2027, 2, 15)
        amount = Decimal("1100.16")
        paid = amount if due < date(2026, 11, 20) else Decimal("0")
        entries.append(
            CalendarEntry(
                due,
                "Cash Now Bank",
                "Personal loan #88",
                "cn-88",
                amount,
                _status(due, paid, amount, today),
                paid,
                "",
            )
        )
    # A one-off settlement of the bank's late fees, agreed on a call: it puts January over budget.
    entries.append(
        CalendarEntry(
            date(2027, 1, 15),
            "Cash Now Bank",
            "Late fees settlement",
            "cn-88-fees",
            Decimal("260.00"),
            "due",
            Decimal("0"),
            "",
        )
    )
    loans = [
        CalendarLoan(
            "借呗",
            "2026年1月借款",
            "Agreement from Nov 15, 2026: 24 × 412.50"
            if lang == "en"
            else "协议自 2026年11月15日 起：24 × 412.50",
            Decimal("9487.50"),
            date(2028, 10, 15),
            "jb-2026-01",
        ),
        CalendarLoan(
            "借呗",
            "Spring loan",
            "Original schedule" if lang == "en" else "原还款计划",
            Decimal("4733.34"),
            date(2027, 5, 31),
            "jb-2026-03",
        ),
        CalendarLoan(
            "Cash Now Bank",
            "Personal loan #88",
            "Original schedule" if lang == "en" else "原还款计划",
            Decimal("9901.44"),
            date(2027, 8, 3),
            "cn-88",
        ),
    ]
    months = []
    for k in range(12):
        m = first + relativedelta(months=k)
        months.append((m.year, m.month))
    return CalendarData(
        entries=entries,
        loans=loans,
        months=months,
        today=today,
        generated_at=datetime(2026, 11, 29, 9, 30, tzinfo=UTC),
        budget=Decimal("2100.00"),
        currency="CNY",
        lang=lang,
        paper=paper,
        week_starts_monday=True,
        country="CN",
    )
