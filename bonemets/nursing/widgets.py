"""The lesson 6 widgets, each a :class:`~bonemets.panel.ControlPanel` over a view.

In a lesson: ``from bonemets.nursing import widgets as w`` then ``w.pain_chooser()``,
``w.mscc_priorities()``, ``w.radiation_effects()`` and ``w.fact_table(...)``.
"""

from __future__ import annotations

import ipywidgets as widgets

from bonemets.nursing import pain, priorities, radiation, views
from bonemets.panel import FULL_LABEL, CheckboxGroup, ControlPanel, dropdown
from bonemets.treatment.reference import FactTables

_AUTO = widgets.Layout(width="auto")


class PainChooser(ControlPanel):
    """Describe how the patient communicates and the score; see the scale and what it prompts."""

    def __init__(
        self, communication: str = "numbers", score: int = 0, on_movement: bool = False
    ) -> None:
        communication_control = widgets.RadioButtons(
            options=[(s.situation, s.fits) for s in pain.scales()],
            value=communication,
            description="The patient:",
            style=FULL_LABEL,
            layout=_AUTO,
        )
        score_control = dropdown(
            "Score recorded:", [(str(n), n) for n in range(11)], score, width=None
        )
        movement_control = widgets.Checkbox(
            value=on_movement,
            description="The pain comes on with moving or bearing weight",
            indent=False,
            layout=_AUTO,
        )
        super().__init__(
            {
                "communication": communication_control,
                "score": score_control,
                "on_movement": movement_control,
            },
            views.pain_view,
            title="Pain assessment: choose the scale, then read the score",
        )


class MsccPriorities(ControlPanel):
    """Tick the first-hour actions, then check them: feedback with a reason for each."""

    def __init__(self) -> None:
        choices = CheckboxGroup([(a.text, a.id) for a in priorities.actions()])
        check = widgets.ToggleButton(
            value=False,
            description="Check my choices",
            tooltip="Show or hide feedback on each action",
            layout=_AUTO,
        )
        super().__init__(
            {"chosen": choices, "checked": check},
            views.mscc_view,
            title="Suspected cord compression: tick what you do in the first hour",
            items=[widgets.HTML("Actions (tick all you would take now):"), choices, check],
        )


class RadiationEffects(ControlPanel):
    """Choose where the bone metastasis is; see the radiation side effects to prepare for."""

    def __init__(self, site_id: str = "pelvis") -> None:
        site = dropdown("Radiation to:", [(s.site, s.id) for s in radiation.sites()], site_id)
        super().__init__(
            {"site_id": site}, views.radiation_view, title="Radiation side effects by site"
        )


# --- what lesson cells call -----------------------------------------------------------


def pain_chooser(
    communication: str = "numbers", score: int = 0, on_movement: bool = False
) -> PainChooser:
    return PainChooser(communication, score, on_movement)


def mscc_priorities() -> MsccPriorities:
    return MsccPriorities()


def radiation_effects(site_id: str = "pelvis") -> RadiationEffects:
    return RadiationEffects(site_id)


def fact_table(*table_ids: str) -> FactTables:
    """One or more sourced fact tables from ``course_data/nursing/fact_tables.yaml``."""
    return FactTables(table_ids)
