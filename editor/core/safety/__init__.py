"""The safety net: atomic storage, the autosave journal, local history, text diffs and the
safe save of a post. Uses `editor.core.post` (and errors, paths); never Qt."""
