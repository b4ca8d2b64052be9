"""Problems found in the input, collected so that one run reports all of them at once."""

from __future__ import annotations

import reprlib
from dataclasses import dataclass, field

from data_model.i18n import Translator

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


#: A parameter whose name ends so is a word of the catalogue ('unit'), said in the reader's
#: language; any other is a value of the input (an id, a quote, a date), said as written.
WORD = "_word"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input: where it is, and what is wrong.

    ``message`` is the English the command line and the tests read. A message said through
    ``Problems.say`` also keeps its catalogue template and values, so the studio says it in
    the researcher's language when it shows it (``words``); the others stay in English."""

    file: str
    record: str
    field: str
    message: str
    template: str = field(default="", compare=False)
    params: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        return f"{self.file}: record {self.record!r}, field {self.field!r}: {self.message}"

    def words(self, t: Translator) -> str:
        """The message in ``t``'s language: its template translated, the input's values as
        written, the catalogue's words (``*_word``) translated; the English without one."""
        if not self.template or t.lang == "en":
            return self.message
        values = {k: t.gettext(v) if k.endswith(WORD) else v for k, v in self.params}
        try:
            return t.gettext(self.template).format(**values)
        except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
            return self.message

    def line(self, t: Translator) -> str:
        """The report's line for this problem, in ``t``'s language."""
        if t.lang == "en":
            return str(self)
        return t.gettext("{file}: record {record}, field {field}: {message}").format(
            file=self.file, record=repr(self.record), field=repr(self.field),
            message=self.words(t),
        )  # fmt: skip

    def as_list(self) -> list[object]:
        """The problem as JSON-ready values (the warm build's answer, etl.warm)."""
        return [self.file, self.record, self.field, self.message, self.template,
                [list(p) for p in self.params]]  # fmt: skip

    @classmethod
    def from_list(cls, values: list[object]) -> Problem:
        """The problem back from ``as_list`` (or the four strings an older answer held)."""
        file, record, name, message = (str(v) for v in values[:4])
        template = str(values[4]) if len(values) > 4 else ""
        pairs = values[5] if len(values) > 5 and isinstance(values[5], list) else []
        params = tuple((str(k), str(v)) for k, v in pairs)
        return cls(file, record, name, message, template, params)


def report(problems: list[Problem], t: Translator) -> str:
    """Every problem, sorted, under a line counting them, in ``t``'s language (the command
    line's report in English)."""
    n = len(problems)
    head = t.gettext("{n} problem(s) in the input:")
    lines = [head.format(n=n if t.lang == "en" else t.number_text(f"{n:,}"))]
    return "\n".join(lines + [f"  - {p.line(t)}" for p in sorted(set(problems))])


@dataclass
class Problems:
    """An accumulating list of problems."""

    items: list[Problem] = field(default_factory=list)

    def add(self, file: str, record: str, field_name: str, message: str) -> None:
        """A problem in words that stay English (a library's, or made of the input)."""
        self.items.append(Problem(file, record, field_name, message))

    def say(
        self, file: str, record: str, field_name: str, template: str, /, **params: object
    ) -> None:
        """A problem whose message is a catalogue template (marked with N_) and its values:
        the English made now, the template kept so a page in another language can say it."""
        values = {k: str(v) for k, v in params.items()}
        self.items.append(
            Problem(file, record, field_name, template.format(**values), template,
                    tuple(values.items()))
        )  # fmt: skip

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

    def __reduce__(self) -> tuple[type[InputError], tuple[Problems]]:
        # Pickled with its problems, not its message: a build's records step in a process
        # of its own (etl.apart) hands it back whole, each problem still on its field.
        return (type(self), (self.problems,))
