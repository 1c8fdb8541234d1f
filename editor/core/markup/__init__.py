"""How kramdown (Jekyll's GFM input) reads Markdown, as rules for Python-Markdown: blocks, spans, quotes, math.
Uses nothing of Byline's (render/ puts these rules together into the converter)."""
