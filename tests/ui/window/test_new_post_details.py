"""A new post: a placeholder in the empty editor, the status bar says "not saved yet" once,
and the file ends the way the blog's posts end (learned from them)."""

from __future__ import annotations

from pathlib import Path

from editor.core.index.site_index import index_of
from editor.core.post.house_style import learn_style
from editor.core.post.post import Post
from editor.core.site.site import Site
from editor.ui.window.main_window import MainWindow


def _new_post_saved(qtbot, window: MainWindow, title: str) -> Path:  # type: ignore[no-untyped-def]
    window.actions.new_post.trigger()
    assert window.markdown.editor.placeholderText() == "Write the post here, in Markdown…"
    assert window.markdown.text() == ""
    status = [window.status.path.text(), window.status.state.text()]
    assert sum("not saved yet" in s for s in status) == 1
    qtbot.keyClicks(window.form.title_edit, title)
    qtbot.keyClicks(window.markdown.editor, "Just one line")  # no Enter at the end
    assert window.save()
    assert window.document.path is not None
    return window.document.path


def test_a_new_post_ends_with_a_line_break_like_the_blogs_posts(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.site.style.final_newline, timeout=5000)
    path = _new_post_saved(qtbot, window, "Ending well")
    assert path.read_bytes().endswith(b"\n\nJust one line\n")
    # typing on and saving again keeps the ending
    qtbot.keyClicks(window.markdown.editor, ", and more")
    assert window.save()
    assert path.read_bytes().endswith(b"\n\nJust one line, and more\n")


def test_a_blog_whose_posts_end_without_one_is_followed(tmp_path: Path) -> None:
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: T\n", encoding="utf-8")
    for n in range(3):
        (root / "_posts" / f"2025-01-0{n + 1}-p{n}.md").write_text(
            f'---\ntitle: "P{n}"\n---\n\nNo line break at the end.', encoding="utf-8"
        )
    site = Site.open(root)
    index = index_of(site)
    index.refresh()
    assert index.learned_style().final_newline is False
    post = Post.new({"title": "x"}, "", style=index.learned_style())
    post.set_body_from_editor("Typed")
    assert post.to_text().endswith("\n\nTyped")


def test_the_default_is_a_final_line_break() -> None:
    assert learn_style([]).final_newline is True
    assert learn_style([], final_newlines=[True, False, True]).final_newline is True
    assert learn_style([], final_newlines=[False, False, True]).final_newline is False
    post = Post.new({"title": "x"}, "")
    post.set_body_from_editor("Typed")
    assert post.to_text().endswith("\n\nTyped\n")
    read = Post.new({"title": "x"}, "")
    read.ensure_final_newline = False  # a post read from a file keeps its ending
    read.set_body_from_editor("Typed")
    assert read.to_text().endswith("\n\nTyped")
