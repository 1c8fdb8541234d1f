"""The spell checker's quality, measured (not a test: `python tests/spelling_quality.py`).

1. Common misspellings (tests/fixtures/spelling/misspellings.tsv, 2,000 from codespell):
   the share flagged and the share whose intended word is the first suggestion (and among
   the five), for Byline's checker and for plain Hunspell en_US (its own suggestions).
2. Real posts (the sample blog and the reference post): the share of words flagged by
   Hunspell en_US on naively stripped Markdown against Byline's share on the same posts
   (Markdown-aware, the site's own words), and whether a typo put in one post is flagged.
Targets (issue 13): >= 99% flagged, >= 80% first; at most half of the naive share.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.core.site.site import Site  # noqa: E402
from editor.core.spelling.language import site_language  # noqa: E402
from editor.core.spelling.post_spelling import check_posts  # noqa: E402
from editor.core.spelling.site_words import body_of  # noqa: E402
from editor.core.spelling.speller import Speller, checker_for  # noqa: E402
from editor.core.spelling.variant import blog_language  # noqa: E402

PAIRS = ROOT / "tests" / "fixtures" / "spelling" / "misspellings.tsv"
SAMPLE = ROOT / "resources" / "sample-blog"
REFERENCE = ROOT / "tests" / "fixtures" / "reference-post.md"


def misspellings() -> dict[str, float]:
    import hunspell

    pairs = [line.split("\t") for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    checker = checker_for("en_US")
    plain = hunspell.Hunspell("en_US", hunspell_data_dir=str(checker.file.folder))
    ours = {"flagged": 0, "first": 0, "top5": 0}
    theirs = {"flagged": 0, "first": 0, "top5": 0}
    t_ours = t_theirs = 0.0
    for wrong, right in pairs:
        if not checker.known(wrong):
            ours["flagged"] += 1
            t = time.perf_counter()
            s = checker.suggest(wrong)
            t_ours += time.perf_counter() - t
            ours["first"] += bool(s) and s[0] == right
            ours["top5"] += right in s[:5]
        if not plain.spell(wrong):
            theirs["flagged"] += 1
            t = time.perf_counter()
            s = list(plain.suggest(wrong))
            t_theirs += time.perf_counter() - t
            theirs["first"] += bool(s) and s[0] == right
            theirs["top5"] += right in s[:5]
    n = len(pairs)
    out = {f"byline {k} %": 100 * v / n for k, v in ours.items()}
    out |= {f"hunspell {k} %": 100 * v / n for k, v in theirs.items()}
    out["byline ms per suggestion"] = 1000 * t_ours / max(ours["flagged"], 1)
    out["hunspell ms per suggestion"] = 1000 * t_theirs / max(theirs["flagged"], 1)
    out["pairs"] = n
    return out


def real_posts() -> dict[str, float]:
    import hunspell

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "blog"
        shutil.copytree(SAMPLE, site)
        shutil.copy(REFERENCE, site / "_posts" / "2025-10-01-reference.md")
        posts = sorted((site / "_posts").glob("*.md")) + sorted((site / "_drafts").glob("*.md"))
        # Hunspell en_US, naive; Byline in the blog's language, as the window and the CLI
        plain = hunspell.Hunspell("en_US", hunspell_data_dir=str(checker_for("en_US").file.folder))
        config = Site.open(site, learn=False).config.raw
        checker = checker_for(blog_language(site, site_language(config), posts))
        naive_words = naive_flags = 0
        for p in posts:
            body, _ = body_of(p.read_text(encoding="utf-8"))
            for w in re.findall(r"[A-Za-z]+(?:['’][A-Za-z]+)*", body):  # naive stripping
                naive_words += 1
                naive_flags += not plain.spell(w.replace("’", "'"))
        ours = sum(len(r.unknown) for r in check_posts(posts, Speller(checker), learn=posts))
        victim = posts[0]
        victim.write_text(victim.read_text(encoding="utf-8") + "\nWe recieve it.\n", "utf-8")
        results = check_posts([victim], Speller(checker), learn=posts)
        typo_found = any(f.word == "recieve" for r in results for f in r.unknown)
    return {
        "posts": len(posts),
        "language": checker.name,
        "prose words (naive)": naive_words,
        "hunspell naive flagged %": 100 * naive_flags / naive_words,
        "byline flagged %": 100 * ours / naive_words,
        "ratio byline/naive": ours / max(naive_flags, 1),
        "one-post typo flagged": float(typo_found),
    }


if __name__ == "__main__":
    for name, figures in (("misspellings", misspellings()), ("real posts", real_posts())):
        print(f"== {name}")
        for key, value in figures.items():
            print(f"  {key}: {value:.2f}" if isinstance(value, float) else f"  {key}: {value}")
