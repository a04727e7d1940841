"""Make a student's submission inert before a grader or the student views it as HTML.

nbgrader renders submissions with nbconvert, which copies student HTML into the page as it
is: raw HTML in Markdown answers, ``text/html``/``image/svg+xml``/``application/javascript``
outputs, widget state (which makes the page fetch and run the widget library), and
``javascript:`` links (nbconvert's Markdown renderer allows them). In formgrader that page
runs with the instructor's Jupyter credentials, so one ``<img onerror=...>`` in an answer
could read every key or change grades.

:class:`SanitizeSubmission` rewrites a notebook so what nbconvert renders from it is plain
content. It is configured three times in ``nbgrader_config.py`` (docs/instructor-guide.md,
"What is sanitised where"): on the autograded copy, on the way into feedback, and in
formgrader's own HTML exporter. ``submitted/`` is never touched.

The HTML sanitiser is ``nh3`` (the maintained Python binding of the Rust ``ammonia``
library, an HTML5 parser plus allow-list), not our own code. What is allowed is the HTML a
nurse's Markdown produces: text, headings, lists, emphasis, tables, code, links to web or
mail addresses, and images embedded as raster or SVG data URLs (an SVG shown through
``<img>`` cannot run script or load anything).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from typing import Any, cast

import nh3
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
from nbformat.notebooknode import NotebookNode
from nbformat.notebooknode import from_dict as _untyped_from_dict
from traitlets import List, Unicode

try:  # nbgrader is installed wherever grading happens; keep this importable without it
    from nbgrader.preprocessors import NbGraderPreprocessor as _Base
except ImportError:  # pragma: no cover
    from nbconvert.preprocessors import Preprocessor as _Base

# nbformat has no type hints; from_dict turns nested dicts into NotebookNodes.
from_dict = cast("Callable[[dict[str, Any]], NotebookNode]", _untyped_from_dict)

# Tags the course's Markdown can produce. No div: the wrapper below is ours, and stripping
# a div on a second pass (feedback, formgrader) makes cleaning idempotent.
TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del",
    "details", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "u", "ul", "var", "wbr",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "ol": {"start"},
    "abbr": {"title"},
    "details": {"open"},  # a student's open details stay open, so the words show
}
# Removed with everything inside them (the rest of a disallowed tag's text is kept).
DROPPED_WITH_CONTENT = {
    "script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math",
}  # fmt: skip
LINK_URL = re.compile(r"^(https?://|mailto:|#)", re.IGNORECASE)
IMAGE_DATA_URL = re.compile(
    r"^data:image/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=\s]+$", re.IGNORECASE
)
BASE64 = re.compile(r"^[A-Za-z0-9+/=\s]*$")
NUMBER = re.compile(r"^\d{1,5}%?$")
GRADE_ID = re.compile(r"^[A-Za-z0-9_\-]+$")
# Raster images only: an attachment is shown through nbconvert's data URL.
RASTER_TYPES = ("image/png", "image/jpeg", "image/gif")
REMOVED_OUTPUT = "(An output the course does not display to graders was removed here.)"
WRAPPER_CLASS = "bonemets-sanitised"


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Allow-list the values of URL and size attributes (ammonia checks the names)."""
    if tag == "a" and attribute == "href":
        return value if LINK_URL.match(value) else None
    if tag == "img" and attribute == "src":
        return value if IMAGE_DATA_URL.match(value) else None
    if attribute in ("width", "height", "colspan", "rowspan", "start"):
        return value if NUMBER.match(value) else None
    return value


CLEANER = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags=DROPPED_WITH_CONTENT,
    attributes=ATTRIBUTES,
    attribute_filter=_attribute_filter,
    url_schemes={"http", "https", "mailto", "data"},
    strip_comments=True,
    link_rel="noopener noreferrer nofollow",
    filter_style_properties={"text-align"},  # Markdown table alignment, nothing that moves
)


