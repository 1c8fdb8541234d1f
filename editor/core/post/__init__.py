"""The post format: splitting, reading and writing front matter byte for byte, YAML, the
house style, Jekyll dates and slugs. Uses nothing of Byline but `editor.core.errors`."""
