"""Which tests suit a clinical question, which cautions patient factors raise, and the
comparison rows for chosen tests. Pure functions over the course data; no drawing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bonemets.imaging.bayes import PostTest, post_test
from bonemets.imaging.data import (
    accuracy,
    doses,
    factors,
    modalities,
    questions,
)
from bonemets.imaging.records import (
    Accuracy,
    Caution,
    DoseEntry,
    Modality,
    PatientFactor,
    Suggestion,
)

#: Best fit first when tests are listed for a question.
FIT_ORDER = ("first choice", "useful", "limited", "not the test for this")
#: Text symbols so that the fit is never shown by colour alone.
FIT_SYMBOL = {"first choice": "★", "useful": "✔", "limited": "△", "not the test for this": "✘"}


def suggestions_for(question_id: str) -> list[tuple[Modality, Suggestion]]:
    """The tests rated for a question, best fit first (file order within a fit)."""
    question = questions()[question_id]
    ranked = sorted(question.suggestions, key=lambda s: FIT_ORDER.index(s.fit))
    return [(modalities()[s.modality], s) for s in ranked]


def first_choice(question_id: str) -> str:
    """The id of the question's first-choice test."""
    return next(m.id for m, s in suggestions_for(question_id) if s.fit == "first choice")


@dataclass(frozen=True)
class RaisedCaution:
    factor: PatientFactor
    caution: Caution


def cautions_for(factor_ids: Iterable[str]) -> dict[str, list[RaisedCaution]]:
    """Per test (every modality, in file order), the cautions the ticked factors raise."""
    chosen = [factors()[f] for f in factor_ids]
    raised: dict[str, list[RaisedCaution]] = {m: [] for m in modalities()}
    for factor in chosen:
        for caution in factor.cautions:
            raised[caution.modality].append(RaisedCaution(factor, caution))
    return raised


@dataclass(frozen=True)
class ComparisonRow:
    modality: Modality
    per_patient: Accuracy | None  # Yang 2011 per patient, when it reports the test
    doses: tuple[DoseEntry, ...]  # every tabled exam of this test


#: The study whose figures the side-by-side comparison shows (mixed cancers, per patient).
COMPARISON_STUDY = "yang2011_patient"


def accuracy_for(study: str) -> list[Accuracy]:
    """The accuracy figures of one study, in file order."""
    return [a for a in accuracy().values() if a.study == study]


def studies() -> list[tuple[str, str]]:
    """(label, study id) of every study, in file order."""
    seen: dict[str, str] = {}
    for a in accuracy().values():
        seen.setdefault(a.study, a.study_label)
    return [(label, study) for study, label in seen.items()]


def comparison_rows(modality_ids: Iterable[str]) -> list[ComparisonRow]:
    """The chosen tests in file order, each with its per-patient accuracy if published."""
    wanted = set(modality_ids)
    figures = {a.modality: a for a in accuracy_for(COMPARISON_STUDY)}
    return [
        ComparisonRow(
            m, figures.get(m.id), tuple(d for d in doses().values() if d.modality == m.id)
        )
        for m in modalities().values()
        if m.id in wanted
    ]


def post_test_rows(study: str, pre_test: float) -> list[tuple[Accuracy, PostTest]]:
    """Each test of a study with its post-test probabilities at ``pre_test`` (0–1)."""
    return [(a, post_test(a.sensitivity, a.specificity, pre_test)) for a in accuracy_for(study)]
