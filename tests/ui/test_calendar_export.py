"""File ▸ Export ▸ Repayment calendar (PDF)… and Calendar file (.ics)…: the months and loans
asked for (dialogs patched, no real dialog), then the same files as the command line."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtWidgets import QProgressDialog

from ashore.commands.calendar import run_export_ics
from ashore.ui import dialogs
from ashore.ui.files.calendar import CalendarChoice

JB = "jb-2026-01"


def export_menu(window) -> list[str]:
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() is not None)
    export = next(a.menu() for a in file_menu.actions() if a.menu() is not None)
    return [a.text() for a in export.actions() if a.text()]


def answer(monkeypatch, choice: CalendarChoice, path: Path) -> None:
    monkeypatch.setattr(dialogs, "ask_calendar", lambda *args, **kwargs: choice)
    monkeypatch.setattr(dialogs, "get_save_path", lambda *args, **kwargs: path)


def test_the_export_menu_offers_both_calendars(qtbot, sample, make_window) -> None:
    window = make_window(sample)
    names = export_menu(window)
    assert "&Repayment calendar (PDF)…" in names
    assert "Calendar &file (.ics)…" in names


def test_the_menu_writes_a_pdf_calendar(qtbot, sample, make_window, monkeypatch, tmp_path) -> None:
    window = make_window(sample)
    out = tmp_path / "plan"  # no suffix given: .pdf is added
    answer(monkeypatch, CalendarChoice(date(2026, 11, 1), 6, (JB,)), out)
    written = window.file_actions.calendar.export_pdf()
    assert written == tmp_path / "plan.pdf"
    reader = PdfReader(str(written))
    body = "\n".join(page.extract_text() for page in reader.pages)
    assert "1,100.16" in body  # the worked example's installment
    assert "2026" in body
    assert "2027" in body
    # the progress bar of a long calendar is gone once the file is written
    progress = window.findChild(QProgressDialog, "calendarProgress")
    assert progress is None or not progress.isVisible()


def test_the_menu_writes_the_same_ics_as_the_command_line(
    qtbot, sample, ctx, make_window, monkeypatch, tmp_path
) -> None:
    window = make_window(sample)
    out = tmp_path / "dates.ics"
    answer(monkeypatch, CalendarChoice(date(2026, 12, 1), 3, (JB,)), out)
    assert window.file_actions.calendar.export_ics() == out
    cli = tmp_path / "cli.ics"
    args = argparse.Namespace(out=cli, from_month="2026-12", months=3, loans=[JB], paper=None)
    assert run_export_ics(args, ctx) == 0

    def events(path: Path) -> list[tuple[str, str, str]]:
        parsed = Calendar.from_ical(path.read_bytes())
        return [
            (str(e.get("uid")), str(e.decoded("dtstart")), str(e.get("summary")))
            for e in parsed.walk("VEVENT")
        ]

    ours = events(out)
    assert ours == events(cli)
    # December and January of the worked example (February 2027 is past its end), after the six
    # installments still unpaid from June to November, each on the export day, labelled overdue
    # (issue 13)
    assert [day for _, day, _ in ours] == ["2026-11-28"] * 6 + ["2026-12-15", "2027-01-15"]
    # the due dates in the one date style (domain/dates.date_text), not ISO
    assert [summary.split(")")[0] for _, _, summary in ours[:6]] == [
        f"OVERDUE (due {month} 15, 2026" for month in ("Jun", "Jul", "Aug", "Sep", "Oct", "Nov")
    ]


def test_a_cancelled_choice_writes_nothing(qtbot, sample, make_window, tmp_path) -> None:
    window = make_window(sample)  # the fixture's ask_calendar answers None (cancelled)
    assert window.file_actions.calendar.export_pdf() is None
    assert window.file_actions.calendar.export_ics() is None
    assert list(tmp_path.glob("*.pdf")) == []
    assert list(tmp_path.glob("*.ics")) == []


def _accept(ledger, months: int) -> date:
    """Accept a ``months``-month plan for the worked-example loan; its last due date."""
    from decimal import Decimal

    from ashore.domain.records import Proposal
    from ashore.services import plans
    from ashore.services.proposals import Proposals

    space = Proposals(ledger)
    terms = {"months": months, "annual_rate": Decimal(0)}
    space.save_proposal(JB, Proposal("p9", "long", "reamortize", date(2026, 12, 20), terms))
    space.change_status(JB, "p9", "proposed")
    space.change_status(JB, "p9", "accepted")
    loan = ledger.loan(JB)
    proposal = next(p for p in loan.proposals if p.id == "p9")
    return plans.work_out(loan, proposal).installments[-1].due


@pytest.mark.parametrize(("plan", "expected"), [(36, 38), (24, 26), (72, 60)])
def test_the_dialog_opens_on_every_plan_to_its_last_installment(
    qtbot, sample, make_window, monkeypatch, plan, expected
) -> None:
    """A 24-month agreement gave a 12-month calendar by default, half its installments left out
    (seventh walk): the dialog now opens on the months from today's to the last due (at most 60)."""
    last = _accept(sample, plan)
    # today Nov 28, 2026; the plan's first due Jan 20, 2027, its last ``plan - 1`` months on:
    # November 2026 to the last due, both counted
    assert (last.year - 2026) * 12 + last.month - 11 + 1 == plan + 2
    asked: list[int] = []
    monkeypatch.setattr(
        dialogs, "ask_calendar", lambda _p, _t, _l, _first, months: asked.append(months)
    )
    window = make_window(sample)
    assert window.file_actions.calendar.export_pdf() is None  # the patched dialog cancels
    assert asked == [expected]


