"""A Jekyll site: its root and config, its post files, new posts, drafts published and
renamed, per-post checks. Uses `editor.core.post` and `editor.core.safety` for writes."""
