"""Instructor-side grading: nbgrader preprocessor, source/release builders, self-check CLI.

Reads answer keys from ``course_data/assessment/``; never imported by student notebooks.
"""
