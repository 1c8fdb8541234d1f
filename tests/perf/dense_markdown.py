"""Dense but ordinary Markdown of any size, for the render benchmarks (issue 16).

Paragraphs with emphasis, links (inline and by reference), code spans and footnotes;
bullet and numbered lists, fenced code, tables and quotes; no headings, so the whole text
is one section, the hardest case for section-by-section rendering. Seeded: every run the
same text.
"""

from __future__ import annotations

import random

WORDS = [
    "the",
    "walk",
    "starts",
    "at",
    "harbour",
    "and",
    "climbs",
    "slowly",
    "to",
    "ridge",
    "where",
    "wind",
    "meets",
    "old",
    "stone",
    "walls",
    "of",
    "village",
]


def dense_markdown(megabytes: float, seed: int = 1) -> str:
    rng = random.Random(seed)

    def words(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n))

    def sentence() -> str:
        text = words(rng.randint(6, 14)).capitalize()
        r = rng.random()
        if r < 0.2:
            text += f" *{words(2)}*"
        elif r < 0.3:
            text += f" **{words(2)}**"
        elif r < 0.45:
            text += f" [{words(2)}](/p/{rng.randint(1, 999)}/)"
        elif r < 0.55:
            text += f" `{words(1)}()`"
        elif r < 0.6:
            text += f" [{words(1)}][ref{rng.randint(1, 20)}]"
        return text + "."

    blocks: list[str] = []
    size = 0
    n = 0
    while size < megabytes * 2**20:
        n += 1
        kind = n % 9
        if kind < 4:
            block = " ".join(sentence() for _ in range(rng.randint(3, 7)))
        elif kind == 4:
            block = "\n".join(f"- {sentence()}" for _ in range(rng.randint(2, 6)))
        elif kind == 5:
            block = "\n".join(f"{i + 1}. {sentence()}" for i in range(rng.randint(2, 5)))
        elif kind == 6:
            code = (f"x{i} = step({i})  # {words(3)}" for i in range(rng.randint(2, 8)))
            block = "```python\n" + "\n".join(code) + "\n```"
        elif kind == 7:
            rows = (f"\n| {words(1)} | {i} | {words(3)} |" for i in range(rng.randint(2, 5)))
            block = "| Name | Value | Note |\n|------|------:|------|" + "".join(rows)
        else:
            block = "> " + sentence()
        if n % 13 == 0:
            block += f"[^n{n}]\n\n[^n{n}]: {sentence()}"
        blocks.append(block)
        size += len(block) + 2
    blocks.append("\n".join(f"[ref{i}]: /ref/{i}/" for i in range(1, 21)))
    return "\n\n".join(blocks) + "\n"
