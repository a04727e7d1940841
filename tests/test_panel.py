"""The lesson-widget convention: a ControlPanel redraws its one output from a pure view."""

from __future__ import annotations

import ipywidgets as widgets

from bonemets.panel import CheckboxGroup, ControlPanel, dropdown


def describe(size: int, shape: str) -> str:
    return f"<p>{size} {shape}</p>"


def test_panel_draws_on_creation_and_on_every_change() -> None:
    size = widgets.IntSlider(value=2, min=1, max=5, description="Size:")
    shape = widgets.Dropdown(options=["round", "square"], value="round", description="Shape:")
    panel = ControlPanel({"size": size, "shape": shape}, describe, title="Shapes")
    assert panel.output.value == "<p>2 round</p>"
    shape.value = "square"
    assert panel.output.value == "<p>2 square</p>"
    size.value = 4
    assert panel.output.value == "<p>4 square</p>"
    assert panel.values() == {"size": 4, "shape": "square"}


def test_panel_is_a_box_with_title_controls_then_output() -> None:
    size = widgets.IntSlider(value=1, description="Size:")
    panel = ControlPanel({"size": size}, lambda size: str(size), title="A <b> title")
    assert isinstance(panel, widgets.VBox)
    heading, control, output = panel.children
    assert "A &lt;b&gt; title" in heading.value
    assert control is size and output is panel.output


def test_checkbox_group_value_follows_boxes_and_boxes_follow_value() -> None:
    group = CheckboxGroup([("One", "a"), ("Two", "b"), ("Three", "c")], value=("b",))
    assert group.value == ("b",)
    group.boxes["c"].value = True
    assert group.value == ("b", "c")
    group.value = ("a",)
    assert [box.value for box in group.boxes.values()] == [True, False, False]


def test_checkbox_group_new_options_keep_only_known_ticks_and_redraw_the_panel() -> None:
    group = CheckboxGroup([("One", "a"), ("Two", "b")], value=("a", "b"))
    panel = ControlPanel({"ticked": group}, lambda ticked: ",".join(ticked))
    assert panel.output.value == "a,b"
    group.set_options([("Two", "b"), ("Four", "d")], value=("b",))
    assert panel.output.value == "b"
    group.boxes["d"].value = True
    assert panel.output.value == "b,d"


def test_checkbox_group_headings_precede_each_group() -> None:
    group = CheckboxGroup(
        [("One", "a"), ("Two", "b"), ("Three", "c")],
        groups={"a": "First", "b": "First", "c": "Then"},
    )
    labels = [getattr(child, "description", None) or child.value for child in group.children]
    assert labels == ["<em>First</em>", "One", "Two", "<em>Then</em>", "Three"]


def test_dropdown_shows_its_label_in_full_and_starts_on_the_first_option() -> None:
    plain = dropdown("A long description of the choice:", [("One", 1), ("Two", 2)])
    assert plain.value == 1 and plain.style.description_width == "initial"
    assert plain.layout.width == "auto"
    chosen = dropdown("Pick:", [("One", 1), ("Two", 2)], 2, width=None)
    assert chosen.value == 2 and chosen.layout.width is None
