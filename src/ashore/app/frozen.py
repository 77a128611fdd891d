"""``Frozen``: a small value object for the first frame's path (the data dir, the clock, the
context), made, compared, hashed and shown by its fields as ``@dataclass(frozen=True)`` makes
them, without importing ``dataclasses`` (and ``inspect`` with it) before the window shows."""

from __future__ import annotations

from typing import Any, ClassVar, NoReturn, Self


class Frozen:
    """Fields (``FIELDS``, in order) set once by ``_set`` in ``__init__``; never reassigned."""

    FIELDS: ClassVar[tuple[str, ...]] = ()

    def _set(self, *values: object) -> None:
        for name, value in zip(self.FIELDS, values, strict=True):
            object.__setattr__(self, name, value)

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` to its fields (what ``dataclasses.replace`` gives)."""
        values = {name: getattr(self, name) for name in self.FIELDS}
        values.update(changes)
        made: Self = type(self)(**values)
        return made

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.FIELDS)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Frozen) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"{type(self).__name__}({shown})"
