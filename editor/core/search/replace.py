"""Replace a piece of text in every post: a preview of each occurrence, then a safe apply.

`plan_replace` finds every occurrence (in the bodies; in titles and excerpts only when asked)
and shows each as its line before and after; nothing is written. `apply_replace` saves each
post with the occurrences the author kept, through save_post (atomic, history, conflict
check): a post that cannot be saved is reported and left whole, the others are done.
`undo_replace` puts back every post it changed, from the versions the history kept, unless
the post changed again since.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.errors import BylineError, ConflictError
from editor.core.index.site_index import SiteIndex
from editor.core.post.post import Post
from editor.core.safety.disk_stamp import DiskStamp
from editor.core.safety.history import History
from editor.core.safety.post_io import read_file, read_post, save_post

TEXT_FIELDS = ("title", "excerpt")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Occurrence:
    """One place to change: where (the body or a field), its line, and the line before/after."""

    number: int  # its position among the post's occurrences
    where: str  # "body" or a front-matter key
    line: int  # 1-based, in the file
    start: int  # offset in the body, or in the field's value
    end: int
    before: str  # the whole line (or the field's value) as it is
    after: str  # the same with this occurrence replaced


@dataclass
class PostReplace:
    path: Path
    rel_path: str
    post: Post
    stamp: DiskStamp
    occurrences: list[Occurrence]


@dataclass
class ReplacePlan:
    find: str
    replacement: str
    pattern: re.Pattern[str]
    posts: list[PostReplace] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (rel_path, why)

    @property
    def count(self) -> int:
        return sum(len(p.occurrences) for p in self.posts)


@dataclass(frozen=True)
class Undo:
    """What undoing one post needs: the version history kept, and what was written over it."""

    path: Path
    rel_path: str
    kept: bytes
    written: DiskStamp


@dataclass
class ReplaceResult:
    done: list[Undo] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def pattern_for(
    find: str, *, match_case: bool = True, whole_words: bool = False
) -> re.Pattern[str]:
    if not find:
        raise BylineError("type the text to replace")
    body = re.escape(find)
    if whole_words:
        body = (
            (r"\b" if re.match(r"\w", find) else "")
            + body
            + (r"\b" if re.search(r"\w$", find) else "")
        )
    return re.compile(body, 0 if match_case else re.IGNORECASE)


def plan_replace(
    index: SiteIndex,
    find: str,
    replacement: str,
    *,
    match_case: bool = True,
    whole_words: bool = False,
    fields: Collection[str] = (),
    progress: Progress | None = None,
) -> ReplacePlan:
    """Every occurrence of `find` in the site's posts (bodies, and `fields` when given)."""
    pattern = pattern_for(find, match_case=match_case, whole_words=whole_words)
    plan = ReplacePlan(find, replacement, pattern)
    entries = index.entries()
    needle = find if match_case else find.casefold()
    site = index.site
    for number, entry in enumerate(entries, start=1):
        if progress is not None and number % 200 == 0:
            progress(number, len(entries))
        try:
            data, _ = read_file(entry.path)
        except (BylineError, OSError) as exc:
            plan.problems.append((entry.rel_path, getattr(exc, "message", str(exc))))
            continue
        text = data.decode("utf-8", "replace")
        if needle not in (text if match_case else text.casefold()):
            continue  # most posts: no need to parse them
        try:
            loaded = read_post(entry.path, zone=site.zone, style=site.style)
        except BylineError as exc:
            plan.problems.append((entry.rel_path, exc.message))
            continue
        if loaded.post is None:
            assert loaded.error is not None
            plan.problems.append(
                (entry.rel_path, f"front matter cannot be read: {loaded.error.message}")
            )
            continue
        found = _occurrences(loaded.post, pattern, replacement, fields)
        if found:
            plan.posts.append(
                PostReplace(entry.path, entry.rel_path, loaded.post, loaded.stamp, found)
            )
    return plan


def _occurrences(
    post: Post, pattern: re.Pattern[str], replacement: str, fields: Collection[str]
) -> list[Occurrence]:
    out: list[Occurrence] = []
    text = post.to_text()
    body = post.body
    body_at = len(text) - len(body)
    key_lines = {}
    line = 2
    for block in post.blocks:
        if block.key is not None:
            key_lines[block.key] = line
        line += len(block.lines)
    for key in fields:
        value = post.get(key)
        if not isinstance(value, str) or key not in key_lines:
            continue
        for match in pattern.finditer(value):
            after = value[: match.start()] + replacement + value[match.end() :]
            out.append(
                Occurrence(len(out), key, key_lines[key], match.start(), match.end(), value, after)
            )
    for match in pattern.finditer(body):
        start = body.rfind("\n", 0, match.start()) + 1
        end = body.find("\n", match.end())
        end = len(body) if end == -1 else end
        before = body[start:end].rstrip("\r")
        after = body[start : match.start()] + replacement + body[match.end() : end]
        line = text.count("\n", 0, body_at + match.start()) + 1
        out.append(
            Occurrence(
                len(out), "body", line, match.start(), match.end(), before, after.rstrip("\r")
            )
        )
    return out


def replaced_post(item: PostReplace, replacement: str, keep: Collection[int] | None = None) -> Post:
    """The post with the occurrences in `keep` (all when None) replaced."""
    chosen = [o for o in item.occurrences if keep is None or o.number in keep]
    post = item.post
    by_field: dict[str, list[Occurrence]] = {}
    for occurrence in chosen:
        by_field.setdefault(occurrence.where, []).append(occurrence)
    for where, occurrences in by_field.items():
        source = post.body if where == "body" else post.get(where)
        assert isinstance(source, str)
        for occurrence in sorted(occurrences, key=lambda o: o.start, reverse=True):
            source = source[: occurrence.start] + replacement + source[occurrence.end :]
        if where == "body":
            post.body = source
        else:
            post.set(where, source)  # field-level: the key's own quoting kept
    return post


def apply_replace(
    plan: ReplacePlan,
    site_root: Path,
    *,
    history: History | None = None,
    keep: dict[str, set[int]] | None = None,
    skip: Iterable[str] = (),
) -> ReplaceResult:
    """Save every post with its kept occurrences (`keep`: rel_path -> numbers; all when None)."""
    history = history or History()
    result = ReplaceResult()
    skipped = set(skip)
    for item in plan.posts:
        if item.rel_path in skipped:
            continue
        chosen = None if keep is None else keep.get(item.rel_path, set())
        if chosen is not None and not chosen:
            continue
        try:
            before, _ = read_file(item.path)
            post = replaced_post(item, plan.replacement, chosen)
            written = save_post(post, item.path, site_root, history=history, expected=item.stamp)
        except BylineError as exc:
            result.failed.append((item.rel_path, exc.message))
            continue
        result.done.append(Undo(item.path, item.rel_path, before, written))
    return result


def undo_replace(
    done: Iterable[Undo], site_root: Path, *, history: History | None = None
) -> ReplaceResult:
    """Put every post back as it was before the replace; one changed since is left alone."""
    history = history or History()
    result = ReplaceResult()
    for undo in done:
        try:
            now = DiskStamp.read(undo.path)
            if now is None or not undo.written.same_content(now):
                raise ConflictError(
                    f"{undo.path.name} changed since the replace; it is left as it is"
                )
            text = undo.kept.decode("utf-8")
            stamp = save_post(text, undo.path, site_root, history=history, expected=now)
        except BylineError as exc:
            result.failed.append((undo.rel_path, exc.message))
            continue
        result.done.append(Undo(undo.path, undo.rel_path, undo.kept, stamp))
    return result
