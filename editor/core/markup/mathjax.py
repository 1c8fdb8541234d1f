"""`$$...$$` math as kramdown writes it for MathJax, and a readable form for the preview.

kramdown (math engine MathJax, Jekyll's default) writes inline math as `\\(a^2\\)` and a
block that is nothing but `$$...$$` as `\\[x\\]`, the TeX untouched (escaped for HTML).
The preview cannot run MathJax: `readable` turns common TeX into Unicode (Greek letters,
operators, simple super- and subscripts, fractions as a/b) and the stylesheet sets it apart.
"""

from __future__ import annotations

import html
import re

import markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor

# a block: `$$` opens its first line, `$$` closes its last (kramdown's BLOCK_MATH_START)
BLOCK = re.compile(r"\A {0,3}\$\$(.*?)\$\$[ \t]*\Z", re.S)
INLINE = r"(?<!\\)\\?\$\$(.*?)\$\$"
_WRITTEN = re.compile(r"\\\((.*?)\\\)|\\\[(.*?)\\\]", re.S)

_SYMBOLS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ",
    "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ",
    "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ",
    "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
    "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "times": "×", "cdot": "·", "div": "÷", "pm": "±",
    "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "neq": "≠", "ne": "≠", "approx": "≈",
    "sim": "∼", "equiv": "≡", "infty": "∞", "sum": "∑", "prod": "∏", "int": "∫",
    "partial": "∂", "nabla": "∇", "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆",
    "cup": "∪", "cap": "∩", "forall": "∀", "exists": "∃", "to": "→", "rightarrow": "→",
    "leftarrow": "←", "Rightarrow": "⇒", "mapsto": "↦", "ldots": "…", "cdots": "⋯",
    "sqrt": "√", "log": "log", "exp": "exp", "sin": "sin", "cos": "cos", "max": "max",
    "min": "min", "lim": "lim", "quad": "  ", "qquad": "    ", ",": " ", ";": " ", "!": "",
}  # fmt: skip
_SUPER = str.maketrans("0123456789+-=()niT", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀ")
_SUB = str.maketrans("0123456789+-=()aeijkmnoprstx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢⱼₖₘₙₒₚᵣₛₜₓ")
_FRAC = re.compile(r"\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}")
_SCRIPT = re.compile(r"([\^_])(\{([^{}]*)\}|[A-Za-z0-9+\-=])")
_COMMAND = re.compile(r"\\([A-Za-z]+|[,;!])")
_TEXT = re.compile(r"\\(?:text|mathrm|mathbf|mathit|mathcal|operatorname|left|right)\b")


def readable(tex: str) -> str:
    """Common TeX as Unicode text (what it cannot read stays as written)."""

    def fraction(m: re.Match[str]) -> str:
        top, bottom = (p if p.isalnum() else f"({p})" for p in (m.group(1), m.group(2)))
        return f"{top}/{bottom}"

    text = _FRAC.sub(fraction, tex)
    text = _TEXT.sub("", text)
    text = _COMMAND.sub(lambda m: _SYMBOLS.get(m.group(1), m.group(0)), text)

    def script(m: re.Match[str]) -> str:
        body = m.group(3) if m.group(3) is not None else m.group(2)
        table = _SUPER if m.group(1) == "^" else _SUB
        turned = body.translate(table)
        return turned if all(c not in turned for c in body if c.isalnum()) else m.group(0)

    text = _SCRIPT.sub(script, text)
    return re.sub(r"[{}]", "", text).strip()


def for_preview(markup: str) -> str:
    """Written math (`\\(..\\)`, `\\[..\\]`) as readable text the stylesheet sets apart."""
    if "\\(" not in markup and "\\[" not in markup:
        return markup

    def one(m: re.Match[str]) -> str:
        inline = m.group(1) is not None
        tex = html.unescape(m.group(1) if inline else m.group(2))
        shown = html.escape(readable(tex), quote=False)
        if inline:
            return f'<span class="byline-math">{shown}</span>'
        return f'<p class="byline-math-block">{shown}</p>'

    return _WRITTEN.sub(one, markup)


BLOCK_MARK = "<!--byline-math-->"  # makes the stash a block (no <p>); removed afterwards


def block_html(tex: str) -> str:
    return f"{BLOCK_MARK}\\[{html.escape(tex.strip(), quote=False)}\\]"


class _Unmark(Postprocessor):
    def run(self, text: str) -> str:
        return text.replace(BLOCK_MARK, "") if BLOCK_MARK in text else text


class InlineMath(InlineProcessor):
    """`$$a^2$$` in text -> `\\(a^2\\)`, stashed so no other pattern touches the TeX."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(INLINE, md)

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[str, int, int]:
        written = f"\\({html.escape(m.group(1).strip(), quote=False)}\\)"
        return self.md.htmlStash.store(written), m.start(), m.end()


def read_math(md: markdown.Markdown) -> None:
    """Inline math between code spans (190) and escapes (180), as kramdown reads it raw."""
    md.inlinePatterns.register(InlineMath(md), "kramdown_math", 185)
    md.postprocessors.register(_Unmark(md), "kramdown_math_mark", 25)
