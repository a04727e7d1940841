"""Load and validate the course's data files (``course_data/``) into immutable records."""

from bonemets.data.errors import CourseDataError, InvalidField, Problem
from bonemets.data.loader import cited_sources, data_dir, load_collection, load_course
from bonemets.data.records import GlossaryTerm, ModuleObjectives, Objective, SeedSection, Source

__all__ = [
    "CourseDataError",
    "GlossaryTerm",
    "InvalidField",
    "ModuleObjectives",
    "Objective",
    "Problem",
    "SeedSection",
    "Source",
    "cited_sources",
    "data_dir",
    "load_collection",
    "load_course",
]
