"""Drive the course in JupyterLab inside headless Chromium (tests, gallery, benchmarks).

A tool beside the course, not part of it: ``tools/`` is on pytest's path, the gallery script
sits next to it and the browser benchmark adds it to ``sys.path``.

``lab`` starts a throw-away JupyterLab server on a copy of the course; ``chromium`` finds
and launches Debian's Chromium through Playwright; ``notebook`` holds page helpers (open,
Run All, wait for widgets); ``axe`` runs the axe-core audit.
"""
