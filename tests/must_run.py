"""Tests that need a tool a laptop may lack (Chromium, PostgreSQL, bubblewrap, root for a
hub): skipped there with the reason, failed in CI, where `.ci/run` installs every such tool.

`.ci/run` sets BONEMETS_REQUIRE_BROWSER=1 and BONEMETS_REQUIRE_SANDBOX=1; most CI services
set CI=true.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

IN_CI = any(
    os.environ.get(name, "").lower() in {"1", "true", "yes"}
    for name in ("CI", "BONEMETS_REQUIRE_BROWSER", "BONEMETS_REQUIRE_SANDBOX")
)


def unavailable(why: str, what: str) -> NoReturn:
    """Skip with ``why``; in CI fail instead, saying that ``what`` must run there."""
    if IN_CI:
        pytest.fail(f"{why} (in CI {what} must run)", pytrace=False)
    pytest.skip(why)
