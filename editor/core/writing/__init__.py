"""Helpers for the post being written: its outline (headings) and writing goals with the words
written today, kept in Byline's own data and never in the post. Uses safety (atomic writes)."""
