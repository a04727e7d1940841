"""Formative self-checks for the lessons: items from ``course_data/self_checks/``.

Self-check keys are formative and may be visible to students; graded items live
elsewhere (``bonemets.assessment``) and never pass through here.
"""

from bonemets.quiz.items import Choice, SelfCheck, self_checks_for
from bonemets.quiz.marking import Attempt, QuizTally, mark
from bonemets.quiz.widget import Quiz

__all__ = ["Attempt", "Choice", "Quiz", "QuizTally", "SelfCheck", "mark", "self_checks_for"]
