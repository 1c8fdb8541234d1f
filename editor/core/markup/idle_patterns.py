"""Python-Markdown's inline passes without the work on text that no pattern can match.

For each piece of text, Python-Markdown's InlineProcessor tries its patterns one by one
through a Python loop (~2 µs a pattern); most pieces match none (the text between two
links, a word in emphasis, and nearly all the text smarty's own pass looks at). One C-level
search per pattern first decides that, with the same regular expressions, so the output is
the same: a piece that one of them finds goes through Python-Markdown's loop unchanged.
"""

from __future__ import annotations

from typing import Any

import markdown
from markdown.treeprocessors import InlineProcessor
from markdown.util import AtomicString

# Python-Markdown's private method, as its own `self.__handleInline` calls resolve to
_HANDLE = "_InlineProcessor__handleInline"


def skip_idle_text(md: markdown.Markdown) -> None:
    """Speed up every inline pass of `md` (its own and smarty's); call after all the
    extensions are set up."""
    for processor in md.treeprocessors:
        if isinstance(processor, InlineProcessor) and hasattr(processor, _HANDLE):
            _wrap(processor)


def _wrap(processor: InlineProcessor) -> None:
    handle = getattr(processor, _HANDLE)
    run = processor.run
    searches: list[Any] = []  # the patterns' searches, in order, as of this run

    def run_once(tree: Any, ancestors: list[str] | None = None) -> Any:
        # taken anew each run: an extension may register patterns between documents
        patterns: Any = processor.inlinePatterns
        searches[:] = [pattern.getCompiledRegExp().search for pattern in patterns]
        return run(tree, ancestors)

    def handle_inline(data: str, patternIndex: int = 0) -> str:
        # Python-Markdown tries pattern k only with its regex's search from the text's
        # start (or `match` of a `^(.*?)...` regex: the same); no hit from any: unchanged
        if isinstance(data, AtomicString):
            return data
        for index in range(patternIndex, len(searches)):
            if searches[index](data):
                return str(handle(data, index))
        return data

    processor.run = run_once  # type: ignore[method-assign]
    setattr(processor, _HANDLE, handle_inline)
