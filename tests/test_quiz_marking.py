"""Marking self-checks (pure functions): scoring, per-option explanations, the tally."""

from __future__ import annotations

import pytest

from bonemets.quiz import Choice, QuizTally, SelfCheck, mark, self_checks_for


def _item(kind: str = "multiple", key: str = "AC") -> SelfCheck:
    return SelfCheck(
        id=f"t_{kind}",
        module="basics",
        objective="basics.1",
        kind=kind,  # type: ignore[arg-type]
        stem="Which?",
        choices=tuple(
            Choice(letter, f"option {letter}", letter in key, f"why {letter}") for letter in "ABCD"
        ),
        sources=("mayo2025",),
    )


def test_exactly_the_key_is_correct() -> None:
    item = _item()
    assert mark(item, {"A", "C"}).correct
    assert mark(item, {"A", "C"}).summary == "Correct."
    assert not mark(item, {"A"}).correct
    assert not mark(item, {"A", "B", "C"}).correct


def test_summary_counts_missed_and_wrong_options() -> None:
    item = _item()
    assert mark(item, {"A"}).summary == "Not quite: 1 right option is still unticked."
    assert mark(item, {"B", "D"}).summary == (
        "Not quite: 2 of your choices are not right and 2 right options are still unticked."
    )
    assert mark(item, {"A", "B", "C"}).summary == "Not quite: 1 of your choices is not right."
    assert mark(item, set()).summary == "No answer selected yet."


def test_a_single_answer_miss_is_worded_plainly() -> None:
    item = _item("single", "B")
    assert mark(item, {"A"}).summary == "Not quite: A is not the best answer."
    assert mark(item, {"B"}).summary == "Correct."


def test_every_option_gets_a_verdict_and_its_rationale() -> None:
    attempt = mark(_item(), {"A", "B"})
    verdicts = [(fb.choice.id, fb.verdict, fb.choice.rationale) for fb in attempt.feedback]
    assert verdicts == [
        ("A", "Correct, and you chose it", "why A"),
        ("B", "Incorrect, and you chose it", "why B"),
        ("C", "Correct, but you missed it", "why C"),
        ("D", "Incorrect, and you left it", "why D"),
    ]


def test_unknown_choice_is_an_error() -> None:
    with pytest.raises(ValueError, match="no such choice E"):
        mark(_item(), {"E"})


def test_tally_keeps_the_first_answered_attempt_per_item() -> None:
    single, multiple = _item("single", "B"), _item()
    tally = QuizTally(total=5)
    tally.record(mark(single, set()))  # an empty check is not a try
    assert tally.answered == 0
    tally.record(mark(single, {"A"}))
    tally.record(mark(multiple, {"A", "C"}))
    assert (tally.correct, tally.answered) == (1, 2)
    tally.record(mark(single, {"B"}))  # retried and now right: still counts as wrong
    assert (tally.correct, tally.answered) == (1, 2)
    assert tally.text == "Self-checks in this lesson: 1 of 5 right at the first try (2 answered)."


def test_single_answer_items_need_exactly_one_key() -> None:
    with pytest.raises(ValueError, match="exactly one correct choice, found 2"):
        _item("single", "AB")


@pytest.mark.parametrize("module", ["basics", "diagnosis"])
def test_lesson_items_have_a_rationale_for_every_choice(module: str) -> None:
    items = self_checks_for(module)
    assert len(items) >= 5
    kinds = {item.kind for item in items}
    assert kinds == {"single", "multiple"}
    for item in items:
        assert item.objective.startswith("basics." if module == "basics" else "diag.")
        assert all(len(c.rationale) > 20 for c in item.choices), item.id
