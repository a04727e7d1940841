"""The imaging widgets for the lessons, gathered in one place for notebook cells
(``from bonemets.imaging import widgets as w``).

Each widget is a small class holding labelled controls and one HTML output (a figure with
alt text, a table of the same numbers, and sources), in its own module. ``*_html``
functions turn computed data into the HTML shown, so tests read it without a browser.
Standard ipywidgets controls are used, so everything works by keyboard in JupyterLab,
Notebook 7 and headless execution.
"""

from __future__ import annotations

from bonemets.imaging.accuracy_explorer import AccuracyExplorer, _study_figure_html, accuracy_html
from bonemets.imaging.complication_checker import (
    ComplicationChecker,
    complications_html,
    urgency_html,
    urgency_overview,
)
from bonemets.imaging.dose_chart import DoseChart, dose_html
from bonemets.imaging.lesson_tables import lesson_sources, preparation_html, preparation_table
from bonemets.imaging.modality_explorer import (
    CautionChecker,
    ModalityComparison,
    ModalityExplorer,
    QuestionMatcher,
    _comparison_html,
    cautions_html,
    comparison_html,
    question_html,
)


def dose_chart() -> DoseChart:
    return DoseChart()


def accuracy_explorer() -> AccuracyExplorer:
    return AccuracyExplorer()


def modality_explorer() -> ModalityExplorer:
    return ModalityExplorer()


def complication_checker() -> ComplicationChecker:
    return ComplicationChecker()


def clear_cache() -> None:
    """Forget rendered outputs (after editing course data in a running kernel)."""
    for cached in (dose_html, accuracy_html, _comparison_html, _study_figure_html):
        cached.cache_clear()


__all__ = [
    "AccuracyExplorer",
    "CautionChecker",
    "ComplicationChecker",
    "DoseChart",
    "ModalityComparison",
    "ModalityExplorer",
    "QuestionMatcher",
    "accuracy_explorer",
    "accuracy_html",
    "cautions_html",
    "clear_cache",
    "comparison_html",
    "complication_checker",
    "complications_html",
    "dose_chart",
    "dose_html",
    "lesson_sources",
    "modality_explorer",
    "preparation_html",
    "preparation_table",
    "question_html",
    "urgency_html",
    "urgency_overview",
]
