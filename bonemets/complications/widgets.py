"""What lesson 1's cells call: the urgency overview and the complication checker."""

from __future__ import annotations

from bonemets.complications import views
from bonemets.complications.rules import all_cues
from bonemets.panel import CheckboxGroup, ControlPanel


class UrgencyOverview:
    """The complications by urgency (chart and table), shown where a cell ends with it."""

    def _repr_html_(self) -> str:
        return views.urgency_html()


class ComplicationChecker(ControlPanel):
    """Tick cues a nurse might notice; see the complications they point to, most urgent first."""

    def __init__(self) -> None:
        super().__init__(
            {"cues": CheckboxGroup(all_cues())},
            views.complications_html,
            title="What do you notice? (tick any)",
            framed=False,
        )
