"""The bone metastasis course: content model, lesson widgets, assessment and grading.

The course's facts and items live as data in ``course_data/``; this package loads and
validates them (:mod:`bonemets.data`), computes what the lessons show, and draws it.
"""

__version__ = "0.1.0"
__all__ = ["__version__", "clear_caches"]


def clear_caches() -> None:
    """Forget every cached load and view, e.g. after editing ``course_data/`` in a kernel."""
    from bonemets.caching import clear_caches as clear_registered  # `import bonemets` stays bare

    clear_registered()


def _jupyter_labextension_paths() -> list[dict[str, str]]:
    """Where the prebuilt answer-form extension is, for `jupyter labextension develop .`."""
    return [{"src": "labextension", "dest": "bonemets-answer-forms"}]
