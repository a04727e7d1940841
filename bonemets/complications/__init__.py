"""Lesson 1's complications of bone metastasis: the cues a nurse may notice, what they can
point to, how fast to act, and what to do.

The records and their data file stay with the imaging data (``course_data/imaging/
complications.yaml``, ``bonemets.imaging.records``); ``rules`` computes, ``charts`` and
``views`` draw, and ``widgets`` holds what a lesson cell calls
(``from bonemets.complications import widgets as w``).
"""
