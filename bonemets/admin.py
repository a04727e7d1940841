"""Course-administration commands: check the data, register assignments with nbgrader."""

from __future__ import annotations

import argparse

from bonemets import paths
from bonemets.data import load_course
from bonemets.data.modules import assignment_ids


def validate_data(args: argparse.Namespace) -> int:
    """List each data file; on bad data every problem is raised at once (one line each)."""
    for collection in load_course().values():
        print(f"ok  {collection.file}: {len(collection)} records")
    return 0


def register(args: argparse.Namespace) -> int:
    """Add every assignment to the gradebook (idempotent), as nbgrader's own db command does."""
    from nbgrader.api import Gradebook  # heavy: import only when registering

    with Gradebook(paths.gradebook_url(), course_id="bonemets") as gradebook:
        for name in assignment_ids():
            gradebook.update_or_create_assignment(name)
    print(f"registered {len(assignment_ids())} assignments in gradebook.db")
    return 0
