"""Open the course's gradebook for an instructor command, with a one-line error when it can't."""

from __future__ import annotations

import re

from bonemets.errors import UserError


class GradebookUnreadable(UserError):
    """The gradebook named by ``CourseDirectory.db_url`` cannot be opened or read."""


def shown_url(db_url: str) -> str:
    """The URL without a password, fit to print."""
    return re.sub(r"(//[^:/@]+):[^@/]*@", r"\1:***@", db_url)


def open_checked(db_url: str, course_id: str) -> list[str]:
    """Open the gradebook once; return its assignments' names, or raise a one-line error."""
    from nbgrader.api import Gradebook

    try:
        with Gradebook(db_url, course_id=course_id) as gradebook:
            return sorted(a.name for a in gradebook.assignments)
    except Exception as exc:  # sqlalchemy, the driver, the file system: all one message
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise GradebookUnreadable(
            f"cannot read the gradebook {shown_url(db_url)}: {first[:200]}"
        ) from None
