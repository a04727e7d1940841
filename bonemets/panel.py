"""The one convention for lesson widgets: named controls, a pure view, one output.

A lesson widget *is* an ipywidgets box (the pattern of ipywidgets' own ``interactive``):
:class:`ControlPanel` observes each control's ``value``, calls ``view(**values)`` and puts
the HTML it returns in a single output. The view is a plain function of the values, so it
is tested (and cached) without a browser; the panel only wires controls to it.

Add a lesson widget by writing the view in a ``views`` module and subclassing (or calling)
``ControlPanel`` with the controls; never write ``_ipython_display_`` wiring by hand.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import ipywidgets as widgets
from traitlets import Tuple

BOX_LAYOUT = {"border": "1px solid #767676", "padding": "0.5em", "margin": "0.5em 0"}
#: A control's description shown in full beside it (ipywidgets would cut a long one with "…").
FULL_LABEL = {"description_width": "initial"}


def dropdown(
    description: str,
    options: Sequence[tuple[str, Any]],
    value: Any = None,
    *,
    width: str | None = "auto",
) -> widgets.Dropdown:
    """A drop-down labelled in full; ``value`` defaults to the first option, ``width=None``
    keeps ipywidgets' standard width."""
    return widgets.Dropdown(
        options=options,
        value=options[0][1] if value is None else value,
        description=description,
        style=FULL_LABEL,
        layout=widgets.Layout(width=width) if width else widgets.Layout(),
    )


class CheckboxGroup(widgets.VBox):
    """Labelled checkboxes that act as one control: ``value`` is the tuple of ticked ids.

    ``options`` is a sequence of ``(label, id)`` pairs and may be replaced at any time
    (e.g. when another control changes which schedules are offered); ``groups`` optionally
    maps an id to a heading shown above the first checkbox of that group.
    """

    value = Tuple()

    def __init__(
        self,
        options: Sequence[tuple[str, str]] = (),
        value: Sequence[str] = (),
        *,
        groups: Mapping[str, str] | None = None,
        horizontal: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self._horizontal = horizontal
        self._boxes: dict[str, widgets.Checkbox] = {}
        self.set_options(options, value, groups=groups)
        self.observe(self._value_to_boxes, names="value")

    @property
    def boxes(self) -> dict[str, widgets.Checkbox]:
        """The checkbox for each option id (tests and keyboard drivers use these)."""
        return dict(self._boxes)

    def set_options(
        self,
        options: Sequence[tuple[str, str]],
        value: Sequence[str] = (),
        *,
        groups: Mapping[str, str] | None = None,
    ) -> None:
        """Replace the checkboxes; ``value`` becomes the ticked ids among the new options."""
        ticked = set(value)
        self._boxes = {
            option_id: widgets.Checkbox(
                value=option_id in ticked,
                description=label,
                indent=False,
                # In a row, space after each label so a box sits with its own label,
                # not as close to the previous one.
                layout=widgets.Layout(
                    width="auto", margin="2px 1.6em 2px 0" if self._horizontal else "2px"
                ),
            )
            for label, option_id in options
        }
        for box in self._boxes.values():
            box.observe(self._boxes_to_value, names="value")
        children: list[widgets.Widget] = []
        heading = None
        for option_id, box in self._boxes.items():
            group = (groups or {}).get(option_id)
            if group is not None and group != heading:
                children.append(widgets.HTML(f"<em>{html.escape(group)}</em>"))
                heading = group
            children.append(box)
        self.children = [widgets.HBox(children)] if self._horizontal else children
        self.value = self._ticked()

    def _ticked(self) -> tuple[str, ...]:
        return tuple(option_id for option_id, box in self._boxes.items() if box.value)

    def _boxes_to_value(self, _change: object) -> None:
        self.value = self._ticked()

    def _value_to_boxes(self, change: dict[str, Any]) -> None:
        wanted = set(change["new"])
        for option_id, box in self._boxes.items():
            box.value = option_id in wanted


class ControlPanel(widgets.VBox):
    """Controls by name, a pure ``view(**values) -> str``, and one HTML output it fills.

    ``items`` lays out the box (headings, controls in any order); by default the title, then
    each control. The output always comes last. ``redraw`` runs on every control change.
    """

    def __init__(
        self,
        controls: Mapping[str, widgets.Widget],
        view: Callable[..., str],
        *,
        title: str = "",
        items: Sequence[widgets.Widget] | None = None,
        framed: bool = True,
    ) -> None:
        self.controls = dict(controls)
        self.render = view
        self.output = widgets.HTML()
        heading = [widgets.HTML(f"<strong>{html.escape(title)}</strong>")] if title else []
        body = list(items) if items is not None else list(self.controls.values())
        super().__init__(
            [*heading, *body, self.output],
            layout=widgets.Layout(**BOX_LAYOUT) if framed else widgets.Layout(),
        )
        for control in self.controls.values():
            control.observe(self._changed, names="value")
        self.redraw()

    def values(self) -> dict[str, Any]:
        """Each control's current value by name: the arguments the view is called with."""
        return {name: control.value for name, control in self.controls.items()}

    def redraw(self) -> None:
        self.output.value = self.render(**self.values())

    def _changed(self, _change: object) -> None:
        self.redraw()
