"""Tags, categories and authors across a whole site: renaming, merging and deleting them
post by post in each post's own style, and pointing out values spelled two ways.

Uses post (field-level editing), safety (the safe save, history), site and index (who uses
what); never Qt.
"""
