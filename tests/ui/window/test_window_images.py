"""Header and inline images in the real window: staged until Save, then stored by MD5."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QColor, QImage, QKeySequence
from PySide6.QtWidgets import QApplication

from editor.ui.dialogs import prompts
from editor.ui.window.main_window import MainWindow

DUSK = "_posts/2025-09-12-dusk-on-the-ridge.md"
FJORD = "_posts/2025-03-08-walking-the-fjord-path-in-early-spring.md"
DUSK_IMAGE = b"image: assets/images/d181bb55ee2ecae3cbcf7a9fe36cacb3.jpg\n"


def _photo(tmp_path: Path, colour: str = "teal") -> Path:
    path = tmp_path / f"photo-{colour}.png"
    Image.new("RGB", (320, 200), colour).save(path)
    return path


def _images(window: MainWindow) -> set[str]:
    folder = window.site.root / "assets" / "images"
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


def test_chosen_header_image_is_written_only_on_save(qtbot, choose_header, window: MainWindow, monkeypatch,
                                                     tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    path = window.site.root / DUSK
    before_post = path.read_bytes()
    before_images = _images(window)
    staged = choose_header(_photo(tmp_path))
    name = f"{staged.md5}.jpg"
    assert window.isWindowModified()
    assert _images(window) == before_images  # nothing written before Save
    assert path.read_bytes() == before_post
    assert window.save()
    stored = window.site.root / "assets" / "images" / name
    assert stored.is_file()
    assert hashlib.md5(stored.read_bytes()).hexdigest() == staged.md5
    assert _images(window) == before_images | {name}
    assert path.read_bytes() == before_post.replace(
        DUSK_IMAGE, f"image: assets/images/{name}\n".encode()
    )
    assert len(window.document.images) == 0


def test_discarding_leaves_no_orphan(
    qtbot, choose_header, window: MainWindow, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    before_images = _images(window)
    before_post = (window.site.root / DUSK).read_bytes()
    choose_header(_photo(tmp_path, "orange"))
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *a: prompts.Choice.DISCARD)
    assert window.open_post(window.site.root / FJORD)
    assert len(window.document.images) == 0
    assert _images(window) == before_images
    assert (window.site.root / DUSK).read_bytes() == before_post


def test_save_failure_removes_the_image_it_wrote(qtbot, choose_header, window: MainWindow, monkeypatch,
                                                 tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    shown: list[str] = []
    monkeypatch.setattr(prompts, "show_error", lambda _w, _t, msg: shown.append(msg))
    before_images = _images(window)
    choose_header(_photo(tmp_path, "navy"))
    window.document.path = window.site.root / "_config.yml" / "x.md"  # cannot be written
    assert not window.save()
    assert shown
    assert _images(window) == before_images  # the image written first was taken back
    assert len(window.document.images) == 1  # still staged for the next try
    window.document.path = window.site.root / DUSK


def test_paste_header_image_from_clipboard(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    shot = QImage(300, 180, QImage.Format.Format_RGB32)
    shot.fill(QColor("crimson"))
    QApplication.clipboard().setImage(shot)
    with qtbot.waitSignal(window.form.imageStaged, timeout=10000) as blocker:
        window.form.image.paste_button.click()
    staged = blocker.args[0]
    assert window.document.post is not None
    assert window.document.post.get("image") == staged.rel_path
    assert not (window.site.root / staged.rel_path).exists()
    assert window.save()
    assert (window.site.root / staged.rel_path).read_bytes() == staged.data


def test_remove_header_image_removes_the_field(window: MainWindow) -> None:
    window.form.image.remove_button.click()
    assert window.save()
    assert b"\nimage:" not in (window.site.root / DUSK).read_bytes()
    # the image file stays: removing a field never deletes a file
    assert (window.site.root / "assets/images/d181bb55ee2ecae3cbcf7a9fe36cacb3.jpg").is_file()


def test_image_pasted_into_the_markdown_pane(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    editor = window.markdown.editor
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    shot = QImage(200, 120, QImage.Format.Format_RGB32)
    shot.fill(QColor("olive"))
    QApplication.clipboard().setImage(shot)
    before_images = _images(window)
    with qtbot.waitSignal(window.images.inline.imageReady, timeout=10000) as blocker:
        editor.setFocus()
        qtbot.keySequence(editor, QKeySequence.StandardKey.Paste)  # Ctrl+V
    image, ref = blocker.args
    text = window.markdown.text()
    assert text.endswith(ref.text)
    assert f"assets/images/{image.md5}.jpg" in ref.text
    # the alt text is selected for typing: type it
    qtbot.keyClicks(editor, "An olive square")
    assert "An olive square" in window.markdown.text()
    assert _images(window) == before_images
    assert window.save()
    assert (window.site.root / image.rel_path).read_bytes() == image.data
    assert f"{image.md5}.jpg".encode() in (window.site.root / DUSK).read_bytes()


def test_text_paste_still_pastes_text(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("plain words")
    window.markdown.editor.insertFromMimeData(mime)
    assert "plain words" in window.markdown.text()


def test_picture_dropped_on_the_preview_becomes_the_header(qtbot, window: MainWindow,
                                                           tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    from PySide6.QtCore import QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    photo = _photo(tmp_path, "gold")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    target = window.preview.browser.viewport()
    enter = QDragEnterEvent(
        target.rect().center(), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(target.rect().center()), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    with qtbot.waitSignal(window.form.imageStaged, timeout=10000) as blocker:
        QApplication.sendEvent(target, drop)
    assert window.document.post is not None
    assert window.document.post.get("image") == blocker.args[0].rel_path


def test_images_without_alt_text_are_flagged(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    editor = window.markdown.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText("\n![](/assets/images/x.jpg)\n")
    label = window.form.warnings_label
    qtbot.waitUntil(lambda: "no alt text" in label.text(), timeout=5000)
    editor.undo()
    qtbot.waitUntil(lambda: "no alt text" not in label.text(), timeout=5000)


def test_only_pictures_go_to_the_image_pipeline(tmp_path: Path) -> None:
    from PySide6.QtCore import QUrl

    from editor.ui.panes.markdown_pane import holds_image

    text_file, picture = tmp_path / "notes.txt", _photo(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(text_file))])
    assert not holds_image(mime)
    mime.setUrls([QUrl.fromLocalFile(str(picture))])
    assert holds_image(mime)
    plain = QMimeData()
    plain.setText("words")
    assert not holds_image(plain)


def _shown_image_file(window: MainWindow, md5: str) -> Path:
    """The local file the preview's <img> for image `md5` shows, loaded into its document."""
    import re

    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    found = re.search(rf'<img [^>]*src="(file:[^"]*{md5}\.jpg)"', window.preview.html())
    assert found, window.preview.html()[:2000]
    url = QUrl(found.group(1))
    resource = window.preview.browser.document().resource(
        QTextDocument.ResourceType.ImageResource.value, url
    )
    assert isinstance(resource, QImage) and not resource.isNull()
    return Path(url.toLocalFile())


