"""Lesson 6, nursing care: pain scales, cord-compression first actions, radiation side effects.

Rules live in ``pain``, ``priorities`` and ``radiation`` (plain functions on data from
``course_data/nursing/``); ``views`` turns control values into HTML; ``widgets`` wires
controls to the views with :class:`bonemets.panel.ControlPanel`.
"""
