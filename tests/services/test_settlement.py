"""After settling: the settlement, its certificate, the credit report, the dispute letter."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from ashore.app.errors import InputError
from ashore.services import Ledger
from ashore.services import settlement as svc
from ashore.store.audit import find_problems

LOAN = "jb-2026-01"
CERT = b"%PDF-1.4 certificate of settlement" * 30


def test_settle_attach_check_and_dispute(ledger: Ledger, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="record the day the loan was settled first"):
        svc.record_report(ledger, LOAN, date(2027, 2, 20), clean=True)
    svc.record_settlement(ledger, LOAN, date(2027, 1, 15))
    source = tmp_path / "结清证明.pdf"
    source.write_bytes(CERT)
    loan = svc.attach_certificate(ledger, LOAN, source)
    assert loan.settlement is not None
    assert loan.settlement.certificate is not None
    sha = hashlib.sha256(CERT).hexdigest()
    assert loan.settlement.certificate.sha256 == sha
    assert ledger.db.evidence.path_for(sha).read_bytes() == CERT
    assert find_problems(ledger.db)[0] == []
    loan = svc.record_report(ledger, LOAN, date(2027, 2, 20), clean=False)
    assert loan.settlement is not None
    assert loan.settlement.credit_report_clean is False
    with pytest.raises(InputError, match="after the day the credit report was checked"):
        svc.record_settlement(ledger, LOAN, date(2027, 3, 1))

    zh = svc.dispute_text(loan, "借呗", "王小明", date(2027, 2, 21), "zh_CN")
    assert "中国人民银行征信中心" in zh
    assert "2027年1月15日全部结清" in zh
    assert sha in zh
    assert "结清证明.pdf" in zh
    assert "20日内（即2027年3月13日前）" in zh
    en = svc.dispute_text(loan, "Jiebei", "Wang", date(2027, 2, 21), "en")
    assert "within 20 days" in en
    assert "(by 2027-03-13)" in en
    assert "settled in full on 2027-01-15" in en
    assert sha in en


def test_dispute_needs_a_settlement(ledger: Ledger) -> None:
    with pytest.raises(InputError, match="not recorded as settled"):
        svc.dispute_text(ledger.loan(LOAN), "借呗", "", date(2027, 2, 21), "en")


def test_clearing_the_settlement(ledger: Ledger) -> None:
    svc.record_settlement(ledger, LOAN, date(2027, 1, 15))
    assert svc.clear_settlement(ledger, LOAN).settlement is None
