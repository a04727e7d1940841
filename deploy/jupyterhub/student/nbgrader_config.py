"""nbgrader for a student's own server on the course hub (JUPYTER_CONFIG_PATH points here).

The hub sets BONEMETS_COURSE_ID and BONEMETS_EXCHANGE (deploy/jupyterhub/jupyterhub_config.py).
The student id is the operating-system account the server runs as (one per hub user).
"""

import os

from nbgrader.auth import JupyterHubAuthPlugin

c = get_config()  # noqa: F821  (injected by traitlets when nbgrader loads this file)

c.CourseDirectory.course_id = os.environ.get("BONEMETS_COURSE_ID", "bonemets")
c.Exchange.root = os.environ.get("BONEMETS_EXCHANGE", "/srv/nbgrader/exchange")
# The assignment list shows only courses whose hub group (nbgrader-<course>) has the student.
c.Authenticator.plugin_class = JupyterHubAuthPlugin
