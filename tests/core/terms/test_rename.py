"""Renaming a tag, category or author across a site: exact bytes, only that key's lines."""

import os
import stat
from pathlib import Path

import pytest

from editor.core.index.site_index import SiteIndex
from editor.core.safety.history import History
from editor.core.site.site import Site
from editor.core.terms.rename import apply_plan, plan_rename, variants

HEAD = 'layout: post\ntitle: "T"\ndate: 2025-01-02T10:00:00\nauthor: "sal"\n'


def _site(tmp_path: Path, posts: dict[str, bytes]) -> SiteIndex:
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: T\n", encoding="utf-8")
    for name, data in posts.items():
        (root / "_posts" / name).write_bytes(data)
    site = Site.open(root, cache_dir=tmp_path / "cache")
    return SiteIndex(site, cache_dir=tmp_path / "cache")


def _post(front: str, body: str = "\nBody text mentions Javascript.\n") -> bytes:
    return f"---\n{front}---\n{body}".encode()


# (front matter lines of `tags`, olds, new, expected lines): real-world shapes
CASES = [
    ("tags: [Javascript, python]\n", ["Javascript"], "JavaScript", "tags: [JavaScript, python]\n"),
    (
        "tags: [ Javascript, python ]\n",
        ["Javascript"],
        "JavaScript",
        "tags: [ JavaScript, python ]\n",
    ),
    (
        "tags: [\"Javascript\", 'python']\n",
        ["Javascript"],
        "JavaScript",
        "tags: [\"JavaScript\", 'python']\n",
    ),
    (
        "tags: [python, 'Javascript']  # keep\n",
        ["Javascript"],
        "JavaScript",
        "tags: [python, 'JavaScript']  # keep\n",
    ),
    ("tags: [python,Javascript,web]\n", ["Javascript"], None, "tags: [python,web]\n"),
    ("tags: [Javascript]\n", ["Javascript"], None, "tags: []\n"),
    (
        "tags: [js, Javascript, python]\n",
        ["js", "Javascript"],
        "JavaScript",
        "tags: [JavaScript, python]\n",
    ),
    ("tags: [JavaScript, Javascript]\n", ["Javascript"], "JavaScript", "tags: [JavaScript]\n"),
    ("tags: [Javascript, b]\n", ["Javascript"], "C# & more", 'tags: ["C# & more", b]\n'),
    (
        "tags:\n  - Javascript\n  - python\n",
        ["Javascript"],
        "JavaScript",
        "tags:\n  - JavaScript\n  - python\n",
    ),
    (
        'tags:\n- python # first\n- "Javascript"\n- web\n',
        ["Javascript"],
        None,
        "tags:\n- python # first\n- web\n",
    ),
    (
        "tags:\n  # a comment line\n  - Javascript\n  - python\n",
        ["Javascript"],
        "JS",
        "tags:\n  # a comment line\n  - JS\n  - python\n",
    ),
    ("tags: Javascript python\n", ["Javascript"], "JavaScript", "tags: JavaScript python\n"),
    ("tags: [2024, Javascript]\n", ["2024"], "2025", 'tags: ["2025", Javascript]\n'),
]


@pytest.mark.parametrize(("tags", "olds", "new", "expected"), CASES)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_only_the_key_lines_change_in_their_own_style(
    tmp_path: Path, tags: str, olds: list[str], new: str | None, expected: str, newline: str
) -> None:
    front = HEAD + "categories: [News]\n" + tags + 'excerpt: "E"\n'
    before = _post(front).replace(b"\n", newline.encode())
    index = _site(tmp_path, {"2025-01-02-t.md": before})
    plan = plan_rename(index, "tag", olds, new)
    assert plan.problems == []
    [change] = plan.changes
    applied = apply_plan(plan, index.site.root, history=History(tmp_path / "history"))
    assert applied.failed == []
    after = (index.site.root / "_posts" / "2025-01-02-t.md").read_bytes()
    wanted = before.replace(
        tags.replace("\n", newline).encode(), expected.replace("\n", newline).encode()
    )
    assert after == wanted
    assert change.keys == ("tags",)


