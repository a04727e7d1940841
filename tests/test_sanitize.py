"""Student HTML is inert once sanitised, the student's words survive, clean work is unchanged.

The HTML checks parse what nbconvert finally renders (not the notebook JSON), with the
standard library's HTML parser: no script element beyond the template's own, no event
handler, no frame, form or meta element, no style attribute but table alignment, and every
link or image address on the allow-list.
"""

from __future__ import annotations

import copy
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from hostile_submission import (
    ASSIGNMENT,
    MARKDOWN_PAYLOADS,
    PNG_PIXEL,
    TABLE_BREAKOUT,
    TABLE_WORDS,
    all_student_words,
    hostile_notebook,
)
from nbconvert.exporters import HTMLExporter
from traitlets.config import Config

from bonemets.grading.course import course_config
from bonemets.grading.sanitize import (
    REMOVED_OUTPUT,
    SanitizeSubmission,
    clean_bundle,
    clean_markdown,
    render_markdown,
    sanitize_cell,
    terminal_safe,
)

FORBIDDEN_ELEMENTS = {"iframe", "frame", "object", "embed", "form", "base"}
SAFE_LINK = re.compile(r"^(https?://|mailto:|#)")
SAFE_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp|svg\+xml);base64,")


class ActiveContent(HTMLParser):
    """Collects everything in a page that could run, navigate, submit or fetch."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.problems: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script":
            self._in_script = True
            self.scripts.append(values.get("src", "") or values.get("type", "inline"))
        if tag in FORBIDDEN_ELEMENTS or tag == "svg":
            self.problems.append(f"<{tag}>")
        if tag == "meta" and "http-equiv" in values:  # the template's charset meta is fine
            self.problems.append(f"<meta http-equiv={values['http-equiv']!r}>")
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name == "style" and tag not in ("td", "th"):
                self.problems.append(f"<{tag} style={value!r}>")
            if name == "href" and tag == "a" and not SAFE_LINK.match(value):
                self.problems.append(f"<a href={value!r}>")
            if name == "src" and tag == "img" and not SAFE_IMAGE.match(value):
                self.problems.append(f"<img src={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if not self._in_script:
            self.text.append(data)


def scan(html: str) -> ActiveContent:
    parser = ActiveContent()
    parser.feed(html)
    parser.close()
    return parser


def plain_text(html: str) -> str:
    return re.sub(r"\s+", " ", "".join(scan(html).text))


@pytest.mark.parametrize("name", sorted(MARKDOWN_PAYLOADS))
def test_each_markdown_payload_is_inert_and_the_words_stay(name: str) -> None:
    words, payload = MARKDOWN_PAYLOADS[name]
    source = f"{words} {payload}"
    assert scan(render_markdown(source)).problems or scan(render_markdown(source)).scripts
    shown = render_markdown(clean_markdown(source))
    found = scan(shown)
    assert found.problems == [] and found.scripts == []
    assert words in plain_text(shown)


def test_markdown_that_closes_its_table_stays_inside_it() -> None:
    shown = render_markdown(clean_markdown(TABLE_BREAKOUT))
    assert scan(shown).problems == []
    assert TABLE_WORDS in plain_text(shown)
    assert shown.count("<table>") == shown.count("</table>") == 1
    assert shown.rstrip().endswith("</div>")  # nothing escaped past our wrapper


@pytest.mark.parametrize(
    "source",
    [
        "Drink plenty of water after the scan.",
        "**Before:** check the band.\n\n- fluids\n- empty the bladder\n\n1. ask\n2. teach",
        "| Step | Why |\n|:---|---:|\n| Fluids | clear the tracer |\n",
        "### My plan\n\n> Ask the patient to tell it back.\n\n`code` and *emphasis*, $x^2$",
    ],
)
def test_plain_markdown_is_kept_byte_for_byte(source: str) -> None:
    assert clean_markdown(source) == source


def test_a_link_or_image_is_cleaned_but_kept_readable() -> None:
    source = (
        "See [the leaflet](https://www.example.org/leaflet) and ![x](http://evil.invalid/a.png)"
    )
    shown = render_markdown(clean_markdown(source))
    assert 'href="https://www.example.org/leaflet"' in shown
    assert "evil.invalid" not in shown
    assert "See the leaflet and" in plain_text(shown)


def test_cleaning_twice_changes_nothing() -> None:
    """Feedback and formgrader sanitise an already sanitised notebook again."""
    sources = [f"{w} {p}" for w, p in MARKDOWN_PAYLOADS.values()] + [TABLE_BREAKOUT]
    for source in sources:
        once = clean_markdown(source)
        assert clean_markdown(once) == once


def test_outputs_keep_text_and_images_and_lose_script() -> None:
    bundle = {
        "text/html": '<b>Words</b><img src=x onerror="alert(1)"><script>alert(2)</script>',
        "application/javascript": "alert(3)",
        "application/vnd.jupyter.widget-view+json": {"model_id": "x"},
        "text/latex": "</div><script>alert(4)</script>",
        "text/plain": "Words",
    }
    cleaned = clean_bundle(bundle)
    assert set(cleaned) == {"text/html", "text/plain"}
    assert cleaned["text/html"] == "<b>Words</b><img>"
    assert clean_bundle({"image/png": PNG_PIXEL}) == {"image/png": PNG_PIXEL}
    assert clean_bundle({"image/png": 'x" onerror="alert(5)'}) == {"text/plain": REMOVED_OUTPUT}
    svg = clean_bundle({"image/svg+xml": "<svg><script>alert(6)</script></svg>"})
    assert re.fullmatch(
        r'<img src="data:image/svg\+xml;base64,[^"]+" alt="figure">', svg["text/html"]
    )


def test_nbgrader_metadata_and_locked_cells_are_untouched(repo_root: Path) -> None:
    release = nbformat.read(repo_root / f"release/{ASSIGNMENT}/{ASSIGNMENT}.ipynb", as_version=4)
    sanitised = copy.deepcopy(release)
    for cell in sanitised.cells:
        sanitize_cell(cell)
    for before, after in zip(release.cells, sanitised.cells, strict=True):
        assert after.metadata.get("nbgrader") == before.metadata.get("nbgrader")
        assert after.source == before.source


def _export(nb: nbformat.NotebookNode, config: Config | None = None) -> str:
    html, _ = HTMLExporter(config=config or Config(), template_name="classic").from_notebook_node(
        copy.deepcopy(nb)
    )
    return html


def test_a_clean_submission_renders_exactly_as_before(repo_root: Path) -> None:
    nb = nbformat.read(repo_root / f"release/{ASSIGNMENT}/{ASSIGNMENT}.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "a1_sa":
            cell.source = "Drink **plenty** after the injection.\n\n- empty the bladder often"
    sanitised, _ = SanitizeSubmission().preprocess(copy.deepcopy(nb), {})
    assert _export(sanitised) == _export(nb)


def test_formgraders_exporter_sanitises_a_submission_never_autograded(
    repo_root: Path, tmp_path: Path
) -> None:
    """Layer 3: the course config makes formgrader's HTMLExporter sanitise on every view."""
    config = course_config(tmp_path)
    assert config.HTMLExporter.preprocessors == ["bonemets.grading.sanitize.SanitizeSubmission"]
    hostile = hostile_notebook(repo_root / "release")
    unsafe = scan(_export(hostile))
    assert unsafe.problems  # the check can fail: unsanitised, the payloads are live
    page = _export(hostile, config)
    found = scan(page)
    assert found.problems == []
    clean = nbformat.read(repo_root / f"release/{ASSIGNMENT}/{ASSIGNMENT}.ipynb", as_version=4)
    assert found.scripts == scan(_export(clean)).scripts  # the template's own, no more
    text = plain_text(page)
    for words in all_student_words():
        if not words.startswith("Output words"):  # outputs come from Execute, not here
            assert words in text, words


