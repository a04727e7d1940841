"""How ``release/`` notebooks are written, by ``bonemets release`` and formgrader alike.

Configured as ``c.GenerateAssignment.exporter_class`` in ``nbgrader_config.py``, so every
route to ``release/`` (``bonemets release``, ``nbgrader generate_assignment``, formgrader's
Generate button, which calls nbgrader's API) writes the same bytes: one JSON layout
(sources as single strings, keys sorted, one-space indent) and nothing instructor-only.
Before this, formgrader wrote nbgrader's layout (sources split into lines) and the
repository's drift test failed after a Generate.
"""

from __future__ import annotations

import json
from typing import Any

from nbconvert.exporters import Exporter, NotebookExporter
from nbformat.notebooknode import NotebookNode

#: Cell metadata marking a cell that belongs in source/ only (the "edit the bank" note);
#: its own key, apart from the answer forms' ``bonemets`` cell metadata.
SOURCE_ONLY = "bonemets_source_only"
#: Notebook metadata written by the source builder (its fingerprint of the generated cells).
BUILDER_KEY = "bonemets"


def release_text(nb: NotebookNode) -> str:
    """The release notebook as text: instructor-only parts dropped, one fixed layout."""
    nb.cells = [c for c in nb.cells if not c.get("metadata", {}).get(SOURCE_ONLY)]
    nb.metadata.pop("widgets", None)  # widget state saved by a browser varies run to run
    nb.metadata.pop(BUILDER_KEY, None)
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


class ReleaseNotebook(NotebookExporter):
    """nbconvert's notebook exporter, writing :func:`release_text`."""

    def from_notebook_node(  # type: ignore[override]  # returns text, as NotebookExporter
        self, nb: NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[str, dict[str, Any]]:
        # Exporter's own from_notebook_node runs the preprocessors nbgrader registered.
        nb_copy, resources = Exporter.from_notebook_node(self, nb, resources, **kw)
        resources["output_suffix"] = ".nbconvert"  # as NotebookExporter; nbgrader renames
        return release_text(nb_copy), resources
