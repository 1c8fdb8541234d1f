from pathlib import Path

import pytest

from editor.core.appdata import data_dir


def test_explicit_folder(tmp_path: Path) -> None:
    assert data_dir(tmp_path / "d") == tmp_path / "d"
    assert (tmp_path / "d").is_dir()


def test_xdg_data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert data_dir() == tmp_path / "byline"


def test_relative_xdg_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", "relative")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert data_dir(create=False) == tmp_path / ".local" / "share" / "byline"
