"""Post-test probability from sensitivity, specificity and pre-test probability (Bayes).

After a positive result:  sens·p / (sens·p + (1 − spec)(1 − p))
After a negative result:  (1 − sens)·p / ((1 − sens)·p + spec·(1 − p))
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PostTest:
    """Probability of disease after a positive and after a negative result (0–1).

    ``None`` means that result cannot happen with these figures (its denominator is 0),
    e.g. a negative result from a test with sensitivity 1 and specificity 0.
    """

    pre_test: float
    after_positive: float | None
    after_negative: float | None


def _fraction(name: str, value: float) -> float:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be between 0 and 1, got {value}")
    return float(value)


def _share(true_part: float, false_part: float) -> float | None:
    total = true_part + false_part
    return None if total == 0 else true_part / total


def post_test(sensitivity: float, specificity: float, pre_test: float) -> PostTest:
    """Bayes' rule for one test result; all arguments are fractions between 0 and 1."""
    sens = _fraction("sensitivity", sensitivity)
    spec = _fraction("specificity", specificity)
    p = _fraction("pre_test", pre_test)
    # Certainty stays certainty: no result can change a probability of 0 or 1.
    if p in (0.0, 1.0):
        return PostTest(p, p, p)
    return PostTest(
        p,
        _share(sens * p, (1 - spec) * (1 - p)),
        _share((1 - sens) * p, spec * (1 - p)),
    )


def likelihood_ratios(sensitivity: float, specificity: float) -> tuple[float, float]:
    """(LR+, LR−): how much a positive result raises, and a negative lowers, the odds."""
    sens = _fraction("sensitivity", sensitivity)
    spec = _fraction("specificity", specificity)
    positive = float("inf") if spec == 1 else sens / (1 - spec)
    negative = float("inf") if spec == 0 else (1 - sens) / spec
    return positive, negative
