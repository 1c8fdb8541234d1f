"""One language's checker: Hunspell for what is a word, word frequencies for what was meant.

Detection is Hunspell's (through chunspell, the C++ library: 100% of the test set flagged,
a few microseconds a word with the cache). Suggestions: the dictionary's words one edit
away, commonest first (the shipped `.freq` lists); only when there is none, the common
words nearest by letter triples and a weighted edit distance (far_misses.py: a few ms,
where Hunspell's own n-gram search takes ~0.1 s). On the English test set
(tests/spelling_quality.py) this puts the intended word first 84% of the time against 87%
for Hunspell alone, and is ~20x faster on average. A dictionary without a frequency list
(a system one) gets Hunspell's suggestions.

Thread-safe: one lock around the Hunspell object, which is not.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable

from editor.core.errors import BylineError
from editor.core.spelling.dictionaries import DictionaryFile
from editor.core.spelling.far_misses import FarMisses
from editor.core.spelling.tokens import words_of_chunk

MAX_CACHED = 200_000  # verdicts remembered (distinct words and chunks of the posts seen)
MAX_WORD = 60  # longer "words" are never prose (and Hunspell gives up at 100 bytes)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})


class DictionaryError(BylineError):
    """A dictionary that is missing or cannot be read."""


def _first_words(dic: DictionaryFile, count: int = 40) -> list[str]:
    """A sample of the dictionary's own words (the .dic minus its count line and flags)."""
    try:
        with open(dic.dic, encoding="utf-8", errors="strict") as f:
            head = f.readline().strip()
            if not head.split()[0].isdigit():
                raise DictionaryError(f"{dic.dic.name} does not start with a word count")
            out = []
            for line in f:
                word = line.split("/")[0].split("\t")[0].strip()
                if word.isalpha():
                    out.append(word)
                if len(out) >= count:
                    break
            return out
    except (OSError, UnicodeDecodeError, IndexError) as exc:
        raise DictionaryError(f"cannot read the dictionary {dic.dic}: {exc}") from exc


