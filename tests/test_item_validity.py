"""The graded items measure knowledge, not test-wiseness (issue 11).

A test-wise student who answers by position or by length alone must not earn much: every
content-blind answer sheet scores at most 40% of an assignment's auto-graded points. Keys
are spread over the letters, the right answer is rarely the longest, no distractor carries
an absolute word, every option has its rationale, and unsafe options say why.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from blind_sheets import best_blind_share, strategies

from bonemets.assessment.bank import items_for, load_items
from bonemets.assessment.items import Item, Option
from bonemets.grading.marking import UNSAFE_PREFIX, explain, points_for, score_item

ASSIGNMENTS = list(dict.fromkeys(i.assignment for i in load_items().values()))
BLIND_LIMIT = 0.40
ABSOLUTE = re.compile(r"\b(never|always|only|alone)\b", re.IGNORECASE)


def _choice_sets(item: Item) -> list[tuple[tuple[Option, ...], tuple[str, ...]]]:
    """Each set of options the student chooses from, with its key (matrix: none)."""
    if item.type in ("multiple_choice", "sata", "select_n"):
        return [(item.options, item.key)]
    if item.type in ("cloze", "rationale", "bowtie"):
        return [(row.options, row.key) for row in item.rows]
    return []


def _single_keys(items: list[Item]) -> list[str]:
    """The letter of every one-answer choice: multiple choice, blanks, bow-tie condition."""
    keys = []
    for item in items:
        for _options, key in _choice_sets(item):
            if len(key) == 1 and item.type != "sata":
                keys.append(key[0])
    return keys


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_no_content_blind_sheet_earns_more_than_40_percent(assignment: str) -> None:
    share, how = best_blind_share(items_for(assignment))
    assert share <= BLIND_LIMIT, f"{assignment}: a blind sheet ({how}) earns {share:.0%}"


def test_the_blind_scorer_finds_a_gameable_item() -> None:
    """The scorer is not toothless: an item keyed A and longest is caught by both cues."""
    item = load_items()["a1_q01"]
    gamed = Item(
        **{
            **item.__dict__,
            "options": (
                Option("A", "The longest option of all of them here", "r"),
                Option("B", "Short", "r"),
                Option("C", "Short", "r"),
            ),
            "key": ("A",),
        }
    )
    assert best_blind_share([gamed])[0] == 1.0
    assert {name for name, s in strategies("multiple_choice").items() if s(gamed) == "A"} >= {
        "pos0",
        "longest",
    }


def test_single_answer_keys_are_spread_over_the_letters() -> None:
    bank = list(load_items().values())
    mc = [i.key[0] for i in bank if i.type == "multiple_choice"]
    top, count = Counter(mc).most_common(1)[0]
    assert count / len(mc) <= 0.40, f"{count} of {len(mc)} multiple-choice keys are {top}"
    every = _single_keys(bank)
    top, count = Counter(every).most_common(1)[0]
    assert count / len(every) <= 0.40, f"{count} of {len(every)} one-answer keys are {top}"
    for assignment in ASSIGNMENTS:
        keys = [i.key[0] for i in items_for(assignment) if i.type == "multiple_choice"]
        if len(keys) > 1:
            top, count = Counter(keys).most_common(1)[0]
            assert count <= len(keys) / 2, f"{assignment}: {count} of {len(keys)} keyed {top}"


def test_select_all_keys_do_not_always_start_at_a() -> None:
    multi = [i for i in load_items().values() if i.type in ("sata", "select_n")]
    starting_at_a = [i.id for i in multi if "A" in i.key]
    assert len(starting_at_a) <= len(multi) / 2, starting_at_a


def test_matrix_rows_are_not_mostly_one_column() -> None:
    for item in load_items().values():
        if item.type == "matrix":
            top, count = Counter(r.key[0] for r in item.rows).most_common(1)[0]
            assert count <= len(item.rows) / 2, f"{item.id}: {count} rows in column {top}"
            assert len(item.options) >= 3, f"{item.id}: a matrix offers three or more columns"


def test_the_key_is_rarely_the_longest_option() -> None:
    sets = [
        (item.id, options, key)
        for item in load_items().values()
        for options, key in _choice_sets(item)
        if len(key) == 1
    ]
    longest = [
        item_id
        for item_id, options, key in sets
        if max(options, key=lambda o: len(o.text)).id == key[0]
    ]
    assert len(longest) <= len(sets) / 3, f"key longest in {len(longest)} of {len(sets)}"


def test_every_option_has_a_rationale_and_distractors_carry_no_absolute_words() -> None:
    for item in load_items().values():
        for options, key in [*_choice_sets(item), (item.options, item.key)]:
            for option in options:
                if item.kind.options_are_columns:
                    continue  # matrix column headings; each row has its own rationale
                assert option.rationale, f"{item.id} {option.id}: no rationale"
                if option.id not in key:
                    assert not ABSOLUTE.search(option.text), f"{item.id} {option.id}"


def test_every_drop_down_offers_three_options() -> None:
    for item in load_items().values():
        if item.type in ("cloze", "rationale"):
            assert all(len(row.options) >= 3 for row in item.rows), item.id


def test_unsafe_options_say_why_and_are_never_keyed() -> None:
    tagged = [
        (item, option)
        for item in load_items().values()
        for _, option in item.all_options()
        if option.unsafe
    ]
    assert len(tagged) >= 10
    for item, option in tagged:
        assert option.unsafe_reason
        assert not item.unsafe_choices(item.answer_key), f"{item.id}: the key is unsafe"


def test_an_unsafe_choice_is_named_in_the_feedback() -> None:
    item = load_items()["a2_q02"]  # option F (drink less before the infusion) is unsafe
    result = score_item(item, 'q2 = {"A", "F"}')
    assert result.details[0].startswith(f"{UNSAFE_PREFIX}: Drink less on infusion days")
    assert "kidney injury" in result.details[0]
    safe = explain(item, frozenset({"A", "C"}))
    assert not any(line.startswith(UNSAFE_PREFIX) for line in safe)
    # Blanks and bow-tie groups are checked part by part.
    cloze = load_items()["a2_q04"]
    assert points_for(cloze, {3: "B"}) == 0
    assert [o.id for o in cloze.unsafe_choices({3: "B"})] == ["B"]
    assert cloze.unsafe_choices({2: "B"}) == ()  # B of blank 2 is a safe wrong answer


def test_case_exhibits_change_between_phases() -> None:
    case = items_for("a4_case_study")
    phases = [i for i in case if i.exhibits]
    assert len(phases) >= 3
    titles = [e.title for i in phases for e in i.exhibits]
    assert len(set(titles)) == len(titles)
    text = " ".join(" ".join(map(" ".join, e.rows)) for i in phases for e in i.exhibits)
    for needed in ("Pulse", "Leg power", "Corrected calcium", "Morphine"):
        assert needed in text
