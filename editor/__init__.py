"""Byline: a desktop editor for the posts of a Jekyll blog."""

__version__ = "0.1.0"
