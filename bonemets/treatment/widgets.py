"""The treatment widgets: each is a :class:`~bonemets.panel.ControlPanel` of named controls
whose one output a pure view in ``views`` fills.

In a lesson: ``from bonemets.treatment import widgets as w`` then ``w.treatment_explorer()``
and so on. A widget whose controls depend on each other (a situation offers its own
schedules, a method its own number of steps) adjusts them before the panel redraws.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from bonemets.panel import FULL_LABEL, CheckboxGroup, ControlPanel, dropdown
from bonemets.treatment import ablation, checklist, explorer, mirels, reference, schedules, views


def _labelled(values: Sequence[str]) -> list[tuple[str, str]]:
    return [(explorer.LABELS[v], v) for v in values]


class TreatmentExplorer(ControlPanel):
    """Describe a patient; see the options the sources describe for that situation."""

    def __init__(self, patient: explorer.Patient | None = None) -> None:
        patient = patient or explorer.Patient()
        controls = {
            "count": widgets.ToggleButtons(
                options=_labelled(explorer.COUNTS),
                value=patient.count,
                description="How many bone metastases:",
                style=FULL_LABEL,
            ),
            "site": dropdown("Main site:", _labelled(explorer.SITES), patient.site, width=None),
            "bone": widgets.RadioButtons(
                options=_labelled(explorer.BONE_STATUSES),
                value=patient.bone,
                description="The bone is:",
                style=FULL_LABEL,
            ),
            "flags": CheckboxGroup(_labelled(explorer.FLAGS), sorted(patient.flags)),
        }
        items = [*list(controls.values())[:3], widgets.HTML("Also true for this patient:")]
        super().__init__(
            controls,
            views.explorer_view,
            title="Treatment explorer: describe the patient",
            items=[*items, controls["flags"]],
        )


class MirelsCalculator(ControlPanel):
    """Choose the four factors; see the total, its band and the published table."""

    def __init__(self, **choices: str) -> None:
        controls = {
            factor.id: dropdown(
                f"{factor.label}:",
                [(f"{lv.label} ({lv.points})", lv.id) for lv in factor.levels],
                choices.get(factor.id),
                width="34em",
            )
            for factor in mirels.table().factors
        }
        super().__init__(controls, views.mirels_view, title="Mirels' score: describe the lesion")


class ScheduleComparison(ControlPanel):
    """Pick a situation and the schedules to compare; see the visit calendar and totals."""

    def __init__(self, situation: str = "painful_bone") -> None:
        chooser = dropdown(
            "Situation:", [(s.title, s.id) for s in schedules.schedule_sets()], situation
        )
        ticks = CheckboxGroup(horizontal=True)
        self._offer_schedules(ticks, situation)
        # Registered before the panel's own observer: the boxes change first, then one redraw.
        chooser.observe(lambda change: self._offer_schedules(ticks, change["new"]), "value")
        super().__init__(
            {"situation": chooser, "schedules": ticks},
            views.schedule_html,
            title="Radiation schedules: compare",
            items=[chooser, widgets.HTML("Schedules to show:"), ticks],
        )

    @staticmethod
    def _offer_schedules(ticks: CheckboxGroup, situation: str) -> None:
        """Every schedule of the situation, all ticked."""
        offered = [(s.label, s.id) for s in schedules.schedule_set(situation).schedules]
        ticks.set_options(offered, [schedule_id for _, schedule_id in offered])


class AblationCycles(ControlPanel):
    """Step through heat-cool-heat or freeze-thaw-freeze."""

    def __init__(self, method_id: str = "radiofrequency") -> None:
        method = dropdown(
            "Method:", [(m.name, m.id) for m in ablation.methods()], method_id, width=None
        )
        step = widgets.IntSlider(
            value=1,
            min=1,
            max=len(ablation.method(method_id).phases),
            description="Step:",
            style=FULL_LABEL,
            continuous_update=False,
        )
        # Each method has its own number of steps; the slider follows before the redraw.
        method.observe(
            lambda change: setattr(step, "max", len(ablation.method(change["new"]).phases)),
            "value",
        )
        super().__init__(
            {"method": method, "step": step},
            views.ablation_html,
            title="Ablation cycles: step through",
        )


class ChecklistWidget(ControlPanel):
    """Tick the checks done; the gaps that remain are named, with why they matter."""

    def __init__(self, checklist_ids: Sequence[str], title: str) -> None:
        which = dropdown("Checklist:", [(checklist.checklist(c).title, c) for c in checklist_ids])
        which.layout.display = None if len(checklist_ids) > 1 else "none"
        done = CheckboxGroup()
        self._offer_items(done, checklist_ids[0])
        # Registered before the panel's own observer: the new list's boxes come first.
        which.observe(lambda change: self._offer_items(done, change["new"]), "value")
        super().__init__({"which": which, "done": done}, views.checklist_view, title=title)

    @staticmethod
    def _offer_items(done: CheckboxGroup, checklist_id: str) -> None:
        """The list's items, none ticked, under their group headings."""
        chosen = checklist.checklist(checklist_id)
        ordered = [item for group in chosen.groups for item in chosen.items if item.group == group]
        done.set_options(
            [(item.text, item.id) for item in ordered],
            groups={item.id: item.group for item in ordered},
        )


# --- what lesson cells call -----------------------------------------------------------


def treatment_explorer(
    count: str = "one",
    site: str = "other",
    bone: str = "stable",
    flags: tuple[str, ...] = (),
) -> TreatmentExplorer:
    return TreatmentExplorer(explorer.Patient(count, site, bone, frozenset(flags)))  # type: ignore[arg-type]


def mirels_calculator(**choices: str) -> MirelsCalculator:
    return MirelsCalculator(**choices)


def radiation_schedules(situation: str = "painful_bone") -> ScheduleComparison:
    return ScheduleComparison(situation)


def ablation_cycles(method_id: str = "radiofrequency") -> AblationCycles:
    return AblationCycles(method_id)


def medication_checklist() -> ChecklistWidget:
    return ChecklistWidget(
        ["zoledronic_acid", "denosumab", "radium_223", "pain_medicines"],
        "Medication safety checklist: tick what is done",
    )


def appointment_checklist() -> ChecklistWidget:
    return ChecklistWidget(["appointment"], "Appointment preparation: tick what is ready")


def option_card(*option_ids: str) -> views.OptionCards:
    """Fact cards for one or more treatment options, from the explorer's data."""
    return views.OptionCards(option_ids)


def fact_table(*table_ids: str) -> reference.FactTables:
    """One or more sourced fact tables (emergencies, devices, who can help)."""
    return reference.FactTables(table_ids)