class SpellChecker:
    """Is a word known, and what might it be. `name` is the dictionary's (en_US)."""

    def __init__(self, dic: DictionaryFile) -> None:
        try:
            import hunspell  # chunspell: Hunspell itself, compiled
        except ImportError as exc:  # a broken installation: checking is off, nothing else
            raise DictionaryError(f"the spelling engine is missing: {exc}") from exc
        self.name = dic.name
        self.file = dic
        sample = _first_words(dic)
        try:
            self._h = hunspell.Hunspell(dic.name, hunspell_data_dir=str(dic.folder))
        except Exception as exc:  # chunspell raises OSError subclasses and others
            raise DictionaryError(f"cannot load the dictionary {dic.name}: {exc}") from exc
        if sample and sum(map(self._h.spell, sample)) < len(sample) // 2:
            raise DictionaryError(f"the dictionary {dic.name} is damaged (it rejects its words)")
        self._lock = threading.Lock()
        self._known: dict[str, bool] = {}
        self._suggestions: dict[str, list[str]] = {}
        self._rank: dict[str, int] | None = None
        self._far: FarMisses | None = None
        self._verdicts: dict[str, bool] = {}  # known(), by word as written
        self.chunk_verdicts: dict[str, bool] = {}  # chunk_known()
        # a body's lines -> (column, word) the dictionary does not know (speller.py)
        self.line_verdicts: dict[str, tuple[tuple[int, str], ...]] = {}
        self.line_chars = 0  # their length together (speller.py keeps it bounded)
        self._letters = self._try_letters()
        # the writing systems of the dictionary's letters (LATIN): a word in another one
        # (a Cyrillic or Korean word quoted in an English post) is not its to judge
        self._scripts = {_script(c) for c in self._letters if c.isalpha()} or {"LATIN"}

    def _try_letters(self) -> str:
        """The letters Hunspell tries in suggestions (the .aff's TRY line), lower case."""
        try:
            for line in self.file.aff.read_text(encoding="utf-8", errors="replace").splitlines():
                if line.startswith("TRY "):
                    letters = "".join(dict.fromkeys(line[4:].strip().lower()))
                    return "".join(c for c in letters if c.isalpha() or c in "'-")
        except OSError:
            pass
        return "abcdefghijklmnopqrstuvwxyz"

    def rank(self) -> dict[str, int]:
        """word -> place in the frequency list (0 = commonest); loaded when first needed."""
        if self._rank is None:
            try:
                text = self.file.freq.read_text(encoding="utf-8")
            except OSError:
                text = ""
            self._rank = {w: i for i, w in enumerate(text.split())}
        return self._rank

    def far_misses(self) -> FarMisses:
        """The index for suggestions two edits away and more (built when first needed)."""
        if self._far is None:
            self._far = FarMisses(list(self.rank()))
        return self._far

    def _spell(self, word: str) -> bool:
        known = self._known.get(word)
        if known is None:
            with self._lock:
                known = bool(self._h.spell(word))
            self._known[word] = known
        return known

    def known(self, word: str) -> bool:
        """Is `word` (as written in prose) spelt right? Curly apostrophes count as straight."""
        verdict = self._verdicts.get(word)
        if verdict is None:
            if len(self._verdicts) > MAX_CACHED:
                self._verdicts.clear()
            verdict = self._verdicts[word] = self._judge(word)
        return verdict

    def chunk_known(self, chunk: str) -> bool:
        """Is every word of a chunk (tokens.chunks_of_line) known? Remembered: a post's
        lines are mostly chunks seen before, so a whole post is checked at dict speed."""
        verdict = self.chunk_verdicts.get(chunk)
        if verdict is None:
            if len(self.chunk_verdicts) > MAX_CACHED:
                self.chunk_verdicts.clear()
            verdict = all(self.known(w) for _, w in words_of_chunk(chunk))
            self.chunk_verdicts[chunk] = verdict
        return verdict

    def _judge(self, word: str) -> bool:
        if len(word) > MAX_WORD:
            return True  # not prose; never worth an underline
        if not word.isascii() and any(
            _script(c) not in self._scripts for c in word if c.isalpha() and ord(c) > 0x24F
        ):
            return True  # another writing system (past Latin Extended-B: U+024F)
        plain = word.translate(_APOSTROPHES)
        if self._spell(plain):
            return True
        if plain.endswith("'s") and len(plain) > 3 and self._spell(plain[:-2]):
            return True  # the possessive of a known word (Byline's)
        parts = _camel_parts(plain)
        return len(parts) > 1 and all(len(p) < 3 or self._spell(p) for p in parts)

    def known_many(self, words: Iterable[str]) -> dict[str, bool]:
        return {w: self.known(w) for w in words}

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Up to `limit` replacements, the likeliest first (cached)."""
        plain = word.translate(_APOSTROPHES)
        if len(plain) > MAX_WORD:
            return []
        cached = self._suggestions.get(plain)
        if cached is None:
            cached = self._suggest(plain)
            self._suggestions[plain] = cached
        out = cached[:limit]
        if plain != word and "’" in word:  # keep the author's apostrophe
            out = [s.replace("'", "’") for s in out]
        return out

    def _suggest(self, word: str) -> list[str]:
        rank = self.rank()
        lower = word.lower()
        found = []
        for c in _edits1(lower, self._letters):
            # the lists hold German nouns capitalised, everything else as written
            for form in (c, c.capitalize()):
                if form in rank and self._spell(form):
                    found.append(form)
                    break
        # the same letters but for accents first (Tomás -> Tomas), then the commonest
        bare = _unaccented(lower)
        found.sort(key=lambda c: (_unaccented(c.lower()) != bare, rank[c]))
        if not found and rank:
            found = self.far_misses().suggest(word, self._spell)
        if not found:
            with self._lock:
                found = list(self._h.suggest(word))
        out = [_match_case(word, s) for s in found]
        return list(dict.fromkeys(s for s in out if s != word))[:10]


def _script(letter: str) -> str:
    """The writing system of a letter, from its Unicode name: LATIN, CYRILLIC, HANGUL..."""
    if letter.isascii():
        return "LATIN"
    return unicodedata.name(letter, "UNKNOWN").split(" ", 1)[0]


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _match_case(original: str, suggestion: str) -> str:
    if original[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _camel_parts(word: str) -> list[str]:
    """`JavaScript` -> [Java, Script]; `iPhone` -> [i, Phone]; `hello` -> [hello]."""
    parts: list[str] = []
    start = 0
    for i in range(1, len(word)):
        if word[i].isupper() and word[i - 1].islower():
            parts.append(word[start:i])
            start = i
    parts.append(word[start:])
    return parts


def _edits1(word: str, letters: str) -> set[str]:
    """Every string one deletion, swap, replacement or insertion away from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = set()
    for a, b in splits:
        if b:
            out.add(a + b[1:])
            for c in letters:
                out.add(a + c + b[1:])
        if len(b) > 1:
            out.add(a + b[1] + b[0] + b[2:])
        for c in letters:
            out.add(a + c + b)
    out.discard(word)
    return out
