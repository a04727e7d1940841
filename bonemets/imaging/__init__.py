"""Imaging for bone metastasis: the tests, their doses and accuracy, and the nurse's checks.

Computing (``records``, ``data``, ``rules``, ``bayes``, ``doses``) is kept apart from
drawing (``charts``, ``views``), and ``widgets`` only wires controls to the views, so every
number a widget shows comes from a tested pure function. Import ``bonemets.imaging.widgets``
only in notebooks; it pulls in ipywidgets.
"""
