"""The use cases the window and the commands call: they use the store and return plain records.

``Ledger`` (and with it SQLAlchemy) is loaded when first asked for, so that a command that needs
no SQLAlchemy (``services.exchange``: ``ashore import``, ``ashore export json``) does not import
it just by importing this package. ``from ashore.services import Ledger`` works as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ashore.services.ledger import Ledger

__all__ = ["Ledger"]


def __getattr__(name: str) -> Any:
    if name == "Ledger":  # (module level: the same layer, loaded on first use)
        from ashore.services.ledger import Ledger

        return Ledger
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
