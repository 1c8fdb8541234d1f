"""Preview on the Site: the real `jekyll serve` on the sample blog, its page fetched locally."""

from __future__ import annotations

import shutil
import urllib.request

import pytest

from editor.ui.window.main_window import MainWindow

pytestmark = pytest.mark.jekyll


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # localhost only
        return str(response.read().decode("utf-8"))


def test_preview_on_the_site_serves_the_post_in_its_theme(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    if shutil.which("jekyll") is None:
        pytest.fail("jekyll is not installed (apt-get install jekyll ruby-kramdown)")
    preview = window.site_preview
    opened: list[str] = []
    preview.open_url = opened.append
    window.actions.preview_site.setChecked(True)
    qtbot.waitUntil(lambda: bool(opened), timeout=60000)
    url = opened[0]
    assert url.startswith("http://127.0.0.1:")
    assert url.endswith("/travel/stories/2025/09/12/dusk-on-the-ridge/")
    page = _fetch(url)
    assert "Dusk on the Ridge" in page
    assert "<html" in page and "assets/css" in page  # the site's own layout, not our preview
    assert preview.panel.isVisible()
    assert "Serving at" in preview.panel.state.text()
    # a save rebuilds it (Jekyll watches the files), and the new words are served
    window.markdown.editor.setPlainText("Freshly written on the ridge.\n")
    assert window.save()
    qtbot.waitUntil(lambda: "Freshly written" in _fetch(url), timeout=60000)
    assert "Regenerating" in preview.panel.log.toPlainText()
    # nothing of the build lands in the author's site
    assert not (window.site.root / "_site").exists()
    assert not (window.site.root / ".jekyll-cache").exists()
    # another site opened: this one's server stops (quitting stops it the same way)
    other = window.site.root.parent / "another-blog"
    shutil.copytree(window.site.root, other)
    assert window.open_site(other)
    assert not preview.server.running
    assert not window.actions.preview_site.isChecked()
    with pytest.raises(OSError):
        _fetch(url)


def test_without_jekyll_the_panel_says_how_to_get_it(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PATH", "/nonexistent")
    window.actions.preview_site.setChecked(True)
    assert "Jekyll is not installed" in window.site_preview.panel.state.text()
    assert not window.actions.preview_site.isChecked()
    assert not window.site_preview.server.running
