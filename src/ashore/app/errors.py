"""The errors a user may see: input that is wrong, and a world that went wrong (disk, lock, data).

Each carries a stable ``code`` ("amount.not_positive"), the ``field`` it is about as a path of
parts (``("loans[0]", "proposals[1]", "params", "months")``) and the ``arguments`` its message
needs; ``str(error)`` is the English one-line message (``"loans[0].principal: must be more than
zero"``), which the command line prints and the window words again, by code, in its language.

Anything else that escapes is a bug: the command line and the window log its traceback under the
data dir and show one line, never the traceback itself.

This module imports nothing of ashore: every layer may use it, the money engine included.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TypeVar

__all__ = ["AshoreError", "DataError", "Fault", "InputError", "field_parts", "field_text"]

# A dot that separates two parts of a path: not one inside brackets ("notes[a.b].text").
_PART = re.compile(r"(?:[^.\[]|\[[^\]]*\])+")

_F = TypeVar("_F", bound="Fault")


def field_parts(field: str | Sequence[str]) -> tuple[str, ...]:
    """A field path as its parts: "loan.overdue.grace_days" -> ("loan", "overdue", "grace_days");
    a sequence of parts stays as it is."""
    if isinstance(field, str):
        return tuple(_PART.findall(field))
    return tuple(field)


def field_text(field: Sequence[str]) -> str:
    """The dotted path of ``field``'s parts, as messages and files write it."""
    return ".".join(field)


class Fault(Exception):
    """A problem with a code, the field it is about and the values its message names.

    ``detail`` is the English message without the field path; ``str()`` puts the path in front
    ("months: must be at least 1"). A fault raised without a code (``Fault("text")``) is a plain
    message: code "", no field.

    (``arguments``, not ``args``: ``BaseException.args`` is the tuple the exception was made with.)
    """

    def __init__(
        self,
        detail: str,
        *,
        code: str = "",
        field: str | Sequence[str] = (),
        arguments: Mapping[str, object] | None = None,
    ) -> None:
        self.detail = detail
        self.code = code
        self.field: tuple[str, ...] = field_parts(field)
        self.arguments: dict[str, object] = dict(arguments or {})
        super().__init__(self.message)

    @property
    def path(self) -> str:
        """The field path as text ("loans[0].principal"), "" when the fault names no field."""
        return field_text(self.field)

    @property
    def message(self) -> str:
        """The English one-line message: the path, a colon, the detail."""
        return f"{self.path}: {self.detail}" if self.field else self.detail

    def __str__(self) -> str:
        return self.message

    def within(self: _F, *prefix: str) -> _F:
        """The same fault for a field further down a path: ``within("proposals[new]", "params")``
        of a fault on "months" is one on "proposals[new].params.months"."""
        return type(self)(
            self.detail,
            code=self.code,
            field=(*(p for part in prefix for p in field_parts(part)), *self.field),
            arguments=self.arguments,
        )

    @classmethod
    def at(
        cls: type[_F], field: str | Sequence[str], code: str, detail: str, **arguments: object
    ) -> _F:
        """The fault on ``field`` with ``code``; ``detail`` is its English words, ``arguments``
        the values they name."""
        return cls(detail, code=code, field=field, arguments=arguments)

    @classmethod
    def about(cls: type[_F], where: object, code: str, detail: str, **arguments: object) -> _F:
        """The fault about a thing in the world (a file, a folder, a stored file) rather than a
        field: its English message is "where: detail" ("" where: the detail alone), ``code`` and
        ``arguments`` (``where`` among them, as text) let the window say it in its language."""
        message = f"{where}: {detail}" if where != "" else detail
        return cls(message, code=code, arguments={"where": str(where), **arguments})

    @classmethod
    def like(cls: type[_F], fault: Fault, *prefix: str) -> _F:
        """``fault`` (for example a FinanceError) as this kind of error, its field under
        ``prefix``."""
        return cls(
            fault.detail,
            code=fault.code,
            field=(*(p for part in prefix for p in field_parts(part)), *fault.field),
            arguments=fault.arguments,
        )


class AshoreError(Fault):
    """A problem the user can understand and act on; ``str(error)`` is the whole message."""


class InputError(AshoreError):
    """The input is wrong: a field, a file, an option. Nothing was changed."""


class DataError(AshoreError):
    """The stored data cannot be used as it is (newer version, corrupt, locked, disk full)."""
