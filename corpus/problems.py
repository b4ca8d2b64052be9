"""Problems found in the input, collected so that one run reports all of them at once."""

from __future__ import annotations

import reprlib
from dataclasses import dataclass, field

# repr() of hostile input can be gigabytes (an alias bomb) or one endless line: this one
# stops after a few items per level and a few levels, whatever the value holds.
_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxlong, _REPR.maxother = 3, 80, 40, 80
for _name in ("maxtuple", "maxlist", "maxarray", "maxdict", "maxset", "maxfrozenset", "maxdeque"):
    setattr(_REPR, _name, 4)


def shown(value: object, limit: int = 120) -> str:
    """A bounded, one-line repr of a value for an error message."""
    return clipped(_REPR.repr(value), limit)


def clipped(text: str, limit: int = 120) -> str:
    """Text on one line, cut to limit characters with an ellipsis."""
    one_line = " ".join(str(text).split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def fault_line(exc: BaseException) -> str:
    """An operating-system or database fault as one short line naming what failed."""
    if isinstance(exc, OSError) and exc.strerror:
        where = f": {exc.filename}" if exc.filename else ""
        return clipped(f"{exc.strerror}{where}", 300)
    return clipped(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, 300)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input: where it is, and what is wrong."""

    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: record {self.record!r}, field {self.field!r}: {self.message}"


@dataclass
class Problems:
    """An accumulating list of problems."""

    items: list[Problem] = field(default_factory=list)

    def add(self, file: str, record: str, field_name: str, message: str) -> None:
        self.items.append(Problem(file, record, field_name, message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def report(self) -> str:
        lines = [f"{len(self.items)} problem(s) in the input:"]
        lines += [f"  - {p}" for p in sorted(set(self.items))]
        return "\n".join(lines)


class InputError(Exception):
    """Raised when the input has problems; carries all of them."""

    def __init__(self, problems: Problems) -> None:
        super().__init__(problems.report())
        self.problems = problems
