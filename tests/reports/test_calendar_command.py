"""``ashore export calendar`` / ``export ics`` on the sample book: the plan in force of each loan,
the agreement replacing the original schedule, loan and month choice, and clean failures."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import icalendar
import pytest
from pypdf import PdfReader

from ashore.app.paths import DataDir
from ashore.commands.cli import main
from ashore.services import Ledger


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """A data dir holding the sample book (借呗 Jiebei and 360借条, three loans)."""
    folder = tmp_path / "data"
    ledger = Ledger.open(DataDir(folder))
    try:
        ledger.load_sample()
    finally:
        ledger.close()
    return folder


def _run(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), "--today", "2026-11-28", *args])


def _pages(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def test_calendar_of_the_sample_book(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "calendar.pdf"
    assert _run(book, "export", "calendar", "--out", str(out), "--paper", "Letter") == 0
    pages = _pages(out)
    assert len(pages) >= 14
    summary = pages[0]
    assert "借呗 Jiebei" in summary
    assert "360借条 Jietiao" in summary
    assert "November 2026 to October 2027" in summary
    # 借呗 January (DOMAIN.md's worked example): 1,100.16 on the 15th, the last 1,100.19 in January
    nov, jan = pages[1], pages[3]
    assert "November 2026" in nov
    assert "1,100.16" in nov
    assert "January 2027" in jan
    assert "1,100.19" in jan
    listing = "\n".join(pages[13:])
    assert re.search(
        r"Sun, Nov 15, 2026\s+借呗 Jiebei\s+借呗 January\s+1,100.16\s+! OVERDUE", listing
    )
    assert "May 15, 2026" not in listing  # paid before the period: not repeated
    assert "Mon, Jun 15, 2026" in listing  # unpaid before the period: listed first
    box = PdfReader(out).pages[0].mediabox
    assert round(float(box.width)) == 612


def test_an_accepted_proposal_replaces_the_schedule(book: Path, tmp_path: Path) -> None:
    ledger = Ledger.open(DataDir(book))
    try:
        loan = ledger.loan("jb-2026-01")
        loan.proposals[0].status = "accepted"
        ledger.save_loan(loan)
    finally:
        ledger.close()
    out = tmp_path / "agreement.pdf"
    assert _run(book, "export", "calendar", "--out", str(out), "--loan", "jb-2026-01") == 0
    pages = _pages(out)
    summary = re.sub(r"\s+", " ", pages[0])
    assert "Agreement from Dec 15, 2026: 23 × 366.04 and a last 366.13" in summary
    assert "360借条" not in summary  # only the chosen loan
    assert "1,100.19" not in "".join(pages)  # the original last installment is gone
    ics = tmp_path / "agreement.ics"
    assert _run(book, "export", "ics", "--out", str(ics), "--loan", "jb-2026-01") == 0
    events = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    agreement = [e for e in events if ".agreement-p1." in str(e["UID"])]
    # November's original installment, then the agreement's from 2027-01-15 (first due a month
    # after the start) to October 2027
    assert len(agreement) == 10
    # ... and (issue 13) the five installments June to October still unpaid before the months
    # shown (the agreement starts only on 2026-12-15) have events too: these and November's,
    # overdue since the 15th, are on the export day, labelled overdue.
    earlier = [e for e in events if e.decoded("DTSTART") == date(2026, 11, 28)]
    assert len(earlier) == 5 + 1
    # the due dates in the one date style (domain/dates.date_text), not ISO
    assert sorted(str(e["SUMMARY"]).split(")")[0] for e in earlier) == sorted(
        f"OVERDUE (due {month} 15, 2026" for month in ("Jun", "Jul", "Aug", "Sep", "Oct", "Nov")
    )
    assert len(events) == 11 + 5


def test_ics_export_is_stable(book: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert (
        _run(book, "export", "ics", "--out", str(first), "--from", "2026-12", "--months", "3") == 0
    )
    assert (
        _run(book, "export", "ics", "--out", str(second), "--from", "2026-12", "--months", "3") == 0
    )
    uids = [
        [str(e["UID"]) for e in icalendar.Calendar.from_ical(p.read_bytes()).walk("VEVENT")]
        for p in (first, second)
    ]
    assert uids[0] == uids[1]
    # 借呗 Dec and Jan only: the 360借条 24-month loan accelerated on 2026-06-09, so its later
    # installments are one demand due then, not payments in these months ...
    events = icalendar.Calendar.from_ical(first.read_bytes()).walk("VEVENT")
    due_in_months = [e for e in events if not str(e["SUMMARY"]).startswith("OVERDUE")]
    assert len(due_in_months) == 2
    dates = sorted(e.decoded("DTSTART") for e in due_in_months)
    assert str(dates[0]) == "2026-12-15"
    assert str(dates[-1]) == "2027-01-15"
    # ... and (issue 13) every installment still unpaid from before December has its event on
    # the export day, labelled overdue: 借呗's June to November, 360借条's to its demand.
    overdue = [e for e in events if str(e["SUMMARY"]).startswith("OVERDUE")]
    assert len(overdue) == len(uids[0]) - 2 > 0
    assert {e.decoded("DTSTART") for e in overdue} == {date(2026, 11, 28)}
    assert sum("借呗 January" in str(e["SUMMARY"]) for e in overdue) == 6


def test_chinese_calendar(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "zh.pdf"
    assert (
        _run(book, "--lang", "zh_CN", "export", "calendar", "--out", str(out), "--months", "2") == 0
    )
    pages = _pages(out)
    assert "还款日历" in pages[0]
    assert "原还款计划" in pages[0]
    assert "借呗 Jiebei" in pages[0]
    assert "2026年11月" in pages[1]
    assert "星期一" in pages[1]


def test_failures_say_what_and_leave_nothing(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert _run(book, "export", "calendar", "--out", str(out), "--loan", "nope") == 1
    assert capsys.readouterr().err == "ashore: --loan: 'nope' is not a known loan id\n"
    missing = tmp_path / "no" / "x.ics"
    assert _run(book, "export", "ics", "--out", str(missing)) == 1
    assert capsys.readouterr().err.startswith("ashore: --out: the folder ")
    assert not out.exists()
    assert list(tmp_path.glob(".*.tmp")) == []


def test_payments_before_the_plan_began_are_not_a_false_paid_nought(
    book: Path, tmp_path: Path
) -> None:
    from datetime import date
    from decimal import Decimal

    from ashore.domain.records import Payment

    ledger = Ledger.open(DataDir(book))
    try:
        loan = ledger.loan("jb-2026-01")
        loan.proposals[0].status = "accepted"  # 24 months from 2026-12-15
        loan.payments.append(Payment(date(2026, 11, 20), Decimal("1500.00")))
        ledger.save_loan(loan)
    finally:
        ledger.close()
    out = tmp_path / "before.pdf"
    args = ("export", "calendar", "--out", str(out), "--loan", "jb-2026-01")
    assert main(["--data-dir", str(book), "--today", "2027-02-20", *args, "--from", "2026-05"]) == 0
    pages = _pages(out)
    summary = re.sub(r"\s+", " ", pages[0])
    # the months the agreement replaced (Jul-Dec 2026) are left out of the table, not 0.00 rows
    assert "May 2026 1 1,100.16 1,100.16 0.00" in summary
    assert "Jun 2026 1 1,100.16 1,100.16 0.00" in summary
    for month in ("Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026", "Nov 2026", "Dec 2026"):
        assert month not in summary
    assert re.search(r"Jan 2027 1 ([\d,.]+) 0\.00 \1 ", summary)  # the plan's first, unpaid
    # the payment says what it was, once, on its own line
    assert (
        "借呗 January: 1,500.00 paid on Nov 20, 2026, before the plan began on Dec 15, 2026: it "
        "paid the installments then due, and the plan starts from what was left." in summary
    )
    assert "1,100.16 paid on May 15, 2026" not in summary  # May shows it against its installment
    november = next(p for p in pages if p.startswith("November 2026"))
    assert "Paid: 0.00" not in november
    assert "借呗 January: 1,500.00 paid on Nov 20, 2026, before the plan began." in november


def test_a_short_calendar_names_the_payments_after_it(book: Path, tmp_path: Path) -> None:
    """Two months of the sample book: the worked example's last installment (1,100.19 on
    Jan 15, 2027, DOMAIN.md) is after them, and page 1 says so; twelve months hold it, no line."""
    out = tmp_path / "short.pdf"
    assert _run(book, "export", "calendar", "--out", str(out), "--months", "2") == 0
    summary = " ".join(_pages(out)[0].split())
    assert (
        "And 1 more payment after Dec 2026, 1,100.19 in all, until Jan 15, 2027: "
        "not in this calendar"
    ) in summary
    whole = tmp_path / "whole.pdf"
    assert _run(book, "export", "calendar", "--out", str(whole)) == 0
    assert "not in this calendar" not in " ".join(_pages(whole)[0].split())


def _accept_the_24_months(book: Path) -> None:
    ledger = Ledger.open(DataDir(book))
    try:
        loan = ledger.loan("jb-2026-01")
        loan.proposals[0].status = "accepted"  # 23 × 366.04 and 366.13, Dec 2026 to Nov 2028
        ledger.save_loan(loan)
    finally:
        ledger.close()


@pytest.mark.parametrize("kind", ["calendar", "ics"])
def test_the_default_12_months_say_what_they_leave_out(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """The tester's walk: the window's export covered the 24-month agreement, the command's 12
    months cut it short without a word. The default stays (INTERFACES.md); the command says how
    many payments fall after the months and the --months that takes them in."""
    _accept_the_24_months(book)
    out = tmp_path / f"out.{'pdf' if kind == 'calendar' else 'ics'}"
    args = ["export", kind, "--out", str(out), "--loan", "jb-2026-01"]
    assert _run(book, *args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"wrote {out}")
    # Nov 2026 to Oct 2027 shown; Nov 2027 to Dec 2028 (14 payments) after; Nov 2026 + 26 months
    assert lines[1] == (
        "14 more payment(s) fall after 2027-10, until 2028-12-15: --months 26 takes them in"
    )
    assert _run(book, *args, "--months", "26") == 0
    taken_in = capsys.readouterr().out.splitlines()
    assert len(taken_in) == 1  # nothing left out: nothing more said
    assert taken_in[0].startswith(f"wrote {out}: ")


def test_the_ics_describes_its_range_and_the_payments_after_it(book: Path, tmp_path: Path) -> None:
    _accept_the_24_months(book)
    out = tmp_path / "out.ics"
    assert _run(book, "export", "ics", "--out", str(out), "--loan", "jb-2026-01") == 0
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    said = (
        "Payments due from Nov 2026 to Oct 2027. And 14 more payments after Oct 2027, "
        "5,124.65 in all, until Dec 15, 2028: not in this calendar (export more months "
        "to see them)."
    )
    assert str(cal["X-WR-CALDESC"]) == said
    assert str(cal["DESCRIPTION"]) == said
    zh = tmp_path / "zh.ics"
    assert _run(book, "--lang", "zh_CN", "export", "ics", "--out", str(zh)) == 0
    desc = str(icalendar.Calendar.from_ical(zh.read_bytes())["X-WR-CALDESC"])
    assert desc.startswith("2026年11月至2027年10月到期的还款。2027年10月之后还有 14 笔")
    whole = tmp_path / "whole.ics"
    assert _run(book, "export", "ics", "--out", str(whole), "--months", "26") == 0
    described = icalendar.Calendar.from_ical(whole.read_bytes())
    assert str(described["X-WR-CALDESC"]) == "Payments due from Nov 2026 to Dec 2028."


def test_calendar_help_names_the_default_months(capsys: pytest.CaptureFixture[str]) -> None:
    from ashore.services.calendars import DEFAULT_MONTHS

    for kind in ("calendar", "ics"):
        with pytest.raises(SystemExit):
            main(["export", kind, "--help"])
        shown = " ".join(capsys.readouterr().out.split())
        assert f"how many months from --from (default {DEFAULT_MONTHS};" in shown
        assert "--from YYYY-MM the first month (default: this month)" in shown
