"""The instructor's side of grading a class: simulate a class, grade it in parallel, reports,
grade export, self-grading. Every command here acts on the course directory nbgrader would use."""
