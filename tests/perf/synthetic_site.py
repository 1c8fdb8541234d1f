"""A synthetic Jekyll site in the reference post's style, for benchmarks and fast-path tests.

Deterministic (seeded): the same arguments always give the same files.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

WORDS = (  # noqa: SIM905
    "the summit alaska president meeting ukraine russia talks deal week officials leaders "
    "europe ceasefire war sanctions trade peace region state military base security media "
    "analyst position conflict territory pledge campaign question stage audience supporters "
    "negotiating style dividends instincts minutes decision corner months supplies stance "
    "predecessor protests agreement input bilateral comments exasperation speculation height "
    "bridgehead offensive compatriots sovereignty people concession aggression future room "
    "objective neutralisation stake ground table place change resolution frenzied lead"
).split()
AUTHORS = ("badely", "sal", "jane", "tom", "Mira Chen")
CATEGORIES = ("News", "World", "Politics", "Business", "Tech", "Sport", "Culture", "Opinion")
TAGS = ("alaska", "trump", "putin", "ukraine", "europe", "trade", "markets", "ai", "football")
TITLE_EXTRAS = (
    "Latest: ",
    "Analysis – ",
    'Why "peace" is hard: ',
    "Live #3: ",
    "Q&A: ",
    "Crème brûlée & more: ",
    "",
    "",
    "",
)
# Front matter that is broken in ways authors really break it; one in ~100 posts.
BROKEN = (
    'title: "Unclosed quote\n',
    "title: Colon: in a plain title\n",
    "date: 2025-02-30T10:00:00\n",
    "\ttitle: tab indented\n",
    "categories: [News\n",
)


def _title(rng: random.Random, n: int) -> str:
    words = rng.sample(WORDS, rng.randint(4, 10))
    return (rng.choice(TITLE_EXTRAS) + " ".join(words).capitalize() + f" {n}").strip()


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _body(rng: random.Random, words: int) -> str:
    paragraphs = []
    left = words
    while left > 0:
        n = min(left, rng.randint(30, 90))
        left -= n
        paragraphs.append(" ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + ".")
    return "\n\n".join(paragraphs) + "\n"


def post_text(n: int, *, body_words: int = 800, seed: int = 1) -> tuple[str, str]:
    """(file name, text) of synthetic post number `n`."""
    rng = random.Random(seed * 1_000_003 + n)
    moment = dt.datetime(2015, 1, 1, 6) + dt.timedelta(minutes=n * 523 + rng.randint(0, 400))
    title = _title(rng, n)
    slug = "-".join(w for w in title.lower().replace(":", " ").split() if w.isalnum())[:50]
    cats = rng.sample(CATEGORIES, rng.choice((1, 1, 1, 2)))
    tags = rng.sample(TAGS, rng.choice((0, 0, 1, 2, 3)))
    lines = [
        "layout: post\n",
        f"title: {_quote(title)}\n",
        f"date: {moment:%Y-%m-%dT%H:%M:%S}\n",
        f"author: {_quote(rng.choice(AUTHORS))}\n",
        f"categories: [{', '.join(cats)}]\n",
        f"tags: [{', '.join(tags)}]\n",
        f"excerpt: {_quote(' '.join(rng.sample(WORDS, 18)).capitalize() + '.')}\n",
        f"image: assets/images/{rng.getrandbits(128):032x}.jpg\n",
    ]
    roll = rng.random()
    if roll < 0.02:
        lines.append("featured: true\n")
    elif roll < 0.03:
        lines.append("published: false\n")
    elif roll < 0.04:
        lines.insert(6, "tags:\n  - alaska\n  - 'trade'\n")
        del lines[5]
    if n % 100 == 37:
        lines[rng.randrange(1, 4)] = BROKEN[(n // 100) % len(BROKEN)]
    text = "---\n" + "".join(lines) + "---\n\n" + _body(rng, body_words)
    return f"{moment:%Y-%m-%d}-{slug or 'post'}-{n}.md", text


def iter_posts(count: int, *, body_words: int = 800, seed: int = 1) -> Iterator[tuple[str, str]]:
    for n in range(count):
        yield post_text(n, body_words=body_words, seed=seed)


def write_site(root: Path, count: int = 10_000, *, body_words: int = 800, seed: int = 1) -> Path:
    """Write a site with `count` posts under `root` (created); returns `root`."""
    posts = root / "_posts"
    posts.mkdir(parents=True, exist_ok=True)
    (root / "_config.yml").write_text(
        "title: Synthetic News\ntimezone: Europe/London\nauthors:\n"
        + "".join(f"  {a}:\n    name: {a.title()}\n" for a in AUTHORS[:4]),
        encoding="utf-8",
    )
    (root / "_layouts").mkdir(exist_ok=True)
    for layout in ("default", "post", "page"):
        (root / "_layouts" / f"{layout}.html").write_text("{{ content }}\n", encoding="utf-8")
    for name, text in iter_posts(count, body_words=body_words, seed=seed):
        (posts / name).write_text(text, encoding="utf-8")
    return root
