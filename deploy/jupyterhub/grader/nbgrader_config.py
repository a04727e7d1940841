"""nbgrader for the formgrader service (JUPYTER_CONFIG_PATH points here).

The service runs in the course directory, whose own nbgrader_config.py (the repository's)
is read after this file: course id, preprocessors, feedback page, and the exchange from
BONEMETS_EXCHANGE. This file adds what only the hub needs.
"""

from nbgrader.auth import JupyterHubAuthPlugin

c = get_config()  # noqa: F821  (injected by traitlets when nbgrader loads this file)

# Students who submit are recorded in the hub group nbgrader-<course> too.
c.Authenticator.plugin_class = JupyterHubAuthPlugin
