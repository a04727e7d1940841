"""nbgrader for a student's own server on the course hub (JUPYTER_CONFIG_PATH points here).

The hub sets BONEMETS_COURSE_ID and BONEMETS_EXCHANGE (deploy/jupyterhub/jupyterhub_config.py).
The student id is the operating-system account the server runs as (one per hub user).
"""

import os

from nbgrader.auth import JupyterHubAuthPlugin
from nbgrader.exchange.default.submit import ExchangeSubmit

c = get_config()  # noqa: F821  (injected by traitlets when nbgrader loads this file)

c.CourseDirectory.course_id = os.environ.get("BONEMETS_COURSE_ID", "bonemets")
c.Exchange.root = os.environ.get("BONEMETS_EXCHANGE", "/srv/nbgrader/exchange")
# The assignment list shows only courses whose hub group (nbgrader-<course>) has the student.
c.Authenticator.plugin_class = JupyterHubAuthPlugin


class PrivateSubmit(ExchangeSubmit):
    """nbgrader's submit, then the submission closed to everyone but the grader.

    nbgrader leaves a submission readable by every account and hides it only by its
    random name. Its folders are made in the exchange's inbound folder, which passes on the
    grader's group (set-group-id): closing them to others (mode 770) leaves the grader
    in, through the group, and keeps everyone else out of every file inside. (The files
    keep mode 644: some are written after the group stops being passed on.)
    """

    def copy_files(self) -> None:
        super().copy_files()
        submission = os.path.join(self.inbound_path, self.assignment_filename)
        for folder, _, _ in os.walk(submission):
            os.chmod(folder, 0o770)


c.ExchangeFactory.submit = PrivateSubmit
