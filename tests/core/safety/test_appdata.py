import os
from pathlib import Path

import pytest

from editor.core import paths
from editor.core.safety.appdata import data_dir


def test_explicit_folder(tmp_path: Path) -> None:
    assert data_dir(tmp_path / "d") == tmp_path / "d"
    assert (tmp_path / "d").is_dir()


@pytest.mark.skipif(os.name == "nt", reason="the XDG folders are for Linux and other Unix")
def test_xdg_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert data_dir() == tmp_path / "data" / "Byline"
    assert (tmp_path / "data" / "Byline").is_dir()
    assert paths.cache_dir() == tmp_path / "cache" / "Byline"


@pytest.mark.skipif(os.name == "nt", reason="the XDG folders are for Linux and other Unix")
def test_relative_xdg_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", "relative")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert data_dir(create=False) == tmp_path / ".local" / "share" / "Byline"
    assert paths.cache_dir() == tmp_path / ".cache" / "Byline"


@pytest.mark.skipif(os.name == "nt", reason="checked with a faked macOS")
def test_macos_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "darwin")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.data_dir() == tmp_path / "Library" / "Application Support" / "Byline"
    assert paths.cache_dir() == tmp_path / "Library" / "Caches" / "Byline"
