"""The instructor's side of grading a class: simulate a class, grade it in parallel."""
