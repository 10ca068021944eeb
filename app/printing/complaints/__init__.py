"""Complaints\x27 printed documents: the handling form and the statistics."""