def test_opening_the_dialog_takes_the_shared_figures(
    qtbot, sample, ctx, make_window, monkeypatch
) -> None:
    """The dialog's months came from every loan worked out again on the window's thread (0.7 s
    with 300 loans): it now takes the figures the dashboard worked out for today, with the same
    loans and months as before."""
    from ashore.services import calendars as cal
    from ashore.services import plans

    last = _accept(sample, 24)
    records = sample.loans()
    expected_loans = [(loan.id, loan.name) for loan in records]
    expected_months = cal.months_covering(ctx.today, cal.last_due(records, ctx.today))
    assert expected_months == 26
    assert last.year == 2028
    window = make_window(sample)  # the window has filled: the dashboard worked them out
    asked: list[tuple[list[tuple[str, str]], date, int]] = []
    monkeypatch.setattr(
        dialogs,
        "ask_calendar",
        lambda _p, _t, loans, first, months: asked.append((list(loans), first, months)),
    )
    worked: list[str] = []
    standing = plans.standing

    def counted(loan, today):
        worked.append(loan.id)
        return standing(loan, today)

    monkeypatch.setattr(plans, "standing", counted)
    assert window.file_actions.calendar.export_pdf() is None  # the patched dialog cancels
    assert window.file_actions.calendar.export_ics() is None
    assert asked == [(expected_loans, ctx.today, expected_months)] * 2
    assert len(expected_loans) == 3
    assert worked == []


@pytest.mark.parametrize("plan", [3, 8])
def test_the_dialog_opens_on_at_least_the_command_lines_months(
    qtbot, sample, make_window, monkeypatch, plan
) -> None:
    """The window opened on the 10 months of the plans in force where ``ashore export calendar``
    writes 12 (ninth walk): the same data gave two different files. It now opens on the command
    line's default at least."""
    from ashore.commands import calendar as command
    from ashore.services import calendars as cal

    last = _accept(sample, plan)
    assert cal.months_covering(date(2026, 11, 28), last) == plan + 2 < command.DEFAULT_MONTHS
    asked: list[int] = []
    monkeypatch.setattr(
        dialogs, "ask_calendar", lambda _p, _t, _l, _first, months: asked.append(months)
    )
    window = make_window(sample)
    assert window.file_actions.calendar.export_pdf() is None  # the patched dialog cancels
    assert window.file_actions.calendar.export_ics() is None
    assert asked == [command.DEFAULT_MONTHS] * 2 == [12] * 2
