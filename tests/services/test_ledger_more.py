"""Ledger: the file operations the window uses (export, backup, restore) and the guide checklist
kept through a deleted loan's undo without leaking into a new loan."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ashore.app.errors import InputError
from ashore.app.paths import DataDir
from ashore.domain import guide as guide_records
from ashore.services import Ledger
from ashore.services.guide import storage as guide_storage
from store.books import lender, loan


@pytest.fixture
def ledger(data_dir: DataDir) -> Iterator[Ledger]:
    opened = Ledger.open(data_dir)
    yield opened
    opened.close()


def test_a_deleted_loans_checklist_comes_back_with_it_and_its_id_is_not_reused(
    ledger: Ledger,
) -> None:
    ledger.save_lender(lender())
    ledger.save_loan(loan("loan-1", notes=False))
    checklist = guide_records.LoanGuide(
        "loan-1", reason="job_loss", reason_text="laid off in March"
    )
    guide_storage.save_guide(ledger, checklist)
    assert ledger.new_id("loan") == "loan-2"

    removed = ledger.delete_loan("loan-1")
    # the checklist waits for the undo, and the loan's id is not handed out meanwhile
    assert "loan-1" in guide_storage.load_guides(ledger)
    assert ledger.new_id("loan") == "loan-2"
    ledger.save_loan(loan(ledger.new_id("loan"), notes=False))
    assert guide_storage.load_guide(ledger, "loan-2") == guide_records.LoanGuide(
        "loan-2"
    )  # nothing inherited
    assert ledger.new_id("loan") == "loan-3"

    ledger.restore_loan(removed)
    assert ledger.loan("loan-1") == removed
    assert guide_storage.load_guide(ledger, "loan-1") == checklist


def test_export_json_writes_the_exchange_file(ledger: Ledger, tmp_path: Path) -> None:
    ledger.load_sample()
    out = tmp_path / "out" / "all.json"
    out.parent.mkdir()
    ledger.export_json(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(item["id"] for item in data["loans"]) == sorted(x.id for x in ledger.loans())
    with pytest.raises(InputError, match="is a folder"):
        ledger.export_json(tmp_path)


def test_backup_then_restore_brings_back_the_data_and_keeps_what_it_replaced(
    ledger: Ledger, data_dir: DataDir, tmp_path: Path
) -> None:
    ledger.load_sample()
    before = ledger.export_book()
    summary = ledger.backup(tmp_path / "b.zip")
    assert summary.path == tmp_path / "b.zip"
    assert zipfile.is_zipfile(summary.path)

    for item in ledger.loans():
        ledger.delete_loan(item.id)
    assert ledger.loans() == []

    safety = ledger.restore(summary.path)
    # the same Ledger, open again, on the restored data
    assert ledger.export_book() == before
    assert safety is not None
    assert safety.parent == data_dir.backups
    # what was replaced (no loans) was saved first
    with zipfile.ZipFile(safety) as archive:
        assert archive.namelist()


def test_a_refused_restore_leaves_the_data_and_the_ledger_open(
    ledger: Ledger, tmp_path: Path
) -> None:
    ledger.load_sample()
    before = ledger.export_book()
    bad = tmp_path / "not-a-backup.zip"
    bad.write_bytes(b"hello")
    with pytest.raises(InputError, match="not an Ashore backup"):
        ledger.restore(bad)
    assert ledger.export_book() == before
    ledger.set_monthly_budget(None)  # still writable


def test_import_json_reads_back_what_export_json_wrote(
    ledger: Ledger, data_dir: DataDir, tmp_path: Path
) -> None:
    ledger.load_sample()
    before = ledger.export_book()
    out = tmp_path / "all.json"
    ledger.export_json(out)
    other = Ledger.open(DataDir(tmp_path / "other").ensure())
    try:
        book = other.import_json(out)
        assert [item.id for item in book.loans] == [item.id for item in before.loans]
        assert other.export_book() == before
        with pytest.raises(InputError):
            other.import_json(out)  # the same ids again: refused, nothing added
        assert other.export_book() == before
    finally:
        other.close()
