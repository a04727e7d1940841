"""The whole term's loop on a real JupyterHub, then the refusals that keep students apart.

One hub for the module (deploy/jupyterhub/hub_trial.py: system accounts, the course in the
grader's home, the formgrader service, configurable-http-proxy from npm). One instructor and
three students act only through HTTP: the hub's REST API, the assignment-list endpoints of
each student's server and formgrader's API through the service, the endpoints JupyterLab's
nbgrader extension calls. File permissions are checked as the students' own accounts.

Needs root, useradd and configurable-http-proxy (`npm ci`); skips without them, fails in CI.
"""

from __future__ import annotations

import re
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from must_run import unavailable

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "deploy" / "jupyterhub"))

import hub_trial  # noqa: E402
from hub_trial import Trial  # noqa: E402

from bonemets.assessment.bank import load_items  # noqa: E402
from bonemets.grading.source_builder import literal  # noqa: E402

requests = pytest.importorskip("requests")

pytestmark = pytest.mark.slow

ASSIGNMENT = "a1_diagnosis"
SHORT_ANSWER = "a1_sa"
ARTIFACTS = REPO / "test-artifacts" / "hub"
ITEMS = [i for i in load_items().values() if i.assignment == ASSIGNMENT and i.auto_graded]
HALF = ITEMS[: len(ITEMS) // 2]
# Hand-graded short answer: right 3 of 3, partly 1 of 3, blank 0.
SHORT_ANSWER_SCORES = {"right": 3.0, "partly": 1.0, "blank": 0.0}


def missing(why: str) -> None:
    unavailable(why, "the hub test")


class HubUser:
    """One person signed in to the hub (login form, then an API token of their own)."""

    def __init__(self, trial: Trial, name: str) -> None:
        self.name = name
        self.base = trial.url
        browser = requests.Session()
        browser.get(f"{self.base}/hub/login", timeout=30)
        xsrf = browser.cookies.get("_xsrf", path="/hub/")
        signed_in = browser.post(
            f"{self.base}/hub/login",
            data={"username": name, "password": trial.password, "_xsrf": xsrf},
            allow_redirects=False,
            timeout=30,
        )
        assert signed_in.status_code == 302, f"{name} could not sign in"
        # Signing in starts a session with its own XSRF token: read it from a hub page.
        browser.get(f"{self.base}/hub/home", timeout=30)
        xsrf = browser.cookies.get("_xsrf", path="/hub/")
        made = browser.post(
            f"{self.base}/hub/api/users/{name}/tokens",
            json={"note": "hub test", "expires_in": 3600},
            headers={"X-XSRFToken": xsrf},
            timeout=30,
        )
        made.raise_for_status()
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"token {made.json()['token']}"

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.http.get(f"{self.base}{path}", timeout=120, allow_redirects=False, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Any:
        return self.http.post(f"{self.base}{path}", timeout=300, allow_redirects=False, **kwargs)

    def put(self, path: str, **kwargs: Any) -> Any:
        return self.http.put(f"{self.base}{path}", timeout=120, allow_redirects=False, **kwargs)

    def start_server(self) -> None:
        started = self.post(f"/hub/api/users/{self.name}/server")
        assert started.status_code in (201, 202, 400), started.text  # 400: already running

    def wait_for_server(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            server = self.get(f"/hub/api/users/{self.name}").json()["servers"].get("", {})
            if server.get("ready"):
                return
            time.sleep(0.5)
        raise AssertionError(f"{self.name}'s server did not start in {timeout:.0f} s")

    # The student side: what JupyterLab's Assignment List calls on the user's own server.
    def assignments(self) -> list[dict[str, Any]]:
        listed = self.get(f"/user/{self.name}/assignments", params={"course_id": "bonemets"})
        assert listed.status_code == 200, listed.text
        value = listed.json()
        assert value.get("success", True), value
        return list(value["value"])

    def assignment_action(self, action: str) -> None:
        done = self.post(
            f"/user/{self.name}/assignments/{action}",
            data={"course_id": "bonemets", "assignment_id": ASSIGNMENT},
        )
        assert done.status_code == 200, done.text
        assert done.json().get("success", False), done.json()

    # The instructor side: formgrader's API through the hub's service.
    def formgrader(self, method: str, path: str, **kwargs: Any) -> Any:
        answer = getattr(self, method)(f"/services/bonemets/formgrader/api/{path}", **kwargs)
        assert answer.status_code == 200, f"{path}: {answer.status_code} {answer.text[:300]}"
        return answer.json()


def answers_for(kind: str) -> dict[str, str]:
    """Answer-cell sources as the answer forms write them (`q1 = "C"`)."""
    chosen = {"right": ITEMS, "partly": HALF, "blank": []}[kind]
    return {f"{i.id}_answer": f"{i.variable} = {literal(i.answer_key)}" for i in chosen}


def expected_auto_score(kind: str) -> float:
    return float(sum(i.points for i in {"right": ITEMS, "partly": HALF, "blank": []}[kind]))


def as_student(trial: Trial, name: str, command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["runuser", "-u", name, "--", *command],
        capture_output=True, text=True, cwd="/", check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def trial(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Trial]:
    why = hub_trial.missing_tools()
    if why:
        missing(why)
    prefix = f"bmt{secrets.token_hex(2)}"
    state = Path("/var/tmp") / f"bonemets-hub-test-{prefix}"
    started = time.monotonic()
    made = hub_trial.up(
        state, prefix=prefix, students=3, port=hub_trial.free_port(), wait_for_service=False
    )
    print(f"hub up in {time.monotonic() - started:.1f} s")
    try:
        yield made
    finally:
        stopping = time.monotonic()
        hub_trial.down(state)
        print(f"hub down in {time.monotonic() - stopping:.1f} s")
        for name in made.created_users:
            assert as_student(made, name, ["true"]).returncode != 0, f"{name} not removed"
        assert not state.exists()


@pytest.fixture(scope="module")
def people(trial: Trial) -> dict[str, HubUser]:
    """Instructor and students signed in, every student's server started once."""
    roles = {"instructor": trial.instructors[0]}
    roles.update(zip(("right", "partly", "blank"), trial.students, strict=True))
    users = {role: HubUser(trial, name) for role, name in roles.items()}
    # Started in the background while the instructor releases (each request to the hub
    # returns when the server is up, or after 10 s); `term` waits for them before fetching.
    pool = ThreadPoolExecutor(max_workers=3)
    for role in ("right", "partly", "blank"):
        pool.submit(users[role].start_server)
    pool.shutdown(wait=False)
    return users


@pytest.fixture(scope="module")
def term(trial: Trial, people: dict[str, HubUser]) -> dict[str, Any]:
    """Release, fetch, answer, submit, collect, autograde, hand-grade, feedback: the loop."""
    teacher = people["instructor"]
    hub_trial.wait_for_formgrader(trial)
    teacher.formgrader("post", f"assignment/{ASSIGNMENT}/assign")
    teacher.formgrader("post", f"assignment/{ASSIGNMENT}/release")
    for kind in ("right", "partly", "blank"):
        people[kind].wait_for_server()
    for kind in ("right", "partly", "blank"):
        student = people[kind]
        released = {a["assignment_id"]: a["status"] for a in student.assignments()}
        assert released.get(ASSIGNMENT) == "released"
        student.assignment_action("fetch")
        path = f"/user/{student.name}/api/contents/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
        model = student.get(path).json()
        answers = answers_for(kind)
        for cell in model["content"]["cells"]:
            grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id", "")
            if grade_id in answers:
                cell["source"] = answers[grade_id]
            if grade_id == SHORT_ANSWER and kind != "blank":
                cell["source"] = "Drink plenty of water after the injection; it clears the tracer."
        saved = student.put(path, json={"type": "notebook", "content": model["content"]})
        assert saved.status_code == 200, saved.text
        student.assignment_action("submit")
    teacher.formgrader("post", f"assignment/{ASSIGNMENT}/collect")
    names = {kind: people[kind].name for kind in ("right", "partly", "blank")}
    for name in names.values():
        graded = teacher.formgrader("post", f"submission/{ASSIGNMENT}/{name}/autograde")
        assert graded["success"], graded
    submitted = teacher.formgrader("get", f"submitted_notebooks/{ASSIGNMENT}/{ASSIGNMENT}")
    by_student = {s["student"]: s for s in submitted}
    auto_scores = {}
    for kind, name in names.items():
        notebook_id = by_student[name]["id"]
        grades = teacher.formgrader("get", "grades", params={"submission_id": notebook_id})
        auto_scores[kind] = sum(g["auto_score"] or 0 for g in grades if g["auto_score"])
        (short,) = [g for g in grades if g["name"] == SHORT_ANSWER]
        teacher.formgrader(
            "put", f"grade/{short['id']}", json={"manual_score": SHORT_ANSWER_SCORES[kind]}
        )
    teacher.formgrader("post", f"assignment/{ASSIGNMENT}/generate_feedback")
    teacher.formgrader("post", f"assignment/{ASSIGNMENT}/release_feedback")
    totals = {
        kind: teacher.formgrader("get", f"submission/{ASSIGNMENT}/{name}")
        for kind, name in names.items()
    }
    feedback = {}
    for kind in names:
        student = people[kind]
        student.assignment_action("fetch_feedback")
        (listed,) = [a for a in student.assignments() if a["status"] == "submitted"]
        feedback[kind] = [nb["has_local_feedback"] for nb in listed["submissions"][-1]["notebooks"]]
    return {"auto": auto_scores, "totals": totals, "names": names, "feedback": feedback}


def test_autograde_scores_each_student_by_the_key(term: dict[str, Any]) -> None:
    assert term["auto"] == {k: expected_auto_score(k) for k in ("right", "partly", "blank")}
    assert 0 < expected_auto_score("partly") < expected_auto_score("right")


def test_totals_add_the_hand_graded_short_answer(term: dict[str, Any]) -> None:
    for kind, total in term["totals"].items():
        assert total["score"] == expected_auto_score(kind) + SHORT_ANSWER_SCORES[kind]
    assert term["totals"]["right"]["score"] == term["totals"]["right"]["max_score"]


def test_each_student_reads_their_own_score_in_feedback(
    trial: Trial, people: dict[str, HubUser], term: dict[str, Any]
) -> None:
    for kind, total in term["totals"].items():
        student = people[kind]
        folder = f"{ASSIGNMENT}/feedback"
        listing = student.get(f"/user/{student.name}/api/contents/{folder}").json()
        (stamp,) = [entry["name"] for entry in listing["content"]]
        page = student.get(
            f"/user/{student.name}/api/contents/{folder}/{stamp}/{ASSIGNMENT}.html",
            params={"format": "text", "type": "file"},
        ).json()["content"]
        score, most = total["score"], total["max_score"]
        heading = re.search(r"<h4>[^<]*: ([\d.]+) points? of ([\d.]+)</h4>", page)
        assert heading, "feedback page has no score heading"
        assert (float(heading[1]), float(heading[2])) == (score, most)


def test_each_student_finds_the_lessons_in_their_home(
    people: dict[str, HubUser], term: dict[str, Any]
) -> None:
    for kind in ("right", "partly", "blank"):
        student = people[kind]
        listed = student.get(f"/user/{student.name}/api/contents/lessons").json()
        names = {entry["name"] for entry in listed["content"]}
        assert {p.name for p in (REPO / "notebooks").glob("0*.ipynb")} <= names


# ---- refusals ---------------------------------------------------------------------------


def test_students_cannot_open_formgrader_or_call_its_api(
    people: dict[str, HubUser], term: dict[str, Any]
) -> None:
    student = people["partly"]
    for path in ("formgrader", "formgrader/api/assignments", "lab"):
        assert student.get(f"/services/bonemets/{path}").status_code == 403
    grades = student.post(f"/services/bonemets/formgrader/api/assignment/{ASSIGNMENT}/collect")
    assert grades.status_code == 403
    # Nor on their own server: formgrader is turned off there.
    assert student.get(f"/user/{student.name}/formgrader").status_code == 404
    # The instructor, for comparison, is let in.
    assert people["instructor"].get("/services/bonemets/formgrader/api/status").status_code == 200


def test_a_student_cannot_list_or_read_another_students_work(
    trial: Trial, people: dict[str, HubUser], term: dict[str, Any]
) -> None:
    other, own = people["right"].name, people["partly"].name
    course = trial.exchange / "bonemets"
    for folder in (course / "inbound", course / "feedback"):
        listed = as_student(trial, own, ["ls", str(folder)])
        assert listed.returncode != 0 and "Permission denied" in listed.stderr, folder
    home = Path("/home") / other
    for command in (
        ["ls", str(home)],
        ["cat", str(home / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")],
    ):
        refused = as_student(trial, own, command)
        assert refused.returncode != 0 and "Permission denied" in refused.stderr
    # Through the student's own server: the contents API ends at their home folder.
    escaped = people["partly"].get(f"/user/{own}/api/contents/../{other}")
    assert escaped.status_code in (403, 404)
    # Even with its name (random characters nobody can list), a submission stays closed:
    # only the grader's group reads it (deploy/jupyterhub/student/nbgrader_config.py).
    (submission,) = [p for p in (course / "inbound").iterdir() if p.name.startswith(f"{other}+")]
    for target in (submission / f"{ASSIGNMENT}.ipynb", submission / "submission_secret.txt"):
        refused = as_student(trial, own, ["cat", str(target)])
        assert refused.returncode != 0 and "Permission denied" in refused.stderr, target


def test_a_student_cannot_read_the_course_directory(
    trial: Trial, people: dict[str, HubUser], term: dict[str, Any]
) -> None:
    student = people["right"].name
    course = trial.course_dir
    for target in (
        course / "gradebook.db",
        course / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
        course / "course_data" / "assessment" / f"{ASSIGNMENT}.yaml",
    ):
        assert target.exists(), target  # the grader has it; the student may not read it
        refused = as_student(trial, student, ["cat", str(target)])
        assert refused.returncode != 0 and "Permission denied" in refused.stderr, target
    assert as_student(trial, student, ["ls", str(course / "source")]).returncode != 0


def test_no_scoring_key_can_be_imported_in_the_students_environment(trial: Trial) -> None:
    python = str(trial.env_python("student"))
    probe = (
        "from bonemets.assessment.bank import load_items\n"
        "print(sum(1 for i in load_items().values() if i.auto_graded))"
    )
    ran = as_student(trial, trial.students[0], [python, "-c", probe])
    assert ran.returncode != 0, f"a student's Python loaded the item bank: {ran.stdout}"
    if not (trial.root / "wheel").is_dir():
        missing("no student wheel in this repository (tools/student_wheel.py)")
    shipped = as_student(
        trial, trial.students[0], [python, "-c", "import bonemets, sys; print(bonemets.__file__)"]
    )
    assert shipped.returncode == 0, shipped.stderr  # the lessons' package is there...
    package = Path(shipped.stdout.strip()).parent
    assert str(package).startswith(trial.state), package  # ...from the student wheel
    keys = [p for p in package.rglob("*") if "assessment" in p.parts and p.suffix == ".yaml"]
    assert keys == []


def test_without_signing_in_only_the_login_page_answers(
    trial: Trial, people: dict[str, HubUser]
) -> None:
    stranger = requests.Session()
    student = people["right"].name
    # Pages send the browser to the login form...
    for path in ("/", "/hub/home", f"/user/{student}/lab", "/services/bonemets/formgrader"):
        landed = stranger.get(f"{trial.url}{path}", timeout=30)
        assert landed.status_code == 200 and "/hub/login" in landed.url, path
        assert 'name="password"' in landed.text, path
    # ...and every API (the hub's, a student's server's, formgrader's) refuses, or sends
    # the caller to the login form as a page would.
    for path in (
        "/hub/api/users",
        f"/hub/api/users/{student}",
        "/hub/api/groups",
        f"/user/{student}/api/contents",
        f"/user/{student}/assignments?course_id=bonemets",
        "/services/bonemets/formgrader/api/assignments",
    ):
        refused = stranger.get(f"{trial.url}{path}", timeout=30, allow_redirects=False)
        if refused.status_code == 302:
            landed = stranger.get(f"{trial.url}{path}", timeout=30)
            assert "/hub/login" in landed.url and 'name="password"' in landed.text, path
        else:
            assert refused.status_code in (401, 403), path
            assert ASSIGNMENT not in refused.text and student not in refused.text, path
    posted = stranger.post(
        f"{trial.url}/services/bonemets/formgrader/api/assignment/{ASSIGNMENT}/release",
        timeout=30, allow_redirects=False,
    )  # fmt: skip
    assert posted.status_code in (401, 403)


# ---- in the browser ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(session_chromium: Any) -> Any:
    """The session's Chromium (tests/conftest.py): a second sync Playwright cannot start."""
    return session_chromium


def signed_in_page(browser: Any, trial: Trial, name: str) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{trial.url}/hub/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", trial.password)
    page.click("input[type=submit], button[type=submit]")
    page.wait_for_url(re.compile(r".*/(hub/(home|spawn)|user/).*"))
    return page


@pytest.mark.browser
def test_formgrader_renders_inside_the_hub(
    browser: Any, trial: Trial, term: dict[str, Any]
) -> None:
    page = signed_in_page(browser, trial, trial.instructors[0])
    page.goto(f"{trial.url}/services/bonemets/formgrader")  # signs in to the service (OAuth)
    page.goto(f"{trial.url}/hub/home")
    # The hub page frames formgrader as JupyterLab's Formgrader panel does.
    page.evaluate(
        """() => {
            const frame = document.createElement('iframe');
            frame.src = '/services/bonemets/formgrader';
            frame.title = 'Formgrader';
            frame.style = 'width: 100%; height: 700px; border: 1px solid #888';
            document.body.prepend(frame);
        }"""
    )
    frame = page.frame_locator("iframe[title=Formgrader]")
    frame.get_by_text(ASSIGNMENT).first.wait_for(timeout=30_000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "formgrader-in-hub.png"))
    page.context.close()


@pytest.mark.browser
def test_students_assignment_list_shows_the_release(
    browser: Any, trial: Trial, people: dict[str, HubUser], term: dict[str, Any]
) -> None:
    page = signed_in_page(browser, trial, people["blank"].name)
    page.goto(f"{trial.url}/user/{people['blank'].name}/lab")
    page.get_by_role("menuitem", name="Nbgrader").click(timeout=60_000)
    page.get_by_role("menuitem", name="Assignment List").click()
    page.get_by_text(ASSIGNMENT).first.wait_for(timeout=30_000)
    page.get_by_text("(view feedback)").wait_for(timeout=30_000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "student-assignment-list.png"))
    page.context.close()


def test_each_students_assignment_list_shows_fetched_feedback(term: dict[str, Any]) -> None:
    assert term["feedback"] == {kind: [True] for kind in ("right", "partly", "blank")}
