"""Make resources/spelling/<lang>.freq: the commonest words a dictionary accepts, commonest first.

The counts come from pyspellchecker's word-frequency lists (MIT licence, built from
OpenSubtitles); Byline ranks its spelling suggestions by a word's place in this list.
Run once when a dictionary changes: `python tools/make_spelling_freq.py` with pyspellchecker
and chunspell installed. Keeps the 60,000 commonest accepted words of each language.
"""

import gzip
import json
from importlib import resources
from pathlib import Path

import hunspell  # chunspell

OUT = Path(__file__).resolve().parent.parent / "resources" / "spelling"
SOURCES = {"en_US": "en", "en_GB": "en", "de_DE": "de", "fr_FR": "fr", "es_ES": "es"}
KEEP = 60_000

for name, code in SOURCES.items():
    data = resources.files("spellchecker") / "resources" / f"{code}.json.gz"
    counts: dict[str, int] = json.loads(gzip.decompress(data.read_bytes()))
    checker = hunspell.Hunspell(name, hunspell_data_dir=str(OUT))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    words: list[str] = []
    for w, _ in ranked:
        # the lists are lower case: German nouns are only accepted capitalised
        form = w if checker.spell(w) else w.capitalize()
        if w.isalpha() and form not in words[-1:] and checker.spell(form):
            words.append(form)
        if len(words) == KEEP:
            break
    (OUT / f"{name}.freq").write_text("\n".join(words) + "\n", encoding="utf-8")
    print(name, len(words))
