"""Errors a user can fix: the command line prints their message and exits 2, no traceback.

Kept apart from :mod:`bonemets.cli` so that library code (grading, data, paths) can raise
them without importing the command line.
"""

from __future__ import annotations


class UserError(Exception):
    """A mistake the user can fix; its message is printed as it is, without a traceback.

    The message may span several lines (one per problem); each line is printed on its own.
    """
