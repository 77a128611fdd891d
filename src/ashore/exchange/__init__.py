"""The JSON exchange file of INTERFACES.md: ``read_book`` parses one, ``write_book`` writes one.

Reading checks the shape and the types and names the field path of anything wrong (``loans[2].
principal: "12,000" is not a decimal amount``); the values themselves are checked by
``ashore.domain.validation`` when the book is imported. Writing is deterministic: sorted keys,
records in a fixed order, so two exports differ only in ``exported_at``.
"""

from ashore.exchange.codec import (
    FORMAT,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_INT_DIGITS,
    MAX_TEXT,
    VERSION,
    BareNumber,
    contained_file,
    kind_of,
    nesting_depth,
)
from ashore.exchange.read import parse_book, read_book
from ashore.exchange.write import book_json, write_book

__all__ = [
    "FORMAT",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_INT_DIGITS",
    "MAX_TEXT",
    "VERSION",
    "BareNumber",
    "book_json",
    "contained_file",
    "kind_of",
    "nesting_depth",
    "parse_book",
    "read_book",
    "write_book",
]
