"""``ashore export schedule`` / ``export projection``: the worked example's figures as CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ashore.app.resources import resource_path
from ashore.commands.cli import main

SAMPLE = resource_path("sample", "sample.json")


@pytest.fixture
def loaded(tmp_path: Path) -> list[str]:
    data = ["--data-dir", str(tmp_path / "data"), "--today", "2026-11-28"]
    assert main([*data, "import", str(SAMPLE)]) == 0
    return data


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_schedule_is_the_worked_example(loaded: list[str], tmp_path: Path) -> None:
    out = tmp_path / "schedule.csv"
    assert main([*loaded, "export", "schedule", "--loan", "jb-2026-01", "--out", str(out)]) == 0
    rows = _read(out)
    assert list(rows[0]) == ["due", "payment", "principal", "interest", "fees", "balance"]
    assert len(rows) == 12
    assert rows[0] == {
        "due": "2026-02-15",
        "payment": "1100.16",
        "principal": "920.16",
        "interest": "180.00",
        "fees": "0.00",
        "balance": "11079.84",
    }
    assert rows[-1]["due"] == "2027-01-15"
    assert (rows[-1]["payment"], rows[-1]["principal"], rows[-1]["interest"]) == (
        "1100.19",
        "1083.93",
        "16.26",
    )
    assert rows[-1]["balance"] == "0.00"


def test_proposal_schedule_repays_its_base(loaded: list[str], tmp_path: Path) -> None:
    out = tmp_path / "p1.csv"
    args = ["export", "schedule", "--loan", "jb-2026-01", "--proposal", "p1", "--out", str(out)]
    assert main([*loaded, *args]) == 0
    rows = _read(out)
    assert len(rows) == 24  # "24 months, penalty waived" at 0 %
    assert all(r["interest"] == "0.00" for r in rows)
    assert rows[0]["due"] == "2027-01-15"  # one month after the start, 2026-12-15
    assert rows[-1]["balance"] == "0.00"


def test_projection_starts_at_the_worked_example(loaded: list[str], tmp_path: Path) -> None:
    out = tmp_path / "projection.csv"
    args = ["export", "projection", "--loan", "jb-2026-01", "--until", "2026-12-28"]
    assert main([*loaded, *args, "--out", str(out)]) == 0
    rows = _read(out)
    assert len(rows) == 31  # one row a day, both ends included
    assert rows[0] == {
        "date": "2026-11-28",
        "owed": "9348.71",
        "overdue": "6600.96",
        "penalty": "295.94",
        "late_fees": "300.00",
        "not_yet_due": "2151.81",
    }
    # 0.05 % a day on 6,600.96 overdue grows the penalty by 3.30 a day (rounded per installment)
    assert rows[1]["owed"] == "9352.01"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "schedule", "--loan", "nope"], "--loan: 'nope' is not a known loan id"),
        (
            ["export", "schedule", "--loan", "jb-2026-01", "--proposal", "zz"],
            "--proposal: 'zz' is not a proposal",
        ),
        (
            ["export", "projection", "--loan", "jb-2026-01", "--until", "2026-02-31"],
            "--until: '2026-02-31' is not a date",
        ),
        (
            ["export", "projection", "--loan", "jb-2026-01", "--until", "2026-01-01"],
            "--until: 2026-01-01 is before today",
        ),
    ],
)
def test_wrong_input_exits_1_with_the_field(
    loaded: list[str], args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main([*loaded, *args]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err
