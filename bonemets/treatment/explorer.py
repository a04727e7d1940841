"""The treatment explorer's rules: which options the sources describe for a described patient.

Each option in ``course_data/treatment/options.yaml`` carries its own ``when`` criteria, so
the rules live in data and each one can be tested against the seed's wording and, where the
seed over-simplifies, against a guideline or label: radiation is offered at any number of
metastases (ASTRO 2024), and radium-223 only with the ``crpc_no_visceral`` flag (its label).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bonemets.data import load_collection
from bonemets.data.errors import InvalidField

Count = Literal["one", "a_few", "many"]
Site = Literal["spine", "pelvis", "long_bone", "other"]
BoneStatus = Literal["stable", "at_risk", "broken"]
Flag = Literal[
    "hormone_sensitive",
    "targetable_change",
    "pain_uncontrolled",
    "refractory_one_or_two",
    "crpc_no_visceral",
]
Aim = Literal["pain", "bone_strength", "growth_control", "stability"]

COUNTS: tuple[Count, ...] = ("one", "a_few", "many")
SITES: tuple[Site, ...] = ("spine", "pelvis", "long_bone", "other")
BONE_STATUSES: tuple[BoneStatus, ...] = ("stable", "at_risk", "broken")
FLAGS: tuple[Flag, ...] = (
    "hormone_sensitive",
    "targetable_change",
    "pain_uncontrolled",
    "refractory_one_or_two",
    "crpc_no_visceral",  # radium-223's licensed group; without it the explorer never offers it
)

#: Words shown to readers for each coded value (labels, not facts).
LABELS: dict[str, str] = {
    "one": "One",
    "a_few": "A few",
    "many": "Many",
    "spine": "Spine",
    "pelvis": "Pelvis",
    "long_bone": "Long bone (e.g. thigh or arm)",
    "other": "Other bone",
    "stable": "Not at risk of breaking",
    "at_risk": "At risk of breaking",
    "broken": "Already broken",
    "hormone_sensitive": "Hormone-sensitive cancer (e.g. breast or prostate)",
    "targetable_change": "A targetable change found on tumour testing",
    "pain_uncontrolled": "Pain not controlled by current medicines",
    "refractory_one_or_two": "One or two areas that other treatments have not helped",
    "crpc_no_visceral": (
        "Castration-resistant prostate cancer, bone symptoms, no known metastases in organs"
    ),
    "pain": "Pain relief",
    "bone_strength": "Bone strength",
    "growth_control": "Growth control",
    "stability": "Stability",
    "local": "Local",
    "systemic": "Systemic",
    "supportive": "Supportive",
}


@dataclass(frozen=True)
class Criteria:
    """When an option applies. An empty tuple means "any"; every given test must hold."""

    counts: tuple[Count, ...] = ()
    sites: tuple[Site, ...] = ()
    bone: tuple[BoneStatus, ...] = ()
    flags: tuple[Flag, ...] = ()  # all of these must be ticked


@dataclass(frozen=True)
class TreatmentOption:
    """One option the sources describe, with what a nurse needs to know about it."""

    id: str
    name: str
    kind: Literal["local", "systemic", "supportive"]
    aims: tuple[Aim, ...]
    summary: str
    side_effects: tuple[str, ...]
    nursing: tuple[str, ...]
    when: Criteria
    reason: str  # why it appears, in words, for the reader
    sources: tuple[str, ...]
    order: int

    def __post_init__(self) -> None:
        if not self.aims:
            raise InvalidField("aims", "give at least one aim")
        if not self.nursing:
            raise InvalidField("nursing", "give at least one nursing consideration")


@dataclass(frozen=True)
class Patient:
    """A described situation: the explorer's controls, as plain values."""

    count: Count = "one"
    site: Site = "other"
    bone: BoneStatus = "stable"
    flags: frozenset[Flag] = frozenset()

    def __post_init__(self) -> None:
        checks = (
            ("count", self.count, COUNTS),
            ("site", self.site, SITES),
            ("bone", self.bone, BONE_STATUSES),
        )
        for name, value, allowed in checks:
            if value not in allowed:
                raise ValueError(f"{name}: {value!r} is not one of {allowed}")
        unknown = set(self.flags) - set(FLAGS)
        if unknown:
            raise ValueError(f"flags: unknown {sorted(unknown)}")


def applies(criteria: Criteria, patient: Patient) -> bool:
    """Whether an option's criteria hold for ``patient``."""
    return (
        (not criteria.counts or patient.count in criteria.counts)
        and (not criteria.sites or patient.site in criteria.sites)
        and (not criteria.bone or patient.bone in criteria.bone)
        and set(criteria.flags) <= patient.flags
    )


def all_options() -> list[TreatmentOption]:
    return sorted(load_collection(TreatmentOption).values(), key=lambda o: o.order)


def options_for(patient: Patient) -> list[TreatmentOption]:
    """The options the sources describe for ``patient``, in teaching order."""
    return [option for option in all_options() if applies(option.when, patient)]


def option_rows(options: list[TreatmentOption]) -> list[tuple[str, ...]]:
    """Table rows for the explorer: name, local/systemic, aims, side effects, nursing, why."""
    return [
        (
            option.name,
            LABELS[option.kind],
            ", ".join(LABELS[aim] for aim in option.aims),
            "; ".join(option.side_effects),
            "; ".join(option.nursing),
            option.reason,
        )
        for option in options
    ]


def load_option(option_id: str) -> TreatmentOption:
    return load_collection(TreatmentOption)[option_id]
