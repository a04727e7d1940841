"""No text of the accuracy explorer's figures is cut off at any slider position that
matters (0, 1, 50, 90, 99, 100%), and its sentence stays true at 0 and 100%."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from bonemets.imaging import charts, rules, views
from bonemets.imaging.data import modalities

PRE_TEST = (0, 1, 50, 90, 99, 100)
STUDIES = [study for _, study in rules.studies()]
NAMES = {m.id: m.short for m in modalities().values()}


def texts_outside(fig: Figure) -> list[str]:
    """Every visible, non-empty text whose drawn box leaves the figure."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    bounds = fig.bbox
    outside = []
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        box = text.get_window_extent(renderer)
        if (
            box.x0 < bounds.x0 - 0.5
            or box.x1 > bounds.x1 + 0.5
            or box.y0 < bounds.y0 - 0.5
            or box.y1 > bounds.y1 + 0.5
        ):
            outside.append(text.get_text())
    return outside


@pytest.mark.parametrize("study", STUDIES)
@pytest.mark.parametrize("pre_test", PRE_TEST)
def test_post_test_labels_stay_inside_the_figure(study: str, pre_test: int) -> None:
    rows = rules.post_test_rows(study, pre_test / 100)
    fig = charts.post_test_chart(rows, NAMES, list(modalities()))
    assert texts_outside(fig) == []


@pytest.mark.parametrize("pre_test", [10, 30, 50])
def test_the_dashed_line_crosses_no_label(pre_test: int) -> None:
    """Values are written in a column right of the plot, clear of the pre-test line."""
    rows = rules.post_test_rows(STUDIES[0], pre_test / 100)
    fig = charts.post_test_chart(rows, NAMES, list(modalities()))
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    line_x = ax.transData.transform((pre_test, 0))[0]
    labels = [t for t in ax.texts if t.get_text().startswith(("pos ", "neg "))]
    assert len(labels) == 2 * len(rows)
    for label in labels:
        box = label.get_window_extent(renderer)
        assert not box.x0 <= line_x <= box.x1, label.get_text()


@pytest.mark.parametrize("study", STUDIES)
def test_published_accuracy_labels_stay_inside_the_figure(study: str) -> None:
    rows = rules.accuracy_for(study)
    fig = charts.accuracy_chart(rows, NAMES, list(modalities()), rows[0].study_label)
    assert texts_outside(fig) == []


def test_the_sentence_does_not_contradict_itself_at_the_ends() -> None:
    at_zero = views.accuracy_html(STUDIES[0], 0)
    at_hundred = views.accuracy_html(STUDIES[0], 100)
    for page in (at_zero, at_hundred):
        assert "lowers the chance" not in page
    assert "already certain, so no result changes it" in at_hundred
    assert "nothing for a result to change" in at_zero
    assert "lowers the chance but does not always rule disease out" in (
        views.accuracy_html(STUDIES[0], 50)
    )
