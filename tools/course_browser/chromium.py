"""Find and launch Debian's Chromium through Playwright (it cannot download its own here)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CANDIDATES = ("/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser")
# Without the background-networking flags Chromium keeps dialling Google through a closed
# network; --no-sandbox because CI runs as root.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


def find_chromium() -> Path | None:
    """Chromium's path: $BONEMETS_CHROMIUM, a Debian location, or the PATH; None if absent."""
    override = os.environ.get("BONEMETS_CHROMIUM")
    if override:
        return Path(override) if Path(override).exists() else None
    for candidate in CANDIDATES:
        if Path(candidate).exists():
            return Path(candidate)
    found = shutil.which("chromium")
    return Path(found) if found else None


@contextmanager
def launched_chromium(executable: Path) -> Iterator[Browser]:
    """A headless Chromium; closed (with every page) when the block ends."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


# Wide enough for Lab's side bar and a notebook at its normal width.
VIEWPORT = {"width": 1280, "height": 900}
