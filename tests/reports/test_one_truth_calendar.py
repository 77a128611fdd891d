"""Issue 13, "one truth on every screen": on the walker's book (the worked example under
"24 months, penalty waived" with 400.00 paid; a 30-day loan 79 days overdue, no agreement) the
printed calendar and the .ics show the figures ``export summary`` and the Overview show, and the
command line's .ics is the window's (one function, one output)."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import icalendar
import pytest
from pypdf import PdfReader

from ashore.app.paths import DataDir
from ashore.commands.cli import main
from ashore.services import Ledger
from ashore.services import calendars as cal

from .walk_book import TODAY, build


@pytest.fixture
def book(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    ledger = Ledger.open(DataDir(folder))
    try:
        build(ledger, tmp_path)
    finally:
        ledger.close()
    return folder


def _run(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), "--today", TODAY.isoformat(), *args])


def _summary(folder: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, str]]:
    capsys.readouterr()
    assert _run(folder, "export", "summary") == 0
    return {loan["id"]: loan for loan in json.loads(capsys.readouterr().out)["loans"]}


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_calendar_pdf_shows_the_summarys_figures(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    figures = _summary(book, capsys)
    jb, kaka = figures["jb-1"], figures["kaka-1"]
    # Independent sums: 3,000 × (1 + 0.0005 × 30) = 3,045.00 due 2026-09-10, 79 days late at
    # 0.1 % a day: 240.56 penalty, 30.00 late fee.
    assert (kaka["overdue"], kaka["penalty"], kaka["owed_today"]) == (
        "3045.00",
        "240.56",
        "3315.56",
    )
    assert jb["left_to_pay_plan"] == "8352.77"
    out = tmp_path / "calendar.pdf"
    assert _run(book, "export", "calendar", "--out", str(out)) == 0
    pages = [_flat(page.extract_text() or "") for page in PdfReader(out).pages]
    first = pages[0]
    # the warning box and the loans table: one figure for the overdue loan, the summary's
    assert "1 payment, 3,315.56 in all with 270.56 of penalty and late fees" in first
    # the loans table: "owed today" (the summary's owed_today) beside "left to pay under the
    # plan" (its left_to_pay_plan), each under its own name
    assert "Owed today Left to pay under the plan Last due" in first
    assert re.search(r"Kaka 30-day loan Original schedule 3,315.56 3,315.56 Sep 10, 2026", first)
    assert re.search(r"penalty waived\) 8,352.77 8,352.77 Nov 28, 2028", first)
    assert jb["owed_today"] == "8352.77"
    # 8,352.77 + 3,315.56: the two owed-today figures, and the two left-to-pay figures
    assert "Total 11,668.33 11,668.33" in first
    assert "Last due" in first
    assert "Last payment" not in first
    assert "overdue installments of Kaka 30-day loan (no agreement) as paid" in first
    # What is left after a month is what is left once the installments due by then are paid
    # (issue 13: it was Kaka's "if nothing is paid" figure, 11,768.81 after December, more than
    # the 11,668.33 owed today). After December: Jiebei's 8,352.77 (December's installment was
    # paid by the 400.00) and nothing of Kaka's once its 3,315.56 is paid.
    december = next(p for p in pages if p.startswith("December 2026"))
    assert "Left to pay after this month*: 8,352.77" in december
    # After January: 329.40 of January's installment is still to pay: 8,352.77 − 329.40.
    january = next(p for p in pages if p.startswith("January 2027"))
    assert "Left to pay after this month*: 8,023.37" in january
    lefts = [
        Decimal(found.replace(",", ""))
        for page in pages
        for found in re.findall(r"Left to pay after this month\*: ([\d,]+\.\d\d)", page)
    ]
    assert len(lefts) == 12
    assert lefts == sorted(lefts, reverse=True)
    assert max(lefts) <= Decimal("11668.33")
    # the list at the end: Kaka's installment as scheduled (3,045.00) and, named, what clears it
    # today, the first page's and the summary's figure
    assert re.search(
        r"Kaka Loan Kaka 30-day loan 3,045.00 ! OVERDUE: 3,315.56 to pay today with penalty "
        r"and late fees",
        pages[-1],
    )


def test_the_chinese_calendar_names_the_column_a_due_date(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "zh.pdf"
    assert _run(book, "--lang", "zh_CN", "export", "calendar", "--out", str(out)) == 0
    first = _flat(PdfReader(out).pages[0].extract_text() or "")
    assert "最后到期日" in first
    assert "连同至今的罚息和滞纳金 270.56 共 3,315.56" in first
    # the window's names for them
    assert "今日欠款" in first
    assert "按计划还需还款" in first
    # brackets around words are full-width in Chinese text (issue 13), the plan's name too
    assert "（24 months, penalty waived）" in first
    text = "".join(page.extract_text() or "" for page in PdfReader(out).pages)
    assert not re.search(r"[\u4e00-\u9fff][()]|[()][\u4e00-\u9fff]", text)
    assert "已逾期：连同罚息和滞纳金今日应还3,315.56" in re.sub(r"\s+", "", text)


def _events(path: Path) -> dict[date, icalendar.Event]:
    events = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    return {e.decoded("DTSTART"): e for e in events}


def test_the_ics_marks_overdue_paid_and_partly_paid(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kaka = _summary(book, capsys)["kaka-1"]
    out = tmp_path / "due.ics"
    assert _run(book, "export", "ics", "--out", str(out)) == 0
    events = _events(out)
    # the overdue loan without a plan: one event today, what it owes today (the summary's)
    overdue = events[TODAY]
    assert str(overdue["SUMMARY"]) == (
        "OVERDUE (due Sep 10, 2026): pay 3,315.56 CNY: Kaka Loan · Kaka 30-day loan"
    )
    assert kaka["owed_today"] == "3315.56"
    assert "penalty and late fees included: 3,315.56 CNY" in str(overdue["DESCRIPTION"])
    assert [a.decoded("TRIGGER") for a in overdue.walk("VALARM")] == [timedelta(hours=9)]
    # December's 364.70 was paid by the 400.00: marked paid, no reminder
    paid = events[date(2026, 12, 28)]
    assert str(paid["SUMMARY"]) == "Paid 364.70 CNY: Jiebei · Jiebei January"
    assert paid.walk("VALARM") == []
    # January's: 400.00 − 364.70 = 35.30 paid of it, 329.40 left
    partly = events[date(2027, 1, 28)]
    assert str(partly["SUMMARY"]) == "Pay 329.40 CNY (of 364.70 CNY): Jiebei · Jiebei January"
    assert "Left to pay: 329.40 CNY" in str(partly["DESCRIPTION"])
    assert len(partly.walk("VALARM")) == 3


def _without_stamps(path: Path) -> str:
    return "\n".join(
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.startswith("DTSTAMP")
    )


def test_the_command_line_and_the_window_write_one_ics(book: Path, tmp_path: Path) -> None:
    """The window's File ▸ Export calls ``services.calendars.write_ics_file`` on the book it
    collects; the command line must give the very same file (the stamps aside)."""
    cli = tmp_path / "cli.ics"
    assert _run(book, "--lang", "zh_CN", "export", "ics", "--out", str(cli)) == 0
    window = tmp_path / "window.ics"
    ledger = Ledger.open(DataDir(book))
    try:
        months = cal.months_from(TODAY.replace(day=1), cal.DEFAULT_MONTHS, "months")
        collected = cal.collect(ledger, TODAY, months, [], "zh_CN", "loans")
    finally:
        ledger.close()
    count = cal.write_ics_file(
        collected, window, datetime(2026, 11, 28, 12, tzinfo=UTC), "zh_CN", "file"
    )
    assert count == 12  # Kaka's overdue one and Jiebei's 11 from December to October
    assert _without_stamps(window) == _without_stamps(cli)
    # the due date in the one date style, in the export's language (issue 13)
    assert "已逾期（应还日 2026年9月10日）" in _without_stamps(cli).replace("\r", "")


def test_a_month_with_nothing_new_is_named_under_the_monthly_table(
    book: Path, tmp_path: Path
) -> None:
    """Fourth walk's 18: the table of a calendar from December started at January, as if
    December had been forgotten. A month where nothing new falls due is named under it (here
    November: the agreement's first installment falls due on Dec 28)."""
    for lang, expected in (
        ("en", "Nothing new falls due in Nov 2026: not in the table."),
        ("zh_CN", "2026年11月没有新到期的款项，未列入表中。"),
    ):
        out = tmp_path / f"{lang}.pdf"
        asked = ("export", "calendar", "--from", "2026-11", "--months", "3", "--out", str(out))
        assert _run(book, "--lang", lang, *asked) == 0
        first = _flat(PdfReader(out).pages[0].extract_text() or "")
        assert expected.replace(" ", "") in first.replace(" ", "")
    # with every month holding an installment there is nothing to name
    out = tmp_path / "full.pdf"
    asked = ("export", "calendar", "--from", "2026-12", "--months", "2", "--out", str(out))
    assert _run(book, *asked) == 0
    assert "Nothing new falls due" not in _flat(PdfReader(out).pages[0].extract_text() or "")
