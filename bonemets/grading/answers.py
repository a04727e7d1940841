"""The answer reader moved to :mod:`bonemets.assessment.answers` (student-safe: no keys).

Release notebooks' checks read answers with the same function the grader uses, so what
Validate accepts is exactly what is scored. This name stays for instructor-side imports.
"""

from bonemets.assessment.answers import UnreadableAnswer, plain_value, read_answer

__all__ = ["UnreadableAnswer", "plain_value", "read_answer"]
