"""Fixtures of the services tests: the sample book opened, and its proposals and payments."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ashore.app.paths import DataDir
from ashore.services import Ledger
from ashore.services.payments import Payments
from ashore.services.proposals import Proposals


@pytest.fixture
def ledger(data_dir: DataDir) -> Iterator[Ledger]:
    opened = Ledger.open(data_dir)
    opened.load_sample()
    yield opened
    opened.close()


@pytest.fixture
def proposals(ledger: Ledger) -> Proposals:
    return Proposals(ledger)


@pytest.fixture
def payments(ledger: Ledger) -> Payments:
    return Payments(ledger)
