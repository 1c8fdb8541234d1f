"""The bundled sample blog: copied to the user's data folder on the very first start."""

from __future__ import annotations

import shutil
from pathlib import Path

from editor.core.errors import StorageError

SAMPLE_NAME = "sample-blog"


def install_sample_blog(source: Path, data_dir: Path) -> Path:
    """Copy the sample blog into `data_dir/sample-blog` unless a copy is already there."""
    target = data_dir / SAMPLE_NAME
    if (target / "_config.yml").is_file():
        return target
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copytree(source, target, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(".jekyll-cache", "_site"))  # fmt: skip
    except OSError as exc:
        raise StorageError(
            f"could not copy the sample blog to {target}: {exc}", path=str(target)
        ) from exc
    return target