@pytest.mark.slow
def test_autograde_and_feedback_on_a_hostile_submission(repo_root: Path, tmp_path: Path) -> None:
    from hostile_submission import STUDENT, submit_hostile
    from test_grading_roundtrip import gradebook_scores

    from bonemets.grading.course import api, build_release, checked

    build_release(tmp_path, [ASSIGNMENT])
    submitted = submit_hostile(tmp_path)
    original = submitted.read_bytes()
    grader = api(tmp_path)
    checked(grader.autograde(ASSIGNMENT, STUDENT), "autograde hostile")
    checked(grader.generate_feedback(ASSIGNMENT, STUDENT), "feedback hostile")
    assert submitted.read_bytes() == original  # submitted/ is the student's file, unchanged
    scores = gradebook_scores(tmp_path, STUDENT, ASSIGNMENT)
    assert scores["a1_q01"] == 1.0  # q1 = "C" (the key) still read from the answer cell's source
    assert scores["a1_sa"] is None  # the short answer waits for a grader
    autograded = nbformat.read(
        tmp_path / f"autograded/{STUDENT}/{ASSIGNMENT}/{ASSIGNMENT}.ipynb", as_version=4
    )
    assert "widgets" not in autograded.metadata
    feedback = (tmp_path / f"feedback/{STUDENT}/{ASSIGNMENT}/{ASSIGNMENT}.html").read_text()
    found = scan(feedback)
    assert found.problems == []
    assert sorted(found.scripts) == [  # the template's MathJax, nothing of the student's
        "https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/latest.js?config=TeX-AMS_CHTML-full,Safe",
        "text/x-mathjax-config",
    ]
    text = plain_text(feedback)
    for words in all_student_words():
        assert words in text, words


