"""Which file in ``course_data/`` holds which kind of record.

Add a line here when a new data file is added; the loader refuses files it does not know,
so nothing sits in ``course_data/`` unvalidated. One kind of record may span several
files (self-checks, one file per lesson); ids stay unique across them. Values are
``"module:Class"`` so that loading the catalog imports only what is asked for.
"""

from __future__ import annotations

BIBLIOGRAPHY = "sources.yaml"

COLLECTIONS: dict[str, str] = {
    BIBLIOGRAPHY: "bonemets.data.records:Source",
    "glossary.yaml": "bonemets.data.records:GlossaryTerm",
    "modules.yaml": "bonemets.data.records:ModuleObjectives",
    "seed_sections.yaml": "bonemets.data.records:SeedSection",
    "self_checks/start.yaml": "bonemets.quiz.items:SelfCheck",
}
COLLECTIONS["assessment/a1_diagnosis.yaml"] = "bonemets.assessment.items:Item"
COLLECTIONS["assessment/a2_systemic_treatment.yaml"] = "bonemets.assessment.items:Item"
COLLECTIONS["assessment/a3_local_and_supportive_care.yaml"] = "bonemets.assessment.items:Item"
COLLECTIONS["assessment/a4_case_study.yaml"] = "bonemets.assessment.items:Item"
COLLECTIONS["imaging/modalities.yaml"] = "bonemets.imaging.records:Modality"
COLLECTIONS["imaging/doses.yaml"] = "bonemets.imaging.records:DoseEntry"
COLLECTIONS["imaging/accuracy.yaml"] = "bonemets.imaging.records:Accuracy"
COLLECTIONS["imaging/questions.yaml"] = "bonemets.imaging.records:ClinicalQuestion"
COLLECTIONS["imaging/factors.yaml"] = "bonemets.imaging.records:PatientFactor"
COLLECTIONS["imaging/complications.yaml"] = "bonemets.imaging.records:Complication"
COLLECTIONS["treatment/options.yaml"] = "bonemets.treatment.explorer:TreatmentOption"
COLLECTIONS["treatment/mirels.yaml"] = "bonemets.treatment.mirels:MirelsTable"
COLLECTIONS["treatment/radiation_schedules.yaml"] = "bonemets.treatment.schedules:ScheduleSet"
COLLECTIONS["treatment/ablation.yaml"] = "bonemets.treatment.ablation:AblationMethod"
COLLECTIONS["treatment/medication_checklists.yaml"] = "bonemets.treatment.checklist:Checklist"
COLLECTIONS["treatment/appointment_checklist.yaml"] = "bonemets.treatment.checklist:Checklist"
COLLECTIONS["treatment/fact_tables.yaml"] = "bonemets.treatment.reference:FactTable"
COLLECTIONS["coverage.yaml"] = "bonemets.treatment.coverage:SeedCoverage"
COLLECTIONS["self_checks/systemic.yaml"] = "bonemets.quiz.items:SelfCheck"
COLLECTIONS["self_checks/local.yaml"] = "bonemets.quiz.items:SelfCheck"
COLLECTIONS["self_checks/supportive.yaml"] = "bonemets.quiz.items:SelfCheck"
COLLECTIONS["self_checks/basics.yaml"] = "bonemets.quiz.items:SelfCheck"
COLLECTIONS["self_checks/diagnosis.yaml"] = "bonemets.quiz.items:SelfCheck"
