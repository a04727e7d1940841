"""Item analysis with scores still pending, the small-class warning, flags, option counts
and mastery: every number worked by hand in the comments."""

from __future__ import annotations

import pytest

from bonemets.item_analysis import (
    BLANK,
    MIN_STUDENTS_FOR_BANDS,
    analyse,
    mastery,
    option_counts,
)

# Four students, three 0/1 items (a perfect Guttman pattern, totals 3, 2, 1, 0) and a
# 2-point short answer a grader has scored for s0 (2) and s2 (0); s1 and s3 are pending.
SCORES = [
    {"q1": 1, "q2": 1, "q3": 1, "sa": 2},
    {"q1": 1, "q2": 1, "q3": 0, "sa": None},
    {"q1": 1, "q2": 0, "q3": 0, "sa": 0},
    {"q1": 0, "q2": 0, "q3": 0, "sa": None},
]
MAX = {"q1": 1, "q2": 1, "q3": 1, "sa": 2}


def test_pending_scores_are_left_out_not_counted_as_zero() -> None:
    stats = analyse(SCORES, MAX)
    sa = stats.items[3]
    # Graded: s0 = 2 and s2 = 0 of 2 points -> p = (2 + 0) / 2 / 2 = 0.5 (as 0: 0.25).
    assert sa.difficulty == 0.5
    assert (sa.graded, sa.pending) == (2, 2)
    # Two graded students: 27% of 2 rounds to 0, so one each side. Ranked by the complete
    # items' total plus the item: s0 3 + 2 = 5, s2 1 + 0 = 1 -> (2 - 0) / 2 = 1.0.
    assert sa.discrimination == 1.0
    assert sa.point_biserial is None  # fewer than 3 graded students
    assert stats.pending_cells == 2
    # Half the class still waits for a grader: no band and no flag until all are in.
    assert sa.discrimination_band == "pending" and not sa.flags


def test_complete_items_are_unchanged_by_a_pending_item() -> None:
    # The short answer is out of the total, so q1..q3 read as in the three-item case:
    # p = 0.75, 0.5, 0.25; q1's point-biserial = 0.75 / sqrt(0.75 * 2.75); KR-20 = 0.75
    # (item variances 0.1875 + 0.25 + 0.1875 = 0.625, total variance 1.25: 3/2 * 0.5).
    stats = analyse(SCORES, MAX)
    assert [s.difficulty for s in stats.items[:3]] == [0.75, 0.5, 0.25]
    assert stats.items[0].point_biserial == pytest.approx(0.75 / (0.75 * 2.75) ** 0.5)
    assert stats.reliability == pytest.approx(0.75)
    assert stats.reliability_items == ("q1", "q2", "q3")
    assert stats.reliability_name == "KR-20"
    # The score distribution holds only students with nothing pending: s0 5, s2 1.
    assert stats.totals == (5.0, 1.0)
    # ... and every student's total over the items graded for everyone: 3, 2, 1, 0.
    assert stats.complete_totals == (3.0, 2.0, 1.0, 0.0)


def test_an_item_nobody_is_graded_on_yet_reads_pending() -> None:
    stats = analyse([{"q1": 1, "sa": None}, {"q1": 0, "sa": None}], {"q1": 1, "sa": 2})
    sa = stats.items[1]
    assert sa.difficulty is None and sa.discrimination_band == "pending" and not sa.flags


def test_warnings_say_how_many_are_pending_and_that_the_class_is_small() -> None:
    stats = analyse(SCORES, MAX)
    assert stats.small_class and MIN_STUDENTS_FOR_BANDS == 50
    pending, small = stats.warnings
    assert pending.startswith("2 scores are still waiting for a grader")
    assert "1 item with pending scores" in pending
    assert small.startswith("Only 4 students: below 50")
    big = analyse([{"q1": s % 2, "q2": s % 3 // 2} for s in range(50)], {"q1": 1, "q2": 1})
    assert not big.small_class and big.warnings == ()


def test_partial_credit_reliability_is_cronbachs_alpha() -> None:
    # x = [2, 1, 0], y = [1, 1, 0] (x out of 2): item variances 2/3 and 2/9, totals
    # [3, 2, 0] with variance 14/9; alpha = 2/1 * (1 - (8/9) / (14/9)) = 2 * 6/14 = 6/7.
    stats = analyse([{"x": 2, "y": 1}, {"x": 1, "y": 1}, {"x": 0, "y": 0}], {"x": 2, "y": 1})
    assert stats.reliability == pytest.approx(6 / 7)
    assert stats.reliability_name == "Cronbach's alpha"


def test_flags_against_the_published_bands() -> None:
    # Strong students miss q2 and weak students get it.
    scores = [
        {"q1": 1, "q2": 0, "q3": 1},
        {"q1": 1, "q2": 0, "q3": 1},
        {"q1": 0, "q2": 1, "q3": 0},
        {"q1": 0, "q2": 1, "q3": 0},
    ]
    stats = analyse(scores, {"q1": 1, "q2": 1, "q3": 1})
    q1, q2, _ = stats.items
    # q2 = [0, 0, 1, 1] against the rest q1 + q3 = [2, 2, 0, 0]: r = -1; D = 0 - 1 = -1.
    assert q2.point_biserial == pytest.approx(-1.0)
    assert q2.discrimination == -1.0 and q2.discrimination_band == "unacceptable"
    assert q2.flags == ("discrimination unacceptable", "point-biserial below 0.2")
    # q1: rest q2 + q3 = [1, 1, 1, 1] has no variance (no r); totals 2, 2, 1, 1 ranked
    # s2, s3, s0, s1: lower s2 (0), upper s1 (1): D = 1.0, excellent, no flag.
    assert q1.point_biserial is None and q1.discrimination == 1.0 and q1.flags == ()


def test_a_good_item_with_a_low_point_biserial_is_flagged_for_that_alone() -> None:
    # 4 students: q = [1, 1, 0, 0], rest = [1, 0, 1, 0]: r = 0. Totals [2, 1, 1, 0]:
    # upper s0 (1), lower s3 (0): D = 1.0 (excellent) but r = 0 < 0.2.
    stats = analyse(
        [{"q": 1, "r": 1}, {"q": 1, "r": 0}, {"q": 0, "r": 1}, {"q": 0, "r": 0}],
        {"q": 1, "r": 1},
    )
    assert stats.items[0].point_biserial == pytest.approx(0.0)
    assert stats.items[0].flags == ("point-biserial below 0.2",)


def test_option_counts_by_hand() -> None:
    chosen = [{(None, "A")}, {(None, "A"), (None, "C")}, None, {(None, "C")}, {("2", "B")}]
    assert option_counts(chosen) == {
        (None, "A"): 2,
        (None, "C"): 2,
        (None, BLANK): 1,
        ("2", "B"): 1,
    }


def test_mastery_pools_points_and_leaves_pending_out() -> None:
    groups = {"q1": "obj.a", "q2": "obj.a", "q3": "obj.b", "sa": "obj.b"}
    by_group = {m.group: m for m in mastery(SCORES, MAX, groups)}
    # obj.a: q1 3 + q2 2 = 5 of 4 + 4 = 8 points.
    assert (by_group["obj.a"].earned, by_group["obj.a"].possible) == (5, 8)
    # obj.b: q3 1 of 4; sa 2 + 0 of 2 graded x 2 points = 4; together 3 of 8.
    assert (by_group["obj.b"].earned, by_group["obj.b"].possible) == (3, 8)
    assert by_group["obj.b"].share == 0.375
