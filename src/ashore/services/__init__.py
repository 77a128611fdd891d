"""The use cases the window and the commands call: they use the store and return plain records."""

from __future__ import annotations

from ashore.services.ledger import Ledger

__all__ = ["Ledger"]
