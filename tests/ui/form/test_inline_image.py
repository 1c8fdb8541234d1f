"""Images dropped or pasted into the Markdown pane become references with the alt selected."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from editor.core.images.inline_images import InlineForm, format_inline
from editor.core.images.pipeline import ImageSettings
from editor.ui.form.inline_image import InlineImageAttacher, insert_reference


def test_dropped_file_is_processed_without_the_header_cap(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "wide.png"
    Image.new("RGB", (2400, 300), (1, 2, 3)).save(path)
    attacher = InlineImageAttacher()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    with qtbot.waitSignal(attacher.imageReady, timeout=10_000) as blocker:
        assert attacher.attach_mime(mime)
    image, ref = blocker.args
    assert image.width == 2400
    assert ref.text == f"![]({{{{ site.baseurl }}}}/assets/images/{image.md5}.jpg)"
    assert attacher.pending == 0


def test_pasted_image_uses_the_sites_form_and_inline_cap(qtbot: QtBot) -> None:
    form = InlineForm("/assets/images/\0FILE\0")
    attacher = InlineImageAttacher(settings=ImageSettings(inline_max_width=100), form=form)
    shot = QImage(300, 150, QImage.Format.Format_RGB32)
    shot.fill(QColor(10, 200, 10))
    with qtbot.waitSignal(attacher.imageReady, timeout=10_000) as blocker:
        attacher.attach_image(shot)
    image, ref = blocker.args
    assert (image.width, image.height) == (100, 50)
    assert ref.text == f"![](/assets/images/{image.md5}.jpg)"


def test_bad_drop_reports(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("hello", encoding="utf-8")
    attacher = InlineImageAttacher()
    with qtbot.waitSignal(attacher.errorOccurred, timeout=10_000) as blocker:
        attacher.attach_file(bad)
    assert blocker.args[0].startswith(f"{bad}: not an image")


def test_insert_selects_the_alt_text(qtbot: QtBot) -> None:
    editor = QPlainTextEdit()
    qtbot.add_widget(editor)
    editor.setPlainText("Before 🙂 after")
    cursor = editor.textCursor()
    cursor.setPosition(len("Before 🙂".encode("utf-16-le")) // 2)
    editor.setTextCursor(cursor)
    ref = format_inline("a.jpg", alt="🙂 alt")
    insert_reference(editor, ref)
    assert (
        editor.toPlainText() == "Before 🙂![🙂 alt]({{ site.baseurl }}/assets/images/a.jpg) after"
    )
    assert editor.textCursor().selectedText() == "🙂 alt"
    empty = format_inline("b.jpg")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    insert_reference(editor, empty)
    assert editor.textCursor().selectedText() == ""
    units = editor.toPlainText().encode("utf-16-le")[: editor.textCursor().position() * 2]
    assert units.decode("utf-16-le").endswith(" after![")  # the cursor waits inside the brackets