def test_author_and_category(tmp_path: Path) -> None:
    one = _post('title: "A"\nauthor: "Mira Chen" # editor\ncategories: [News, World]\n')
    two = _post("title: B\nauthor: Mira Chen\ncategory: World\n")
    index = _site(tmp_path, {"2025-01-01-a.md": one, "2025-01-02-b.md": two})
    history = History(tmp_path / "history")
    apply_plan(
        plan_rename(index, "author", ["Mira Chen"], "Mira C."), index.site.root, history=history
    )
    apply_plan(
        plan_rename(index, "category", ["World"], "Global"), index.site.root, history=history
    )
    posts = index.site.root / "_posts"
    assert (posts / "2025-01-01-a.md").read_bytes() == one.replace(
        b'"Mira Chen"', b'"Mira C."'
    ).replace(b"World", b"Global")
    assert (posts / "2025-01-02-b.md").read_bytes() == two.replace(
        b"Mira Chen", b"Mira C."
    ).replace(b"World", b"Global")


def test_history_keeps_what_was_replaced_and_the_body_is_untouched(tmp_path: Path) -> None:
    before = _post("title: A\ntags: [Javascript]\n")
    index = _site(tmp_path, {"2025-01-01-a.md": before})
    history = History(tmp_path / "history")
    plan = plan_rename(index, "tag", ["Javascript"], "JavaScript")
    assert "-tags: [Javascript]\n+tags: [JavaScript]\n" in plan.changes[0].diff()
    apply_plan(plan, index.site.root, history=history)
    path = index.site.root / "_posts" / "2025-01-01-a.md"
    [kept] = history.versions(index.site.root, path)
    assert kept.read_bytes() == before
    assert path.read_bytes().endswith(b"Body text mentions Javascript.\n")


def test_a_post_that_cannot_be_changed_is_reported_the_others_done(tmp_path: Path) -> None:
    posts = {f"2025-01-0{n}-p.md": _post(f"title: P{n}\ntags: [old]\n") for n in range(1, 4)}
    index = _site(tmp_path, posts)
    folder = index.site.root / "_posts"
    plan = plan_rename(index, "tag", ["old"], "new")
    assert len(plan.changes) == 3
    os.chmod(folder / "2025-01-01-p.md", stat.S_IRUSR)  # read-only
    (folder / "2025-01-02-p.md").write_bytes(_post("title: changed meanwhile\ntags: [old]\n"))
    applied = apply_plan(plan, index.site.root, history=History(tmp_path / "history"))
    assert sorted(rel for rel, _ in applied.failed) == [
        "_posts/2025-01-01-p.md",
        "_posts/2025-01-02-p.md",
    ]
    assert any("read-only" in why for _, why in applied.failed)
    assert any("changed on disk" in why for _, why in applied.failed)
    assert (folder / "2025-01-03-p.md").read_bytes() == posts["2025-01-03-p.md"].replace(
        b"[old]", b"[new]"
    )
    assert (folder / "2025-01-01-p.md").read_bytes() == posts["2025-01-01-p.md"]  # untouched


def test_broken_post_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    index = _site(tmp_path, {"2025-01-01-a.md": _post("title: A\ntags: [old]\n")})
    index.refresh()
    (index.site.root / "_posts" / "2025-01-01-a.md").write_bytes(
        b"---\ntitle: [\ntags: [old]\n---\n"
    )
    plan = plan_rename(index, "tag", ["old"], "new")  # the index still says it has the tag
    assert plan.changes == [] and plan.problems[0][0] == "_posts/2025-01-01-a.md"


def test_variants() -> None:
    found = variants(
        {"JavaScript": 12, "Javascript": 3, "java-script": 1, "python": 4, "Python": 4}
    )
    assert found == [
        [("JavaScript", 12), ("Javascript", 3), ("java-script", 1)],
        [("Python", 4), ("python", 4)],
    ]
