"""Problems with course data, carried as data: file, record, field and what is wrong.

Loading collects every problem it finds and raises one :class:`CourseDataError` holding
all of them, so an author fixes a whole batch in one pass instead of one per run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bonemets.errors import UserError


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the course data, located as precisely as it is known.

    ``record`` is the record's id (or ``#N``, its position, when it has no usable id);
    ``field`` is a path inside the record such as ``objectives[1].text``.
    """

    file: str
    record: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        """One line: ``FILE: record 'ID', field 'NAME': what is wrong``."""
        where = []
        if self.record is not None:
            where.append(f"record {self.record!r}")
        if self.field is not None:
            where.append(f"field {self.field!r}")
        prefix = f"{self.file}: " + (", ".join(where) + ": " if where else "")
        return prefix + " ".join(self.message.split())


#: The ``field`` of an :class:`InvalidField` about the record as a whole (a check across
#: several of its fields); nested, the loader names the record by its own path, e.g.
#: ``options[1]``.
WHOLE_RECORD = ""


class InvalidField(ValueError):
    """Raised by a record's own checks (``__post_init__``) to say which field is wrong.

    ``field`` is a path inside the record such as ``rows[2].options``, or
    :data:`WHOLE_RECORD`. The loader reads ``field`` and ``message`` from the exception
    itself, so a check can word its message freely; a plain ``ValueError`` from a check is
    reported against the whole record, its text unparsed.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message


class CourseDataError(UserError, ValueError):
    """One or more data files are malformed or hold invalid records.

    ``problems`` lists each of them; ``str(error)`` is one line per problem, so an author
    goes straight to each place to fix. ``file``, ``record``, ``field`` and ``message``
    describe the first problem.
    """

    problems: tuple[Problem, ...]

    def __init__(
        self, file: str, message: str, *, record: str | None = None, field: str | None = None
    ) -> None:
        self._hold((Problem(file, record, field, message),))

    @classmethod
    def of(cls, problems: Iterable[Problem]) -> CourseDataError:
        """One error for all ``problems`` (at least one), each reported once, in order."""
        unique = tuple(dict.fromkeys(problems))
        if not unique:
            raise ValueError("a CourseDataError needs at least one problem")
        error = cls.__new__(cls)
        error._hold(unique)
        return error

    def _hold(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        first = problems[0]
        self.file, self.record, self.field, self.message = (
            first.file,
            first.record,
            first.field,
            first.message,
        )
        Exception.__init__(self, "\n".join(map(str, problems)))