def test_staged_header_image_shows_in_the_preview(qtbot, choose_header, window: MainWindow, monkeypatch,
                                                  tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    before_images = _images(window)
    staged = choose_header(_photo(tmp_path, "purple"))
    qtbot.waitUntil(lambda: f"{staged.md5}.jpg" in window.preview.html(), timeout=10000)
    assert "byline-image-missing" not in window.preview.html()
    shown = _shown_image_file(window, staged.md5)
    assert shown.read_bytes() == staged.data
    assert window.site.root not in shown.parents  # a copy outside the blog
    assert _images(window) == before_images  # nothing written into assets/images/
    # saved: the same image now comes from the site, and the copy goes with the window
    assert window.save()
    editor = window.markdown.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "!")  # the next render
    qtbot.waitUntil(
        lambda: (window.site.root / staged.rel_path).resolve().as_uri() in window.preview.html(),
        timeout=10000,
    )
    folder = window.images.copies.folder
    assert folder is not None and folder.is_dir()
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *a: prompts.Choice.DISCARD)
    window.close()
    assert not folder.exists()


def test_staged_inline_image_shows_in_the_preview(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    editor = window.markdown.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    shot = QImage(240, 160, QImage.Format.Format_RGB32)
    shot.fill(QColor("salmon"))
    QApplication.clipboard().setImage(shot)
    before_images = _images(window)
    with qtbot.waitSignal(window.images.inline.imageReady, timeout=10000) as blocker:
        editor.setFocus()
        qtbot.keySequence(editor, QKeySequence.StandardKey.Paste)
    image = blocker.args[0]
    qtbot.keyClicks(editor, "A salmon square")
    qtbot.waitUntil(lambda: f"{image.md5}.jpg" in window.preview.html(), timeout=10000)
    assert "missing image" not in window.preview.html()
    shown = _shown_image_file(window, image.md5)
    assert shown.read_bytes() == image.data
    assert window.site.root not in shown.parents
    assert _images(window) == before_images
