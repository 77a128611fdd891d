"""The use cases the window and the commands call: they use the store and return plain records.

``Ledger`` is imported when first asked for, so that a command that needs no SQLAlchemy
(``services.exchange``: ``ashore import``, ``ashore export json``) does not import it through
this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ashore.services.ledger import Ledger

__all__ = ["Ledger"]


def __getattr__(name: str) -> Any:
    if name == "Ledger":
        from ashore.services.ledger import Ledger

        return Ledger
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
