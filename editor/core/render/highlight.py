"""Code blocks as Jekyll prints them, highlighted with Pygments in Rouge's HTML shape."""

from __future__ import annotations

import html
from functools import lru_cache

from pygments import highlight as pygments_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from editor.resources import read_text

_FORMATTER = HtmlFormatter(nowrap=True)
# Rouge's names for "no highlighting"; Pygments has a lexer called "text" too, but Rouge
# prints these as plain escaped text, and so do we.
_PLAIN = {"", "plaintext", "plain", "text", "txt"}


@lru_cache(maxsize=64)
def _lexer(lang: str) -> Lexer | None:
    if lang in _PLAIN:
        return None
    try:
        return get_lexer_by_name(lang, stripnl=False, ensurenl=True)
    except ClassNotFound:
        return None


def code_spans(code: str, lang: str) -> str:
    """The code as HTML: Pygments token spans (Rouge's classes), or escaped text."""
    if not code.endswith("\n"):
        code += "\n"
    lexer = _lexer(lang.lower())
    if lexer is None:
        return html.escape(code, quote=False)
    return str(pygments_highlight(code, lexer, _FORMATTER))


@lru_cache(maxsize=1)
def rouge_languages() -> frozenset[str]:
    """The language names Rouge knows (resources/rouge-lexers.txt)."""
    lines = read_text("rouge-lexers.txt").splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


def fenced_block(code: str, lang: str) -> str:
    """A fenced or indented code block, the way kramdown with Rouge writes it (a plain
    <pre><code> for a language Rouge does not know, as kramdown falls back to)."""
    lang = (lang or "plaintext").strip()
    css = html.escape(lang or "plaintext", quote=True)
    if lang not in rouge_languages():
        escaped = html.escape(code if code.endswith("\n") else code + "\n", quote=False)
        return f'<pre><code class="language-{css}">{escaped}</code></pre>'
    return (
        f'<div class="language-{css} highlighter-rouge"><div class="highlight">'
        f'<pre class="highlight"><code>{code_spans(code, lang)}</code></pre></div></div>'
    )


def highlight_tag_block(code: str, lang: str) -> str:
    """A `{% highlight lang %}` block, the way Jekyll's highlight tag writes it."""
    lang = lang.strip()
    css = html.escape(lang, quote=True)
    code = code.strip("\n")
    return (
        f'<figure class="highlight"><pre><code class="language-{css}" data-lang="{css}">'
        f"{code_spans(code, lang).rstrip(chr(10))}</code></pre></figure>"
    )


def pygments_css(dark: bool) -> str:
    """Token colours for the preview, light or dark."""
    style = "monokai" if dark else "friendly"
    return str(HtmlFormatter(style=style).get_style_defs(".highlight"))
