"""The PDF repayment calendar: right amounts on the right month pages, right totals, Chinese intact,
every font embedded, and hostile names printed as written without breaking the layout."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from ashore.app.errors import InputError
from ashore.domain.dates import date_text
from ashore.reports import CalendarData, CalendarEntry, CalendarLoan, write_calendar_pdf
from ashore.reports.sample import sample_calendar
from ashore.reports.strings import holiday


def _pages(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def _squash(value: str) -> str:
    return re.sub(r"\s+", "", value)


@pytest.fixture(scope="module")
def en_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cal") / "calendar-en.pdf"
    write_calendar_pdf(sample_calendar("en"), path)
    return path


@pytest.fixture(scope="module")
def zh_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cal") / "calendar-zh.pdf"
    write_calendar_pdf(sample_calendar("zh_CN"), path)
    return path


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def test_every_amount_is_on_its_own_month_page(en_pdf: Path) -> None:
    data = sample_calendar("en")
    pages = _pages(en_pdf)
    assert len(pages) == 1 + len(data.months) + 1  # summary, 12 months, a one-page list
    for entry in data.entries:
        ym = (entry.due.year, entry.due.month)
        if ym not in data.months:
            continue
        page = pages[1 + data.months.index(ym)]
        # the month grid cell holds the day number and the amount
        assert _money(entry.amount) in page, (entry, page)
    # the January-only settlement shows on January's page and on no other month page
    jan = 1 + data.months.index((2027, 1))
    for number, page in enumerate(pages[1:-1], start=1):
        assert ("260.00" in page) == (number == jan), number
    assert "January 2027" in pages[jan]


def test_month_totals_and_left_to_pay(en_pdf: Path) -> None:
    pages = _pages(en_pdf)
    data = sample_calendar("en")
    jan = pages[1 + data.months.index((2027, 1))]
    # 1,100.16 + 260.00 + 412.50 + 633.33
    assert "This month: 2,405.99" in jan
    assert "4 payments" in jan
    # 24,122.28 left on the three loans, less every unpaid payment due by 2027-01-31 (5,518.64)
    assert "Left to pay after this month: 18,603.64" in jan
    assert "over by 305.99" in jan  # budget 2,100.00
    # two payments on 2027-01-15 give a daily total
    assert "Day 672.50" in jan
    jun = pages[1 + data.months.index((2027, 6))]
    assert "This month: 1,512.66" in jun
    assert "within" in jun


def test_summary_page(en_pdf: Path) -> None:
    summary = _pages(en_pdf)[0]
    assert "Repayment calendar" in summary
    assert "November 2026 to October 2027" in summary
    assert "Made Nov 29, 2026 09:30" in summary
    for text in ("Agreement from Nov 15, 2026: 24 × 412.50", "9,487.50", "Oct 15, 2028"):
        assert _squash(text) in _squash(summary)  # a long plan wraps onto two lines
    assert "24,122.28" in summary  # total left to pay
    assert "Monthly budget: 2,100.00" in summary
    # the months above budget carry the ▲ mark and say by how much; the others do not
    assert re.search(r"▲ Jan 2027\s+4\s+2,405.99", summary)
    assert "▲ over by 305.99" in summary
    assert "▲ Jun 2027" not in summary
    assert "Jun 2027" in summary
    assert "20,644.94" in summary  # 30 payments in these 12 months
    # the October installment still unpaid comes before everything else
    assert "Unpaid from before November 2026: 1 payment, 633.33" in summary


def test_list_page_has_every_payment_and_page_numbers(en_pdf: Path) -> None:
    pages = _pages(en_pdf)
    last = pages[-1]
    data = sample_calendar("en")
    assert last.count(", 2027") + last.count(", 2026") >= len(data.entries)
    for entry in data.entries:
        assert date_text(entry.due, "en") in last
    assert "Sat, Oct 31, 2026" in last
    assert "! OVERDUE" in last
    assert "partly paid (300.00)" in last
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page


def test_chinese_calendar_prints_real_glyphs(zh_pdf: Path) -> None:
    pages = _pages(zh_pdf)
    assert "还款日历" in pages[0]
    assert "借呗" in pages[0]
    assert "2026年1月借款" in pages[0]
    assert "协议自 2026年11月15日 起" in pages[0]
    jan = pages[1 + sample_calendar().months.index((2027, 1))]
    assert "2027年1月" in jan
    assert "星期一" in jan
    assert "星期日" in jan
    assert "本月应还：2,405.99" in jan
    assert "借呗" in jan
    assert "第 1 页，共 14 页" in pages[0]
    assert "已逾期" in pages[-1]
    assert "待还" in pages[-1]


@pytest.mark.parametrize("which", ["en", "zh_CN"])
def test_every_font_is_embedded(which: str, en_pdf: Path, zh_pdf: Path) -> None:
    path = en_pdf if which == "en" else zh_pdf
    # Without poppler: every font dictionary must point at an embedded TrueType program.
    reader = PdfReader(path)
    seen = 0
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            seen += 1
    assert seen > 0


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) absent")
@pytest.mark.parametrize("which", ["en", "zh_CN"])
def test_pdffonts_says_embedded(which: str, en_pdf: Path, zh_pdf: Path) -> None:
    path = en_pdf if which == "en" else zh_pdf
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    rows = out.stdout.splitlines()[2:]
    assert rows, out.stdout
    for row in rows:
        columns = row.split()
        # name type [type] encoding emb sub uni id gen: emb is 5th from the end
        assert columns[-5] == "yes", row


HOSTILE = [
    "<b>bold</b>",
    "&amp; Sons & Co",
    "</para>",
    "W" * 150 + "-" + "x" * 149,
    "Emoji 😀🎉👨‍👩‍👧 loan",
    "semi;colon, back\\slash",
]


def _hostile_data(lang: str = "en") -> CalendarData:
    entries = [
        CalendarEntry(
            date(2027, 3, 10 + i), name, f"loan {name}", f"id-{i}", Decimal("100.00") + i, "due"
        )
        for i, name in enumerate(HOSTILE)
    ]
    loans = [
        CalendarLoan(name, f"loan {name}", "<i>plan</i> & </para>", Decimal("100.00"), None)
        for name in HOSTILE
    ]
    return CalendarData(
        entries=entries,
        loans=loans,
        months=[(2027, 3)],
        today=date(2027, 3, 1),
        generated_at=datetime(2027, 3, 1, 8, 0, tzinfo=UTC),
        lang=lang,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_hostile_names_print_as_written(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "hostile.pdf"
    write_calendar_pdf(_hostile_data(lang), path)
    pages = _pages(path)
    summary, listing = _squash(pages[0]), _squash(pages[-1])
    for name in HOSTILE[:4] + HOSTILE[5:]:
        assert _squash(name) in listing, name
        assert _squash(name) in summary, name
    assert _squash("<i>plan</i> & </para>") in summary
    # the emoji the font lacks become one box each run; the words around them survive
    assert "Emoji□loan" in listing
    # in the month grid the 300-character name is cut with an ellipsis, never spilled
    grid = pages[1]
    assert "W" * 150 not in _squash(grid)
    assert "…" in grid


def test_many_payments_on_one_day_show_plus_n_more(tmp_path: Path) -> None:
    entries = [
        CalendarEntry(
            date(2027, 3, 17),
            f"Lender {i}",
            f"Loan {i}",
            f"l{i}",
            Decimal(f"{100 + i}.{i:02d}"),
            "due",
        )
        for i in range(9)
    ]
    data = CalendarData(
        entries=entries,
        loans=[],
        months=[(2027, 3)],
        today=date(2027, 3, 1),
        generated_at=datetime(2027, 3, 1, 8, 0, tzinfo=UTC),
    )
    path = tmp_path / "busy.pdf"
    write_calendar_pdf(data, path)
    pages = _pages(path)
    grid = pages[1]
    match = re.search(r"\+(\d+) more \(see list\)", grid)
    assert match, grid
    hidden = int(match.group(1))
    shown = [e for e in entries if _money(e.amount) in grid]
    assert hidden > 0
    assert len(shown) + hidden == len(entries)
    assert "Day 936.36" in grid  # the daily total counts the hidden ones too
    for entry in entries:
        assert _money(entry.amount) in pages[-1]


def test_paper_sizes_and_sunday_first(tmp_path: Path) -> None:
    letter = tmp_path / "letter.pdf"
    data = sample_calendar("en", "Letter")
    write_calendar_pdf(replace(data, week_starts_monday=False), letter)
    box = PdfReader(letter).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    grid = _pages(letter)[1]
    assert grid.index("Sunday") < grid.index("Monday")
    a4 = tmp_path / "a4.pdf"
    write_calendar_pdf(sample_calendar("en", "A4"), a4)
    box = PdfReader(a4).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    grid = _pages(a4)[1]
    assert grid.index("Monday") < grid.index("Sunday")


def test_empty_months_and_no_loans(tmp_path: Path) -> None:
    data = CalendarData(
        entries=[],
        loans=[],
        months=[(2027, 2)],
        today=date(2027, 2, 1),
        generated_at=datetime(2027, 2, 1, 8, 0, tzinfo=UTC),
        budget=Decimal("500.00"),
    )
    path = tmp_path / "empty.pdf"
    write_calendar_pdf(data, path)
    pages = _pages(path)
    assert "No loans chosen." in pages[0]
    assert "Nothing due this month." in pages[1]
    assert "No payments in these months." in pages[2]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"lang": "fr"}, "lang: 'fr' is not one of en, zh_CN"),
        ({"paper": "A5"}, "paper: 'A5' is not one of A4, Letter"),
        ({"months": []}, "months: at least one month is needed"),
        ({"months": [(2027, 13)]}, "months[0]: (2027, 13) is not a (year, month) pair"),
        ({"budget": 12.5}, "budget: 12.5 is not a Decimal amount"),
    ],
)
def test_bad_data_is_refused(change: dict[str, object], message: str) -> None:
    base = sample_calendar("en")
    with pytest.raises(InputError) as caught:
        replace(base, **change)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_bad_entry_is_refused() -> None:
    with pytest.raises(InputError, match=r"^entry.amount: 12.5 is not a Decimal amount$"):
        CalendarEntry(date(2027, 1, 1), "L", "l", "id", 12.5, "due")  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"^entry.status: 'late' is not one of"):
        CalendarEntry(date(2027, 1, 1), "L", "l", "id", Decimal("1"), "late")  # type: ignore[arg-type]


def test_chinas_holidays_are_named_spring_festival_included(en_pdf: Path, zh_pdf: Path) -> None:
    # a yuan calendar marks the lenders' own days off: China's, lunar dates included
    data = sample_calendar()
    assert data.country == "CN"
    page = {ym: 1 + data.months.index(ym) for ym in data.months}
    en, zh = _pages(en_pdf), _pages(zh_pdf)
    assert "New Year's Day" in en[page[(2027, 1)]]
    assert "New Year's Day" not in en[page[(2027, 10)]]
    assert "元旦" in zh[page[(2027, 1)]]
    assert "国庆节" in zh[page[(2027, 10)]]
    # Spring Festival 2027 falls on February 6 (a lunar date no fixed list could hold)
    assert "春节" in zh[page[(2027, 2)]]
    assert "Spring" in en[page[(2027, 2)]]
    # and Christmas is not a day off in China
    assert "Christmas" not in en[page[(2026, 12)]]


def test_no_country_marks_no_holiday() -> None:
    assert holiday(date(2027, 2, 6), "zh_CN", "CN") == "春节"
    assert holiday(date(2026, 12, 25), "en", "US") == "Christmas Day"
    assert holiday(date(2026, 12, 25), "en", "CN") is None
    assert holiday(date(2027, 1, 1), "en", "") is None


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(names=st.lists(st.text(max_size=80), min_size=1, max_size=4))
def test_any_names_render(tmp_path: Path, names: list[str]) -> None:
    entries = [
        CalendarEntry(date(2027, 5, 3), name, name[::-1], f"id{i}", Decimal("1.00"), "overdue")
        for i, name in enumerate(names)
    ]
    loans = [CalendarLoan(name, name, name, Decimal("1.00"), None) for name in names]
    data = CalendarData(
        entries=entries,
        loans=loans,
        months=[(2027, 5)],
        today=date(2027, 5, 3),
        generated_at=datetime(2027, 5, 1, tzinfo=UTC),
        lang="zh_CN",
    )
    path = tmp_path / "any.pdf"
    write_calendar_pdf(data, path)
    assert len(PdfReader(path).pages) == 3


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("National Day (observed)", "National Day"),
        ("Chinese New Year (Spring Festival)", "Chinese New Year"),
        ("国庆节（补假）", "国庆节"),
    ],
)
def test_a_long_holiday_name_drops_its_bracketed_tail_before_it_is_cut(name, short) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from ashore.reports.calendar_parts import fit_holiday
    from ashore.reports.fonts import register_fonts

    font = register_fonts()
    room = stringWidth(short, font, 6.5) + 1  # the short name fits, the whole one does not
    assert stringWidth(name, font, 6.5) > room
    assert fit_holiday(name, font, 6.5, room) == short
    assert fit_holiday(name, font, 6.5, stringWidth(name, font, 6.5)) == name  # room: whole


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_payments_after_the_last_month_are_counted_on_page_one(tmp_path: Path, lang: str) -> None:
    """A calendar shorter than the plans says how many payments, how much and until when fall
    after its last month (seventh walk: 12 months of a 24-month agreement read "Total 11 payments"
    beside the whole left to pay, the rest silently left out)."""
    full = sample_calendar(lang)
    data = replace(full, months=full.months[:2])
    year, month = data.months[-1]
    later = [e for e in data.entries if (e.due.year, e.due.month) > (year, month)]
    assert len(later) >= 2
    path = tmp_path / "short.pdf"
    write_calendar_pdf(data, path)
    first = _squash(_pages(path)[0])
    amount = _money(sum((e.amount for e in later), Decimal(0)))
    until = max(e.due for e in later)
    if lang == "en":
        words = (
            f"And {len(later)} more payments after {date(year, month, 1):%b %Y}, {amount} in all,"
            f" until {date_text(until, 'en')}"
        )
    else:
        words = (
            f"{year}年{month}月之后还有{len(later)}笔，共{amount}，"
            f"直到{until.year}年{until.month}月{until.day}日"
        )
    assert _squash(words) in first, first
    # the whole plan printed: no such line
    whole = replace(full, months=full.months + [(2028, m) for m in range(1, 13)])
    assert not [e for e in whole.entries if (e.due.year, e.due.month) > whole.months[-1]]
    path = tmp_path / "whole.pdf"
    write_calendar_pdf(whole, path)
    summary = _squash(_pages(path)[0])
    assert "notinthiscalendar" not in summary
    assert "未列入本日历" not in summary
