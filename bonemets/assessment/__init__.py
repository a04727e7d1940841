"""Graded assessment: the item bank, NCSBN scoring rules and answer shapes.

Kept import-free on purpose: release notebooks import :mod:`bonemets.assessment.shapes`,
and importing a submodule runs this file, so nothing here may load the item bank (keys).
"""
