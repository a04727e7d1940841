"""Each lesson's main widget: the cell that shows it and a telling state to put it in.

The README gallery (``tools/gallery.py``) photographs these; ``benchmarks/bench_browser.py``
times a control change in the same widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Locator


@dataclass(frozen=True)
class Shot:
    cell: str  # a snippet of the source of the cell that shows the widget
    caption: str  # alt text in the README
    act: Callable[[Locator], None] = lambda widget: None  # set a telling state


def _click_text(*texts: str) -> Callable[[Locator], None]:
    def act(widget: Locator) -> None:
        for text in texts:
            widget.get_by_text(text, exact=False).first.click()

    return act


def _quiz(widget: Locator) -> None:
    widget.get_by_text("B. No; it is for learning", exact=False).click()
    widget.get_by_role("button", name="Check answer").click()
    widget.get_by_text("Correct, and you chose it").first.wait_for()


SHOTS: dict[str, Shot] = {
    "00_start_here": Shot(
        'quiz.ask("start_sc_advice")',
        "A self-check answered: the verdict and a rationale for every option",
        _quiz,
    ),
    "01_bone_metastasis_basics": Shot(
        "w.ComplicationChecker()",
        "The complication checker: two cues ticked point to spinal cord compression",
        _click_text("New or changing back pain", "Legs getting weaker"),
    ),
    "02_diagnosis": Shot(
        "w.DoseChart()",
        "The radiation dose chart: each imaging test's dose against a reference exam",
    ),
    "03_systemic_treatments": Shot(
        "w.treatment_explorer(",
        "The treatment explorer: describe a patient, see the options the sources describe",
    ),
    "04_local_treatments": Shot(
        "w.mirels_calculator(",
        "Mirels' score calculator: four factors, the total and what it suggests",
    ),
    "05_supportive_care": Shot(
        "w.appointment_checklist()",
        "The appointment checklist: what is ready and what is still missing",
        _click_text("Written down every symptom"),
    ),
    "06_nursing_care": Shot(
        "w.pain_chooser(",
        "The pain-assessment chooser: a patient who cannot report pain gets PAINAD and a reading",
        _click_text("Cannot tell you"),
    ),
}