def test_terminal_output_shows_control_characters_instead_of_obeying_them() -> None:
    text = "q1: \x1b]0;new title\x07 \x1b[2J \u202eevil\nnext\tline"
    assert (
        terminal_safe(text) == "q1: \\u001b]0;new title\\u0007 \\u001b[2J \\u202eevil\nnext\tline"
    )


def test_check_command_prints_messages_terminal_safe(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from types import SimpleNamespace

    import bonemets.grading.selfcheck as selfcheck
    from bonemets.cli import main

    result = SimpleNamespace(
        message="q1 \x1b[31mred", details=("why \x1b]8;;x\x07",), answered=True, answer=None
    )
    report = SimpleNamespace(results=[result], score=0, max_points=1)
    monkeypatch.setattr(selfcheck, "score_notebook", lambda path: report)
    assert main(["check", str(tmp_path / "a.ipynb")]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "q1 \\u001b[31mred" in out and "why \\u001b]8;;x\\u0007" in out


@pytest.mark.parametrize(
    "source",
    [
        "[the plan](java&#9;script:alert(1))",  # an entity hides the scheme from a text check
        "[the plan][p]\n\n[p]: javascript:alert(1)",  # a reference definition
        "[the plan](JAVASCRIPT:alert(1))",
        "![scan](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "```mermaid\ngraph TD; A-->B; click A callback\n```",  # handed to a diagram script
    ],
)
def test_markdown_syntax_tricks_are_cleaned_too(source: str) -> None:
    assert clean_markdown(source) != source
    shown = render_markdown(clean_markdown(source))
    assert scan(shown).problems == []
    assert "javascript" not in shown.lower() and "mermaid" not in shown


def test_the_sanitiser_sits_where_the_guide_says(tmp_path: Path) -> None:
    config = course_config(tmp_path)
    name = "bonemets.grading.sanitize.SanitizeSubmission"
    autograde = list(config.Autograde.autograde_preprocessors)
    assert autograde.index(name) > autograde.index("nbgrader.preprocessors.SaveAutoGrades")
    assert autograde.index(name) > autograde.index("bonemets.grading.preprocessor.ScoreItems")
    assert config.GenerateFeedback.preprocessors[0] == name
    assert config.HTMLExporter.preprocessors == [name]
