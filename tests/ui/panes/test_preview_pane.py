"""The preview pane: renders off the GUI thread, shows new text, never navigates, syncs scroll."""

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from editor.core.render import SiteContext
from editor.ui.panes.preview_pane import PreviewPane

# the offscreen platform says this whenever a window is shown
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def pane(qtbot):
    pane = PreviewPane()
    qtbot.add_widget(pane)
    pane.resize(700, 400)
    pane.show()
    yield pane
    pane.shutdown()


def _render(qtbot, pane, body, fields=None, site=None):
    with qtbot.waitSignal(pane.rendered, timeout=10000):
        pane.request_render(body, fields or {"title": "T"}, site or SiteContext())


def test_typing_into_the_markdown_pane_updates_the_preview(qtbot, pane):
    editor = QPlainTextEdit()
    qtbot.add_widget(editor)
    editor.textChanged.connect(
        lambda: pane.request_render(editor.toPlainText(), {"title": "Draft"}, SiteContext())
    )
    editor.show()
    qtbot.keyClicks(editor, "Hello *preview* world")
    qtbot.waitUntil(lambda: "Hello preview world" in pane.plain_text(), timeout=10000)
    assert "<em>preview</em>" in pane.html()
    assert "Draft" in pane.plain_text()


def test_stale_results_are_dropped(qtbot, pane):
    for i in range(5):
        pane.request_render(f"version {i}", {}, SiteContext())
        pane.render_now()
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=10000)
    qtbot.waitUntil(lambda: "version 4" in pane.plain_text(), timeout=10000)


