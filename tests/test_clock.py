"""One clock: the context's clock is the only source of now and today."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from ashore.app.clock import Clock
from ashore.app.context import Context
from ashore.app.paths import DataDir

SRC = Path(__file__).resolve().parents[1] / "src" / "ashore"
# Ways to read the machine's clock (Python's and Qt's); only ashore/app/clock.py may use them.
READS = re.compile(
    r"datetime\.now\(|datetime\.utcnow\(|date\.today\(|datetime\.today\(|\btime\.time\(|"
    r"time\.localtime\(|QDate\.currentDate\(|QDateTime\.currentDateTime|QTime\.currentTime\("
)
BEIJING = timezone(timedelta(hours=8))


def test_nothing_but_the_clock_module_reads_the_machine_clock() -> None:
    found = [
        f"{path.relative_to(SRC)}:{number}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        if path.name != "clock.py" or path.parent != SRC / "app"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if READS.search(line)
    ]
    assert found == []


def test_the_grep_would_catch_a_read() -> None:
    assert READS.search("stamp = datetime.now().astimezone()")
    assert READS.search("self.first_due.setDate(QDate.currentDate())")
    assert not READS.search("stamp = self.ctx.clock.now()")


def test_a_pinned_clock_reads_its_moment() -> None:
    moment = datetime(2031, 2, 28, 23, 30, tzinfo=BEIJING)
    clock = Clock.pinned(moment)
    assert clock.now() == moment
    assert clock.today() == date(2031, 2, 28)
    assert clock.stamp() == "20310228-233000-000000"


def test_today_given_keeps_the_machine_time_of_day() -> None:
    clock = Clock.on(date(2028, 2, 29))
    real = Clock().now()  # the test's pinned machine clock
    now = clock.now()
    assert now.date() == date(2028, 2, 29)
    assert clock.today() == date(2028, 2, 29)
    assert now.utcoffset() == real.utcoffset()
    assert abs(now.replace(year=real.year, month=real.month, day=real.day) - real) < timedelta(
        seconds=5
    )


def test_the_machine_clock_is_pinned_in_tests() -> None:
    # tests/conftest.py pins it: no test sees the day the suite happens to run on
    assert Clock().today() == date(2026, 11, 28)


def test_a_context_from_a_bare_day_is_pinned_at_noon(tmp_path: Path) -> None:
    ctx = Context(data=DataDir(tmp_path), today=date(2027, 7, 1))
    assert ctx.clock.now().date() == date(2027, 7, 1)
    assert ctx.clock.now().hour == 12
    assert ctx.clock.now() == ctx.clock.now()


def test_a_context_from_a_clock_takes_its_day(tmp_path: Path) -> None:
    ctx = Context(data=DataDir(tmp_path), clock=Clock.on(date(2035, 12, 31)))
    assert ctx.today == date(2035, 12, 31)
    with pytest.raises(TypeError, match="today or a clock"):
        Context(data=DataDir(tmp_path))


def test_what_a_service_writes_is_stamped_by_the_context_clock(tmp_path: Path) -> None:
    from ashore.services import Ledger
    from ashore.services.notes import Notes
    from store.books import lender, loan

    moment = datetime(2031, 2, 28, 23, 30, 5, tzinfo=BEIJING)
    ledger = Ledger.open(DataDir(tmp_path / "data"), Clock.pinned(moment))
    try:
        ledger.save_lender(lender())
        ledger.save_loan(loan(notes=False))
        note = Notes(ledger).add(
            "loan-1", occurred_at=datetime(2031, 2, 28, 9, 0, tzinfo=BEIJING), text="asked"
        )
        assert note.logged_at == moment
        assert Notes(ledger).notes("loan-1")[0].logged_at == moment
    finally:
        ledger.close()
