"""The window's panes: the post list, the Markdown editor with highlighting and find, the
preview, the status bar. Uses widgets/ and core; never window/."""
