"""Spell checking: Markdown-aware words, Hunspell dictionaries, the blog's and the author's words.

Uses post (the format) and site (the config, the post files); never Qt, never ui/.
"""
