"""nbgrader configuration for the bone metastasis course.

Run nbgrader from the repository root; this file is read automatically. On JupyterHub,
set ``BONEMETS_EXCHANGE`` to the shared exchange folder (it must exist and be writable by
every student); locally the exchange is ``.exchange/`` in the repository.
"""

import os
from pathlib import Path

here = Path(__file__).resolve().parent
c = get_config()  # noqa: F821  (injected by traitlets when nbgrader loads this file)

c.CourseDirectory.course_id = "bonemets"
c.CourseDirectory.root = str(here)

# The graded assignments are the `kind: assignment` modules of course_data/modules.yaml;
# `make setup` registers them in the gradebook (`python -m bonemets.cli register`).

# A cell that runs longer than this is interrupted and graded as it stands.
c.Execute.timeout = 30
# Skips a graceful-shutdown stall seen with jupyter_client 8 / ipykernel 7 (same scores).
c.Execute.shutdown_kernel = "immediate"

# Quiz answers are plain values: a student sees a clear placeholder, not an exception.
c.ClearSolutions.code_stub = {"python": "answer = None  # replace None with your answer"}
c.ClearSolutions.text_stub = "Write your answer here."

exchange = Path(os.environ.get("BONEMETS_EXCHANGE", here / ".exchange"))
exchange.mkdir(parents=True, exist_ok=True)
c.Exchange.root = str(exchange)
