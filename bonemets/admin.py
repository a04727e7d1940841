"""Course-administration commands: check the data, register assignments with nbgrader."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from typing import Any

from bonemets.data import CourseDataError, Problem, load_course
from bonemets.data.loader import Collection
from bonemets.data.modules import assignment_ids


def _cross_checks() -> Iterator[Callable[[], object]]:
    """Loads that also check references between files (tests named in doses, items' ids)."""
    from bonemets.assessment.bank import load_items
    from bonemets.imaging import data as imaging

    yield from (imaging.doses, imaging.accuracy, imaging.questions, imaging.factors, load_items)


def validate_data(args: argparse.Namespace) -> int:
    """List each data file; on bad data raise every problem at once (one line each)."""
    problems: list[Problem] = []
    collections: dict[str, Collection[Any]] = {}
    try:
        collections = load_course()
    except CourseDataError as error:
        problems.extend(error.problems)
    for check in _cross_checks():
        try:
            check()
        except CourseDataError as error:
            problems.extend(error.problems)  # repeats of the above are dropped below
    if problems:
        raise CourseDataError.of(problems)
    for collection in collections.values():
        print(f"ok  {collection.file}: {len(collection)} records")
    return 0


def register(args: argparse.Namespace) -> int:
    """Add every assignment to the gradebook of the course directory nbgrader would use here
    (idempotent, as nbgrader's own db command); print which gradebook changed."""
    from nbgrader.api import Gradebook  # heavy: import only when registering

    from bonemets.grading.course import course_site

    site = course_site(getattr(args, "course_dir", None))
    course_id = str(site.config.CourseDirectory.get("course_id", "bonemets"))
    with Gradebook(site.db_url, course_id=course_id) as gradebook:
        for name in assignment_ids():
            gradebook.update_or_create_assignment(name)
    print(f"registered {len(assignment_ids())} assignments in {site.db_url}")
    return 0
