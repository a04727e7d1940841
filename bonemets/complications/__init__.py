"""Lesson 1's complications of bone metastasis: the cues a nurse may notice, what they can
point to, how fast to act, and what to do.

``records`` and ``rules`` compute; ``charts`` and ``views`` draw; ``widgets`` holds what a
lesson cell calls (``from bonemets.complications import widgets as w``).
"""
