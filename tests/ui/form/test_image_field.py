"""The header image field: choose, paste, drop, remove; errors keep the previous image."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from editor.core.images.pipeline import ProcessedImage
from editor.ui.form.image_field import ImageField, human_size


def photo(path: Path, size: tuple[int, int] = (3000, 2000), orientation: int = 6) -> Path:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 12.5)}
    Image.new("RGB", size, (200, 60, 60)).save(path, "JPEG", exif=exif.tobytes())
    return path


@pytest.fixture
def field(qtbot: QtBot, tmp_path: Path) -> ImageField:
    widget = ImageField(cache_dir=tmp_path / "thumbs")
    qtbot.add_widget(widget)
    return widget


def choose_returns(monkeypatch: pytest.MonkeyPatch, path: Path | str) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "Images"))
    )


def test_choose_stages_a_processed_image(
    field: ImageField, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_returns(monkeypatch, photo(tmp_path / "IMG_0001.jpg"))
    with qtbot.waitSignal(field.imageStaged, timeout=10_000) as blocker:
        field.choose_button.click()
    image = blocker.args[0]
    assert isinstance(image, ProcessedImage)
    assert (image.width, image.height) == (1333, 2000)  # upright portrait, 2000 px tall at most
    assert field.staged() is image and field.rel_path() == image.rel_path
    assert field.path_label.full_text() == image.rel_path
    assert field.info_label.text() == f"1333 × 2000 px · {human_size(image.size)}"
    pixmap = field.thumbnail.pixmap()
    assert not pixmap.isNull() and pixmap.height() == 96
    assert not field.is_busy()
    assert not (tmp_path / "assets").exists()  # staged only: nothing written into any site


def test_cancelled_dialog_changes_nothing(
    field: ImageField, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_returns(monkeypatch, "")
    field.choose_button.click()
    assert field.staged() is None and not field.is_busy()


def test_paste_a_screenshot_from_the_clipboard(field: ImageField, qtbot: QtBot) -> None:
    shot = QImage(640, 400, QImage.Format.Format_ARGB32)
    shot.fill(QColor(0, 0, 0, 0))  # transparent: flattened onto white
    QApplication.clipboard().setImage(shot)
    with qtbot.waitSignal(field.imageStaged, timeout=10_000) as blocker:
        field.paste_button.click()
    image = blocker.args[0]
    assert (image.width, image.height) == (640, 400)
    with Image.open(io.BytesIO(image.data)) as im:
        assert im.getpixel((10, 10)) == (255, 255, 255)


def test_paste_without_a_picture_reports(field: ImageField, qtbot: QtBot) -> None:
    QApplication.clipboard().setText("just text")
    with qtbot.waitSignal(field.errorOccurred) as blocker:
        field.paste()
    assert "no picture" in blocker.args[0]


def test_drop_a_file(field: ImageField, qtbot: QtBot, tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo(tmp_path / "d.jpg", (300, 200), 1)))])
    assert field.can_accept(mime)
    event = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(field.imageStaged, timeout=10_000) as blocker:
        field.dropEvent(event)
    assert (blocker.args[0].width, blocker.args[0].height) == (300, 200)


def test_bad_file_reports_and_keeps_the_previous_image(
    field: ImageField, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_returns(monkeypatch, photo(tmp_path / "good.jpg", (400, 300), 1))
    with qtbot.waitSignal(field.imageStaged, timeout=10_000):
        field.choose()
    good = field.staged()
    before = field.info_label.text()
    bad = tmp_path / "holiday.heic"
    bad.write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\0" * 40)
    choose_returns(monkeypatch, bad)
    with qtbot.waitSignal(field.errorOccurred, timeout=10_000) as blocker:
        field.choose()
    assert blocker.args[0].startswith(f"{bad}: HEIC")
    assert field.staged() is good and field.info_label.text() == before


def test_remove(field: ImageField, qtbot: QtBot, tmp_path: Path) -> None:
    with qtbot.waitSignal(field.imageStaged, timeout=10_000):
        field.attach_file(photo(tmp_path / "a.jpg", (300, 200), 1))
    with qtbot.waitSignal(field.imageRemoved):
        field.remove_button.click()
    assert field.staged() is None and field.rel_path() is None
    assert not field.remove_button.isEnabled()


def test_set_image_shows_the_posts_image(field: ImageField, qtbot: QtBot, tmp_path: Path) -> None:
    site = tmp_path / "blog"
    (site / "assets/images").mkdir(parents=True)
    rel = "assets/images/0123456789abcdef0123456789abcdef.jpg"
    Image.new("RGB", (800, 400), (1, 2, 3)).save(site / rel, "JPEG")
    size = (site / rel).stat().st_size
    field.set_image(site, rel)
    assert field.rel_path() == rel and field.staged() is None
    qtbot.waitUntil(lambda: not field.is_busy(), timeout=10_000)
    assert field.info_label.text() == f"800 × 400 px · {human_size(size)}"
    assert field.thumbnail.pixmap().height() == 96
    field.set_image(site, "assets/images/missing.jpg")
    qtbot.waitUntil(lambda: not field.is_busy(), timeout=10_000)
    assert field.info_label.text().startswith("Cannot show it: cannot read the file")
    field.set_image(None, None)
    assert field.rel_path() is None and field.thumbnail.text() == "No image"


def test_set_image_shows_a_staged_image_from_its_bytes(
    field: ImageField, qtbot: QtBot, tmp_path: Path
) -> None:
    from editor.core.images.image_store import ImageStage
    from editor.core.images.pipeline import process_bytes

    buffer = io.BytesIO()
    Image.new("RGB", (640, 320), (9, 90, 9)).save(buffer, "PNG")
    image = process_bytes(buffer.getvalue(), name="recovered image")
    stage = ImageStage()  # the document's stage: finds `/assets/..` too
    stage.add(image)
    field.set_staged_lookup(stage.get)
    site = tmp_path / "blog"  # the image is in no file: staged, not saved yet
    field.set_image(site, "/" + image.rel_path)
    qtbot.waitUntil(lambda: not field.is_busy(), timeout=10_000)
    assert field.info_label.text() == f"640 × 320 px · {human_size(image.size)}"
    assert field.thumbnail.pixmap().height() == 96
    assert field.staged() is image and field.rel_path() == image.rel_path
    assert field.remove_button.isEnabled()
    assert not site.exists()


def test_a_newer_choice_wins(field: ImageField, qtbot: QtBot, tmp_path: Path) -> None:
    first = photo(tmp_path / "first.jpg", (3000, 2000), 1)
    second = photo(tmp_path / "second.jpg", (200, 100), 1)
    staged: list[ProcessedImage] = []
    field.imageStaged.connect(staged.append)
    field.attach_file(first)
    field.attach_file(second)
    qtbot.waitUntil(lambda: not field.is_busy(), timeout=10_000)
    field._runner.wait()
    QApplication.processEvents()
    assert [(i.width, i.height) for i in staged] == [(200, 100)]


def test_switching_posts_drops_a_pending_result(
    field: ImageField, qtbot: QtBot, tmp_path: Path
) -> None:
    staged: list[ProcessedImage] = []
    field.imageStaged.connect(staged.append)
    field.attach_file(photo(tmp_path / "slow.jpg", (3000, 2000), 1))
    assert field.is_busy()
    field.set_image(None, None)  # another post is opened meanwhile
    assert not field.is_busy()
    field._runner.wait()
    QApplication.processEvents()
    assert staged == [] and field.staged() is None and not field.is_busy()
