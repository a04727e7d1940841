"""The answer-form extension ships prebuilt: bundle current, installed, and enabled.

``extension/`` holds the TypeScript; ``npm run build`` there writes the bundle into
``bonemets/labextension/`` (committed, so `make lab` needs no Node) together with a hash of
the sources it was built from. A source change without a rebuild fails here.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXTENSION = REPO / "extension"
BUILT = REPO / "bonemets" / "labextension"
NAME = "bonemets-answer-forms"


def sources_hash() -> str:
    """The same hash as ``extension/finish-build.mjs``."""
    files = ["package.json", "tsconfig.json"]
    for folder in ("src", "style"):
        files += [f"{folder}/{p.name}" for p in (EXTENSION / folder).iterdir()]
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0")
        digest.update((EXTENSION / name).read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def test_built_bundle_matches_the_sources() -> None:
    recorded = (BUILT / "sources.sha256").read_text(encoding="utf-8").strip()
    assert recorded == sources_hash(), (
        "extension/ changed since bonemets/labextension/ was built: "
        "run `npm ci && npm run build` in extension/ and commit the result"
    )


def test_built_bundle_is_complete() -> None:
    meta = json.loads((BUILT / "package.json").read_text(encoding="utf-8"))
    assert meta["name"] == NAME
    entry = BUILT / meta["jupyterlab"]["_build"]["load"]
    assert entry.is_file()
    install = json.loads((BUILT / "install.json").read_text(encoding="utf-8"))
    assert install["packageName"] == "bonemets"
    # Only the current build's chunks: stale ones would be shipped to students for nothing.
    chunks = {p.name for p in (BUILT / "static").glob("*.js")}
    text = "".join((BUILT / "static" / c).read_text(encoding="utf-8") for c in chunks)
    for chunk in chunks - {entry.name, "style.js"}:
        assert chunk.rsplit(".", 2)[0] in text, f"{chunk} is not loaded by this build"


def test_extension_is_enabled_in_this_environment() -> None:
    """`make setup` (editable) links it; a wheel install copies it (pyproject data-files)."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    listing = subprocess.run(
        [sys.executable, "-m", "jupyter", "labextension", "list"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    lines = [line for line in (listing.stdout + listing.stderr).splitlines() if NAME in line]
    assert lines, "the answer-form extension is not installed: run `make setup`"
    assert "enabled" in lines[0] and "OK" in lines[0]
