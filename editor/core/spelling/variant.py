"""Which English a blog is written in, when its `_config.yml` says only `en` or nothing.

A blog written in British English and checked in American English gets `colour`,
`organise` and `behaviour` underlined all over. The variant is read from the blog's own
prose: common words spelt differently in the two (colour/color, organise/organize, ...), over a sample of posts (~200: a few ms). British wins when it is the clear majority.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from editor.core.spelling.dictionaries import normalise
from editor.core.spelling.language import DEFAULT
from editor.core.spelling.site_words import read_text

SAMPLE_POSTS = 200  # posts read at most (newest first is the caller's order)
ENOUGH = 40  # marker words seen: the answer is clear
MIN_MARKERS = 3  # fewer British spellings than this: American (the default)
_WORD = re.compile(r"[a-z]+")

# pairs of common spellings (American, British); plurals and other forms added below
_PAIRS = [
    "color",
    "colour",
    "favorite",
    "favourite",
    "behavior",
    "behaviour",
    "neighbor",
    "neighbour",
    "honor",
    "honour",
    "labor",
    "labour",
    "humor",
    "humour",
    "flavor",
    "flavour",
    "rumor",
    "rumour",
    "harbor",
    "harbour",
    "center",
    "centre",
    "theater",
    "theatre",
    "fiber",
    "fibre",
    "liter",
    "litre",
    "kilometer",
    "kilometre",
    "centimeter",
    "centimetre",
    "millimeter",
    "millimetre",
    "organize",
    "organise",
    "realize",
    "realise",
    "recognize",
    "recognise",
    "apologize",
    "apologise",
    "analyze",
    "analyse",
    "paralyze",
    "paralyse",
    "defense",
    "defence",
    "offense",
    "offence",
    "gray",
    "grey",
    "traveled",
    "travelled",
    "traveling",
    "travelling",
    "traveler",
    "traveller",
    "canceled",
    "cancelled",
    "modeling",
    "modelling",
    "labeled",
    "labelled",
    "jewelry",
    "jewellery",
    "aging",
    "ageing",
    "mold",
    "mould",
    "plow",
    "plough",
    "optimize",
    "optimise",
    "optimization",
    "optimisation",
    "organization",
    "organisation",
    "prioritize",
    "prioritise",
    "customize",
    "customise",
    "summarize",
    "summarise",
    "minimize",
    "minimise",
    "maximize",
    "maximise",
    "utilize",
    "utilise",
    "criticize",
    "criticise",
    "emphasize",
    "emphasise",
    "authorize",
    "authorise",
    "memorize",
    "memorise",
    "categorize",
    "categorise",
    "standardize",
    "standardise",
]
# (program/programme, license/licence, meter/metre, dialog/dialogue are left out: British
# writers use the first for software, a verb, a device)
US = frozenset(_PAIRS[0::2])
GB = frozenset(_PAIRS[1::2])


def _forms(words: frozenset[str]) -> frozenset[str]:
    out = set(words)
    for w in words:
        out |= {w + "s", w + "ed", w + "d", w + "ing", w + "es"}
    return frozenset(out)


US_FORMS = _forms(US)
GB_FORMS = _forms(GB)


def english_variant(texts: Iterable[str]) -> str:
    """'en_GB' when British spellings clearly outnumber American ones in `texts`, else
    'en_US'."""
    us = gb = 0
    for text in texts:
        found = set(_WORD.findall(text.lower()))
        us += len(found & US_FORMS)
        gb += len(found & GB_FORMS)
        if us + gb >= ENOUGH:
            break
    return "en_GB" if gb >= MIN_MARKERS and gb >= 2 * us else "en_US"


def site_variant(posts: Iterable[Path]) -> str:
    """`english_variant` over a sample of post files."""

    def texts() -> Iterable[str]:
        for n, path in enumerate(posts):
            if n >= SAMPLE_POSTS:
                return
            text = read_text(path)
            if text is not None:
                yield text

    return english_variant(texts())


_found: dict[tuple[str, str], str] = {}
_found_lock = threading.Lock()


def blog_language(root: Path | None, configured: str, posts: Sequence[Path]) -> str:
    """The blog's language code: what `_config.yml` says (`configured`), except that a bare
    `en` or nothing means the English its posts are written in (remembered per blog)."""
    if normalise(configured) not in ("", "en"):
        return configured
    if root is None or not posts:
        return configured or DEFAULT
    key = (str(root), configured)
    with _found_lock:
        known = _found.get(key)
    if known is None:
        known = site_variant(posts)
        with _found_lock:
            _found[key] = known
    return known
