"""Duty disputes (职责争议): the office rules, or refers to a joint meeting."""
