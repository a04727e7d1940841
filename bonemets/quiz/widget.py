"""The self-check widget: choose, check, read a rationale for every option, retry.

Computing lives in :mod:`bonemets.quiz.marking`; this module only draws. Feedback is in
words and symbols (✔/✘ with "Correct"/"Incorrect"), never colour alone, and sits in a
polite live region so screen readers announce it.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets

from bonemets.citations import sources_html
from bonemets.panel import BOX_LAYOUT, CheckboxGroup
from bonemets.quiz.items import SelfCheck, self_checks_for
from bonemets.quiz.marking import Attempt, QuizTally, mark


def feedback_html(attempt: Attempt) -> str:
    """The verdict and a rationale for every option, as HTML."""
    icon = "✔" if attempt.correct else "✘"
    rows = []
    for fb in attempt.feedback:
        mark_symbol = "✔" if fb.choice.correct else "✘"
        rows.append(
            f"<li><strong>{mark_symbol} {html.escape(fb.choice.id)}. "
            f"{html.escape(fb.verdict)}.</strong> {html.escape(fb.choice.rationale)}</li>"
        )
    return (
        f'<div role="status" aria-live="polite"><p><strong>{icon} '
        f"{html.escape(attempt.summary)}</strong></p><ul>{''.join(rows)}</ul>"
        f"{sources_html(attempt.item.sources)}</div>"
    )


class SelfCheckView(widgets.VBox):
    """One self-check: the stem, the choices, Check and Try again buttons, and feedback.

    Not a :class:`~bonemets.panel.ControlPanel`: feedback waits for the Check button
    instead of following every change of the choices.
    """

    def __init__(self, item: SelfCheck, tally: QuizTally | None = None) -> None:
        self.item = item
        self.tally = tally
        self.on_attempt: list[Callable[[Attempt], None]] = []  # e.g. refresh a tally label
        number = (
            f"Self-check ({'choose one' if item.kind == 'single' else 'select all that apply'})"
        )
        stem = widgets.HTML(f"<p><strong>{number}</strong></p><p>{html.escape(item.stem)}</p>")
        options = [(f"{c.id}. {c.text}", c.id) for c in item.choices]
        self.choice_widget: widgets.RadioButtons | CheckboxGroup
        if item.kind == "single":
            self.choice_widget = widgets.RadioButtons(
                options=options,
                value=None,
                description="Answer:",
                layout=widgets.Layout(width="auto"),
                style={"description_width": "initial"},
            )
        else:
            self.choice_widget = CheckboxGroup(options)
        self.check_button = widgets.Button(
            description="Check answer",
            button_style="primary",
            tooltip="Check your answer and show the rationales",
        )
        self.retry_button = widgets.Button(
            description="Try again", disabled=True, tooltip="Clear your answer and try again"
        )
        self.feedback = widgets.HTML("")
        self.check_button.on_click(lambda _: self.check())
        self.retry_button.on_click(lambda _: self.reset())
        super().__init__(
            [
                stem,
                self.choice_widget,
                widgets.HBox([self.check_button, self.retry_button]),
                self.feedback,
            ],
            layout=widgets.Layout(**BOX_LAYOUT),
        )

    def selected(self) -> frozenset[str]:
        value = self.choice_widget.value
        if value is None:
            return frozenset()
        return frozenset({value}) if isinstance(value, str) else frozenset(value)

    def select(self, choice_ids: set[str]) -> None:
        """Set the choices programmatically (tests, demonstrations)."""
        if isinstance(self.choice_widget, CheckboxGroup):
            self.choice_widget.value = tuple(c.id for c in self.item.choices if c.id in choice_ids)
        else:
            self.choice_widget.value = next(iter(choice_ids), None)

    def check(self) -> Attempt:
        attempt = mark(self.item, self.selected())
        self.feedback.value = feedback_html(attempt)
        if attempt.selected:
            if self.tally is not None:
                self.tally.record(attempt)
            self.retry_button.disabled = False
        for callback in self.on_attempt:
            callback(attempt)
        return attempt

    def reset(self) -> None:
        self.select(set())
        self.feedback.value = ""
        self.retry_button.disabled = True


class Quiz:
    """All self-checks of one lesson, sharing a running tally.

    In a lesson: ``quiz = Quiz("diagnosis")`` once, then ``quiz.ask("diag_sc_mri")`` where
    each question belongs, and ``quiz.tally_view()`` at the end.
    """

    def __init__(self, module: str) -> None:
        self.items = {item.id: item for item in self_checks_for(module)}
        if not self.items:
            raise LookupError(f"no self-checks for module {module!r} in course_data/self_checks/")
        self.tally = QuizTally(total=len(self.items))
        self._tally_label = widgets.HTML(self._tally_text())
        self.views: dict[str, SelfCheckView] = {}

    def _tally_text(self) -> str:
        return f'<p role="status" aria-live="polite">{html.escape(self.tally.text)}</p>'

    def ask(self, item_id: str) -> SelfCheckView:
        """The widget for one self-check (display it by leaving it last in a cell)."""
        if item_id not in self.items:
            raise KeyError(
                f"no self-check {item_id!r} in this lesson; known: {', '.join(self.items)}"
            )
        view = SelfCheckView(self.items[item_id], self.tally)
        view.on_attempt.append(lambda _: setattr(self._tally_label, "value", self._tally_text()))
        self.views[item_id] = view
        return view

    def tally_view(self) -> widgets.HTML:
        """The running score for the lesson; updates as self-checks are answered."""
        return self._tally_label
