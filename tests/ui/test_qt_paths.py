"""The command line and the window use the same folders: one index cache, one history."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication

from editor.core import paths
from editor.ui.qt_paths import app_cache_dir, app_data_dir


@pytest.fixture
def named_as_byline(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The application named as `run_gui` names it."""
    before = QCoreApplication.applicationName(), QCoreApplication.organizationName()
    QCoreApplication.setApplicationName(paths.APP)
    QCoreApplication.setOrganizationName("")
    yield
    QCoreApplication.setApplicationName(before[0])
    QCoreApplication.setOrganizationName(before[1])


@pytest.mark.usefixtures("named_as_byline")
def test_core_folders_are_qts_folders() -> None:
    assert paths.cache_dir() == app_cache_dir()
    assert paths.data_dir() == app_data_dir()
