"""The Guide's settlement box: record the settlement, keep the certificate, record the report,
see the day the record clears, and write the dispute letter when the report is wrong."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ashore.services import Ledger
from ashore.ui.guide.settlement import SettlementBox

LOAN = "jb-2026-01"
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def box(qtbot: Any, ledger: Ledger) -> SettlementBox:
    ledger.load_sample()
    widget = SettlementBox(ledger, date(2027, 3, 1), "en")
    qtbot.addWidget(widget)
    widget.set_loan(ledger.loan(LOAN))
    widget.show()
    return widget


def test_from_settlement_to_dispute(box: SettlementBox, tmp_path: Path) -> None:
    assert box.certificate_button.isHidden()
    assert box.dispute_button.isHidden()
    box.settled_on.setDate(date(2028, 2, 29))
    box.record_settlement()
    assert "drops off your credit report on Feb 28, 2033" in box.status.text()
    assert "Check your credit report from Mar 29, 2028" in box.status.text()
    assert box.certificate_button.isVisible()
    assert "name and ID number, the contract number" in box.certificate_hint.text()
    certificate = tmp_path / "certificate.pdf"
    certificate.write_bytes(b"%PDF certificate" * 10)
    box.attach_certificate(certificate)
    assert "certificate.pdf" in box.certificate.text()
    box.report_date.setDate(date(2028, 4, 2))
    box.report_result.setCurrentIndex(box.report_result.findData(False))
    box.record_report()
    assert "still shows the loan overdue" in box.status.text()
    assert box.dispute_button.isVisible()
    out = tmp_path / "dispute.pdf"
    box.write_dispute(out)
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "within20days" in text
    assert "certificate.pdf" in text


def test_a_wrong_settlement_date_is_named(box: SettlementBox) -> None:
    box.settled_on.setDate(date(2027, 1, 15))
    box.record_settlement()
    box.report_date.setDate(date(2027, 2, 20))
    box.record_report()
    box.settled_on.setDate(date(2027, 3, 1))
    box.record_settlement()
    assert box.error.isVisible()
    assert "after the day the credit report was checked" in box.error.text()
