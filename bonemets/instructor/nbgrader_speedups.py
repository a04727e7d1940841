"""Three costs of nbgrader 0.9 that change nothing it writes, removed inside grading workers.

Profiled on one a1 submission without a kernel (``benchmarks/bench_grading.py``), most of
nbgrader's own time went to work repeated for nothing:

- ``CheckCellMetadata`` (run twice per notebook) validates each cell's nbgrader metadata
  with ``jsonschema.validate``, which checks the *schema itself* against the meta-schema
  before every cell: about a third of the time. :func:`apply` gives nbgrader's metadata
  module a ``validate`` that checks each schema once and then validates exactly as
  ``jsonschema.validate`` does (same validator class, same ``best_match`` error raised).
- ``Gradebook()`` builds a new SQLAlchemy engine each time it is opened (about ten times per
  submission), so every query is compiled again. :func:`apply` makes nbgrader's
  ``create_engine`` return one engine per URL within the process; ``Gradebook.close()``
  still disposes of its connections, so no connection outlives a ``with Gradebook(...)``.
- With SQLite, nbgrader commits once per cell (``SaveAutoGrades``), and each commit waits
  for the disk (about 20 ms here: journal, database, folder). Commits also hold the
  gradebook's write lock, so parallel workers would queue behind each other's disk waits.
  On the workers' own connections :func:`apply` sets ``PRAGMA synchronous=OFF``: commits
  stay atomic and a killed process loses nothing (the operating system holds the written
  pages), but they no longer wait for the disk. The file format and journal mode are
  unchanged. Only a machine crash during the run could damage the file, so
  :mod:`bonemets.instructor.grade` copies the gradebook before the run and flushes it to
  disk when the run ends.

Only ``bonemets grade`` calls :func:`apply`: in each worker process, or in its own process
with ``--jobs 1``. tests/test_grade_identical.py checks that the gradebook and the autograded
notebooks still match stock ``nbgrader autograde`` cell for cell.
"""

from __future__ import annotations

import json
import types
from typing import Any

_applied = False


def _schema_checked_once() -> types.SimpleNamespace:
    import jsonschema  # type: ignore[import-untyped]
    from jsonschema import exceptions, validators

    checked: dict[str, Any] = {}

    def validate(instance: Any, schema: dict[str, Any], *args: Any, **kwargs: Any) -> None:
        key = json.dumps(schema, sort_keys=True)
        validator = checked.get(key)
        if validator is None:
            cls = validators.validator_for(schema)
            cls.check_schema(schema)
            validator = checked[key] = cls(schema, *args, **kwargs)
        error = exceptions.best_match(validator.iter_errors(instance))
        if error is not None:
            raise error

    # The module's other uses of ``jsonschema`` (ValidationError...) stay the real ones.
    return types.SimpleNamespace(**{**vars(jsonschema), "validate": validate})


def _no_disk_wait(connection: Any, record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.close()


def _engine_per_url(sqlite_without_fsync: bool) -> Any:
    from sqlalchemy import create_engine, event

    engines: dict[tuple[str, tuple[tuple[str, Any], ...]], Any] = {}

    def cached(url: Any, **kwargs: Any) -> Any:
        key = (str(url), tuple(sorted(kwargs.items())))
        if key not in engines:
            engine = create_engine(url, **kwargs)
            if sqlite_without_fsync and engine.dialect.name == "sqlite":
                event.listen(engine, "connect", _no_disk_wait)
            engines[key] = engine
        return engines[key]

    return cached


def apply(sqlite_without_fsync: bool = True) -> None:
    """Install the speed-ups in this process (idempotent)."""
    global _applied
    if _applied:
        return
    import nbgrader.api
    import nbgrader.nbgraderformat.common

    nbgrader.nbgraderformat.common.jsonschema = _schema_checked_once()
    nbgrader.api.create_engine = _engine_per_url(sqlite_without_fsync)
    _applied = True
