"""The one error type raised for bad course data, naming file, record and field."""

from __future__ import annotations


class CourseDataError(ValueError):
    """A data file is malformed or a record in it is invalid.

    ``str(error)`` is one line, ``FILE: record 'ID', field 'NAME': what is wrong``, so an
    author goes straight to the place to fix.
    """

    def __init__(
        self, file: str, message: str, *, record: str | None = None, field: str | None = None
    ) -> None:
        self.file = file
        self.record = record
        self.field = field
        self.message = message
        where = []
        if record is not None:
            where.append(f"record {record!r}")
        if field is not None:
            where.append(f"field {field!r}")
        prefix = f"{file}: " + (", ".join(where) + ": " if where else "")
        super().__init__(prefix + " ".join(message.split()))
