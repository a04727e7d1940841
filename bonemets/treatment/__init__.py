"""Treatment and supportive-care lessons (modules 03-05): records, rules and widgets.

Computing lives in small pure modules (``explorer``, ``mirels``, ``schedules``,
``ablation``, ``checklist``, ``reference``, ``coverage``); drawing lives in ``charts``
(matplotlib figures) and ``widgets`` (ipywidgets views). Facts come from
``course_data/treatment/`` through the course data loader.
"""
