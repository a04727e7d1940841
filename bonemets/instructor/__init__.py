"""The instructor's side of grading: reports, grade export, self-grading (and the grading
pipeline). Every command here acts on the course directory nbgrader would use."""
