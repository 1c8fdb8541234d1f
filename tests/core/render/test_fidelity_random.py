"""Random blog-like posts, rendered by us and by Jekyll's own kramdown converter: the same.

The corpus (test_fidelity.py) pins known cases; this mixes the common constructs of a
blog post (headings, inline markup, lists tight and loose, quotes, code, tables, images,
definition lists, footnotes, rarer blocks, tables of contents) at random, with a fixed seed, to catch their combinations.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fidelity"))
import compare

from editor.core.render.kramdown import render_markdown

pytestmark = pytest.mark.jekyll
POSTS = 60
WORDS = [
    "trail",
    "summit",
    "ridge",
    "lake",
    "camp",
    "morning",
    "river",
    "forest",
    "valley",
    "stone",
    "path",
    "light",
]


class _Post:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.notes: list[str] = []

    def words(self, n: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(n))

    def inline(self) -> str:
        r = self.rng.random()
        choices = [
            (0.15, lambda: f"*{self.words(2)}*"),
            (0.25, lambda: f"**{self.words(2)}**"),
            (0.35, lambda: f"`{self.words(1)}`"),
            (0.45, lambda: f"[{self.words(2)}](https://example.com/{self.rng.choice(WORDS)})"),
            (0.50, lambda: f'"{self.words(2)}"'),
            (0.55, lambda: f"{self.words(1)}'s"),
            (0.58, lambda: "--"),
            (0.61, lambda: "..."),
            (0.64, self.note),
        ]
        for limit, make in choices:
            if r < limit:
                return make()
        return self.words(self.rng.randint(1, 4))

    def note(self) -> str:
        name = f"n{len(self.notes)}"
        self.notes.append(f"[^{name}]: {self.words(5)}.")
        return f"{self.words(1)}[^{name}]"

    def para(self) -> str:
        text = " ".join(self.inline() for _ in range(self.rng.randint(3, 9)))
        return text + self.rng.choice([".", "!", "?", ":"])

    def block(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.33:
            return self.para()
        if r < 0.43:
            return f"{'#' * rng.randint(2, 4)} {self.words(rng.randint(1, 4)).title()}"
        if r < 0.55:
            marker = rng.choice(["-", "*", "1."])
            gap = "\n\n" if rng.random() < 0.3 else "\n"
            return gap.join(f"{marker} {self.para()}" for _ in range(rng.randint(2, 4)))
        if r < 0.62:
            return "> " + self.para()
        if r < 0.68:
            lang = rng.choice(["", "python", "sh", "ruby"])
            return f"```{lang}\n{self.words(3)}\nx = {rng.randint(1, 9)}\n```"
        if r < 0.73:
            rows = "\n".join(f"| {self.words(1)} | {self.inline()} |" for _ in range(2))
            return f"| A | B |\n|---|---|\n{rows}"
        if r < 0.77:
            return f"![{self.words(2)}](/assets/images/{rng.choice(WORDS)}.jpg)"
        if r < 0.80:
            return "---"
        if r < 0.85:
            return self.para() + "  \n" + self.para()
        if r < 0.88:
            return f"{self.words(1).title()}\n: {self.para()}"
        if r < 0.90:
            return self.para() + "\n" + self.para()
        return rng.choice(self.rarer())()

    def rarer(self) -> list[Callable[[], str]]:
        """Less common constructs: each must still come out as kramdown writes it."""
        w, p = self.words, self.para
        return [
            lambda: f"{w(2).title()}\n{self.rng.choice(['-', '---', '=', '==='])}",
            lambda: f"## {w(2).title()} {{#custom-{w(1)}}}",
            lambda: f"- {p()}\n  - {p()}\n  - {p()}\n- {p()}",
            lambda: f"3. {p()}\n4. {p()}",
            lambda: f"> {p()}\n>\n> - {w(2)}\n> - {w(2)}",
            lambda: f'<div class="note">\n{w(3)}\n</div>',
            lambda: f"    indented code {w(2)}\n    more",
            lambda: f"{p()}\n{{: .lead}}",
            lambda: f"*[HTML]: Hyper Text\n\nThe HTML {w(2)}.",
            lambda: f"[{w(1)}][ref] {w(2)}\n\n[ref]: https://example.com/ref",
            lambda: f"{p()}\\\n{p()}",
            lambda: f"{w(2)} snake_case_{w(1)} 5 * 3 a < b AT&T `a` ~~gone~~ <kbd>{w(1)}</kbd>.",
            # kramdown's own reading (editor/core/markup): block IALs, comments, math...
            lambda: f"{{: .notice}}\n{p()}",
            lambda: f"{p()}\n<!--more-->\n{p()}",
            lambda: f"{w(2)} $$x_{{{self.rng.randint(1, 9)}}} + y^2$$ {w(2)}.",
            lambda: f"$$\n\\frac{{a}}{{b}} = {self.rng.randint(1, 9)}\n$$",
            lambda: f"{w(1).title()}|{w(2)}",
            lambda: f"> {w(2).title()}:\n> * {w(2)}\n> * {w(2)}",
            lambda: f'"{w(1)}" and "-" and \'{w(1)}\' **"{w(1)}"** `a``b`',
            lambda: f"**All *.{w(1)}.com sites** and #{w(1)}",
        ]

    def text(self) -> str:
        blocks = [self.block() for _ in range(self.rng.randint(3, 9))]
        return "\n\n".join([*blocks, "\n".join(self.notes)] if self.notes else blocks) + "\n"


def test_random_posts_render_as_jekyll_does(tmp_path: Path) -> None:
    ruby = shutil.which("ruby")
    assert ruby, "ruby is not installed (Debian's jekyll brings it; .ci/run installs it)"
    rng = random.Random(20261127)
    # some open with a table of contents (`{:toc}`), as long posts do
    posts = [
        ("* TOC\n{:toc}\n\n" if rng.random() < 0.3 else "") + _Post(rng).text()
        for _ in range(POSTS)
    ]
    for i, text in enumerate(posts):
        (tmp_path / f"p{i:03}.md").write_text(text, encoding="utf-8")
    script = Path(compare.__file__).with_name("kramdown_jekyll.rb")
    files = sorted(str(p) for p in tmp_path.glob("*.md"))
    subprocess.run([ruby, str(script), str(tmp_path), *files], check=True, timeout=300)
    differ = []
    for i, text in enumerate(posts):
        expected = (tmp_path / f"p{i:03}.html").read_text(encoding="utf-8")
        if compare.normalise(render_markdown(text)) != compare.normalise(expected):
            differ.append(f"p{i:03}")
    assert not differ, f"{len(differ)} of {POSTS} differ from kramdown: {differ} (in {tmp_path})"