def test_links_open_outside_and_never_navigate(qtbot, pane, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    _render(qtbot, pane, "[a link](https://example.com/page)")
    before = pane.html()
    pane.browser.anchorClicked.emit(QUrl("https://example.com/page"))
    pane.browser.setSource(QUrl("https://example.com/page"))
    assert opened == [QUrl("https://example.com/page")]
    assert pane.html() == before
    assert "a link" in pane.plain_text()
    pane.browser.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert len(opened) == 1


def test_only_local_files_are_loaded(pane, tmp_path):
    from PIL import Image

    Image.new("RGB", (10, 10)).save(tmp_path / "x.png")
    kind = 2  # QTextDocument.ImageResource
    load = pane.browser.loadResource
    assert not load(kind, QUrl.fromLocalFile(str(tmp_path / "x.png"))).isNull()
    assert load(kind, QUrl("https://example.com/x.png")).isNull()
    assert load(kind, QUrl.fromLocalFile(str(tmp_path / "no.png"))).isNull()


def _long_body() -> str:
    return "\n\n".join(
        f"## Heading {i}\n\nParagraph number {i} with some words." for i in range(80)
    )


def test_scroll_to_source_line_moves_the_preview(qtbot, pane):
    body = _long_body()
    _render(qtbot, pane, body)
    bar = pane.browser.verticalScrollBar()
    assert bar.maximum() > 0
    line = body.split("\n").index("## Heading 40") + 1
    pane.scroll_to_source_line(line)
    assert bar.value() > 0
    assert "Heading 40" in pane.browser.cursorForPosition(
        pane.browser.rect().topLeft()
    ).block().text() or (pane.top_source_line() in (line, line + 2))
    pane.scroll_to_source_line(1)
    assert bar.value() == 0


def test_user_scrolling_reports_the_source_line(qtbot, pane):
    body = _long_body()
    _render(qtbot, pane, body)
    bar = pane.browser.verticalScrollBar()
    with qtbot.waitSignal(pane.sourceLineVisible) as blocker:
        bar.setValue(bar.maximum() // 2)
    line = blocker.args[0]
    assert 20 < line < len(body.split("\n"))


def test_scroll_position_is_kept_across_updates(qtbot, pane):
    body = _long_body()
    _render(qtbot, pane, body)
    bar = pane.browser.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    _render(qtbot, pane, body + "\n\nOne more paragraph.")
    assert bar.value() == kept


def test_images_are_sized_to_the_column(qtbot, pane, tmp_path: Path):
    from PIL import Image

    (tmp_path / "_posts").mkdir()
    (tmp_path / "assets").mkdir()
    Image.new("RGB", (1600, 800)).save(tmp_path / "assets" / "big.png")
    site = SiteContext.for_path(tmp_path)
    _render(qtbot, pane, "![big](/assets/big.png)", site=site)
    width = pane._widths()[0]
    assert f'width="{width}"' in pane.html()
    assert pane.browser.document().size().width() <= pane.browser.viewport().width() + 1


def test_site_links_open_on_the_published_site(qtbot, pane, monkeypatch, tmp_path):
    from editor.core.site.site_config import SiteConfig

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    site = SiteContext(tmp_path, SiteConfig(url="https://blog.example", baseurl="/blog"))
    _render(qtbot, pane, "[post](/blog/2024/01/01/x.html)", site=site)
    pane.browser.anchorClicked.emit(QUrl("/blog/2024/01/01/x.html"))
    assert opened == [QUrl("https://blog.example/blog/2024/01/01/x.html")]
    _render(qtbot, pane, "[post](/x.html)", site=SiteContext())
    pane.browser.anchorClicked.emit(QUrl("/x.html"))
    assert len(opened) == 1


def test_whole_new_documents_replace_each_other(qtbot, pane):
    _render(qtbot, pane, "# One\n\ntext")
    _render(qtbot, pane, "# One\n\ntext\n\n# Two\n\nmore")  # a new section: patched in
    _render(qtbot, pane, "Only a paragraph now.")  # one part for three: a new document
    qtbot.wait(10)  # the old documents are dropped when the GUI is idle
    assert pane.plain_text().strip().endswith("Only a paragraph now.")
    assert pane._old_docs == []


def test_a_new_heading_under_a_table_of_contents_is_patched_in_place(qtbot, pane):
    """The new section and the table of contents change apart, one per turn of the event
    loop, in the document on screen; the result reads as a fresh render does."""
    sections = "\n\n".join(f"## Part {i}\n\nText of part {i}." for i in range(30))
    body = "* TOC\n{:toc}\n\n" + sections
    _render(qtbot, pane, body)
    shown = pane.browser.document()
    new_body = body.replace("Text of part 20.", "Text of part 20.\n\n## Added\n\nNew text.")
    _render(qtbot, pane, new_body)
    assert pane.browser.document() is shown  # patched, not rebuilt
    patched = pane.plain_text()
    assert "Added" in patched.split("Text of part 0")[0]  # the table of contents lists it
    pane.browser.setDocument(QTextDocument())  # a fresh render to compare with
    pane._map = None
    _render(qtbot, pane, new_body)
    assert pane.plain_text() == patched
    line = new_body.split("\n").index("## Added") + 1
    pane.scroll_to_source_line(line)
    assert pane.top_source_line() == line


def test_the_document_keeps_the_width_it_was_laid_out_at(qtbot, pane):
    """Built on the worker at the column's width; shown at any other width, the GUI thread
    would lay the whole post out again."""
    for width in (700, 801, 1000):
        pane.resize(width, 400)
        _render(qtbot, pane, f"# Width {width}\n\n" + "Some words to wrap. " * 200)
        assert pane.browser.document().textWidth() == pane._shown_width
        assert pane.browser.viewport().width() == pane._shown_width


def test_a_wide_code_block_or_table_never_widens_the_preview(qtbot, pane):
    """Only the code wraps (Qt cannot scroll one block): the title stays in view; table
    cells break at spaces, never inside "Waterproof"."""
    long_line = "x = call(" + ", ".join(f"argument_{i}" for i in range(40)) + ")"
    body = (
        f"```python\n{long_line}\n```\n\n"
        "| Item | Note |\n|---|---|\n| Waterproof jacket | light and warm in the wind |\n"
    )
    _render(qtbot, pane, body, {"title": "A long title for a narrow pane"})
    bar = pane.browser.horizontalScrollBar()
    assert bar.maximum() == 0
    document = pane.browser.document()
    assert document.defaultTextOption().wrapMode().name == "WordWrap"
