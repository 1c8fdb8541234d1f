"""Spell checking in the window: underlines in the Markdown pane, the title and the excerpt,
the suggestions menu, Next Misspelling; the checking runs off the GUI thread."""