# C0/C1 control characters (terminal escape sequences) and bidirectional overrides (text
# that reads differently from what it is), except newline and tab.
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` for a terminal: control and bidi characters shown as ``\\uXXXX``, not obeyed."""
    return UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def clean_html(html: str) -> str:
    """The allow-listed part of an HTML fragment; text outside allowed tags is kept."""
    return CLEANER.clean(html)


def render_markdown(source: str, attachments: dict[str, Any] | None = None) -> str:
    """HTML for ``source`` exactly as nbconvert's HTML exporter renders a Markdown cell."""
    renderer = IPythonRenderer(escape=False, attachments=attachments or {})
    return str(MarkdownWithMath(renderer=renderer).render(source))


def _is_plain(source: str, rendered: str) -> bool:
    """True when Markdown cannot carry HTML, entities or URLs: kept byte for byte.

    Without ``<`` there is no raw HTML, without ``&`` no entity tricks (``java&#9;script:``),
    and a rendering with no src and no href but in-page anchors has no link or image; only
    Markdown's own tags remain.
    """
    return (
        "<" not in source
        and "&" not in source
        and not re.search(r'\b(href="[^#]|src=)', rendered)  # heading anchors are "#..."
        and "mermaid" not in rendered  # a mermaid block is handed to a diagram script
    )


def clean_markdown(source: str, attachments: dict[str, Any] | None = None) -> str:
    """Markdown that renders to the allow-listed HTML of ``source``; plain text unchanged.

    Otherwise the source becomes the cleaned rendering on one line, inside a ``<div>``:
    Markdown passes a one-line HTML block through untouched, so what the grader sees is
    exactly what the sanitiser let through, and the student's words are all still there.
    """
    # A reference to a removed (or never attached) file renders as an image without a
    # source instead of stopping nbconvert with "missing attachment".
    known = dict(attachments or {})
    for name in re.findall(r"attachment:([^\s)\"'<>]+)", source):
        known.setdefault(name, {"text/plain": ""})
    try:
        rendered = render_markdown(source, known)
    except Exception:  # whatever else the renderer rejects: the words, as text
        rendered = "<pre>" + source.replace("&", "&amp;").replace("<", "&lt;") + "</pre>"
    else:
        if _is_plain(source, rendered):
            return source
    cleaned = clean_html(rendered).strip().replace("\r", "").replace("\n", "&#10;")
    return f'<div class="{WRAPPER_CLASS}">{cleaned}</div>'


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _svg_as_image(svg: str) -> str:
    """An SVG output as an ``<img>``: drawn, but its scripts and links never run."""
    encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img src="data:image/svg+xml;base64,{encoded}" alt="figure">'


def clean_bundle(data: dict[str, Any]) -> dict[str, Any]:
    """A display bundle with text, cleaned HTML/Markdown and images; nothing else.

    Dropped: application/javascript, widget views and state (nbconvert would load the
    widget library from a CDN), text/latex (copied into the page raw), vendor types.
    """
    kept: dict[str, Any] = {}
    for mime, value in data.items():
        if mime == "text/plain":
            kept[mime] = _text(value)
        elif mime == "text/html":
            kept[mime] = clean_html(_text(value))
        elif mime == "text/markdown":
            kept[mime] = clean_markdown(_text(value))
        elif mime in RASTER_TYPES and BASE64.match(_text(value)):
            kept[mime] = _text(value)
        elif mime == "image/svg+xml" and "text/html" not in data:
            kept["text/html"] = clean_html(_svg_as_image(_text(value)))
    if not kept:
        kept["text/plain"] = REMOVED_OUTPUT
    return kept


def _clean_output_metadata(metadata: dict[str, Any]) -> dict[str, Any]:
    """Only numeric image sizes: nbconvert writes these into attributes unescaped."""
    kept: dict[str, Any] = {}
    for mime in RASTER_TYPES:
        sizes = metadata.get(mime)
        if isinstance(sizes, dict):
            numeric = {
                k: v
                for k, v in sizes.items()
                if k in ("width", "height") and isinstance(v, int) and not isinstance(v, bool)
            }
            if numeric:
                kept[mime] = numeric
    return kept


def clean_output(output: NotebookNode) -> NotebookNode:
    """A copy of ``output`` that renders as text, cleaned HTML or a raster image."""
    kind = output.get("output_type")
    if kind == "stream":  # nbconvert escapes stream text
        name = output.get("name") if output.get("name") in ("stdout", "stderr") else "stdout"
        return from_dict({"output_type": kind, "name": name, "text": _text(output.get("text"))})
    if kind == "error":  # nbconvert escapes tracebacks
        return from_dict(
            {
                "output_type": kind,
                "ename": _text(output.get("ename", "")),
                "evalue": _text(output.get("evalue", "")),
                "traceback": [_text(line) for line in output.get("traceback", [])],
            }
        )
    if kind in ("execute_result", "display_data"):
        cleaned: dict[str, Any] = {
            "output_type": kind,
            "data": clean_bundle(dict(output.get("data", {}))),
            "metadata": _clean_output_metadata(dict(output.get("metadata", {}))),
        }
        if kind == "execute_result":
            count = output.get("execution_count")
            cleaned["execution_count"] = count if isinstance(count, int) else None
        return from_dict(cleaned)
    return from_dict({"output_type": "stream", "name": "stdout", "text": REMOVED_OUTPUT + "\n"})


def _is_flag(value: Any) -> bool:
    return isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# nbgrader's own cell metadata keys and what their values may be (formgrader prints them
# into attributes unescaped).
NBGRADER_KEYS: dict[str, Callable[[Any], bool]] = {
    "grade": _is_flag,
    "solution": _is_flag,
    "locked": _is_flag,
    "task": _is_flag,
    "points": _is_number,
    "schema_version": _is_number,
    "grade_id": lambda v: isinstance(v, str) and bool(GRADE_ID.match(v)),
    "checksum": lambda v: isinstance(v, str) and bool(re.fullmatch(r"[0-9a-f]+", v)),
    "cell_type": lambda v: v in ("code", "markdown"),
}


def _clean_nbgrader(meta: Any) -> dict[str, Any] | None:
    """nbgrader's cell metadata with only its own keys and well-typed values."""
    if not isinstance(meta, dict):
        return None
    return {k: v for k, v in meta.items() if k in NBGRADER_KEYS and NBGRADER_KEYS[k](v)}


def _clean_attachments(attachments: Any) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    if not isinstance(attachments, dict):
        return kept
    for name, bundle in attachments.items():
        if not isinstance(bundle, dict) or not re.fullmatch(r"[\w.\- ]+", str(name)):
            continue
        images = {
            mime: _text(bundle[mime])
            for mime in RASTER_TYPES
            if mime in bundle and BASE64.match(_text(bundle[mime]))
        }
        if images:
            kept[str(name)] = images
    return kept


def _simple(value: Any) -> Any:
    """A metadata value kept only if it is a short identifier-like string or a number."""
    if _is_number(value):
        return value
    if isinstance(value, str) and re.fullmatch(r"[\w .+\-/()]{0,100}", value):
        return value
    return None


def clean_notebook_metadata(metadata: dict[str, Any]) -> dict[str, Any]:
    """Kernel and language names only: no widget state, title or other free text."""
    kept: dict[str, Any] = {}
    for key in ("kernelspec", "language_info"):
        section = metadata.get(key)
        if isinstance(section, dict):
            values = {k: _simple(v) for k, v in section.items() if k != "codemirror_mode"}
            kept[key] = {k: v for k, v in values.items() if v is not None}
    return kept


def sanitize_cell(cell: NotebookNode) -> None:
    """Rewrite one cell in place so that nbconvert renders nothing that runs."""
    nbgrader = _clean_nbgrader(cell.get("metadata", {}).get("nbgrader"))
    cell.metadata = from_dict({"nbgrader": nbgrader} if nbgrader is not None else {})
    if cell.cell_type == "code":
        cell.outputs = [clean_output(output) for output in cell.get("outputs", [])]
        if not isinstance(cell.get("execution_count"), int):
            cell.execution_count = None
        return
    attachments = _clean_attachments(cell.get("attachments"))
    if "attachments" in cell:
        cell.attachments = from_dict(attachments)
    if cell.cell_type == "markdown":
        cell.source = clean_markdown(cell.source, attachments)
    else:  # raw cells are copied into the HTML page verbatim
        cell.source = clean_html(cell.source)


class SanitizeSubmission(_Base):
    """Make student-controlled content inert: Markdown, outputs, attachments, metadata."""

    # Set by nbconvert's HTML exporter for every preprocessor; accepted here so that
    # generate_feedback logs no "not recognized" warning (see feedback.WithholdFeedback).
    display_data_priority = List(Unicode(), help="Set by nbconvert; unused.").tag(config=True)

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        for cell in nb.cells:
            sanitize_cell(cell)
        nb.metadata = from_dict(clean_notebook_metadata(dict(nb.metadata)))
        return nb, resources
