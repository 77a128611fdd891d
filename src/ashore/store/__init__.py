"""Where Ashore keeps what the user enters: the SQLite database, its migrations, evidence files."""

from __future__ import annotations

from ashore.store.database import Database
from ashore.store.evidence import EvidenceStore

__all__ = ["Database", "EvidenceStore"]
