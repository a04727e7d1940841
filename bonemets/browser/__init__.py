"""Drive the course in JupyterLab inside headless Chromium (tests, gallery, benchmarks).

``lab`` starts a throw-away JupyterLab server on a copy of the course; ``chromium`` finds
and launches Debian's Chromium through Playwright; ``notebook`` holds page helpers (open,
Run All, wait for widgets); ``axe`` runs the axe-core audit.
"""
