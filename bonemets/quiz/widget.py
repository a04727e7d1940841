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
from bonemets.panel import BOX_LAYOUT, FULL_LABEL, CheckboxGroup
from bonemets.quiz.items import SelfCheck, self_checks_for
from bonemets.quiz.marking import Attempt, QuizTally, mark


def feedback_html(attempt: Attempt, *, reveal: bool = True) -> str:
    """The verdict and rationales, as HTML.

    ``reveal`` shows every option with its rationale (after a right answer, a second try,
    or "Show the answer"). Without it, a wrong first try explains only the options the
    student chose, so the right option is not given away before the second try.
    """
    icon = "✔" if attempt.correct else "✘"
    reveal = reveal and bool(attempt.selected)  # an empty answer explains nothing yet
    rows = []
    for fb in attempt.feedback:
        if not (reveal or fb.selected):
            continue
        mark_symbol = "✔" if fb.choice.correct else "✘"
        rows.append(
            f"<li><strong>{mark_symbol} {html.escape(fb.choice.id)}. "
            f"{html.escape(fb.verdict)}.</strong> {html.escape(fb.choice.rationale)}</li>"
        )
    rationales = f"<ul>{''.join(rows)}</ul>" if rows else ""
    if attempt.correct or not attempt.selected:
        hint = ""
    elif reveal:
        hint = "<p>Here is every option, with the reason it is right or wrong.</p>"
    else:
        hint = (
            '<p>Press "Try again" to answer once more, or "Show the answer" '
            "to see every option explained.</p>"
        )
    return (
        f'<div role="status" aria-live="polite"><p><strong>{icon} '
        f"{html.escape(attempt.summary)}</strong></p>{hint}{rationales}"
        f"{sources_html(attempt.item.sources) if reveal else ''}</div>"
    )


class SelfCheckView(widgets.VBox):
    """One self-check: the stem, the choices, three buttons, and feedback.

    A wrong first try explains only what the student chose and offers "Try again" (a real
    second try: the choices are cleared and the answer is not shown) or "Show the answer".
    A right answer, a second try or "Show the answer" explains every option. The tally
    keeps the first try.

    Not a :class:`~bonemets.panel.ControlPanel`: feedback waits for the Check button
    instead of following every change of the choices.
    """

    def __init__(self, item: SelfCheck, tally: QuizTally | None = None) -> None:
        self.item = item
        self.tally = tally
        self.attempts = 0  # answered checks (an empty check is not a try)
        self.last: Attempt | None = None
        self.revealed = False  # every option has been explained once
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
                style=FULL_LABEL,
            )
        else:
            self.choice_widget = CheckboxGroup(options)
        self.check_button = widgets.Button(
            description="Check answer",
            button_style="primary",
            tooltip="Check your answer",
        )
        self.retry_button = widgets.Button(
            description="Try again", disabled=True, tooltip="Clear your answer and answer again"
        )
        self.show_button = widgets.Button(
            description="Show the answer",
            disabled=True,
            tooltip="Show every option with the reason it is right or wrong",
        )
        self.feedback = widgets.HTML("")
        self.check_button.on_click(lambda _: self.check())
        self.retry_button.on_click(lambda _: self.reset())
        self.show_button.on_click(lambda _: self.show_answer())
        super().__init__(
            [
                stem,
                self.choice_widget,
                widgets.HBox([self.check_button, self.retry_button, self.show_button]),
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
        if attempt.selected:
            self.attempts += 1
            self.last = attempt
            if self.tally is not None:
                self.tally.record(attempt)
        reveal = self.revealed or attempt.correct or self.attempts >= 2
        self.feedback.value = feedback_html(attempt, reveal=reveal)
        if attempt.selected:
            self.revealed = reveal
            self.retry_button.disabled = False
            self.show_button.disabled = reveal
        for callback in self.on_attempt:
            callback(attempt)
        return attempt

    def show_answer(self) -> None:
        """Explain every option of the last try (or, with none, of an empty answer)."""
        attempt = self.last if self.last is not None else mark(self.item, frozenset())
        self.feedback.value = feedback_html(attempt, reveal=True)
        self.revealed = True
        self.show_button.disabled = True

    def reset(self) -> None:
        """Try again: clear the choices and the feedback; the first try stays in the tally."""
        self.select(set())
        self.feedback.value = ""
        self.retry_button.disabled = True
        self.show_button.disabled = self.last is None or self.revealed


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
