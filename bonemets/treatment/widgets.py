"""The treatment widgets: controls plus one HTML output, redrawn on every change.

Each class holds its controls and an output; ``update()`` reads the controls, calls the
pure functions (``explorer``, ``mirels``, ``schedules``, ``ablation``, ``checklist``)
and the HTML builders in ``views``. In a lesson: ``from bonemets.treatment import
widgets as w`` then ``w.treatment_explorer()`` and so on.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import ipywidgets as widgets
from IPython.display import HTML, display

from bonemets.treatment import ablation, checklist, explorer, mirels, reference, schedules, views

_WIDE = {"description_width": "initial"}
_BOX = widgets.Layout(border="1px solid #767676", padding="0.5em", margin="0.5em 0")


class _Widget:
    """Shared wiring: observe controls' values, keep one output, display the view."""

    output: widgets.HTML
    view: widgets.Box

    def _watch(self, *controls: widgets.Widget) -> None:
        for control in controls:
            control.observe(lambda _change: self.update(), names="value")

    def update(self) -> None:  # pragma: no cover - each widget defines it
        raise NotImplementedError

    def _ipython_display_(self) -> None:
        display(self.view)


class TreatmentExplorer(_Widget):
    """Describe a patient; see the options the sources describe for that situation."""

    def __init__(self, patient: explorer.Patient | None = None) -> None:
        patient = patient or explorer.Patient()

        def labelled(values: Iterable[str]) -> list[tuple[str, str]]:
            return [(explorer.LABELS[v], v) for v in values]

        self.count = widgets.ToggleButtons(
            options=labelled(explorer.COUNTS),
            value=patient.count,
            description="How many bone metastases:",
            style=_WIDE,
        )
        self.site = widgets.Dropdown(
            options=labelled(explorer.SITES),
            value=patient.site,
            description="Main site:",
            style=_WIDE,
        )
        self.bone = widgets.RadioButtons(
            options=labelled(explorer.BONE_STATUSES),
            value=patient.bone,
            description="The bone is:",
            style=_WIDE,
        )
        self.flags = {
            flag: widgets.Checkbox(
                value=flag in patient.flags,
                description=explorer.LABELS[flag],
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for flag in explorer.FLAGS
        }
        self.output = widgets.HTML()
        self._watch(self.count, self.site, self.bone, *self.flags.values())
        self.view = widgets.VBox(
            [
                widgets.HTML("<strong>Treatment explorer: describe the patient</strong>"),
                self.count,
                self.site,
                self.bone,
                widgets.HTML("Also true for this patient:"),
                *self.flags.values(),
                self.output,
            ],
            layout=_BOX,
        )
        self.update()

    def patient(self) -> explorer.Patient:
        return explorer.Patient(
            count=self.count.value,
            site=self.site.value,
            bone=self.bone.value,
            flags=frozenset(f for f, box in self.flags.items() if box.value),
        )

    def update(self) -> None:
        self.output.value = views.explorer_html(self.patient())


class MirelsCalculator(_Widget):
    """Choose the four factors; see the total, its band and the published table."""

    def __init__(self, **choices: str) -> None:
        self.table = mirels.table()
        self.controls = {
            factor.id: widgets.Dropdown(
                options=[(f"{lv.label} ({lv.points})", lv.id) for lv in factor.levels],
                value=choices.get(factor.id, factor.levels[0].id),
                description=f"{factor.label}:",
                style=_WIDE,
                layout=widgets.Layout(width="34em"),
            )
            for factor in self.table.factors
        }
        self.output = widgets.HTML()
        self._watch(*self.controls.values())
        self.view = widgets.VBox(
            [
                widgets.HTML("<strong>Mirels' score: describe the lesion</strong>"),
                *self.controls.values(),
                self.output,
            ],
            layout=_BOX,
        )
        self.update()

    def choices(self) -> dict[str, str]:
        return {factor_id: control.value for factor_id, control in self.controls.items()}

    def result(self) -> mirels.MirelsResult:
        return mirels.score(self.choices(), self.table)

    def update(self) -> None:
        self.output.value = views.mirels_html(tuple(sorted(self.choices().items())))


class ScheduleComparison(_Widget):
    """Pick a situation and the schedules to compare; see the visit calendar and totals."""

    def __init__(self, situation: str = "painful_bone") -> None:
        sets = schedules.schedule_sets()
        self.situation = widgets.Dropdown(
            options=[(s.title, s.id) for s in sets],
            value=situation,
            description="Situation:",
            style=_WIDE,
            layout=widgets.Layout(width="auto"),
        )
        self.boxes: dict[str, widgets.Checkbox] = {}
        self.box_area = widgets.VBox()
        self.output = widgets.HTML()
        self.situation.observe(lambda _change: self._rebuild(), names="value")
        self.view = widgets.VBox(
            [
                widgets.HTML("<strong>Radiation schedules: compare</strong>"),
                self.situation,
                widgets.HTML("Schedules to show:"),
                self.box_area,
                self.output,
            ],
            layout=_BOX,
        )
        self._rebuild()

    def _rebuild(self) -> None:
        chosen = schedules.schedule_set(self.situation.value)
        self.boxes = {
            s.id: widgets.Checkbox(value=True, description=s.label, indent=False)
            for s in chosen.schedules
        }
        self._watch(*self.boxes.values())
        self.box_area.children = [widgets.HBox(list(self.boxes.values()))]
        self.update()

    def selected(self) -> list[str]:
        return [schedule_id for schedule_id, box in self.boxes.items() if box.value]

    def update(self) -> None:
        self.output.value = views.schedule_html(self.situation.value, tuple(self.selected()))


class AblationCycles(_Widget):
    """Step through heat-cool-heat or freeze-thaw-freeze."""

    def __init__(self, method_id: str = "radiofrequency") -> None:
        methods = ablation.methods()
        self.method = widgets.Dropdown(
            options=[(m.name, m.id) for m in methods],
            value=method_id,
            description="Method:",
            style=_WIDE,
        )
        self.step = widgets.IntSlider(
            value=1,
            min=1,
            max=len(ablation.method(method_id).phases),
            description="Step:",
            style=_WIDE,
            continuous_update=False,
        )
        self.output = widgets.HTML()
        self._watch(self.method, self.step)
        self.view = widgets.VBox(
            [
                widgets.HTML("<strong>Ablation cycles: step through</strong>"),
                self.method,
                self.step,
                self.output,
            ],
            layout=_BOX,
        )
        self.update()

    def update(self) -> None:
        phases = len(ablation.method(self.method.value).phases)
        if self.step.max != phases:
            self.step.max = phases
        self.output.value = views.ablation_html(self.method.value, min(self.step.value, phases))


class ChecklistWidget(_Widget):
    """Tick the checks done; the gaps that remain are named, with why they matter."""

    def __init__(self, checklist_ids: list[str], title: str) -> None:
        self.lists = {cid: checklist.checklist(cid) for cid in checklist_ids}
        self.which = widgets.Dropdown(
            options=[(c.title, c.id) for c in self.lists.values()],
            value=checklist_ids[0],
            description="Checklist:",
            style=_WIDE,
            layout=widgets.Layout(width="auto"),
        )
        self.which.layout.display = None if len(checklist_ids) > 1 else "none"
        self.boxes: dict[str, widgets.Checkbox] = {}
        self.box_area = widgets.VBox()
        self.output = widgets.HTML()
        self.which.observe(lambda _change: self._rebuild(), names="value")
        self.view = widgets.VBox(
            [
                widgets.HTML(f"<strong>{html.escape(title)}</strong>"),
                self.which,
                self.box_area,
                self.output,
            ],
            layout=_BOX,
        )
        self._rebuild()

    def current(self) -> checklist.Checklist:
        return self.lists[self.which.value]

    def _rebuild(self) -> None:
        chosen = self.current()
        self.boxes = {
            item.id: widgets.Checkbox(
                value=False,
                description=item.text,
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for item in chosen.items
        }
        self._watch(*self.boxes.values())
        children: list[widgets.Widget] = []
        for group in chosen.groups:
            children.append(widgets.HTML(f"<em>{html.escape(group)}</em>"))
            children.extend(self.boxes[i.id] for i in chosen.items if i.group == group)
        self.box_area.children = children
        self.update()

    def tick(self, item_ids: set[str]) -> None:
        """Tick exactly these items (tests and demonstrations)."""
        for item_id, box in self.boxes.items():
            box.value = item_id in item_ids

    def status(self) -> checklist.ChecklistStatus:
        done = [item_id for item_id, box in self.boxes.items() if box.value]
        return checklist.status(self.current(), done)

    def update(self) -> None:
        self.output.value = views.checklist_html(self.status())


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


def option_card(*option_ids: str) -> HTML:
    """Fact cards for one or more treatment options, from the explorer's data."""
    return HTML("".join(views.option_html(explorer.load_option(i)) for i in option_ids))


def fact_table(*table_ids: str) -> HTML:
    """One or more sourced fact tables (emergencies, devices, who can help)."""
    return HTML("".join(reference.fact_table_html(i) for i in table_ids))
