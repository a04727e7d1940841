"""Which file in ``course_data/`` holds which kind of record.

Add a line here when a new data file is added; the loader refuses files it does not know,
so nothing sits in ``course_data/`` unvalidated. One kind of record may span several
files (self-checks, one file per lesson); ids stay unique across them. Values are
``"module:Class"`` so that loading the catalog imports only what is asked for.
"""

from __future__ import annotations

BIBLIOGRAPHY = "sources.yaml"

COLLECTIONS: dict[str, str] = {
    # Shared by every module
    BIBLIOGRAPHY: "bonemets.data.records:Source",
    "glossary.yaml": "bonemets.data.records:GlossaryTerm",
    "modules.yaml": "bonemets.data.records:ModuleObjectives",
    "seed_sections.yaml": "bonemets.data.records:SeedSection",
    "coverage.yaml": "bonemets.treatment.coverage:SeedCoverage",
    # Lesson self-checks (formative; keys may be visible)
    "self_checks/start.yaml": "bonemets.quiz.items:SelfCheck",
    "self_checks/basics.yaml": "bonemets.quiz.items:SelfCheck",
    "self_checks/diagnosis.yaml": "bonemets.quiz.items:SelfCheck",
    "self_checks/systemic.yaml": "bonemets.quiz.items:SelfCheck",
    "self_checks/local.yaml": "bonemets.quiz.items:SelfCheck",
    "self_checks/supportive.yaml": "bonemets.quiz.items:SelfCheck",
    # Imaging (lessons 01-02)
    "imaging/modalities.yaml": "bonemets.imaging.records:Modality",
    "imaging/doses.yaml": "bonemets.imaging.records:DoseEntry",
    "imaging/accuracy.yaml": "bonemets.imaging.records:Accuracy",
    "imaging/questions.yaml": "bonemets.imaging.records:ClinicalQuestion",
    "imaging/factors.yaml": "bonemets.imaging.records:PatientFactor",
    "imaging/complications.yaml": "bonemets.imaging.records:Complication",
    # Treatment and supportive care (lessons 03-05)
    "treatment/options.yaml": "bonemets.treatment.explorer:TreatmentOption",
    "treatment/mirels.yaml": "bonemets.treatment.mirels:MirelsTable",
    "treatment/radiation_schedules.yaml": "bonemets.treatment.schedules:ScheduleSet",
    "treatment/ablation.yaml": "bonemets.treatment.ablation:AblationMethod",
    "treatment/medication_checklists.yaml": "bonemets.treatment.checklist:Checklist",
    "treatment/appointment_checklist.yaml": "bonemets.treatment.checklist:Checklist",
    "treatment/fact_tables.yaml": "bonemets.treatment.reference:FactTable",
    # Graded items with their keys: read only by bonemets.assessment and bonemets.grading
    "assessment/a1_diagnosis.yaml": "bonemets.assessment.items:Item",
    "assessment/a2_systemic_treatment.yaml": "bonemets.assessment.items:Item",
    "assessment/a3_local_and_supportive_care.yaml": "bonemets.assessment.items:Item",
    "assessment/a4_case_study.yaml": "bonemets.assessment.items:Item",
}
