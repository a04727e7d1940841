"""``bonemets report``: the files it writes from a small synthetic class, and its errors."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from bonemets.cli import main

ASSIGNMENT = "a2_systemic_treatment"


@pytest.fixture(scope="module")
def demo_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bonemets.instructor.report_demo import build_demo_course

    return build_demo_course(tmp_path_factory.mktemp("course"), ASSIGNMENT, students=12)


@pytest.fixture(scope="module")
def written(demo_course: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    assert main(["report", ASSIGNMENT, "--course-dir", str(demo_course), "--out", str(out)]) == 0
    return out


def test_report_writes_csv_png_and_one_html(written: Path) -> None:
    names = {p.name for p in written.iterdir()}
    for kind in ("items", "options", "mastery", "scores"):
        assert f"{ASSIGNMENT}_{kind}.csv" in names
    for plot in ("items", "scores", "objectives", "cj_steps"):
        assert (written / f"{ASSIGNMENT}_{plot}.png").read_bytes().startswith(b"\x89PNG")
    assert f"{ASSIGNMENT}_report.html" in names


def test_html_is_self_contained_accessible_and_warns(written: Path) -> None:
    page = (written / f"{ASSIGNMENT}_report.html").read_text(encoding="utf-8")
    # Every image is inlined and has alt text; nothing is fetched from elsewhere.
    images = re.findall(r"<img [^>]*>", page)
    assert len(images) == 4
    assert all('src="data:image/png;base64,' in img and 'alt="' in img for img in images)
    assert not re.search(r'(src|href)="(?!data:)', page)
    # 12 students, half the short answers hand-graded: both warnings lead the page.
    assert "6 scores are still waiting for a grader" in page
    assert "Only 12 students: below 50" in page and "Schreyer Institute" in page
    assert page.count("<table") >= 5  # items, each plot's table, options
    assert "demo01" not in page  # counts and shares only: no student named


def test_items_csv_leaves_pending_out_and_counts_options(written: Path) -> None:
    with (written / f"{ASSIGNMENT}_items.csv").open() as handle:
        rows = {row["item"]: row for row in csv.DictReader(handle)}
    assert rows["a2_sa"]["pending"] == "6"
    assert all(rows[i]["pending"] == "0" for i in rows if i != "a2_sa")
    # Half its scores are in: no band and no flag from the blank papers graded so far.
    assert (rows["a2_sa"]["band"], rows["a2_sa"]["flags"]) == ("pending", "-")
    # While scores are pending, every student's total on the complete items is plotted.
    with (written / f"{ASSIGNMENT}_scores.csv").open() as handle:
        assert sum(int(row["students"]) for row in csv.DictReader(handle)) == 12
    with (written / f"{ASSIGNMENT}_options.csv").open() as handle:
        options = [row for row in csv.DictReader(handle) if row["item"] == "a2_q01"]
    # Every submission is counted once for a single-answer item: options + blank = class.
    assert sum(int(row["chosen by"]) for row in options) == 12
    assert sum(row["key"] == "key" for row in options) == 1
    with (written / f"{ASSIGNMENT}_mastery.csv").open() as handle:
        groupings = {row["grouping"] for row in csv.DictReader(handle)}
    assert groupings == {"objective", "clinical-judgment step"}


def test_item_analysis_reads_the_course_directory_it_is_run_in(
    demo_course: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(demo_course)
    assert main(["item-analysis", ASSIGNMENT]) == 0
    out = capsys.readouterr().out
    assert f"Gradebook: sqlite:///{demo_course / 'gradebook.db'}" in out
    assert re.search(r"a2_sa\s+3\s+\S+\s+\S+\s+\S+.*\s6\s", out), "pending shown per item"


def test_bad_input_is_one_line_and_exit_2(
    demo_course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "a9_nothing", "--course-dir", str(demo_course)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("bonemets report: no assignment 'a9_nothing' in the gradebook")
    assert "\n" not in err
    assert main(["report", ASSIGNMENT, "--course-dir", str(tmp_path)]) == 2
    assert "is not an nbgrader course directory" in capsys.readouterr().err


def test_register_acts_on_the_course_directory_and_names_it(
    demo_course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from nbgrader.api import Gradebook

    assert main(["register", "--course-dir", str(demo_course)]) == 0
    url = f"sqlite:///{demo_course / 'gradebook.db'}"
    assert capsys.readouterr().out.strip().endswith(f"assignments in {url}")
    with Gradebook(url) as gradebook:
        assert "a1_diagnosis" in {a.name for a in gradebook.assignments}


def test_an_unwritable_out_folder_is_one_line(
    demo_course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert (
        main(["report", ASSIGNMENT, "--course-dir", str(demo_course), "--out", str(blocker)]) == 2
    )
    err = capsys.readouterr().err
    assert err.startswith(f"bonemets report: cannot write the report to {blocker}")
    assert err.count("\n") == 1
