"""Replace in all posts: the preview, the apply through the safe save, and the undo."""

import os
import stat
from pathlib import Path

from editor.core.index.site_index import SiteIndex
from editor.core.safety.history import History
from editor.core.search.replace import apply_replace, plan_replace, undo_replace
from editor.core.site.site import Site


def _post(title: str, body: str) -> bytes:
    return (
        f'---\nlayout: post\ntitle: "{title}"\nexcerpt: "All about Github"\n---\n\n{body}'.encode()
    )


def _index(tmp_path: Path, posts: dict[str, bytes]) -> SiteIndex:
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: T\n", encoding="utf-8")
    for name, data in posts.items():
        (root / "_posts" / name).write_bytes(data)
    return SiteIndex(Site.open(root, cache_dir=tmp_path / "cache"), cache_dir=tmp_path / "cache")


POSTS = {
    "2025-01-01-a.md": _post(
        "Github tips", "Use Github daily.\nGithubber is a word.\ngithub lower.\n"
    ),
    "2025-01-02-b.md": _post("Other", "Nothing here.\n").replace(b"\n", b"\r\n"),
    "2025-01-03-c.md": _post("Third", "On Github.\r\n")
    .replace(b"\n", b"\r\n")
    .replace(b"\r\r", b"\r"),
}


def test_preview_lists_each_occurrence_with_its_line(tmp_path: Path) -> None:
    index = _index(tmp_path, POSTS)
    plan = plan_replace(index, "Github", "GitHub", whole_words=True)
    assert [p.rel_path for p in plan.posts] == ["_posts/2025-01-03-c.md", "_posts/2025-01-01-a.md"]
    a = plan.posts[1]
    assert [(o.where, o.line, o.before, o.after) for o in a.occurrences] == [
        ("body", 7, "Use Github daily.", "Use GitHub daily.")
    ]
    fields = plan_replace(index, "github", "GitHub", match_case=False, fields=("title", "excerpt"))
    a = next(p for p in fields.posts if p.rel_path.endswith("a.md"))
    assert [(o.where, o.line) for o in a.occurrences] == [
        ("title", 3),
        ("excerpt", 4),
        ("body", 7),
        ("body", 8),
        ("body", 9),
    ]


def test_apply_only_the_ticked_and_undo(tmp_path: Path) -> None:
    index = _index(tmp_path, POSTS)
    root = index.site.root
    history = History(tmp_path / "history")
    plan = plan_replace(index, "Github", "GitHub", fields=("title",))
    keep = {"_posts/2025-01-01-a.md": {0, 2}, "_posts/2025-01-03-c.md": {0}}  # title + "Githubber"
    result = apply_replace(plan, root, history=history, keep=keep)
    assert result.failed == []
    a = (root / "_posts/2025-01-01-a.md").read_bytes()
    assert a == POSTS["2025-01-01-a.md"].replace(b'"Github tips"', b'"GitHub tips"').replace(
        b"Githubber", b"GitHubber"
    )
    c = (root / "_posts/2025-01-03-c.md").read_bytes()
    assert c == POSTS["2025-01-03-c.md"].replace(b"On Github", b"On GitHub")  # CRLF kept
    assert (
        history.versions(root, root / "_posts/2025-01-01-a.md")[0].read_bytes()
        == POSTS["2025-01-01-a.md"]
    )
    undone = undo_replace(result.done, root, history=history)
    assert undone.failed == []
    for name, data in POSTS.items():
        assert (root / "_posts" / name).read_bytes() == data


def test_read_only_post_is_reported_the_rest_done_nothing_half_written(tmp_path: Path) -> None:
    index = _index(tmp_path, POSTS)
    root = index.site.root
    plan = plan_replace(index, "Github", "GitHub")
    os.chmod(root / "_posts/2025-01-03-c.md", stat.S_IRUSR)
    result = apply_replace(plan, root, history=History(tmp_path / "history"))
    assert [rel for rel, _ in result.failed] == ["_posts/2025-01-03-c.md"]
    assert "read-only" in result.failed[0][1]
    assert (root / "_posts/2025-01-03-c.md").read_bytes() == POSTS["2025-01-03-c.md"]
    assert b"Use GitHub daily" in (root / "_posts/2025-01-01-a.md").read_bytes()


def test_undo_leaves_a_post_changed_since(tmp_path: Path) -> None:
    index = _index(tmp_path, POSTS)
    root = index.site.root
    history = History(tmp_path / "history")
    result = apply_replace(plan_replace(index, "Github", "GitHub"), root, history=history)
    (root / "_posts/2025-01-01-a.md").write_bytes(b"---\ntitle: edited since\n---\n")
    undone = undo_replace(result.done, root, history=history)
    assert [rel for rel, _ in undone.failed] == ["_posts/2025-01-01-a.md"]
    assert (root / "_posts/2025-01-01-a.md").read_bytes() == b"---\ntitle: edited since\n---\n"
    assert (root / "_posts/2025-01-03-c.md").read_bytes() == POSTS["2025-01-03-c.md"]
