"""Bayes' rule against hand-worked values."""

from __future__ import annotations

import pytest

from bonemets.imaging.bayes import likelihood_ratios, post_test


def test_bone_scan_at_50_percent_matches_the_hand_worked_values() -> None:
    # Yang 2011 per patient: sens 0.86, spec 0.814, pre-test 0.5.
    # Positive: 0.43 / (0.43 + 0.186 × 0.5 = 0.093) = 0.43 / 0.523 = 0.822180
    # Negative: (0.14 × 0.5 = 0.07) / (0.07 + 0.407) = 0.07 / 0.477 = 0.146751
    result = post_test(0.86, 0.814, 0.5)
    assert result.after_positive == pytest.approx(0.822180, abs=1e-6)
    assert result.after_negative == pytest.approx(0.146751, abs=1e-6)


def test_round_numbers() -> None:
    # sens 0.9, spec 0.8, pre 0.1: positive 0.09 / (0.09 + 0.18) = 1/3;
    # negative 0.01 / (0.01 + 0.72) = 1/73.
    result = post_test(0.9, 0.8, 0.1)
    assert result.after_positive == pytest.approx(1 / 3)
    assert result.after_negative == pytest.approx(1 / 73)
    assert result.pre_test == 0.1


def test_a_negative_result_can_leave_substantial_disease_when_pre_test_is_high() -> None:
    # CT per patient (sens 0.729, spec 0.948) at 0.8:
    # 0.271 × 0.8 = 0.2168; 0.948 × 0.2 = 0.1896; 0.2168 / 0.4064 = 0.533465
    assert post_test(0.729, 0.948, 0.8).after_negative == pytest.approx(0.533465, abs=1e-6)


@pytest.mark.parametrize("pre", [0.0, 1.0])
def test_certainty_is_not_changed_by_any_result(pre: float) -> None:
    result = post_test(0.86, 0.814, pre)
    assert (result.after_positive, result.after_negative) == (pre, pre)


def test_a_result_that_cannot_happen_is_none_not_a_division_error() -> None:
    # Sensitivity 1 and specificity 0: every result is positive, a negative cannot occur.
    result = post_test(1.0, 0.0, 0.3)
    assert result.after_negative is None
    assert result.after_positive == pytest.approx(0.3)


@pytest.mark.parametrize(
    ("sens", "spec", "pre", "name"),
    [(1.2, 0.9, 0.5, "sensitivity"), (0.9, -0.1, 0.5, "specificity"), (0.9, 0.9, 50, "pre_test")],
)
def test_values_outside_0_to_1_are_refused(sens: float, spec: float, pre: float, name: str) -> None:
    with pytest.raises(ValueError, match=name):
        post_test(sens, spec, pre)


def test_likelihood_ratios() -> None:
    positive, negative = likelihood_ratios(0.9, 0.8)
    assert positive == pytest.approx(4.5)
    assert negative == pytest.approx(0.125)
    assert likelihood_ratios(0.9, 1.0)[0] == float("inf")
