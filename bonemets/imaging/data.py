"""The imaging collections, loaded through the course loader and cross-checked.

The loader checks each record on its own; this module adds the checks that span files:
every test a dose, accuracy figure, clinical question or patient factor names must be a
modality in ``imaging/modalities.yaml``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from bonemets.data import CourseDataError, load_collection
from bonemets.data.loader import Collection, data_dir
from bonemets.imaging.records import (
    Accuracy,
    ClinicalQuestion,
    Complication,
    DoseEntry,
    Modality,
    PatientFactor,
)


def modalities() -> Collection[Modality]:
    return load_collection(Modality)


def _check_modality(file: str, record: str, field: str, modality: str) -> None:
    if modality not in modalities():
        raise CourseDataError(
            file,
            f"unknown test {modality!r}; expected one of {', '.join(modalities())}",
            record=record,
            field=field,
        )


def _checked(collection: Collection, refs: Iterable[tuple[str, str, str]]) -> Collection:
    for record, field, modality in refs:
        _check_modality(collection.file, record, field, modality)
    return collection


@functools.cache
def _doses(folder: str) -> Collection[DoseEntry]:
    entries = load_collection(DoseEntry)
    return _checked(entries, ((e.id, "modality", e.modality) for e in entries.values()))


@functools.cache
def _accuracy(folder: str) -> Collection[Accuracy]:
    rows = load_collection(Accuracy)
    return _checked(rows, ((a.id, "modality", a.modality) for a in rows.values()))


@functools.cache
def _questions(folder: str) -> Collection[ClinicalQuestion]:
    found = load_collection(ClinicalQuestion)
    return _checked(
        found,
        (
            (q.id, f"suggestions[{i}].modality", s.modality)
            for q in found.values()
            for i, s in enumerate(q.suggestions)
        ),
    )


@functools.cache
def _factors(folder: str) -> Collection[PatientFactor]:
    found = load_collection(PatientFactor)
    return _checked(
        found,
        (
            (f.id, f"cautions[{i}].modality", c.modality)
            for f in found.values()
            for i, c in enumerate(f.cautions)
        ),
    )


# Cached per data folder, so tests that point BONEMETS_DATA elsewhere get fresh checks.
def doses() -> Collection[DoseEntry]:
    return _doses(str(data_dir()))


def accuracy() -> Collection[Accuracy]:
    return _accuracy(str(data_dir()))


def questions() -> Collection[ClinicalQuestion]:
    return _questions(str(data_dir()))


def factors() -> Collection[PatientFactor]:
    return _factors(str(data_dir()))


def complications() -> Collection[Complication]:
    return load_collection(Complication)


def clear_cache() -> None:
    """Forget the cross-checks too (call with ``bonemets.data.loader.clear_cache``)."""
    for cached in (_doses, _accuracy, _questions, _factors):
        cached.cache_clear()


def all_sources() -> list[str]:
    """Every source id the imaging data cites, in bibliography order (for a lesson's list)."""
    from bonemets.data import Source, cited_sources

    cited: set[str] = set()
    for collection in (modalities(), doses(), accuracy(), questions(), factors()):
        for record in collection.values():
            cited |= cited_sources(record)
    return [s for s in load_collection(Source) if s in cited]
