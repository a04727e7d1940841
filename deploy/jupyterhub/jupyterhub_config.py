"""JupyterHub for one class of the bone metastasis course (nbgrader, formgrader as a service).

Start it as root (it switches to each user's own system account):
    jupyterhub -f deploy/jupyterhub/jupyterhub_config.py
deploy/jupyterhub/README.md explains each setting and how to install the course.

Every setting an administrator adapts is in the block below. Each can also be given as an
environment variable of the same name (the trial, `make hub-trial`, and the hub test set
them), so this file is used unchanged in production, in a trial and in CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

c = get_config()  # noqa: F821  (injected by traitlets when JupyterHub loads this file)


def setting(name: str, default: str) -> str:
    return os.environ.get(name, default)


def names(name: str, default: str) -> list[str]:
    return [n for n in setting(name, default).replace(",", " ").split() if n]


# ============================== ADAPT THESE FOR YOUR CLASS ==============================
# 1. The course id (nbgrader's) and the hub groups derived from it. nbgrader requires the
#    prefixes: formgrade-<course> for instructors, nbgrader-<course> for students.
COURSE_ID = setting("BONEMETS_COURSE_ID", "bonemets")
# 2. People: hub user names, which are also their operating-system account names.
INSTRUCTORS = names("BONEMETS_INSTRUCTORS", "instructor1")
STUDENTS = names("BONEMETS_STUDENTS", "student1 student2")
ADMINS = names("BONEMETS_ADMINS", "")  # hub administrators (may open any user's server)
# 3. The grader account: a system user (not a person) that owns the course directory and
#    runs formgrader. Only it can read source/, the gradebook and the item bank (keys).
GRADER_ACCOUNT = setting("BONEMETS_GRADER", f"grader-{COURSE_ID}")
COURSE_DIR = setting("BONEMETS_COURSE_DIR", f"/home/{GRADER_ACCOUNT}/{COURSE_ID}")
# 4. The exchange every student and the grader share (mode 1777; see the README).
EXCHANGE = setting("BONEMETS_EXCHANGE", "/srv/nbgrader/exchange")
# 5. The Python environments: the instructors' (full course, item bank, nbgrader) and the
#    students' (the student wheel: lessons and answer forms, no keys).
INSTRUCTOR_PYTHON = setting("BONEMETS_INSTRUCTOR_PYTHON", "/opt/bonemets-instructor/bin/python")
STUDENT_PYTHON = setting("BONEMETS_STUDENT_PYTHON", "/opt/bonemets-student/bin/python")
# 6. Sign-in. "pam": the machine's own accounts and passwords (production on one machine).
#    "shared-password": one password for every trial account (trials only, never real
#    students). For OAuth or LDAP see the README (oauthenticator, ldapauthenticator).
AUTHENTICATOR = setting("BONEMETS_AUTHENTICATOR", "pam")
TRIAL_PASSWORD = setting("BONEMETS_TRIAL_PASSWORD", "")
# 7. Addresses. Behind a TLS reverse proxy (nginx, Caddy) keep the hub on 127.0.0.1.
HUB_IP = setting("BONEMETS_HUB_IP", "127.0.0.1")
HUB_PORT = int(setting("BONEMETS_HUB_PORT", "8000"))
HUB_API_PORT = int(setting("BONEMETS_HUB_API_PORT", "8081"))
PROXY_API_PORT = int(setting("BONEMETS_PROXY_API_PORT", "8001"))
FORMGRADER_PORT = int(setting("BONEMETS_FORMGRADER_PORT", "9999"))
# 8. Where the hub keeps its database, cookie secret and logs.
STATE_DIR = setting("BONEMETS_HUB_STATE", "/srv/jupyterhub")
# ========================================================================================

HERE = Path(__file__).resolve().parent
# Jupyter config folders for each side: nbgrader_config.py and the server settings.
STUDENT_CONFIG = HERE / "student"
GRADER_CONFIG = HERE / "grader"
FORMGRADER_SERVICE = COURSE_ID  # formgrader is served at /services/<course>/
# Passed on from the hub's own environment when set (a trial's copied Python needs it).
PASSED_ON = {k: os.environ[k] for k in ("LD_LIBRARY_PATH",) if k in os.environ}
SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

# ---- the hub itself ------------------------------------------------------------------
c.JupyterHub.ip = HUB_IP
c.JupyterHub.port = HUB_PORT
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = HUB_API_PORT
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{PROXY_API_PORT}"
c.JupyterHub.db_url = f"sqlite:///{STATE_DIR}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = f"{STATE_DIR}/jupyterhub_cookie_secret"
c.JupyterHub.pid_file = f"{STATE_DIR}/jupyterhub.pid"
c.ConfigurableHTTPProxy.pid_file = f"{STATE_DIR}/proxy.pid"
# configurable-http-proxy from npm: PATH, else the repository's node_modules (npm ci).
proxy = shutil.which("configurable-http-proxy") or str(
    HERE.parents[1] / "node_modules" / ".bin" / "configurable-http-proxy"
)
c.ConfigurableHTTPProxy.command = [proxy]
# Stopping the hub stops every server it started and the formgrader service.
c.JupyterHub.cleanup_servers = True

# ---- who may sign in -----------------------------------------------------------------
if AUTHENTICATOR == "shared-password":
    if len(TRIAL_PASSWORD) < 8:
        sys.exit("BONEMETS_TRIAL_PASSWORD must have at least 8 characters")
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = TRIAL_PASSWORD
else:
    c.JupyterHub.authenticator_class = AUTHENTICATOR
c.Authenticator.allowed_users = set(INSTRUCTORS + STUDENTS)
c.Authenticator.admin_users = set(ADMINS)
# Only the people above sign in; the grader account below exists in the hub but never does.
c.Authenticator.allow_existing_users = False
# The group lists below are the truth: a user removed here leaves the group on restart.
# The grader account is in the instructors' group (as in nbgrader's demos): formgrader asks
# the hub which courses the account running it grades.
c.JupyterHub.load_groups = {
    f"formgrade-{COURSE_ID}": {"users": [*INSTRUCTORS, GRADER_ACCOUNT]},
    f"nbgrader-{COURSE_ID}": {"users": STUDENTS},
}

# ---- roles: who may reach what -------------------------------------------------------
c.JupyterHub.load_roles = [
    {
        # Instructors (and only they) reach the formgrader service.
        "name": f"formgrade-{COURSE_ID}",
        "groups": [f"formgrade-{COURSE_ID}"],
        "scopes": [
            f"access:services!service={FORMGRADER_SERVICE}",
            "list:services",
            f"read:services!service={FORMGRADER_SERVICE}",
        ],
    },
    {
        # The formgrader service reads who is in the course and records new students
        # (nbgrader's JupyterHubAuthPlugin calls these endpoints).
        "name": f"grader-{COURSE_ID}-service",
        "services": [FORMGRADER_SERVICE],
        "scopes": [
            "list:users",
            "read:users:name",
            "read:users:groups",
            "list:groups",
            "read:groups",
            f"groups!group=nbgrader-{COURSE_ID}",
        ],
    },
]
# A user's server token may read the user's own groups: the assignment list asks the hub
# which courses the student is in (JupyterHubAuthPlugin). Nothing about other users.
c.Spawner.server_token_scopes = [
    "users:activity!user",
    "access:servers!server",
    "read:users:name!user",
    "read:users:groups!user",
]

# ---- each user's own server, as their own system account -----------------------------
# LocalProcessSpawner (the default) runs each server as the system user of the same name,
# so nbgrader's student id and the exchange's file permissions are the person's own.
# With many users, SystemdSpawner adds memory and CPU limits per user (README).
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [STUDENT_PYTHON, "-m", "jupyterhub.singleuser"]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.environment = {
    # The student side of nbgrader: course id, exchange, hub groups (student/).
    "JUPYTER_CONFIG_PATH": str(STUDENT_CONFIG),
    "PATH": f"{Path(STUDENT_PYTHON).parent}:{SYSTEM_PATH}",
    "BONEMETS_EXCHANGE": EXCHANGE,
    "BONEMETS_COURSE_ID": COURSE_ID,
    "MPLBACKEND": "Agg",
    **PASSED_ON,
}
# At each start, a student without ~/lessons gets a copy of the lessons that ship in the
# students' environment (the student wheel). Copied by the student's own account, so the
# hub (root) never writes in a home folder.
COPY_LESSONS = (
    "import shutil, sys\n"
    "from pathlib import Path\n"
    "from bonemets import paths\n"
    "target = Path.home() / 'lessons'\n"
    "if not target.exists() and not target.is_symlink():\n"
    "    shutil.copytree(paths.notebooks_dir(), target)\n"
)


def give_lessons(spawner: object) -> None:
    name = spawner.user.name  # type: ignore[attr-defined]
    copied = subprocess.run(
        ["runuser", "-u", name, "--", STUDENT_PYTHON, "-c", COPY_LESSONS],
        capture_output=True, text=True, cwd="/", env={"PATH": SYSTEM_PATH, **PASSED_ON},
        check=False,
    )  # fmt: skip
    if copied.returncode != 0:  # the server still starts; the log says why
        spawner.log.warning("lessons not copied for %s: %s", name, copied.stderr[-300:])  # type: ignore[attr-defined]


c.Spawner.pre_spawn_hook = give_lessons
c.Spawner.start_timeout = 60
c.Spawner.http_timeout = 60
# Idle servers use memory (README, "Capacity"); jupyterhub-idle-culler can stop them.

# ---- formgrader: a hub-managed service run by the grader account ---------------------
# nbgrader's documented pattern: jupyterhub-singleuser for the course, as the grader, in the
# course directory; only the formgrade-<course> group may reach it (roles above).
c.JupyterHub.services = [
    {
        "name": FORMGRADER_SERVICE,
        "url": f"http://127.0.0.1:{FORMGRADER_PORT}",
        "command": [INSTRUCTOR_PYTHON, "-m", "jupyterhub.singleuser"],
        "user": GRADER_ACCOUNT,
        "cwd": COURSE_DIR,
        # Instructors sign in to it with their hub identity (OAuth), like their own server.
        "oauth_no_confirm": True,
        "environment": {
            "JUPYTER_CONFIG_PATH": str(GRADER_CONFIG),
            "JUPYTERHUB_DEFAULT_URL": "/formgrader",
            "BONEMETS_ROOT": COURSE_DIR,
            "BONEMETS_EXCHANGE": EXCHANGE,
            "BONEMETS_COURSE_ID": COURSE_ID,
            "HOME": str(Path(COURSE_DIR).parent),
            # nbgrader starts `alembic` through PATH: the instructors' environment first.
            "PATH": f"{Path(INSTRUCTOR_PYTHON).parent}:{SYSTEM_PATH}",
            "MPLBACKEND": "Agg",
            **PASSED_ON,
        },
    }
]
